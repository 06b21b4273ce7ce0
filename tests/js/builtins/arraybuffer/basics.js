// new ArrayBuffer(n): n zeroed bytes.
var b = new ArrayBuffer(5);
print(b.byteLength, new Uint8Array(b).join()); // expect: 5 0,0,0,0,0
print(new ArrayBuffer().byteLength, new ArrayBuffer("3").byteLength); // expect: 0 3
print(Object.prototype.toString.call(b), ArrayBuffer.length); // expect: [object ArrayBuffer] 1
try { new ArrayBuffer(-1); } catch (e) { print(e.name); } // expect: RangeError
try { new ArrayBuffer(9007199254740992); } catch (e) { print(e.name); } // expect: RangeError
ArrayBuffer(1); // expect runtime error: TypeError
