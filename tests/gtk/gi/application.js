// A Gtk.Application with an ApplicationWindow subclass written in
// script: a template whose button's "clicked" handler is a method of the
// window, an internal child, a custom property with notify and a custom
// signal with a typed parameter and a return value.  The application
// activates, runs its main loop, and run () returns its exit status.
imports.gi.versions.Gtk = '4.0';
const {GLib, Gio, GObject, Gtk} = imports.gi;

const CounterWindow = GObject.registerClass({
  GTypeName: 'TestCounterWindow',
  Template: `<interface>
    <template class="TestCounterWindow" parent="GtkApplicationWindow">
      <property name="title">Counter</property>
      <child>
        <object class="GtkBox">
          <child><object class="GtkLabel" id="count-label"><property name="label">0</property></object></child>
          <child>
            <object class="GtkButton" id="button">
              <property name="label">Add</property>
              <signal name="clicked" handler="_onClicked"/>
            </object>
          </child>
        </object>
      </child>
    </template>
  </interface>`,
  InternalChildren: ['count-label', 'button'],
  Properties: {
    'count': GObject.ParamSpec.int('count', 'Count', 'Clicks so far',
      GObject.ParamFlags.READWRITE, 0, 100, 0),
  },
  Signals: {
    'limit-reached': {param_types: [GObject.TYPE_INT], return_type: GObject.TYPE_BOOLEAN},
  },
}, class CounterWindow extends Gtk.ApplicationWindow {
  constructor(params) {
    super(params);
    this.limit = 3;
  }

  get count() { return this._count ?? 0; }

  set count(v) {
    if (v === this._count)
      return;
    this._count = v;
    this._count_label.label = String(v);
    this.notify('count');
  }

  _onClicked(button) {
    print('clicked', button === this._button, this instanceof CounterWindow);
    this.count++;
    if (this.count === this.limit)
      print('handled:', this.emit('limit-reached', this.count));
  }
});

const CounterApp = GObject.registerClass({
  GTypeName: 'TestCounterApp',
}, class CounterApp extends Gtk.Application {
  vfunc_activate() {
    print('activate');
    const win = new CounterWindow({application: this});
    win.connect('notify::count', () => print('notify count', win.count));
    win.connect('limit-reached', (w, n) => {
      print('limit reached at', n);
      return true;
    });
    win.present();
    print(this.get_windows().length, this.active_window === win, win.title);
    // Clicked from the main loop, as a user would, then closed: the last
    // window going ends run ().
    GLib.idle_add(GLib.PRIORITY_DEFAULT, () => {
      for (let i = 0; i < 3; i++)
        win._button.emit('clicked');
      print('label', win._count_label.label);
      win.close();
      return GLib.SOURCE_REMOVE;
    });
  }
});

const app = new CounterApp({application_id: 'org.gscript.TestCounter',
                            flags: Gio.ApplicationFlags.NON_UNIQUE});
const status = app.run([imports.system.programInvocationName]);
print('status', status);

// A command-line application returns the status its handler gives.
const cli = new Gtk.Application({application_id: 'org.gscript.TestCli',
  flags: Gio.ApplicationFlags.NON_UNIQUE | Gio.ApplicationFlags.HANDLES_COMMAND_LINE});
cli.connect('command-line', (self, cmdline) => {
  const args = cmdline.get_arguments();
  print('command line', args.slice(1).join(' '));
  return Number(args[1]);
});
print('cli status', cli.run(['prog', '7', 'x']));

// expect: activate
// expect: 1 true Counter
// expect: clicked true true
// expect: notify count 1
// expect: clicked true true
// expect: notify count 2
// expect: clicked true true
// expect: notify count 3
// expect: limit reached at 3
// expect: handled: true
// expect: label 3
// expect: status 0
// expect: command line 7 x
// expect: cli status 7
