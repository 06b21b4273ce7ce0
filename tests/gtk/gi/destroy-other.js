// destroy () on an object that is not a widget disposes it; a widget
// whose parent cannot remove it stays there, with a warning, and its
// wrapper is released all the same.
imports.gi.versions.Gtk = '4.0';
const {Gtk, Gio} = imports.gi;
Gtk.init();
const action = new Gio.SimpleAction({name: 'a'});
action.destroy();
const spin = new Gtk.SpinButton();
const inner = spin.get_first_child();        // GTK's own child: no way out
inner.destroy();
setTimeout(() => {
  try { action.get_name(); } catch (e) { print(e.message); } // expect: Object Gio.SimpleAction is gone: it was destroyed or finalized, and can no longer be used
  print(spin.get_first_child() !== null);    // expect: true
  try { inner.get_parent(); } catch (e) { print(e.name); } // expect: TypeError
}, 10);
