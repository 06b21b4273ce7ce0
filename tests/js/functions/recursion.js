// Deep recursion works up to a limit, then raises RangeError, and the
// engine keeps working afterwards.
function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }
print(depth(5000)); // expect: 5000
function forever() { return forever(); }
try { forever(); } catch (e) { print(e instanceof RangeError); } // expect: true
var mutual = { a(n) { return n ? this.b(n - 1) : "a"; }, b(n) { return n ? this.a(n - 1) : "b"; } };
print(mutual.a(1001)); // expect: b
// Recursion through a getter and through toString also stops cleanly.
var g = { get x() { return this.x; } };
try { g.x; } catch (e) { print(e.name); } // expect: RangeError
var t = { toString() { return "" + this; } };
try { String(t); } catch (e) { print(e.name); } // expect: RangeError
print("still alive"); // expect: still alive
