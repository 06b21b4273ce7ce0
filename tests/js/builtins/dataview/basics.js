// DataView reads and writes any type at any offset, big-endian unless
// asked otherwise.
var b = new ArrayBuffer(16);
var v = new DataView(b);
v.setUint16(0, 0x1234);
print(v.getUint8(0), v.getUint8(1), v.getUint16(0), v.getUint16(0, true)); // expect: 18 52 4660 13330
v.setInt32(2, -2, true);
print(v.getInt32(2, true), v.getUint32(2, true), v.getInt8(2)); // expect: -2 4294967294 -2
v.setFloat64(8, Math.PI);
print(v.getFloat64(8), v.getFloat64(8, true) === Math.PI); // expect: 3.141592653589793 false
v.setFloat32(4, 1.5, true);
print(v.getFloat32(4, true)); // expect: 1.5
print(v.byteLength, v.byteOffset, v.buffer === b); // expect: 16 0 true
