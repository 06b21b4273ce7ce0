// A detached buffer leaves its views empty and their methods failing.
// flags: --test262
var t = new Uint8Array([1, 2, 3]);
$262.detachArrayBuffer(t.buffer);
print(t.length, t.byteLength, t.byteOffset, t[0], 0 in t); // expect: 0 0 0 undefined false
print(t.buffer.byteLength); // expect: 0
t[0] = 5;
print(t[0]); // expect: undefined
try { t.join(); } catch (e) { print(e.name); } // expect: TypeError
try { new Uint8Array(t.buffer); } catch (e) { print(e.name); } // expect: TypeError
t.fill(0); // expect runtime error: TypeError
