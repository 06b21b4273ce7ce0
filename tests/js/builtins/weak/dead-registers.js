// A frame that lives on (an async function at an await, a generator at a
// yield) keeps only its live registers: objects made in a loop, or passed
// in a call, and dropped are collected once their job is over.
var fromLoop, fromCall, fromGen, kept, keep;
function consume(a, b) {}
async function f() {
  for (let i = 0; i < 3; i++) {
    let a = i, b = [i], o = { i };
    if (i == 2) fromLoop = new WeakRef(o);
  }
  consume(new Array(10).fill(0).map(() => ({})),
          (fromCall = new WeakRef({ tmp: 1 })).deref());
  keep = { k: 1 };
  kept = new WeakRef(keep);
  await null;
  gc();
  print(fromLoop.deref(), fromCall.deref()); // expect: undefined undefined
  print(kept.deref() === keep); // expect: true
  var it = g();
  it.next();
  await null;
  gc();
  print(fromGen.deref()); // expect: undefined
  print(it.next().value); // expect: 3
}
function* g() {
  var n = 0;
  for (var i = 0; i < 3; i++) {
    let o = { i };
    fromGen = new WeakRef(o);
    n++;
  }
  yield 1;
  return n;
}
f();
