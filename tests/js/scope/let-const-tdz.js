// let and const are block scoped, with a temporal dead zone.
{
  let a = 1;
  { let a = 2; print(a); } // expect: 2
  print(a); // expect: 1
}
try { x; let x = 1; } catch (e) { print(e.name); } // expect: ReferenceError
function readBefore() { return y; }
try { readBefore(); } catch (e) { print(e.name); } // expect: ReferenceError
let y = 5;
print(readBefore()); // expect: 5
const c = 3;
try { c = 4; } catch (e) { print(e.name); } // expect: TypeError
print(c); // expect: 3
// typeof does not shield the dead zone.
try { typeof z; let z; } catch (e) { print(e.name); } // expect: ReferenceError
print(typeof notDeclaredAnywhere); // expect: undefined
// A closure made in the zone sees the later initialisation.
{
  const f = () => w;
  let w = "late";
  print(f()); // expect: late
}
// switch cases share one block.
switch (1) {
  case 0: let s = "zero";
  case 1: try { print(s); } catch (e) { print(e.name); } // expect: ReferenceError
}
