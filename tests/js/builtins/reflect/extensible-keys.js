// Reflect's extensibility, prototype and key functions.
var o = { b: 1, 0: 2, [Symbol.iterator]: 3 };
var k = Reflect.ownKeys(o);
print(k.length, k[0], k[1], typeof k[2]); // expect: 3 0 b symbol
print(Reflect.isExtensible(o), Reflect.preventExtensions(o), Reflect.isExtensible(o)); // expect: true true false
print(Reflect.setPrototypeOf(o, null)); // expect: false
print(Reflect.setPrototypeOf({}, null), Reflect.getPrototypeOf([]) === Array.prototype); // expect: true true
var a = {}, b = Object.create(a);
print(Reflect.setPrototypeOf(a, b)); // expect: false
var d = Reflect.getOwnPropertyDescriptor({ x: 1 }, "x");
print(d.value, d.writable); // expect: 1 true
print(Object.prototype.toString.call(Reflect), typeof Reflect); // expect: [object Reflect] object
Reflect.setPrototypeOf({}, 1); // expect runtime error: TypeError
