// import () of a module that awaits resolves once it has run, and a
// module importing itself waits for its own evaluation.
var results = [];
var a = import("./tla_FIXTURE.mjs").then(ns => results.push("tla " + ns.default + " " + ns.y));
var b = import("./tla-dynamic.mjs").then(ns => results.push("self " + ns.done));
export let done = false;
await null;
done = true;
var c = import("./rejecting_FIXTURE.mjs").catch(e => results.push("rejected " + e.message));
Promise.all([a, b, c]).then(() => print(results.sort().join(", ")));
// expect: rejected boom, self true, tla 42 39
