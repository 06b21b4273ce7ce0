// Without a display GTK cannot be initialized: types, enums and
// non-widget objects still work, and making a widget throws instead of
// crashing inside GTK.
imports.gi.versions.Gtk = '4.0';
const {Gtk} = imports.gi;
print(Gtk.Orientation.VERTICAL);                 // expect: 1
const filter = new Gtk.StringFilter({search: 'a'});
print(filter.search);                            // expect: a
try {
  new Gtk.Button({label: 'x'});
} catch (e) {
  print(e.message);                              // expect: Cannot make a Gtk.Button: GTK is not initialized (no display?)
}
try {
  Gtk.Label.new('x');
} catch (e) {
  print(e.message);                              // expect: Cannot make a Gtk.Label: GTK is not initialized (no display?)
}
new Gtk.Label();                                 // expect runtime error: Error: Cannot make a Gtk.Label: GTK is not initialized (no display?)
