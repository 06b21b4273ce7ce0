// gi-bench.js — the GObject bridge's costs, for gscript and gjs alike.
//
// The case to run is in the environment variable GI_BENCH:
//   calls   GLib.get_monotonic_time() 1,000,000 times
//   props   reads of a boolean property (Gtk.Label.visible) 1,000,000 times
//   labels  10,000 Gtk.Label made and released (dropped, then collected)
// It prints one line: the case, the count and the elapsed microseconds.
imports.gi.versions.Gtk = '4.0';
const {GLib} = imports.gi;

function collect() {
  if (typeof gc === 'function')
    gc();
  else
    imports.system.gc();
}

function timeIt(name, n, body) {
  const start = GLib.get_monotonic_time();
  body(n);
  const us = GLib.get_monotonic_time() - start;
  print(`${name} ${n} ${us}`);
}

const which = GLib.getenv('GI_BENCH');
if (which === 'calls') {
  timeIt('calls', 1000000, n => {
    let t = 0;
    for (let i = 0; i < n; i++)
      t = GLib.get_monotonic_time();
    return t;
  });
} else if (which === 'props') {
  const Gtk = imports.gi.Gtk;
  Gtk.init();
  const label = new Gtk.Label({label: 'x'});
  label.visible;   // the first read resolves the property
  timeIt('props', 1000000, n => {
    let v = 0;
    for (let i = 0; i < n; i++)
      if (label.visible)
        v++;
    return v;
  });
} else if (which === 'labels') {
  const Gtk = imports.gi.Gtk;
  Gtk.init();
  new Gtk.Label({label: 'warm-up'});
  timeIt('labels', 10000, n => {
    for (let i = 0; i < n; i++) {
      const l = new Gtk.Label({label: 'label ' + i});
      l.get_label();
    }
    collect();
  });
} else {
  print('set GI_BENCH to calls, props or labels');
}
