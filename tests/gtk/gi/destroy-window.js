// destroy () on a window: done at the next main-loop iteration, with the
// window's "destroy" handlers; the wrapper is released afterwards.
imports.gi.versions.Gtk = '4.0';
const {Gtk} = imports.gi;
Gtk.init();
const win = new Gtk.Window({title: 'w'});
win.connect('destroy', () => print('destroy handler'));
win.present();
win.destroy();
win.destroy();                       // a second call does nothing
print('scheduled', win.visible);     // expect: scheduled true
// expect: destroy handler
setTimeout(() => {
  try {
    win.title;
  } catch (e) {
    print(e.name, e.message); // expect: TypeError Object Gtk.Window is gone: it was destroyed or finalized, and can no longer be used
  }
  win.destroy();                     // on a released wrapper: nothing
  print(String(win));                // expect: [object instance wrapper GIName:Gtk.Window (released)]
}, 30);
