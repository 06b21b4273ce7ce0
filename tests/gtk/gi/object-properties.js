// Construct properties and property get/set by name: snake_case,
// camelCase and the canonical name, round trips of each kind.
imports.gi.versions.Gtk = '4.0';
const {Gtk, GObject} = imports.gi;
Gtk.init();
const b = new Gtk.Button({label: 'first', use_underline: true});
print(b.label, b.use_underline, b.useUnderline, b['use-underline']); // expect: first true true true
b.useUnderline = false;
print(b.use_underline, b.get_use_underline());   // expect: false false
b['use-underline'] = true;
print(b.useUnderline);                           // expect: true
const e = new Gtk.Entry({maxLength: 5, text: 'abc', placeholderText: 'type'});
print(e.max_length, e.text, e.placeholder_text); // expect: 5 abc type
e.text = 'abcdefgh';
print(e.text);                                   // expect: abcde
const adj = new Gtk.Adjustment({lower: 0, upper: 10, value: 2.5});
print(adj.value, adj.upper);                     // expect: 2.5 10
adj.value = 7.25;
print(adj.get_value());                          // expect: 7.25
const label = new Gtk.Label({halign: Gtk.Align.END, wrap: true});
print(label.halign === Gtk.Align.END, label.wrap); // expect: true true
label.halign = Gtk.Align.START;
print(label.get_halign());                       // expect: 1
const box = new Gtk.Box({orientation: Gtk.Orientation.VERTICAL});
print(box.orientation, box.get_orientation());   // expect: 1 1
box.orientation = Gtk.Orientation.HORIZONTAL;
print(box.orientation);                          // expect: 0
const win = new Gtk.Window({child: label, title: null});
print(win.child === label, win.title);           // expect: true null
win.child = null;
print(win.child);                                // expect: null
// Errors: unknown and read-only properties, wrong types.
try { new Gtk.Button({no_such_prop: 1}); } catch (x) { print(x.message); } // expect: No property no_such_prop on Gtk.Button
try { b.scale_factor = 3; } catch (x) { print(x.message); } // expect: Property scale-factor of Gtk.Button is read-only
try { b.label = 42; } catch (x) { print(x.name); } // expect: TypeError
try { Gtk.Button({}); } catch (x) { print(x.message); } // expect: Constructor called as normal method. Use 'new Gtk.Button()' to construct an object
try { new Gtk.Widget(); } catch (x) { print(x.message); } // expect: Cannot instantiate abstract class Gtk.Widget
win.destroy();
// get_property and set_property by name.
const gp = new Gtk.Button({label: 'named'});
print(gp.get_property('label'));                 // expect: named
gp.set_property('use-underline', true);
print(gp.useUnderline);                          // expect: true
try { gp.get_property('nope'); } catch (x) { print(x.message); } // expect: No readable property nope on Gtk.Button
