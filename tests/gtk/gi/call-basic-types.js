// Calls with basic types: numbers, booleans, strings, filenames, GTypes.
const {GLib, GObject} = imports.gi;
print(GLib.get_monotonic_time() > 0);             // expect: true
print(GLib.unichar_isdigit('7'), GLib.unichar_isdigit('x')); // expect: true false
print(GLib.unichar_toupper('é'));                 // expect: É
print(GLib.ascii_strtoll('  -42', 10)[0]);        // expect: -42
print(GLib.ascii_dtostr ? 'ok' : 'no');           // expect: ok
print(GLib.path_get_basename('/usr/share/doc'));  // expect: doc
print(GLib.path_is_absolute('/x'), GLib.path_is_absolute('x')); // expect: true false
print(GLib.strdup('héllo wörld'));                // expect: héllo wörld
print(GLib.utf8_strlen('héllo', -1));             // expect: 5
print(GLib.utf8_strreverse('abc', -1));           // expect: cba
print(GLib.str_has_prefix('gscript', 'gs'));      // expect: true
print(GLib.getenv('GSCRIPT_SURELY_UNSET_VAR'));   // expect: null
print(GObject.type_name(GObject.TYPE_STRING));    // expect: gchararray
print(GLib.MAXINT32, GLib.MININT8);               // expect: 2147483647 -128
print(GLib.random_int_range(5, 6));               // expect: 5
print(GLib.ascii_strup('abc', -1));               // expect: ABC
try {
  GLib.path_get_basename(42);
} catch (e) {
  print(e.name, e.message); // expect: TypeError Expected type a filename for argument but got type 'number' (argument 'file_name' of GLib.path_get_basename)
}
try {
  GLib.str_has_prefix('only one');
} catch (e) {
  print(e.message); // expect: Too few arguments to GLib.str_has_prefix: expected 2, got 1
}
