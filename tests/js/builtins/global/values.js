// The value properties of the global object: globalThis, NaN, Infinity
// and undefined, and the global functions isNaN and isFinite (which
// convert, unlike Number.isNaN and Number.isFinite).
print(globalThis === this, typeof globalThis); // expect: true object
var d = Object.getOwnPropertyDescriptor(globalThis, "globalThis");
print(d.writable, d.enumerable, d.configurable); // expect: true false true
var names = ["NaN", "Infinity", "undefined"];
for (var i = 0; i < names.length; i++) {
  d = Object.getOwnPropertyDescriptor(globalThis, names[i]);
  print(names[i], d.writable, d.enumerable, d.configurable);
}
// expect: NaN false false false
// expect: Infinity false false false
// expect: undefined false false false
NaN = 1;
print(NaN !== NaN); // expect: true
print(isNaN("abc"), isNaN("12"), Number.isNaN("abc")); // expect: true false false
print(isFinite("1e3"), isFinite(Infinity), Number.isFinite("1")); // expect: true false false
print(isNaN({ valueOf: function () { return 1; } })); // expect: false
try { isNaN(Symbol()); } catch (e) { print(e.name); } // expect: TypeError
try { isFinite(1n); } catch (e) { print(e.name); } // expect: TypeError
(function () { "use strict"; Infinity = 0; })(); // expect runtime error: TypeError
