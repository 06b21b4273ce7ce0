// slice copies a range of bytes into a new buffer.
var b = new ArrayBuffer(6);
new Uint8Array(b).set([1, 2, 3, 4, 5, 6]);
print(new Uint8Array(b.slice(2)).join(), new Uint8Array(b.slice(-2, 5)).join()); // expect: 3,4,5,6 5
print(b.slice(4, 1).byteLength, b.slice().byteLength); // expect: 0 6
var s = b.slice(0, 1);
new Uint8Array(s)[0] = 99;
print(new Uint8Array(b)[0]); // expect: 1
