// GList and GSList, of objects and strings; hash tables.
imports.gi.versions.Gtk = '4.0';
const {GLib, Gio, Gtk} = imports.gi;
Gtk.init();
const label = new Gtk.Label({label: 'x'});
const button = new Gtk.Button();
button.add_mnemonic_label(label);
const labels = button.list_mnemonic_labels();    // GList, transfer container
print(Array.isArray(labels), labels.length, labels[0] === label); // expect: true 1 true
const win = new Gtk.Window();
const tops = Gtk.Window.list_toplevels();
print(tops.some(w => w === win));                // expect: true
win.destroy();
const infos = Gio.AppInfo.get_all();             // GList of interfaces, full
print(Array.isArray(infos));                     // expect: true
const uris = GLib.uri_list_extract_uris('file:///a\r\nfile:///b\r\n');
print(uris.join(' '));                           // expect: file:///a file:///b
const env = GLib.get_environ();
print(env.some(s => s.startsWith('PATH=')));     // expect: true
