// freeze, seal, preventExtensions and their tests.
var o = { a: 1, get g() { return 2; } };
Object.seal(o);
print(Object.isSealed(o), Object.isFrozen(o), Object.isExtensible(o)); // expect: true false false
o.a = 5;
delete o.a;
print(o.a); // expect: 5
Object.freeze(o);
print(Object.isFrozen(o)); // expect: true
var d = Object.getOwnPropertyDescriptor(o, "g");
print(typeof d.get, d.configurable); // expect: function false
print(Object.isFrozen(1), Object.isSealed("x"), Object.isExtensible(1)); // expect: true true false
print(Object.freeze(7), Object.seal(null), Object.preventExtensions("s")); // expect: 7 null s
var e = Object.preventExtensions({ x: 1 });
e.y = 2;
print(e.y, Object.isSealed(e), Object.isSealed(Object.preventExtensions({}))); // expect: undefined false true
var arr = Object.freeze([1, 2]);
print(Object.isFrozen(arr), arr.length); // expect: true 2
function f(a, b) {}
Object.freeze(f);
print(Object.isFrozen(f), f.length, f.name); // expect: true 2 f
(function () { "use strict"; arr[0] = 9; })(); // expect runtime error: TypeError
