// A let or const read after its declaration in the same function needs no
// check; the cases where code can still reach it early keep theirs.
function after() { let a = 1; const b = a + 1; return a + b; }
print(after()); // expect: 3
function loopHead() { let s = 0; for (let i = 0; i < 4; i++) s += i; return s; }
print(loopHead()); // expect: 6
function inSwitch(k) {
  switch (k) {
    case 0:
      let v = "set";
      return v;
    case 1:
      try { return v; } catch (e) { return e.constructor.name; }
  }
}
print(inSwitch(0)); // expect: set
print(inSwitch(1)); // expect: ReferenceError
function forOfHead() {
  try { for (let x of [x]) {} } catch (e) { return e.constructor.name; }
}
print(forOfHead()); // expect: ReferenceError
function forOfBody() { let r = []; for (const x of [1, 2]) r.push(x * 2); return r.join(); }
print(forOfBody()); // expect: 2,4
function selfInit() { try { let y = y + 1; return y; } catch (e) { return e.constructor.name; } }
print(selfInit()); // expect: ReferenceError
function sameStatement() { try { let p = 1, q = r, r = 2; return q; } catch (e) { return e.constructor.name; } }
print(sameStatement()); // expect: ReferenceError
function closureEarly() {
  const get = () => late;
  let early;
  try { early = get(); } catch (e) { early = e.constructor.name; }
  let late = 5;
  return early + "," + get();
}
print(closureEarly()); // expect: ReferenceError,5
function loopReentry() {
  let out = [];
  for (let n = 0; n < 2; n++) {
    try { out.push(typeof w === "undefined" ? "u" : w); } catch (e) { out.push("tdz"); }
    let w = n;
    out.push(w);
  }
  return out.join();
}
print(loopReentry()); // expect: tdz,0,tdz,1
function assignAfter() { let z = 1; z = z + 1; return z; }
print(assignAfter()); // expect: 2
function constAssign() { const c = 1; try { c = 2; } catch (e) { return e.constructor.name; } }
print(constAssign()); // expect: TypeError
class K { static m() { return 1; } }
print(K.m()); // expect: 1
