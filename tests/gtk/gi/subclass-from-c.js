// Objects of classes written in script that C code makes (a GtkBuilder,
// a template's children) are made through the class: its constructor
// runs with the construct properties C passed, and C gets the same
// object script sees.
imports.gi.versions.Gtk = '4.0';
const {GObject, Gtk} = imports.gi;
Gtk.init();

const Tagged = GObject.registerClass({
  GTypeName: 'TestTagged',
  Properties: {
    'tag': GObject.ParamSpec.string('tag', 'Tag', 'A tag',
      GObject.ParamFlags.READWRITE | GObject.ParamFlags.CONSTRUCT, 'none'),
  },
}, class Tagged extends Gtk.Label {
  constructor(props) {
    super(props);
    this.madeBy = `constructor (tag ${this.tag}, label ${this.label})`;
  }
});

// From a GtkBuilder: construct properties reach the constructor; the
// others are set after it, as GObject does.
const b = Gtk.Builder.new_from_string(`<interface>
  <object class="TestTagged" id="it">
    <property name="tag">from-xml</property>
    <property name="label">L</property>
  </object>
</interface>`, -1);
const it = b.get_object('it');
print(it instanceof Tagged, it.madeBy);   // expect: true constructor (tag from-xml, label )
print(it.label, it.tag);                  // expect: L from-xml
print(b.get_object('it') === it);         // expect: true

// As a template's child, inside another class's construction.
const Holder = GObject.registerClass({
  GTypeName: 'TestHolder',
  Template: `<interface>
    <template class="TestHolder" parent="GtkBox">
      <child><object class="TestTagged" id="inner"><property name="tag">child</property></object></child>
    </template>
  </interface>`,
  InternalChildren: ['inner'],
}, class Holder extends Gtk.Box {});
const h = new Holder();
print(h._inner.madeBy);                   // expect: constructor (tag child, label )
print(h.get_first_child() === h._inner);  // expect: true

// The object survives collections while its parent holds it, with the
// state its constructor gave it.
gc();
print(h.get_first_child().madeBy === h._inner.madeBy); // expect: true

// A constructor that throws: the exception is reported and C still gets
// an object (its constructor did not run).
const Failing = GObject.registerClass({GTypeName: 'TestFailing'},
  class Failing extends Gtk.Label {
    constructor(props) {
      super(props);
      throw new Error('no, thanks');
    }
  });
const b2 = Gtk.Builder.new_from_string(
  '<interface><object class="TestFailing" id="f"/></interface>', -1);
const f = b2.get_object('f');
print(f instanceof Failing, f.madeBy);    // expect: true undefined
