// Virtual functions in classes written in script: vfunc_NAME overrides,
// super.vfunc_NAME () chains up, out arguments come back as an array.
imports.gi.versions.Gtk = '4.0';
const {GObject, Gtk, Gio} = imports.gi;
const App = GObject.registerClass(class App extends Gtk.Application {
  vfunc_startup() {
    super.vfunc_startup();                        // GtkApplication's
    print('startup', Gtk.Settings.get_default() !== null); // expect: startup true
  }
  vfunc_activate() {
    print('activate', this instanceof App);       // expect: activate true
    const win = new Gtk.ApplicationWindow({application: this});
    win.present();
    setTimeout(() => win.close(), 20);
  }
});
const app = new App({application_id: 'org.gscript.VfuncTest',
                     flags: Gio.ApplicationFlags.NON_UNIQUE});
print('exit status', app.run([]));                // expect: exit status 0

const Sized = GObject.registerClass(class Sized extends Gtk.Widget {
  vfunc_measure(orientation, forSize) {
    return orientation === Gtk.Orientation.HORIZONTAL
      ? [40, 50, -1, -1] : [10, 20, -1, -1];
  }
});
const w = new Sized();
print(w.measure(Gtk.Orientation.HORIZONTAL, -1).join()); // expect: 40,50,-1,-1
print(w.measure(Gtk.Orientation.VERTICAL, -1).join());   // expect: 10,20,-1,-1
try {
  GObject.registerClass(class Bad extends GObject.Object {
    vfunc_no_such_thing() {}
  });
} catch (e) {
  print(e.message.startsWith('vfunc_no_such_thing: no virtual function')); // expect: true
}
