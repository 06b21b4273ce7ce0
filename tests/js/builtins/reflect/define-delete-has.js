// Reflect.defineProperty, deleteProperty and has answer booleans.
var o = {};
print(Reflect.defineProperty(o, "a", { value: 1 })); // expect: true
print(Reflect.defineProperty(o, "a", { value: 2 })); // expect: false
print(Reflect.deleteProperty(o, "a"), Reflect.deleteProperty(o, "nothing")); // expect: false true
print(Reflect.has(o, "a"), Reflect.has(o, "toString"), Reflect.has([], "length")); // expect: true true true
print(Reflect.defineProperty(Object.preventExtensions({}), "x", {})); // expect: false
Reflect.has("str", "length"); // expect runtime error: TypeError
