// TextEncoder and TextDecoder.
const enc = new TextEncoder();
const bytes = enc.encode('héllo €');
print(bytes instanceof Uint8Array, bytes.length, enc.encoding); // expect: true 10 utf-8
print(new TextDecoder().decode(bytes));                          // expect: héllo €
print(enc.encode().length);                                      // expect: 0
// The BOM goes; a NUL byte stays; invalid bytes become U+FFFD.
const odd = new TextDecoder().decode(new Uint8Array([0xEF, 0xBB, 0xBF, 104, 0, 105, 0xFF]));
print(odd.length, odd.charCodeAt(1), odd.charCodeAt(3).toString(16)); // expect: 4 0 fffd
print(new TextDecoder('utf-8', {ignoreBOM: true}).decode(new Uint8Array([0xEF, 0xBB, 0xBF])).length); // expect: 1
try {
  new TextDecoder('utf-8', {fatal: true}).decode(new Uint8Array([0xFF]));
} catch (e) {
  print(e.name);                                                 // expect: TypeError
}
print(new TextDecoder('utf-16le').decode(new Uint8Array([104, 0, 105, 0]))); // expect: hi
print(new TextDecoder('latin1').decode(new Uint8Array([233])));  // expect: é
print(new TextDecoder('latin1').encoding);                        // expect: windows-1252
print(new TextDecoder().decode(new Uint8Array([104, 105]).buffer)); // expect: hi
const into = new Uint8Array(4);
print(JSON.stringify(enc.encodeInto('aé€', into)), into[0]);     // expect: {"read":2,"written":3} 97
try {
  new TextDecoder('klingon');
} catch (e) {
  print(e.name, e.message);          // expect: RangeError The encoding 'klingon' is not supported
}
