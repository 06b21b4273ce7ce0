// A GError becomes a thrown GLib.Error with domain, code and matches().
const {GLib, Gio} = imports.gi;
try {
  GLib.file_get_contents('/no/such/file');
  print('not reached');
} catch (e) {
  print(e instanceof GLib.Error, e instanceof Error);    // expect: true true
  print(e.domain === GLib.file_error_quark());           // expect: true
  print(e.code === GLib.FileError.NOENT);                // expect: true
  print(e.matches(GLib.FileError, GLib.FileError.NOENT)); // expect: true
  print(e.matches(GLib.FileError, GLib.FileError.EXIST)); // expect: false
  print(e.matches(GLib.file_error_quark(), GLib.FileError.NOENT)); // expect: true
  print(e.message.includes('/no/such/file'));            // expect: true
  print(typeof e.stack);                                 // expect: string
}
try {
  Gio.File.new_for_path('/no/such/file').load_contents(null);
} catch (e) {
  print(e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.NOT_FOUND)); // expect: true
  print(e.name);                                         // expect: Gio.IOErrorEnum
  print(String(e).startsWith('Gio.IOErrorEnum: '));      // expect: true
}
const made = new GLib.Error(Gio.IOErrorEnum, Gio.IOErrorEnum.FAILED, 'by hand');
print(made.message, made.code === Gio.IOErrorEnum.FAILED, made instanceof GLib.Error); // expect: by hand true true
GLib.file_get_contents('/no/such/file'); // expect runtime error: No such file or directory
