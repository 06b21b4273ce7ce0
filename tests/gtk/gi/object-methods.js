// Methods, static functions, interface methods, instanceof, toString.
imports.gi.versions.Gtk = '4.0';
const {Gtk, Gio, GObject} = imports.gi;
Gtk.init();
const b = Gtk.Button.new_with_label('static');      // a static constructor
print(b instanceof Gtk.Button, b.get_label());      // expect: true static
const box = new Gtk.Box();
print(box instanceof Gtk.Orientable, box instanceof Gtk.Buildable); // expect: true true
print(b instanceof Gtk.Orientable, ({}) instanceof Gtk.Orientable); // expect: false false
box.set_orientation(Gtk.Orientation.VERTICAL);      // an interface method
print(box.get_orientation());                       // expect: 1
print(Gtk.Orientable.prototype.get_orientation.call(box)); // expect: 1
print(String(b).startsWith('[object instance wrapper GIName:Gtk.Button native@0x')); // expect: true
print(Gtk.Widget.get_default_direction() === Gtk.TextDirection.LTR); // expect: true
print(typeof Gtk.Button.prototype.set_label, Object.keys(b).length); // expect: function 0
// Expando properties live on the wrapper.
b.myData = {n: 1};
print(b.myData.n);                                  // expect: 1
// Calling a method on the wrong type.
try {
  Gtk.Button.prototype.set_label.call(box, 'x');
} catch (e) {
  print(e.message); // expect: Gtk.Button.set_label called on a Gtk.Box, which is not a Gtk.Button
}
try {
  Gtk.Button.prototype.set_label.call({}, 'x');
} catch (e) {
  print(e.message); // expect: Gtk.Button.set_label called on an object that is not a GObject
}
// Objects that come back from C are the same wrappers.
box.append(b);
print(box.get_first_child() === b, b.get_parent() === box); // expect: true true
const store = new Gio.ListStore({item_type: Gtk.Widget.$gtype});
store.append(b);
print(store.get_n_items(), store.get_item(0) === b); // expect: 1 true
print(GObject.type_name(store.get_item_type()));     // expect: GtkWidget

// The prototype chain ends at Object.prototype, as in any JS class.
const plain = new GObject.Object();
print(Object.getPrototypeOf(GObject.Object.prototype) === Object.prototype); // expect: true
print(plain.hasOwnProperty('connect'), 'connect' in plain);                   // expect: false true
print(Object.prototype.toString.call(plain).startsWith('[object'));          // expect: true
