// Generators: yield, resumption values, return and throw, finally blocks.
function* g(a) { const x = yield a; print("got", x); try { yield 2; } finally { print("cleanup"); } return 3; }
const it = g(1);
print(it.next().value); // expect: 1
print(it.next("sent").value); // expect: got sent
// expect: 2
print(it.return(9).value, it.next().done); // expect: cleanup
// expect: 9 true
function* nat() { let i = 0; while (true) yield i++; }
for (const v of nat()) { if (v > 2) break; print(v); } // expect: 0
// expect: 1
// expect: 2
const gt = g(5);
gt.next();
try { gt.throw(new Error("boom")); } catch (e) { print("thrown", e.message); } // expect: thrown boom
print(Object.prototype.toString.call(g(0))); // expect: [object Generator]
const running = (function* self() { running.next(); })();
running.next(); // expect runtime error: TypeError: Generator is already running
