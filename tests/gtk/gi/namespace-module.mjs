// gi:// modules: the same namespace objects as imports.gi.
import Gtk from 'gi://Gtk?version=4.0';
import GLib from 'gi://GLib';
import GLib2 from 'gi://GLib?version=2.0';
print(Gtk.__version__, GLib === GLib2);    // expect: 4.0 true
print(imports.gi.GLib === GLib);           // expect: true
const ns = await import('gi://GObject');
print(ns.default.__name__);                // expect: GObject
try {
  await import('gi://NoSuchNamespace');
} catch (e) {
  print(e.message.startsWith('Requiring NoSuchNamespace, version none')); // expect: true
}
try {
  await import('gi://Gtk?version=3.0');
} catch (e) {
  print(e.message); // expect: Requiring Gtk, version 3.0: version 4.0 is already loaded
}
