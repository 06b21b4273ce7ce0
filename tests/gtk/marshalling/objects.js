// Objects through GIMarshallingTests: in, out, in-out and return with
// transfer none and full, methods, static methods, constructors that
// fail, subclasses, interfaces, and virtual functions implemented in
// script and called from C (gi_marshalling_tests_object_vfunc_* call
// them): out values, in-out values, return values, enums, flags,
// arrays, caller-allocated GValues, errors and object references.
const GIM = imports.gi.GIMarshallingTests;
const GLib = imports.gi.GLib;
const GObject = imports.gi.GObject;
const Gio = imports.gi.Gio;

function t(f) {
  try {
    return f();
  } catch (e) {
    return e.constructor.name + ': ' + e.message;
  }
}
const j = JSON.stringify;

// Construction, methods.
GIM.Object.static_method();
const o = new GIM.Object({ int: 42 });
o.method();
print(o.int); // expect: 42
new GIM.Object({ int: 0 }).overridden_method();
print(GIM.Object.new(42).int); // expect: 42
print(t(() => GIM.Object.new_fail(42))); // expect: Error: gi-marshalling-tests-gerror-message
o.method_with_default_implementation(43);
print(o.int); // expect: 43
print(t(() => GIM.Object.prototype.method.call(new GObject.Object()))); // expect: TypeError: GIMarshallingTests.Object.method called on a GObject.Object, which is not a GIMarshallingTests.Object
print(t(() => GIM.Object.prototype.method.call({}))); // expect: TypeError: GIMarshallingTests.Object.method called on an object that is not a GObject

// Objects in every direction and transfer.
for (const transfer of ['none', 'full']) {
  const r = GIM.Object[`${transfer}_return`]();
  const out = GIM.Object[`${transfer}_out`]();
  const inout = GIM.Object[`${transfer}_inout`](new GIM.Object({ int: 42 }));
  print(transfer, r.int, r instanceof GIM.Object, out.int, inout.int);
}
// expect: none 0 true 0 0
// expect: full 0 true 0 0
// transfer none returns the same object each time: the same wrapper.
print(GIM.Object.none_return() === GIM.Object.none_return()); // expect: true
new GIM.Object({ int: 42 }).none_in();
print(t(() => GIM.Object.none_inout(null))); // expect: TypeError: argument may not be null (argument 'object' of GIMarshallingTests.Object.none_inout)
print(t(() => GIM.Object.none_inout(new GObject.Object()))); // expect: TypeError: Expected an object of type GIMarshallingTests.Object for argument but got a GObject.Object (argument 'object' of GIMarshallingTests.Object.none_inout)
print(t(() => GIM.Object.none_inout({}))); // expect: TypeError: Expected an object of type GIMarshallingTests.Object for argument (argument 'object' of GIMarshallingTests.Object.none_inout)

// Subclasses in C.
for (const klass of ['SubObject', 'SubSubObject']) {
  const s = new GIM[klass]({ int: 42 });
  s.method();
  const z = new GIM[klass]({ int: 0 });
  z.sub_method();
  z.overwritten_method();
  print(klass, s instanceof GIM.Object, s instanceof GIM.SubObject); // (checked below)
}
// expect: SubObject true true
// expect: SubSubObject true true

// Interfaces.
const impl = new GIM.InterfaceImpl();
print(impl.get_as_interface() === impl); // expect: true
impl.test_int8_in(42);
GIM.test_interface_test_int8_in(impl, 42);
print(impl instanceof GIM.Interface); // expect: true
print(t(() => GIM.test_interface_test_int8_in(new GIM.Object(), 42))); // expect: TypeError: Expected an object of type GIMarshallingTests.Interface for argument but got a GIMarshallingTests.Object (argument 'test_iface' of GIMarshallingTests.test_interface_test_int8_in)

// Virtual functions in script, called from C.
const VFuncTester = GObject.registerClass(class VFuncTester extends GIM.Object {
  vfunc_method_int8_in(i) { this.int = i; }
  vfunc_method_int8_out() { return 40; }
  vfunc_method_int8_arg_and_out_caller(i) { return i + 3; }
  vfunc_method_int8_arg_and_out_callee(i) { return i + 4; }
  vfunc_method_str_arg_out_ret(s) { return [`Called with ${s}`, 41]; }
  vfunc_method_with_default_implementation(i) { this.int = i + 2; }
  vfunc_vfunc_return_value_only() { return 42; }
  vfunc_vfunc_one_out_parameter() { return 43; }
  vfunc_vfunc_multiple_out_parameters() { return [44, 45]; }
  vfunc_vfunc_return_value_and_one_out_parameter() { return [46, 47]; }
  vfunc_vfunc_return_value_and_multiple_out_parameters() { return [48, 49, 50]; }
  vfunc_vfunc_one_inout_parameter(a) { return a * 5; }
  vfunc_vfunc_multiple_inout_parameters(a, b) { return [a * 5, b * -1]; }
  vfunc_vfunc_return_value_and_one_inout_parameter(a) { return [49, a * 5]; }
  vfunc_vfunc_return_value_and_multiple_inout_parameters(a, b) { return [49, a * 5, b * -1]; }
  vfunc_vfunc_array_out_parameter() { return [50, 51]; }
  vfunc_vfunc_caller_allocated_out_parameter() { return 52; }
  vfunc_vfunc_meth_with_err(x) {
    if (x === 42)
      return true;
    if (x === 1)
      throw new GLib.Error(Gio.IOErrorEnum, Gio.IOErrorEnum.FAILED, 'I FAILED');
    throw new TypeError('bad x');
  }
  vfunc_vfunc_return_enum() { return GIM.Enum.VALUE2; }
  vfunc_vfunc_out_enum() { return GIM.Enum.VALUE3; }
  vfunc_vfunc_return_flags() { return GIM.Flags.VALUE2; }
  vfunc_vfunc_out_flags() { return GIM.Flags.VALUE3; }
  vfunc_vfunc_return_object_transfer_none() {
    if (!this._ret)
      this._ret = new GIM.Object({ int: 53 });
    return this._ret;
  }
  vfunc_vfunc_return_object_transfer_full() { return new GIM.Object({ int: 54 }); }
  vfunc_vfunc_out_object_transfer_none() {
    if (!this._out)
      this._out = new GIM.Object({ int: 55 });
    return this._out;
  }
  vfunc_vfunc_out_object_transfer_full() { return new GIM.Object({ int: 56 }); }
  vfunc_vfunc_in_object_transfer_none(obj) { this._inNone = obj instanceof GIM.Object; }
  vfunc_vfunc_in_object_transfer_full(obj) { this._inFull = obj; }
});
const v = new VFuncTester();
v.method_int8_in(39);
print(v.int); // expect: 39
v.int8_in(38); // C calls the vfunc
print(v.int); // expect: 38
print(v.method_int8_out(), v.int8_out()); // expect: 40 40
print(v.method_int8_arg_and_out_caller(39), v.method_int8_arg_and_out_callee(38)); // expect: 42 42
print(j(v.method_str_arg_out_ret('a string'))); // expect: ["Called with a string",41]
v.method_with_default_implementation(40);
print(v.int); // expect: 42
print(v.vfunc_return_value_only(), v.vfunc_one_out_parameter()); // expect: 42 43
print(j(v.vfunc_multiple_out_parameters())); // expect: [44,45]
print(j(v.vfunc_return_value_and_one_out_parameter())); // expect: [46,47]
print(j(v.vfunc_return_value_and_multiple_out_parameters())); // expect: [48,49,50]
print(v.vfunc_one_inout_parameter(10)); // expect: 50
print(j(v.vfunc_multiple_inout_parameters(10, 5))); // expect: [50,-5]
print(j(v.vfunc_return_value_and_one_inout_parameter(10))); // expect: [49,50]
print(j(v.vfunc_return_value_and_multiple_inout_parameters(10, -51))); // expect: [49,50,51]
print(j(v.vfunc_array_out_parameter())); // expect: [50,51]
print(v.vfunc_caller_allocated_out_parameter()); // expect: 52
print(v.vfunc_return_enum() === GIM.Enum.VALUE2, v.vfunc_out_enum() === GIM.Enum.VALUE3); // expect: true true
print(v.vfunc_return_flags() === GIM.Flags.VALUE2, v.vfunc_out_flags() === GIM.Flags.VALUE3); // expect: true true
// Errors: a GLib.Error keeps its domain and code; other exceptions
// become errors with their message.
print(v.vfunc_meth_with_error(42)); // expect: true
try {
  v.vfunc_meth_with_error(1);
} catch (e) {
  print(e instanceof GLib.Error, e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.FAILED), e.message); // expect: true true I FAILED
}
print(t(() => v.vfunc_meth_with_error(2))); // expect: Error: TypeError: bad x
// Objects given to C by the vfuncs: references as C expects them (one
// of the wrapper's, plus one for C with transfer full), never floating.
print(j(v.get_ref_info_for_vfunc_return_object_transfer_none())); // expect: [1,false]
print(j(v.get_ref_info_for_vfunc_return_object_transfer_full())); // expect: [2,false]
print(j(v.get_ref_info_for_vfunc_out_object_transfer_none())); // expect: [1,false]
print(j(v.get_ref_info_for_vfunc_out_object_transfer_full())); // expect: [2,false]
print(j(v.get_ref_info_for_vfunc_in_object_transfer_none(GIM.Object.$gtype))); // expect: [2,false]
print(v._inNone); // expect: true
// (transfer full: the wrapper takes C's reference, the only one)
print(j(v.get_ref_info_for_vfunc_in_object_transfer_full(GIM.Object.$gtype))); // expect: [1,false]
print(v._inFull instanceof GIM.Object); // expect: true

// A vfunc that returns the wrong thing: reported, C gets zeros.
const Wrong = GObject.registerClass(class Wrong extends GIM.Object {
  vfunc_vfunc_multiple_out_parameters() { return 1; }
  vfunc_vfunc_return_enum() { return 'x'; }
});
const w = new Wrong();
print(j(w.vfunc_multiple_out_parameters())); // expect: [0,0]
print(w.vfunc_return_enum()); // expect: 0

// Interfaces implemented in script, with a vfunc.
const I3Impl = GObject.registerClass({
  Implements: [GIM.Interface3],
}, class I3Impl extends GObject.Object {
  vfunc_test_variant_array_in(variants) {
    this.stuff = variants.map(x => x.unpack());
  }
});
const i3 = new I3Impl();
i3.test_variant_array_in([new GLib.Variant('b', true), new GLib.Variant('s', 'hello'),
  new GLib.Variant('i', 42)]);
print(j(i3.stuff)); // expect: [true,"hello",42]
