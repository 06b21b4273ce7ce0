// imports.gi: namespaces, versions, and what they hold.
imports.gi.versions.Gtk = '4.0';
const {GLib, Gtk, GObject} = imports.gi;
print(GLib.__name__, GLib.__version__);     // expect: GLib 2.0
print(Gtk.__version__);                     // expect: 4.0
print(imports.gi.Gtk === Gtk);              // expect: true
print(typeof GLib.get_monotonic_time);      // expect: function
print(typeof Gtk.Button, typeof Gtk.Button.prototype); // expect: function object
print(typeof Gtk.Orientable.prototype.get_orientation); // expect: function
print(Gtk.Orientation.VERTICAL, Gtk.Align.CENTER);     // expect: 1 3
print(Gtk.StateFlags.ACTIVE | Gtk.StateFlags.PRELIGHT); // expect: 3
print(GLib.PRIORITY_DEFAULT_IDLE, GLib.SOURCE_REMOVE); // expect: 200 false
print(typeof GLib.MainLoop, typeof GLib.Variant);      // expect: function function
print(Gtk.Button.$gtype === GObject.type_from_name('GtkButton')); // expect: true
print(Object.getPrototypeOf(Gtk.Button) === Gtk.Widget); // expect: true
print(Gtk.Button.prototype instanceof Gtk.Widget);       // expect: true
print(GLib.NoSuchThing);                                 // expect: undefined
