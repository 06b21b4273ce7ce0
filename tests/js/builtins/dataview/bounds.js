// Offsets are checked against the view, not the buffer.
var v = new DataView(new ArrayBuffer(8), 2, 4);
print(v.byteOffset, v.byteLength); // expect: 2 4
v.setUint8(3, 1);
try { v.getUint16(3); } catch (e) { print(e.name); } // expect: RangeError
try { v.getInt8(-1); } catch (e) { print(e.name); } // expect: RangeError
try { new DataView(new ArrayBuffer(4), 5); } catch (e) { print(e.name); } // expect: RangeError
try { new DataView({}); } catch (e) { print(e.name); } // expect: TypeError
DataView.prototype.getInt8.call(new Int8Array(4), 0); // expect runtime error: TypeError
