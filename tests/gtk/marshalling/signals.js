// Signal parameters whose GValue type (a bare GPtrArray) says nothing of
// their elements: the signal's introspection data does, as in GJS.
const GIM = imports.gi.GIMarshallingTests;
const GObject = imports.gi.GObject;

const o = new GIM.SignalsObject();
o.connect('some-boxed-gptrarray-utf8', (self, a) => {
  print(self === o, JSON.stringify(a)); // expect: true ["0","1","2"]
});
o.connect('some-boxed-gptrarray-boxed-struct', (self, a) => {
  print(Array.isArray(a), a.map(s => s instanceof GIM.BoxedStruct && s.long_).join()); // expect: true 42,43,44
});
o.emit_boxed_gptrarray_utf8();
o.emit_boxed_gptrarray_boxed_struct();

// A subclass made in script finds the signals of its C parent.
const Sub = GObject.registerClass(class Sub extends GIM.SignalsObject {});
const s = new Sub();
s.connect('some-boxed-gptrarray-utf8', (self, a) => print('sub', a.length)); // expect: sub 3
s.emit_boxed_gptrarray_utf8();
