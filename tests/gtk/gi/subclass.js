// GObject classes written in script: GObject.registerClass with
// properties, signals, constructors and GJS's _init.
imports.gi.versions.Gtk = '4.0';
const {GObject, Gtk} = imports.gi;
Gtk.init();

const Counter = GObject.registerClass({
  GTypeName: 'TestCounter',
  Properties: {
    'count': GObject.ParamSpec.int('count', 'Count', 'The count',
      GObject.ParamFlags.READWRITE, 0, 100, 7),
    'label-text': GObject.ParamSpec.string('label-text', 'Label', 'A label',
      GObject.ParamFlags.READWRITE, 'none'),
  },
  Signals: {
    'changed': {param_types: [GObject.TYPE_INT]},
    'ask': {param_types: [GObject.TYPE_STRING], return_type: GObject.TYPE_BOOLEAN},
  },
}, class Counter extends GObject.Object {
  constructor(props) {
    super(props);
    this.made = true;
  }
  increment() {
    this.count++;
    this.emit('changed', this.count);
  }
});
const c = new Counter({label_text: 'hi'});
print(c instanceof Counter, c instanceof GObject.Object, c.made); // expect: true true true
print(c.count, c.labelText, c.label_text);                      // expect: 7 hi hi
print(GObject.type_name(Counter.$gtype));                       // expect: TestCounter
print(GObject.type_name(GObject.type_parent(Counter.$gtype)));  // expect: GObject
c.connect('notify::count', () => print('notify count', c.count)); // expect: notify count 8
c.connect('changed', (obj, n) => print('changed', n, obj === c)); // expect: changed 8 true
c.increment();
c.connect('ask', (obj, what) => what === 'yes');
print(c.emit('ask', 'yes'), c.emit('ask', 'no'));                 // expect: true false
// Properties without an accessor of the class's are kept per object.
const d = new Counter();
print(d.count, d.labelText);                                    // expect: 7 none
d.count = 3;
print(d.count, c.count);                                        // expect: 3 8

// GJS's older style: _init calling super._init; accessors of the class
// serve the property, during construction too.
const Meter = GObject.registerClass({
  Properties: {
    'level': GObject.ParamSpec.double('level', 'Level', 'The level',
      GObject.ParamFlags.READWRITE, 0, 1, 0.5),
  },
}, class Meter extends Gtk.Box {
  _init(params) {
    this.log = [];
    super._init(params);
    this.set_orientation(Gtk.Orientation.VERTICAL);
  }
  get level() { return this._level ?? 0.5; }
  set level(v) {
    this.log.push('set ' + v);
    this._level = v;
    this.notify('level');
  }
});
const m = new Meter({spacing: 3, level: 0.25});
print(m.spacing, m.orientation, m.level, m.log.join()); // expect: 3 1 0.25 set 0.25
print(GObject.type_name(Meter.$gtype), m instanceof Gtk.Widget); // expect: Gjs_Meter true
m.connect('notify::level', () => print('level now', m.level)); // expect: level now 0.75
m.level = 0.75;
const box = new Gtk.Box();
box.append(m);
print(box.get_first_child() === m, m.get_parent() === box); // expect: true true

// A subclass that is not registered is still a JS subclass of its parent.
class Plain extends Gtk.Button {
  hello() { return 'hello ' + this.label; }
}
const p = new Plain({label: 'p'});
print(p.hello(), p instanceof Gtk.Button, GObject.type_name(p.constructor.$gtype)); // expect: hello p true GtkButton

// Errors.
try { GObject.registerClass(Counter); } catch (e) { print(e.message); } // expect: registerClass: the class is registered already
try { GObject.registerClass(class NotGObject {}); } catch (e) { print(e.message); } // expect: registerClass: the class must extend a GObject class
try { GObject.registerClass({Properties: {x: 42}}, class extends GObject.Object {}); } catch (e) { print(e.message); } // expect: Properties.x must be a GObject.ParamSpec
