// Callbacks by scope: call (GIMarshallingTests' callback_* functions,
// see structs.js), notified (GLib.idle_add and timeout_add: freed by
// their destroy notifier when the source goes), async (an asynchronous
// Gio call: freed after its one call); and a callback C gives to a
// virtual function written in script, which is refused clearly.
const GIM = imports.gi.GIMarshallingTests;
const GLib = imports.gi.GLib;
const Gio = imports.gi.Gio;
const GObject = imports.gi.GObject;

const loop = new GLib.MainLoop(null, false);

// Notified: the idle runs until it returns false, then its closure goes.
let runs = 0;
GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
  runs++;
  return runs < 3;
});
GLib.timeout_add(GLib.PRIORITY_LOW, 20, () => {
  print('idle ran', runs); // expect: idle ran 3
  loop.quit();
  return GLib.SOURCE_REMOVE;
});
loop.run();

// A source removed before it runs frees its closure too.
const id = GLib.timeout_add(GLib.PRIORITY_DEFAULT, 100000, () => {
  print('never');
  return false;
});
print(GLib.source_remove(id)); // expect: true

// Async: one call, with the result.
const file = Gio.File.new_for_path('/proc/self/stat');
file.load_contents_async(null, (src, res) => {
  const [ok, contents] = src.load_contents_finish(res);
  print('loaded', ok, contents instanceof Uint8Array, contents.length > 0); // expect: loaded true true true
  loop.quit();
});
loop.run();

// A callback that returns a string (transfer none) for C to read.
print(GIM.callback_return_value_only(() => 7)); // expect: 7

// C giving a function pointer to script is not supported: the vfunc's
// call fails with a clear message (reported), and C sees nothing set.
const T = GObject.registerClass(class T extends GIM.Object {
  vfunc_vfunc_with_callback(cb) {
    this.int = cb(41);
  }
});
const o = new T();
o.call_vfunc_with_callback();
print(o.int); // expect: 0
