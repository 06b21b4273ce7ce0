// return and throw in each state: suspended at the start, suspended at a
// yield (where finally blocks run and the return value is awaited),
// while executing (queued), and after completion.
const show = (label) => (r) => print(label, JSON.stringify(r));
const fail = (label) => (e) => print(label, "rejected", e);

async function* g() {
  try {
    yield 1;
    yield 2;
  } finally {
    print("finally");
  }
}

// Suspended at the start: return settles without running the body, and
// awaits its value.
let a = g();
a.return(Promise.resolve("early")).then(show("start-return"));
a.next().then(show("start-next-after"));

// Suspended at the start: throw rejects and completes the generator.
let b = g();
b.throw(new Error("boom")).catch(e => print("start-throw", e.message));
b.next().then(show("after-throw"));

// Suspended at a yield: return runs the finally block.
let c = g();
c.next().then(show("c1"));
c.return("stop").then(show("c-return"));
c.next().then(show("c-after"));

// Suspended at a yield: throw inside try without catch runs finally and
// rejects.
let d = g();
d.next().then(show("d1"));
d.throw(new RangeError("bad")).catch(e => print("d-throw", e.name));

// Completed: return still awaits, a rejected value rejects.
let e = g();
e.return(Promise.reject("why")).catch(x => print("e-return", x));

// A rejected return value while suspended at a yield is thrown into the
// body, where it can be caught.
async function* h() {
  try { yield 1; } catch (x) { print("caught in body", x); yield "recovered"; }
}
let f = h();
f.next().then(show("f1"));
f.return(Promise.reject("nope")).then(show("f-return"));
// expect: start-throw boom
// expect: after-throw {"done":true}
// expect: finally
// expect: start-return {"value":"early","done":true}
// expect: start-next-after {"done":true}
// expect: c1 {"value":1,"done":false}
// expect: finally
// expect: d1 {"value":1,"done":false}
// expect: d-throw RangeError
// expect: e-return why
// expect: f1 {"value":1,"done":false}
// expect: caught in body nope
// expect: c-return {"value":"stop","done":true}
// expect: c-after {"done":true}
// expect: f-return {"value":"recovered","done":false}
