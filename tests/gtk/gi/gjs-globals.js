// GJS's other globals: printerr, log, logError and imports.mainloop.
const Mainloop = imports.mainloop;
let n = 0;
Mainloop.timeout_add(5, () => {
  n++;
  if (n < 3)
    return true;
  Mainloop.quit('main');
  return false;
});
Mainloop.idle_add(() => { print('idle'); return false; }); // expect: idle
Mainloop.run('main');
print('ran', n);                                     // expect: ran 3
printerr('to stderr');
log('a message');
logError(new Error('boom'), 'context');
try {
  Mainloop.quit('nope');
} catch (e) {
  print(e.message);                                  // expect: No main loop with this id
}
print(typeof printerr, typeof log, typeof logError); // expect: function function function
