// Widget templates in classes written in script: Template with Children
// and InternalChildren.
imports.gi.versions.Gtk = '4.0';
const {GObject, Gtk} = imports.gi;
Gtk.init();
const Panel = GObject.registerClass({
  GTypeName: 'TestPanel',
  Template: `<interface>
    <template class="TestPanel" parent="GtkBox">
      <property name="orientation">vertical</property>
      <child><object class="GtkLabel" id="title"><property name="label">Title</property></object></child>
      <child><object class="GtkButton" id="ok-button"><property name="label">OK</property></object></child>
    </template>
  </interface>`,
  Children: ['title'],
  InternalChildren: ['ok-button'],
}, class Panel extends Gtk.Box {
  constructor(props) {
    super(props);
    this._ok_button.connect('clicked', () => print('ok clicked', this.title.label));
  }
});
const p = new Panel();
print(p.orientation, p.title.label, p._ok_button.label); // expect: 1 Title OK
print(p.get_first_child() === p.title);                  // expect: true
p._ok_button.emit('clicked');                            // expect: ok clicked Title
const q = new Panel();
print(q.title !== p.title);                              // expect: true
try {
  GObject.registerClass({Template: '<interface/>'}, class extends GObject.Object {});
} catch (e) {
  print(e.message);                                      // expect: Template: only widgets have templates
}
