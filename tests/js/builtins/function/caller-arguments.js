// The legacy caller and arguments properties: plain sloppy functions own
// them (null, frozen); strict functions, arrows, methods, classes and
// generators do not, and reach Function.prototype's %ThrowTypeError%.
function sloppy() { return sloppy.caller; }
print(sloppy()); // expect: null
print(Object.getOwnPropertyNames(sloppy).join()); // expect: length,name,arguments,caller,prototype
var d = Object.getOwnPropertyDescriptor(sloppy, "caller");
print(d.value, d.writable, d.enumerable, d.configurable); // expect: null false false false
function strict() { "use strict"; }
print(strict.hasOwnProperty("caller"), (() => 1).hasOwnProperty("arguments")); // expect: false false
print(({ m() {} }).m.hasOwnProperty("caller")); // expect: false
print((function* () {}).hasOwnProperty("caller"), class {}.hasOwnProperty("caller")); // expect: false false
try { strict.caller; } catch (e) { print(e.name); } // expect: TypeError
try { strict.arguments = 1; } catch (e) { print(e.name); } // expect: TypeError
// %ThrowTypeError% is one frozen function with an empty name.
var tte = Object.getOwnPropertyDescriptor(Function.prototype, "caller").get;
print(tte === Object.getOwnPropertyDescriptor(Function.prototype, "arguments").set); // expect: true
print(Object.isFrozen(tte), tte.length, JSON.stringify(tte.name)); // expect: true 0 ""
print(Object.getOwnPropertyDescriptor(tte, "name").configurable); // expect: false
tte(); // expect runtime error: TypeError
