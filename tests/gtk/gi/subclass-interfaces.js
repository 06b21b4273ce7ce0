// Interfaces implemented in script: Implements, vfunc_ methods filling
// the interface's vtable, its methods on the class's prototype, and its
// properties kept per object.
imports.gi.versions.Gtk = '4.0';
const {GObject, Gio, Gtk} = imports.gi;
Gtk.init();
const Model = GObject.registerClass({
  Implements: [Gio.ListModel],
}, class Model extends GObject.Object {
  constructor() {
    super();
    this._items = ['a', 'b', 'c'].map(s => Gtk.StringObject.new(s));
  }
  vfunc_get_item_type() { return Gtk.StringObject.$gtype; }
  vfunc_get_n_items() { return this._items.length; }
  vfunc_get_item(i) { return this._items[i] ?? null; }
});
const m = new Model();
print(m instanceof Gio.ListModel, m.get_n_items(), m.get_item(1).string); // expect: true 3 b
print(GObject.type_name(m.get_item_type()), m.get_item(7));              // expect: GtkStringObject null
// GTK uses the model through its vtable.
const sel = new Gtk.SingleSelection({model: m});
print(sel.get_n_items(), sel.get_selected_item().string);                 // expect: 3 a
const Bar = GObject.registerClass({
  Implements: [Gtk.Orientable],
}, class Bar extends Gtk.Widget {});
const b = new Bar({orientation: Gtk.Orientation.VERTICAL});
print(b.orientation, b instanceof Gtk.Orientable);                        // expect: 1 true
b.set_orientation(Gtk.Orientation.HORIZONTAL);
print(b.get_orientation());                                               // expect: 0
try {
  GObject.registerClass({Implements: [Gtk.Button]}, class extends GObject.Object {});
} catch (e) {
  print(e.message);                       // expect: Implements: GtkButton is not an interface
}
