// imports.byteArray with GLib.Bytes: fromGBytes and toGBytes.
const ByteArray = imports.byteArray;
const {GLib} = imports.gi;
const bytes = ByteArray.toGBytes(ByteArray.fromString('héllo'));
print(bytes instanceof GLib.Bytes, bytes.get_size());     // expect: true 6
const back = ByteArray.fromGBytes(bytes);
print(back instanceof Uint8Array, back.toString());       // expect: true héllo
print(ByteArray.toString(ByteArray.fromGBytes(new GLib.Bytes(new Uint8Array(0)))) === ''); // expect: true
// The old ByteArray's own toGBytes.
print(ByteArray.fromArray([1, 2, 3]).toGBytes().toArray().join(',')); // expect: 1,2,3
// A copy: changing it leaves the GLib.Bytes alone.
back[0] = 72;
print(ByteArray.toString(ByteArray.fromGBytes(bytes)));   // expect: héllo
try {
    ByteArray.fromGBytes(new Uint8Array(2));
} catch (e) {
    print(e.name, e.message);                             // expect: TypeError byteArray.fromGBytes: the argument must be a GLib.Bytes
}
