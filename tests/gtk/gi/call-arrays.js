// C arrays: with a length argument (hidden from JS), zero-terminated;
// in, out and returned.
const {GLib} = imports.gi;
const encoded = GLib.base64_encode([104, 105, 33]);
print(encoded);                                   // expect: aGkh
const decoded = GLib.base64_decode(encoded);      // out length
print(decoded.join(','));                         // expect: 104,105,33
print(GLib.base64_encode('hi!'));                 // expect: aGkh
const dirs = GLib.get_system_data_dirs();         // zero-terminated, none
print(Array.isArray(dirs), dirs.length > 0, typeof dirs[0]); // expect: true true string
print(GLib.build_filenamev(['usr', 'lib']));      // expect: usr/lib
print(GLib.build_pathv(':', ['a', 'b']));         // expect: a:b
print(GLib.compute_checksum_for_data(GLib.ChecksumType.MD5, [97, 98, 99])); // expect: 900150983cd24fb0d6963f7d28e17f72
print(GLib.compute_checksum_for_data(GLib.ChecksumType.MD5, [])); // expect: d41d8cd98f00b204e9800998ecf8427e
try {
  GLib.build_filenamev('abc');
} catch (e) {
  print(e.name);                                  // expect: TypeError
}
try {
  GLib.build_filenamev(null);
} catch (e) {
  print(e.message.includes('may not be null'));   // expect: true
}
