// buffer, byteLength, byteOffset, length and Symbol.toStringTag.
var t = new Float32Array(new ArrayBuffer(16), 4, 2);
print(t.length, t.byteLength, t.byteOffset, t.buffer.byteLength); // expect: 2 8 4 16
print(t[Symbol.toStringTag], Object.prototype.toString.call(t)); // expect: Float32Array [object Float32Array]
var get = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), Symbol.toStringTag).get;
print(get.call({}), get.call([])); // expect: undefined undefined
var len = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), "length").get;
len.call({}); // expect runtime error: TypeError
