// destroy ()s still pending when the program ends run before it exits,
// whatever their delay; their handlers may run script.
imports.gi.versions.Gtk = '4.0';
const {Gtk} = imports.gi;
Gtk.init();
const win = new Gtk.Window();
win.connect('destroy', () => print('destroyed at exit'));
win.destroy(60000);
print('end of script');   // expect: end of script
// expect: destroyed at exit
