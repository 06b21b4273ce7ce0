// Structs, boxed types and unions, GValues, GClosures, GErrors,
// parameter specs and callbacks through GIMarshallingTests.
const GIM = imports.gi.GIMarshallingTests;
const GLib = imports.gi.GLib;
const GObject = imports.gi.GObject;

function t(f) {
  try {
    return f();
  } catch (e) {
    return e.constructor.name + ': ' + e.message;
  }
}
const j = JSON.stringify;

// A plain struct: fields, methods taking it as the instance.
const ss = GIM.simple_struct_returnv();
print(ss.long_, ss.int8); // expect: 6 7
ss.inv();
ss.method();
GIM.SimpleStruct.prototype.inv.call(ss);
const made = new GIM.SimpleStruct({ long_: 6, int8: 7 });
made.inv();
print(made instanceof GIM.SimpleStruct); // expect: true
made.int8 = 100;
print(made.int8); // expect: 100
print(t(() => { made.int8 = 1000; })); // expect: RangeError: value is out of range for gint8
print(t(() => GIM.SimpleStruct.prototype.inv.call({}))); // expect: TypeError: Expected a GIMarshallingTests.SimpleStruct for GIMarshallingTests.SimpleStruct.inv
// A returned struct is a copy: changing it does not change C's.
ss.long_ = 99;
print(GIM.simple_struct_returnv().long_); // expect: 6
// Nested structs: an embedded struct is read as a copy.
const nested = new GIM.NestedStruct();
print(nested.simple_struct.long_, nested.simple_struct instanceof GIM.SimpleStruct); // expect: 0 true
// A struct holding a pointer to another.
const ns = new GIM.NotSimpleStruct();
print(ns.pointer); // expect: null

// A struct with a pointer field only.
const ps = GIM.pointer_struct_returnv();
print(ps.long_); // expect: 42
ps.inv();
new GIM.PointerStruct({ long_: 42 }).inv();

// A boxed struct: strings and string vectors in fields.
const bs = GIM.boxed_struct_returnv();
print(bs.long_, bs.string_, j(bs.g_strv)); // expect: 42 hello ["0","1","2"]
bs.inv();
new GIM.BoxedStruct({ long_: 42 }).inv();
print(GIM.BoxedStruct.new().long_); // expect: 0
print(GIM.boxed_struct_out().long_); // expect: 42
const bin = new GIM.BoxedStruct({ long_: 42 });
const bout = GIM.boxed_struct_inout(bin);
print(bout.long_, bin.long_, bout instanceof GIM.BoxedStruct); // expect: 0 42 true
print(t(() => GIM.boxed_struct_inout(null))); // expect: TypeError: argument may not be null (argument 'struct_' of GIMarshallingTests.boxed_struct_inout)
print(t(() => GIM.boxed_struct_inout(new GIM.SimpleStruct()))); // expect: TypeError: Expected a GIMarshallingTests.BoxedStruct for argument (argument 'struct_' of GIMarshallingTests.boxed_struct_inout)
print(t(() => GIM.BoxedStruct())); // expect: TypeError: Constructor called as normal method. Use 'new GIMarshallingTests.BoxedStruct()'

// Unions.
const u = GIM.union_returnv();
print(u.long_); // expect: 42
u.inv();
u.method();
print(u instanceof GIM.Union); // expect: true

// Structs with a registered copy function and a constructor.
const os = GIM.OverridesStruct.new();
print(os.method()); // expect: 42
print(GIM.overrides_struct_returnv() instanceof GIM.OverridesStruct); // expect: true

// GValues: any JS value in, its value out.
print(GIM.gvalue_return()); // expect: 42
GIM.gvalue_in(42);
GIM.gvalue_int64_in(2n ** 63n - 1n); // a BigInt: an int64 GValue
print(GIM.gvalue_out()); // expect: 42
print(GIM.gvalue_int64_out() === 2 ** 63); // expect: true
print(GIM.gvalue_out_caller_allocates()); // expect: 42
print(JSON.stringify(GIM.gvalue_inout(42))); // expect: "42"
print(GIM.gvalue_round_trip('x'), GIM.gvalue_copy(true)); // expect: x true
GIM.gvalue_in_with_type(42, GObject.TYPE_INT);
GIM.gvalue_in_with_type(42.5, GObject.TYPE_DOUBLE);
GIM.gvalue_in_with_type('42', GObject.TYPE_STRING);
GIM.gvalue_in_with_type(new GIM.Object(), GIM.Object.$gtype);
GIM.gvalue_in_with_type(new GIM.Object(), GObject.TYPE_OBJECT);
GIM.gvalue_in_with_type(new GIM.BoxedStruct(), GIM.BoxedStruct.$gtype);
GIM.gvalue_in_with_type(new GLib.Variant('u', 42), GObject.TYPE_VARIANT);
GIM.gvalue_in_with_type(['a', 'b'], GObject.TYPE_STRV);
// A GObject.Value passes itself: C changes it in place.
const v = new GObject.Value();
v.init(GObject.TYPE_INT);
v.set_int(42);
GIM.gvalue_in_with_modification(v);
print(v.get_int()); // expect: 24
GIM.gvalue_in_with_modification(42); // a plain number cannot change
const ev = new GObject.Value();
ev.init(GIM.GEnum.$gtype);
ev.set_enum(GIM.GEnum.VALUE3);
GIM.gvalue_in_enum(ev);
const fv = new GObject.Value();
fv.init(GIM.Flags.$gtype);
fv.set_flags(GIM.Flags.VALUE3);
GIM.gvalue_in_flags(fv);
GIM.gvalue_in_with_type(v, GObject.TYPE_INT);
print(t(() => GIM.gvalue_in_with_type(new GObject.Value(), GObject.TYPE_INT))); // expect: TypeError: argument: the GObject.Value is not initialised (argument 'value' of GIMarshallingTests.gvalue_in_with_type)
print(t(() => GIM.gvalue_in(undefined))); // expect: TypeError: argument may not be null (argument 'value' of GIMarshallingTests.gvalue_in)
print(t(() => GIM.gvalue_in(() => 1))); // expect: TypeError: Cannot guess the GValue type of argument from a value of this kind (argument 'value' of GIMarshallingTests.gvalue_in)

// GClosure: a JS function becomes one.
GIM.gclosure_in(() => 42);
print(t(() => GIM.gclosure_in(42))); // expect: TypeError: Expected type a function for argument but got type 'number' (argument 'closure' of GIMarshallingTests.gclosure_in)

// GError: thrown by functions that throw, an out value elsewhere.
const e1 = t(() => GIM.gerror());
print(e1); // expect: Error: gi-marshalling-tests-gerror-message
try {
  GIM.gerror_array_in([-1, 0, 1, 2]);
} catch (e) {
  print(e instanceof GLib.Error, e.code, e.message); // expect: true 5 gi-marshalling-tests-gerror-message
  print(e.matches(GLib.quark_from_string(GIM.CONSTANT_GERROR_DOMAIN), GIM.CONSTANT_GERROR_CODE)); // expect: true
}
const [err, debug] = GIM.gerror_out();
print(err instanceof GLib.Error, err.message, debug); // expect: true gi-marshalling-tests-gerror-message we got an error, life is shit
const [err2, debug2] = GIM.gerror_out_transfer_none();
print(err2 instanceof GLib.Error, debug2); // expect: true we got an error, life is shit
print(GIM.gerror_return() instanceof GLib.Error); // expect: true

// Parameter specs.
const pspec = GIM.param_spec_return();
print(pspec.name, pspec.value_type === GObject.TYPE_STRING); // expect: test-param true
print(GIM.param_spec_out().name); // expect: test-param
// Parameter specs are described to scripts by plain objects, not
// wrappers: passing one to C is refused with a clear error.
print(t(() => GIM.param_spec_in_bool(GObject.ParamSpec.boolean('mybool', 'My Bool',
  'My boolean property', GObject.ParamFlags.READWRITE, true)))); // expect: TypeError: argument: the fundamental type GParam is not supported (argument 'param' of GIMarshallingTests.param_spec_in_bool)

// Raw pointers: null round-trips.
print(GIM.pointer_in_return(null)); // expect: null

// Callbacks (scope call): return values and out values.
print(GIM.callback_return_value_only(() => 42)); // expect: 42
print(GIM.callback_one_out_parameter(() => 43)); // expect: 43
print(j(GIM.callback_multiple_out_parameters(() => [44, 45]))); // expect: [44,45]
print(j(GIM.callback_return_value_and_one_out_parameter(() => [46, 47]))); // expect: [46,47]
print(j(GIM.callback_return_value_and_multiple_out_parameters(() => [48, 49, 50]))); // expect: [48,49,50]
// A boxed struct C owns, changed by the callback through its wrapper.
print(GIM.callback_owned_boxed(box => {
  print(box.long_); // expect: 1
  box.long_ = 52;
})); // expect: 52
print(t(() => GIM.callback_return_value_only(42))); // expect: TypeError: Expected a function for a callback of type CallbackReturnValueOnly (argument 'callback' of GIMarshallingTests.callback_return_value_only)
print(t(() => GIM.callback_return_value_only(null))); // expect: TypeError: the callback may not be null (argument 'callback' of GIMarshallingTests.callback_return_value_only)
// A callback that throws: the exception is reported, C gets a zero.
print(GIM.callback_return_value_only(() => { throw new Error('boom'); })); // expect: 0

// Caller-allocated out structs (the bridge allocates, C fills, the
// wrapper owns the memory): GObject.type_query and signal_query.
const q = GObject.type_query(GIM.Object.$gtype);
print(q instanceof GObject.TypeQuery, q.type_name, q.type === GIM.Object.$gtype, q.instance_size > 0); // expect: true GIMarshallingTestsObject true true
const sq = GObject.signal_query(GObject.signal_lookup('notify', GObject.Object.$gtype));
print(sq.signal_name, sq.n_params); // expect: notify 1
