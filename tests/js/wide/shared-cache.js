// More than 65,535 cached instructions in one function: the ones past
// that share a cache that never caches, for loads, stores, globals and
// calls alike.
// gc-stress-every: 200000
var N = 70000;
var src = ["var o = { a: 1, b: 2 }, t = 0;"];
for (var i = 0; i < N; i++)
  src.push(i % 3 == 0 ? "t += o.a;" : i % 3 == 1 ? "o.b = t;" : "t += gv;");
src.push("return [t, o.b, Math.max(1, 2)];");
globalThis.gv = 1;
var f = new Function(src.join("\n"));
print(f().join()); // expect: 46667,46665,2
globalThis.gv = 2;
print(f().join()); // expect: 70000,69997,2
