// A WeakMap keyed by a widget whose only holder is its parent still
// finds it after collections: the wrapper stays while the object lives,
// and comes back as the same object.
imports.gi.versions.Gtk = '4.0';
const {Gtk} = imports.gi;
Gtk.init();

const box = new Gtk.Box();
const notes = new WeakMap();
let ref;
(function () {
  const label = new Gtk.Label({label: 'child'});
  box.append(label);
  notes.set(label, {note: 'kept'});
  label.expando = 42;
  ref = new WeakRef(label);
})();
gc();
gc();
(function () {
  const child = box.get_first_child();
  print(notes.has(child), notes.get(child)?.note, child.expando); // expect: true kept 42
  print(ref.deref() === child);                                  // expect: true
})();

// Once its parent lets it go and script drops it, it goes, and so does
// the entry.
const registry = new FinalizationRegistry(held => print('gone:', held));
(function () {
  const c = box.get_first_child();
  registry.register(c, 'label');
  box.remove(c);
})();
setTimeout(() => {
  gc();
  setTimeout(() => print('after:', ref.deref() === undefined), 0); // expect: gone: label
}, 0);                                                            // expect: after: true
