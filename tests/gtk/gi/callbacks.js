// JS functions as C callbacks: scope call (during the call), async (one
// call later; the main loop waits for it), notified (GLib sources, which
// the main loop also waits for).
imports.gi.versions.Gtk = '4.0';
const {GLib, Gio, Gtk} = imports.gi;
// Scope call: a comparison run during sort ().
const store = new Gio.ListStore({item_type: Gtk.StringObject.$gtype});
for (const s of ['pear', 'apple', 'fig'])
  store.append(Gtk.StringObject.new(s));
store.sort((a, b) => a.string < b.string ? -1 : a.string > b.string ? 1 : 0);
const sorted = [];
for (let i = 0; i < store.get_n_items(); i++)
  sorted.push(store.get_item(i).string);
print(sorted.join(' '));                 // expect: apple fig pear
// The other callbacks run in an order the test does not fix: each logs,
// and the last one prints the log sorted.
const log = [];
let done = 0;
function finish(what) {
  log.push(what);
  if (++done === 3)
    print(log.sort().join(', '));
}
// Notified: a timeout that runs three times, and an idle.
let ticks = 0;
GLib.timeout_add(GLib.PRIORITY_DEFAULT, 5, () => {
  ticks++;
  if (ticks === 3)
    finish('tick ' + ticks);
  return ticks < 3 ? GLib.SOURCE_CONTINUE : GLib.SOURCE_REMOVE;
});
GLib.idle_add(GLib.PRIORITY_DEFAULT_IDLE, () => {
  finish('idle');
  return GLib.SOURCE_REMOVE;
});
// Async: a Gio operation's callback.
const file = Gio.File.new_for_path('/proc/self/stat');
file.load_contents_async(null, (source, result) => {
  const [ok, contents] = source.load_contents_finish(result);
  finish(`loaded ${ok} ${contents.length > 0} ${source === file}`);
});
// A callback that throws is reported; the loop goes on.
GLib.idle_add(GLib.PRIORITY_DEFAULT, () => { throw new Error('in a callback'); });
print('end of script');
// expect: end of script
// expect: idle, loaded true true true, tick 3
