// GObject properties are accessors on the prototype of the class that
// installs them, read and written through the property's getter and
// setter; reads at one site are cached like any prototype accessor.
imports.gi.versions.Gtk = '4.0';
const {Gtk, GObject, GLib} = imports.gi;
Gtk.init();
const d = Object.getOwnPropertyDescriptor(Gtk.Widget.prototype, 'visible');
print(typeof d.get, typeof d.set, d.enumerable, 'value' in d); // expect: function function false false
print(Object.getOwnPropertyDescriptor(Gtk.Label.prototype, 'visible')); // expect: undefined
print(typeof Object.getOwnPropertyDescriptor(Gtk.Label.prototype, 'use_underline').get); // expect: function
print(typeof Object.getOwnPropertyDescriptor(Gtk.Label.prototype, 'useUnderline').get); // expect: function
print(typeof Object.getOwnPropertyDescriptor(Gtk.Label.prototype, 'use-underline').get); // expect: function
const label = new Gtk.Label({label: 'x'});
print(Object.prototype.hasOwnProperty.call(label, 'visible'), 'visible' in label); // expect: false true
// Every form of a name reads the same property, through one site each.
function forms(l) {
  return [l.use_underline, l.useUnderline, l['use-underline']].join();
}
print(forms(label));                             // expect: false,false,false
label.set_use_underline(true);
print(forms(label));                             // expect: true,true,true
// One site, many reads, with the value changing under it.
function countVisible(ls) {
  let n = 0;
  for (let i = 0; i < 100; i++)
    for (const l of ls)
      if (l.visible)
        n++;
  return n;
}
const hidden = new Gtk.Label({visible: false});
print(countVisible([label, hidden]));            // expect: 100
hidden.visible = true;
print(countVisible([label, hidden]));            // expect: 200
// Getters and setters called with another receiver.
print(d.get.call(hidden));                       // expect: true
d.set.call(hidden, false);
print(hidden.get_visible());                     // expect: false
try { d.get.call({}); } catch (x) { print(x.name); } // expect: TypeError
// A JS own property shadows the accessor for its object only, at the
// same site as the others.
const shadowed = new Gtk.Label();
Object.defineProperty(shadowed, 'visible', {value: 'mine'});
function readVisible(l) { return l.visible; }
print(readVisible(label), readVisible(shadowed), readVisible(hidden)); // expect: true mine false
// A method of the same name wins over the property's snake_case name;
// the other names still reach the property.
print(typeof label.has_focus, label.hasFocus, label['has-focus']); // expect: function false false
print(label.has_focus());                        // expect: false
// Setters convert and notify.
let notified = [];
label.connect('notify::label', (obj, pspec) => notified.push(pspec.name));
label.label = 'y';
label['label'] = 'z';
print(label.get_label(), notified.join());       // expect: z label,label
label.useUnderline = false;
print(label.use_underline);                      // expect: false
try { label.label = {}; } catch (x) { print(x.name); } // expect: TypeError
// A prototype accessor redefined by script replaces the property for
// every wrapper (and the cached sites follow).
const saved = Object.getOwnPropertyDescriptor(Gtk.Widget.prototype, 'visible');
Object.defineProperty(Gtk.Widget.prototype, 'visible',
                      {get() { return 'patched'; }, configurable: true});
print(readVisible(label));                       // expect: patched
Object.defineProperty(Gtk.Widget.prototype, 'visible', saved);
print(readVisible(label));                       // expect: true
// Reads of an object that is gone throw a TypeError naming its type,
// from a site that cached the accessor too.
const win = new Gtk.Window({title: 'w'});
function readTitle(w) { return w.title; }
print(readTitle(win));                           // expect: w
win.destroy();   // done by the main loop
const mainContext = GLib.MainContext.default();
while (mainContext.iteration(false));
try { readTitle(win); print('no error'); } catch (x) { print(x.name, x.message); } // expect: TypeError Object Gtk.Window is gone: it was destroyed or finalized, and can no longer be used
try { win.title = 'again'; } catch (x) { print(x.name); } // expect: TypeError
