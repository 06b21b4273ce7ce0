// Optional chaining short-circuits the whole chain.
var o = { a: { b: () => "called", c: null }, arr: [10] };
print(o?.a?.b(), o.x?.y.z, o.a.c?.d, o.arr?.[0]); // expect: called undefined undefined 10
print(o.nope?.(), o.a.b?.()); // expect: undefined called
var n = null;
print(n?.x, n?.[0], n?.()); // expect: undefined undefined undefined
// The receiver is kept for calls.
var counter = { n: 0, inc() { return ++this.n; } };
print(counter?.inc(), counter.inc?.(), (counter?.inc)()); // expect: 1 2 3
// Short-circuiting skips argument evaluation.
var evaluated = false;
n?.f((evaluated = true));
print(evaluated); // expect: false
print(delete n?.x, delete o?.arr); // expect: true true
try { o.a.c.d; } catch (e) { print(e.name); } // expect: TypeError
