// connect, connect_after, disconnect, emit; arguments and return values.
imports.gi.versions.Gtk = '4.0';
const {Gtk, GObject} = imports.gi;
Gtk.init();
const b = new Gtk.Button({label: 'x'});
const log = [];
const id1 = b.connect('clicked', (w) => log.push('first ' + (w === b)));
b.connect_after('clicked', () => log.push('after'));
b.connect('clicked', () => log.push('second'));
b.emit('clicked');
print(log.join(', '));                  // expect: first true, second, after
b.disconnect(id1);
log.length = 0;
b.emit('clicked');
print(log.join(', '));                  // expect: second, after
// A signal with an argument and a return value.
const id2 = b.connect('mnemonic-activate', (w, cycling) => {
  print('mnemonic-activate', cycling);  // expect: mnemonic-activate true
  return true;
});
print(b.emit('mnemonic-activate', true)); // expect: true
b.disconnect(id2);
// notify::prop, with the pspec.
b.connect('notify::label', (obj, pspec) => print('notify', pspec.name, obj.label)); // expect: notify label y
b.label = 'y';
b.set_use_underline(true);              // another property: not notified here
// A window's close-request: a boolean return stops the close.
const win = new Gtk.Window();
win.connect('close-request', () => true);
print(win.emit('close-request'));       // expect: true
// Exceptions in handlers are reported, not thrown through GTK.
b.connect('clicked', () => { throw new Error('in handler'); });
b.emit('clicked');
print('after the throwing handler');    // expect: after the throwing handler
// Errors.
try { b.connect('no-such-signal', () => {}); } catch (e) { print(e.message); } // expect: No signal 'no-such-signal' on object 'Gtk.Button'
try { b.connect('clicked', 42); } catch (e) { print(e.message); } // expect: The signal handler must be a function
b.disconnect(999999);                   // a warning, as in GJS
print('after disconnecting an unknown id'); // expect: after disconnecting an unknown id
try { b.emit('mnemonic-activate'); } catch (e) { print(e.message); } // expect: Signal mnemonic-activate of Gtk.Button takes 1 arguments, got 0
win.destroy();
