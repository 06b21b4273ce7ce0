// Parameters with defaults are bound left to right: reading one before
// its turn (later, or itself) is a ReferenceError, even from a closure.
function later(a = b, b) {}
try { later(); } catch (e) { print(e.name); } // expect: ReferenceError
function self(a = a) {}
try { self(); } catch (e) { print(e.name); } // expect: ReferenceError
function closure(a = () => b, b = a()) {}
try { closure(); } catch (e) { print(e.name); } // expect: ReferenceError
// Earlier parameters are fine, and closures see later updates.
function earlier(a, b = a + 1) { return b; }
print(earlier(1)); // expect: 2
function updated(a = 1, b = () => a) { a = 5; return b(); }
print(updated()); // expect: 5
print(((x, y = x * 2) => y)(4)); // expect: 8
// A passed argument is not a default: no read happens.
print(later(1, 2)); // expect: undefined
// Generators throw at the call; async functions reject.
function* gen(a = b, b) {}
try { gen(); } catch (e) { print("gen", e.name); } // expect: gen ReferenceError
async function af(a = b, b) {}
af().catch(e => print("async", e.name)); // expect: async ReferenceError
var arrow = (x = y, y) => x;
arrow(); // expect runtime error: ReferenceError
