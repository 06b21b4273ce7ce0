// getOwnPropertyDescriptor(s) build fresh descriptor objects.
var o = { a: 1 };
Object.defineProperty(o, "b", { get: function () { return 2; }, enumerable: true });
var all = Object.getOwnPropertyDescriptors(o);
print(all.a.value, all.a.writable, typeof all.b.get, all.b.set, all.b.enumerable); // expect: 1 true function undefined true
print(Object.getOwnPropertyDescriptor(o, "zz")); // expect: undefined
var d = Object.getOwnPropertyDescriptor("abc", 1);
print(d.value, d.writable, d.enumerable, d.configurable); // expect: b false true false
var k = Object.keys(Object.getOwnPropertyDescriptor(o, "a"));
print(k[0], k[1], k[2], k[3]); // expect: value writable enumerable configurable
Object.getOwnPropertyDescriptor(null, "a"); // expect runtime error: TypeError
