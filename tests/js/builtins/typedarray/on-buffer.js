// Views on an ArrayBuffer share its bytes.
var buf = new ArrayBuffer(8);
var u8 = new Uint8Array(buf);
var u32 = new Uint32Array(buf, 4, 1);
u32[0] = 0x01020304;
print(u8.join()); // expect: 0,0,0,0,4,3,2,1
print(u32.byteOffset, u32.byteLength, u32.length, u32.buffer === buf); // expect: 4 4 1 true
print(new Uint16Array(buf, 2).length); // expect: 3
try { new Uint32Array(buf, 2); } catch (e) { print(e.name); } // expect: RangeError
try { new Uint32Array(buf, 4, 2); } catch (e) { print(e.name); } // expect: RangeError
try { new Uint16Array(new ArrayBuffer(3)); } catch (e) { print(e.name); } // expect: RangeError
