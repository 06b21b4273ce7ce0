// destroy () on widgets: removed from their parents by the property
// that holds them, or by the parent's remove-style method; a batch runs
// in one main-loop iteration.
imports.gi.versions.Gtk = '4.0';
const {Gtk, GLib} = imports.gi;
Gtk.init();
const win = new Gtk.Window();
const paned = new Gtk.Paned();
win.child = paned;
const box = new Gtk.Box();
paned.start_child = box;
const button = new Gtk.Button();
paned.end_child = button;
const inButton = new Gtk.Label({label: 'in button'});
button.child = inButton;
const a = new Gtk.Label(), b = new Gtk.Label();
box.append(a);
box.append(b);
const grid = new Gtk.Grid();
const g1 = new Gtk.Label();
grid.attach(g1, 0, 0, 1, 1);
const overlay = new Gtk.Overlay();
const over = new Gtk.Label();
overlay.add_overlay(over);
const stack = new Gtk.Stack();
const page = new Gtk.Label();
stack.add_named(page, 'p');
// Each one: removed from its parent.
for (const w of [a, inButton, g1, over, page])
  w.destroy();
print(a.get_parent() === box);        // expect: true
setTimeout(() => {
  print(box.get_first_child() === b);                 // expect: true
  print(button.child, grid.get_child_at(0, 0));       // expect: null null
  print(overlay.get_first_child(), stack.get_child_by_name('p')); // expect: null null
  // Paned children: by the start-child and end-child properties.
  box.destroy();
  button.destroy(20);                                 // after a delay
  setTimeout(() => print('early', paned.start_child, paned.end_child !== null), 5); // expect: early null true
  setTimeout(() => print('late', paned.end_child), 60); // expect: late null
}, 10);
