// Asynchronous Gio methods as Promises, through Gio._promisify as in
// GJS; the main loop runs until they settle.
const {GLib, Gio} = imports.gi;
Gio._promisify(Gio._LocalFilePrototype, 'load_contents_async', 'load_contents_finish');
Gio._promisify(Gio._LocalFilePrototype, 'query_info_async');
print(Gio.File.prototype.load_contents_async.length); // expect: 2
const file = Gio.File.new_for_path('/proc/self/stat');
async function main() {
  const [ok, contents] = await file.load_contents_async(null);
  print('loaded', ok, contents instanceof Uint8Array, contents.length > 0);
  const info = await file.query_info_async('standard::name', Gio.FileQueryInfoFlags.NONE,
                                           GLib.PRIORITY_DEFAULT, null);
  print('name', info.get_name());
  try {
    await Gio.File.new_for_path('/no/such/file').load_contents_async(null);
  } catch (e) {
    print('rejected', e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.NOT_FOUND));
  }
  // With a callback, the method is the original one.
  file.load_contents_async(null, (f, res) => {
    print('callback', f.load_contents_finish(res)[0]);
  });
}
main().catch(e => print('failed', e));
print('end of script');
// expect: end of script
// expect: loaded true true true
// expect: name stat
// expect: rejected true
// expect: callback true
