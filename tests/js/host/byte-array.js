// imports.byteArray, GJS's legacy byte array module (no GLib.Bytes here:
// the GI tests cover fromGBytes and toGBytes).
const ByteArray = imports.byteArray;
print(ByteArray.__moduleName__, ByteArray.__parentModule__ === imports); // expect: byteArray true

// fromString / toString round trips, UTF-8 by default.
const a = ByteArray.fromString('héllo wörld ✓');
print(a instanceof Uint8Array, a.length);                  // expect: true 17
print(Array.from(a.subarray(0, 3)).join(','));             // expect: 104,195,169
print(ByteArray.toString(a));                              // expect: héllo wörld ✓
print(ByteArray.toString(a, 'UTF-8') === ByteArray.toString(a, 'utf8')); // expect: true
// The old ByteArray's toString method, on what fromString returns.
print(a.toString());                                       // expect: héllo wörld ✓
print(ByteArray.fromString('').length, ByteArray.toString(new Uint8Array(0)) === ''); // expect: 0 true
// Astral characters and lone surrogates (which become U+FFFD).
print(ByteArray.toString(ByteArray.fromString('a😀b')));   // expect: a😀b
print(Array.from(ByteArray.fromString('\ud800')).join(',')); // expect: 239,191,189
// toString stops at the first NUL byte.
print(ByteArray.toString(new Uint8Array([97, 98, 0, 99]))); // expect: ab
// Other decodings TextDecoder knows.
print(ByteArray.toString(new Uint8Array([0xe9, 0x74, 0xe9]), 'latin1')); // expect: été

// fromArray: the old ByteArray wrapper, which grows when written past
// its end.
const b = ByteArray.fromArray([104, 105]);
print(b.length, b[0], b[1], b.toString());                 // expect: 2 104 105 hi
b[3] = 33;
print(b.length, b[2], b.toString());                       // expect: 4 0 hi
b.length = 1;
print(b.length, b.toString());                             // expect: 1 h

// Errors.
for (const f of [
    () => ByteArray.fromString('x', 'latin1'),
    () => ByteArray.fromString(42),
    () => ByteArray.toString('not bytes'),
    () => ByteArray.toString(new Uint8Array([0xff, 0xfe])),
    () => ByteArray.toString(new Uint8Array([97]), 'no-such-encoding'),
    () => ByteArray.toGBytes([1, 2]),
]) {
    try {
        f();
        print('no error');
    } catch (e) {
        print(e.name, e.message);
    }
}
// expect: TypeError byteArray.fromString: encoding 'latin1' is not supported (only UTF-8 is)
// expect: TypeError byteArray.fromString: the argument must be a string
// expect: TypeError byteArray.toString: the argument must be a Uint8Array
// expect: TypeError The data is not valid utf-8
// expect: RangeError The encoding 'no-such-encoding' is not supported
// expect: TypeError byteArray.toGBytes: the argument must be a Uint8Array
