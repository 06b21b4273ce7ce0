// Object.prototype's methods.
var o = { a: 1 };
Object.defineProperty(o, "h", { value: 1 });
print(o.hasOwnProperty("a"), o.hasOwnProperty("toString")); // expect: true false
print(o.propertyIsEnumerable("a"), o.propertyIsEnumerable("h")); // expect: true false
print(Object.prototype.isPrototypeOf(o), o.isPrototypeOf(o), Array.prototype.isPrototypeOf([])); // expect: true false true
print(Object.prototype.isPrototypeOf.call(null, 1)); // expect: false
print(o.valueOf() === o, typeof Object.prototype.valueOf.call(1)); // expect: true object
print(o.toLocaleString()); // expect: [object Object]
var t = { toString: function () { return "mine"; } };
print(t.toLocaleString()); // expect: mine
Object.prototype.hasOwnProperty.call(null, "a"); // expect runtime error: TypeError
