// Bytes: guint8 arrays are Uint8Arrays both ways; GLib.Bytes converts.
const {GLib} = imports.gi;
const [ok, contents] = GLib.file_get_contents('/proc/self/stat');
print(ok, contents instanceof Uint8Array, contents.length > 0); // expect: true true true
print(GLib.base64_encode(new Uint8Array([104, 105, 33])));      // expect: aGkh
const decoded = GLib.base64_decode('aGkh');
print(decoded instanceof Uint8Array, decoded.join(','));        // expect: true 104,105,33
const b = new GLib.Bytes(new Uint8Array([1, 2, 3]));
print(b.get_size(), b.toArray().join(','));                      // expect: 3 1,2,3
print(GLib.compute_checksum_for_bytes(GLib.ChecksumType.MD5, new Uint8Array([97, 98, 99]))); // expect: 900150983cd24fb0d6963f7d28e17f72
print(GLib.compute_checksum_for_bytes(GLib.ChecksumType.MD5, 'abc')); // expect: 900150983cd24fb0d6963f7d28e17f72
print(new TextDecoder().decode(GLib.base64_decode('aMOpbGxv')));  // expect: héllo
