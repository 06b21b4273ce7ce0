// GLib.Variant: made from a type string and JS values, unpacked one
// level, deeply or recursively; passed to and from C.
const {GLib, Gio} = imports.gi;
const s = new GLib.Variant('s', 'hello');
print(s.get_type_string(), s.unpack(), String(s));     // expect: s hello [object variant of type "s"]
const d = new GLib.Variant('a{sv}', {name: new GLib.Variant('s', 'x'), n: new GLib.Variant('i', 42)});
print(Object.keys(d.deepUnpack()).join(), d.deepUnpack().n.unpack()); // expect: name,n 42
print(JSON.stringify(d.recursiveUnpack()));            // expect: {"name":"x","n":42}
const t = new GLib.Variant('(sib)', ['a', 5, true]);
print(JSON.stringify(t.deepUnpack()), t.n_children()); // expect: ["a",5,true] 3
print(new GLib.Variant('as', ['x', 'y']).deepUnpack().join('-')); // expect: x-y
print(new GLib.Variant('ay', new Uint8Array([1, 2])).deepUnpack() instanceof Uint8Array); // expect: true
print(new GLib.Variant('mi', null).deepUnpack(), new GLib.Variant('mi', 3).deepUnpack()); // expect: null 3
print(new GLib.Variant('a{is}', {1: 'one'}).deepUnpack()[1]); // expect: one
print(GLib.Variant.new_int32(7).unpack());             // expect: 7
print(new GLib.Variant('x', -5).unpack(), new GLib.Variant('d', 0.5).unpack()); // expect: -5 0.5
// Variants through actions: a parameter and a state.
const action = new Gio.SimpleAction({name: 'act', parameter_type: new GLib.VariantType('s')});
action.connect('activate', (a, param) => print('activated with', param.unpack())); // expect: activated with payload
action.activate(new GLib.Variant('s', 'payload'));
const toggle = Gio.SimpleAction.new_stateful('toggle', null, new GLib.Variant('b', false));
toggle.set_state(new GLib.Variant('b', true));
print(toggle.state.unpack(), toggle.get_state().unpack()); // expect: true true
try { new GLib.Variant('i', 'x'); } catch (e) { print(e.message); } // expect: Cannot make a GLib.Variant of type 'i': expected a number
try { new GLib.Variant('(ii)', [1]); } catch (e) { print(e.name); } // expect: TypeError
try { new GLib.Variant('zz', 1); } catch (e) { print(e.message); } // expect: 'zz' is not a valid GVariant type

// GLib.Variant.new is the constructor's other spelling.
const made = GLib.Variant.new('(si)', ['x', 3]);
print(made instanceof GLib.Variant, made.deepUnpack().join()); // expect: true x,3
