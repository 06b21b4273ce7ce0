"use strict";
// Strict mode: no implicit globals, no writes to read-only values,
// no deleting unqualified names, this undefined in plain calls.
try { undeclared = 1; } catch (e) { print(e.name); } // expect: ReferenceError
try { NaN = 1; } catch (e) { print(e.name); } // expect: TypeError
try { "str".length = 1; } catch (e) { print(e.name); } // expect: TypeError
try { Object.preventExtensions({}).x = 1; } catch (e) { print(e.name); } // expect: TypeError
print((function () { return this; })()); // expect: undefined
// eval has its own variable scope in strict code.
eval("var fromEval = 1");
print(typeof fromEval); // expect: undefined
// arguments does not alias parameters.
function f(a) { arguments[0] = 2; return a; }
print(f(1)); // expect: 1
