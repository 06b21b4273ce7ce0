// A DataView on a detached buffer throws on every access.
// flags: --test262
var b = new ArrayBuffer(4);
var v = new DataView(b);
$262.detachArrayBuffer(b);
try { v.byteLength; } catch (e) { print(e.name); } // expect: TypeError
try { v.getInt8(0); } catch (e) { print(e.name); } // expect: TypeError
print(v.buffer === b); // expect: true
