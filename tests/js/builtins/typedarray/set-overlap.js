// set between views of one buffer of different types reads all first.
var buf = new ArrayBuffer(8);
var u8 = new Uint8Array(buf);
u8.set([1, 2, 3, 4]);
var u16 = new Uint16Array(buf);
u16.set(u8.subarray(0, 4));
print(Array.from(u16.subarray(0, 4)).join()); // expect: 1,2,3,4
