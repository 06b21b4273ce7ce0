// Objects, boxed structs, enums and nullable arguments in calls.
imports.gi.versions.Gtk = '4.0';
imports.gi.versions.Gdk = '4.0';
const {GLib, Gio, Gtk, Gdk} = imports.gi;
Gtk.init();
const box = new Gtk.Box();
const a = new Gtk.Label({label: 'a'}), b = new Gtk.Label({label: 'b'});
box.append(a);
box.append(b);
print(box.get_first_child() === a, a.get_next_sibling() === b); // expect: true true
print(b.get_next_sibling());                  // expect: null
box.reorder_child_after(b, null);             // a nullable object
print(box.get_first_child() === b);           // expect: true
try {
  box.append(null);
} catch (e) {
  print(e.name);                              // expect: TypeError
}
try {
  box.append(new Gio.Menu());
} catch (e) {
  print(e.message.startsWith('Expected an object of type Gtk.Widget')); // expect: true
}
// Boxed values: constructed, passed, returned (copied), fields.
const rgba = new Gdk.RGBA({red: 1, green: 0.5, blue: 0, alpha: 1});
print(rgba.red, rgba.green, rgba.to_string()); // expect: 1 0.5 rgb(255,128,0)
const parsed = new Gdk.RGBA();
print(parsed.parse('#0000ff'), parsed.blue, parsed.red); // expect: true 1 0
print(rgba.equal(parsed), rgba.copy().equal(rgba));      // expect: false true
const loop = new GLib.MainLoop(null, false);
print(loop.is_running());                     // expect: false
const dt = GLib.DateTime.new_utc(2024, 2, 29, 12, 30, 0);
print(dt.get_year(), dt.get_month(), dt.format('%Y-%m-%d %H:%M')); // expect: 2024 2 2024-02-29 12:30
print(dt.add_days(1).get_day_of_month());     // expect: 1
// Enums and flags as numbers.
const label = new Gtk.Label({justify: Gtk.Justification.CENTER});
print(label.get_justify() === Gtk.Justification.CENTER); // expect: true
label.set_justify(Gtk.Justification.RIGHT);
print(label.justify);                         // expect: 1
// A GFile (an interface implemented by a private class).
const f = Gio.File.new_for_path('/tmp/x.txt');
print(f.get_basename(), f instanceof Gio.File, f.get_parent().get_path()); // expect: x.txt true /tmp
