// Exceptions: throw, catch, finally, and errors the engine raises.
try { throw new Error("boom"); } catch (e) { print(e.message, e instanceof Error); } // expect: boom true
try { undefinedName; } catch (e) { print(e.name, e.message); } // expect: ReferenceError undefinedName is not defined
try { null.x; } catch (e) { print(e instanceof TypeError); } // expect: true
function f() { try { return 1; } finally { print("finally"); } }
print(f()); // expect: finally
// expect: 1
function deep(n) { return deep(n + 1); }
try { deep(0); } catch (e) { print(e.name); } // expect: RangeError
var e = new TypeError("x");
print(e.toString()); // expect: TypeError: x
null.f(); // expect runtime error: TypeError: Cannot read properties of null
