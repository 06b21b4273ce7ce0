// A window with a button: "clicked" emitted from the test, handled in
// script; the main loop runs while the window is open and the program
// ends when it is closed.
imports.gi.versions.Gtk = '4.0';
const {Gtk} = imports.gi;
Gtk.init();
const win = new Gtk.Window({title: 'test', default_width: 100, default_height: 50});
const button = new Gtk.Button({label: 'Press'});
win.set_child(button);
let clicks = 0;
button.connect('clicked', () => {
  clicks++;
  print('clicked', clicks, button.label);
  if (clicks === 2)
    win.close();
});
win.connect('close-request', () => {
  print('close-request');
  return false;
});
win.present();
print('visible', win.visible);                // expect: visible true
setTimeout(() => button.emit('clicked'), 10);
setTimeout(() => {
  Promise.resolve().then(() => print('job after the timer'));
  button.emit('clicked');
}, 20);
print('end of script');
// expect: end of script
// expect: clicked 1 Press
// expect: clicked 2 Press
// expect: close-request
// expect: job after the timer
