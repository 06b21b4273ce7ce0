// Out and inout arguments: several results come back as an array.
const {GLib} = imports.gi;
let [ok, contents] = GLib.file_get_contents('/proc/self/stat');
print(ok, contents.length > 0);         // expect: true true
print(GLib.ascii_strtoll('12abc', 10)); // expect: 12,abc
let [n, end] = GLib.ascii_strtoull('0x1F rest', 16);
print(n, JSON.stringify(end));          // expect: 31 " rest"
// A boolean return and out arguments.
let [parsed, argv] = GLib.shell_parse_argv('a "b c" d');
print(parsed, argv.length, argv[1]);    // expect: true 3 b c
// No out arguments and a void return: undefined.
print(GLib.usleep(1));                  // expect: undefined
