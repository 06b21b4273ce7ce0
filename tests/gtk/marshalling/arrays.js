// C arrays through GIMarshallingTests: fixed size, with a length
// argument (before or after, of any integer width), zero-terminated,
// of strings, structs, enums, flags, booleans, unichars, GValues and
// variants, bytes from strings and typed arrays, in every direction and
// transfer mode.  The C side asserts each element.
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

// Fixed size.
print(j(GIM.array_fixed_int_return())); // expect: [-1,0,1,2]
print(j(GIM.array_fixed_short_return())); // expect: [-1,0,1,2]
GIM.array_fixed_int_in([-1, 0, 1, 2]);
GIM.array_fixed_short_in([-1, 0, 1, 2]);
print(j(GIM.array_fixed_out())); // expect: [-1,0,1,2]
print(j(GIM.array_fixed_inout([-1, 0, 1, 2]))); // expect: [2,1,0,-1]
print(j(GIM.array_fixed_out_struct().map(s => [s.long_, s.int8]))); // expect: [[7,6],[6,7]]
// A fixed size array must have its size.
print(t(() => GIM.array_fixed_int_in([1, 2]))); // expect: TypeError: Expected an array of 4 elements, got 2 (argument 'ints' of GIMarshallingTests.array_fixed_int_in)

// With a length argument, which scripts do not pass.
print(GIM.array_in.length, GIM.array_out.length, GIM.array_inout.length); // expect: 1 0 1
print(j(GIM.array_return())); // expect: [-1,0,1,2]
GIM.array_in([-1, 0, 1, 2]);
GIM.array_in_len_before([-1, 0, 1, 2]);
GIM.array_in_len_zero_terminated([-1, 0, 1, 2]);
GIM.array_in_guint64_len([-1, 0, 1, 2]);
GIM.array_in_guint8_len([-1, 0, 1, 2]);
print(j(GIM.array_out())); // expect: [-1,0,1,2]
print(j(GIM.array_inout([-1, 0, 1, 2]))); // expect: [-2,-1,0,1,2]
print(j(GIM.array_return_etc(9, 5))); // expect: [[9,0,1,5],14]
print(j(GIM.array_out_etc(9, 5))); // expect: [[9,0,1,5],14]
print(j(GIM.array_inout_etc(9, [-1, 0, 1, 2], 5))); // expect: [[9,-1,0,1,5],14]
// An unannotated integer next to an array is not its length.
GIM.array_in_nonzero_nonlen(42, 'abcd');
// Nullable strings around an array, and its length out of order.
GIM.array_in_utf8_two_in([-1, 0, 1, 2], '1', '2');
GIM.array_in_utf8_two_in([-1, 0, 1, 2], null, null);
GIM.array_in_utf8_two_in_out_of_order('1', [-1, 0, 1, 2], '2');
GIM.array_in_utf8_two_in_out_of_order(null, [-1, 0, 1, 2], null);
// Elements are converted like arguments, with their errors.
print(t(() => GIM.array_in([-1, 0, 1, {}]))); // expect: TypeError: Expected type a number for element 3 of array argument but got type 'object' (argument 'ints' of GIMarshallingTests.array_in)
print(t(() => GIM.array_in([-1, 0, 1, 2 ** 31]))); // expect: RangeError: value is out of range for gint32 (argument 'ints' of GIMarshallingTests.array_in)
print(t(() => GIM.array_in(42))); // expect: TypeError: Expected type an array for array argument but got type 'number' (argument 'ints' of GIMarshallingTests.array_in)
print(t(() => GIM.array_in(null))); // expect: TypeError: array argument may not be null (argument 'ints' of GIMarshallingTests.array_in)
// Array-likes other than arrays are refused.
print(t(() => GIM.array_in({ length: 4 }))); // expect: TypeError: Expected type an array for array argument but got type 'object' (argument 'ints' of GIMarshallingTests.array_in)

// 64-bit elements, booleans, enums and flags.
GIM.array_int64_in([-1, 0, 1, 2]);
GIM.array_uint64_in([-1, 0, 1, 2]); // -1 wraps to 2^64 - 1, which C compares as -1
GIM.array_bool_in([true, false, true, true]);
GIM.array_bool_in([-1, 0, 1, 2]);
print(j(GIM.array_bool_out())); // expect: [true,false,true,true]
GIM.array_enum_in([GIM.Enum.VALUE1, GIM.Enum.VALUE2, GIM.Enum.VALUE3]);
GIM.array_flags_in([GIM.Flags.VALUE1, GIM.Flags.VALUE2, GIM.Flags.VALUE3]);

// Unichars: a string or code points.
GIM.array_unichar_in('const \u2665 utf8');
GIM.array_unichar_in([...'const \u2665 utf8'].map(c => c.codePointAt(0)));
print(GIM.array_unichar_out()); // expect: const ♥ utf8
print(GIM.array_zero_terminated_return_unichar()); // expect: const ♥ utf8

// Bytes: from a string (its UTF-8), an array of numbers or a Uint8Array.
GIM.array_uint8_in('abcd');
GIM.array_uint8_in([97, 98, 99, 100]);
GIM.array_uint8_in(new Uint8Array([97, 98, 99, 100]));
GIM.utf8_as_uint8array_in('const \u2665 utf8');
GIM.utf8_as_uint8array_in(new GLib.Bytes('const \u2665 utf8').toArray());
print(t(() => GIM.array_uint8_in([97, 98, 99, 256]))); // expect: RangeError: value is out of range for guint8 (argument 'chars' of GIMarshallingTests.array_uint8_in)

// Strings.
GIM.array_string_in(['foo', 'bar']);
print(t(() => GIM.array_string_in(['foo', 42]))); // expect: TypeError: Expected type a string for element 1 of array argument but got type 'number' (argument 'strings' of GIMarshallingTests.array_string_in)
// Two arrays sharing one length.
GIM.multi_array_key_value_in(['one', 'two', 'three'], [1, 2, 3]);
print(t(() => GIM.multi_array_key_value_in(['one', 'two'], [1, 2, 3]))); // expect: TypeError: Arrays sharing one length differ in length: 2 and 3 (argument 'values' of GIMarshallingTests.multi_array_key_value_in)

// Zero-terminated arrays of strings.
print(j(GIM.array_zero_terminated_return())); // expect: ["0","1","2"]
print(GIM.array_zero_terminated_return_null()); // expect: null
GIM.array_zero_terminated_in(['0', '1', '2']);
print(j(GIM.array_zero_terminated_out())); // expect: ["0","1","2"]
print(j(GIM.array_zero_terminated_inout(['0', '1', '2']))); // expect: ["-1","0","1","2"]
// GStrv is the same.
print(j(GIM.gstrv_return())); // expect: ["0","1","2"]
GIM.gstrv_in(['0', '1', '2']);
print(j(GIM.gstrv_out())); // expect: ["0","1","2"]
print(j(GIM.gstrv_inout(['0', '1', '2']))); // expect: ["-1","0","1","2"]
// In and out like gtk_init (): inout length and strings, nullable.
print(j(GIM.init_function(null))); // expect: [true,[]]
print(j(GIM.init_function([]))); // expect: [true,[]]
print(j(GIM.init_function(['--foo', '--bar']))); // expect: [true,["--foo"]]

// Structs: pointers to boxed structs, by value, and taken.
function boxedArray(Type) {
  return [1, 2, 3].map(n => {
    const s = new Type();
    s.long_ = n;
    return s;
  });
}
GIM.array_struct_in(boxedArray(GIM.BoxedStruct));
GIM.array_struct_value_in(boxedArray(GIM.BoxedStruct));
GIM.array_simple_struct_in(boxedArray(GIM.SimpleStruct));
const taken = boxedArray(GIM.BoxedStruct);
GIM.array_struct_take_in(taken); // transfer full: C frees copies
GIM.array_struct_take_in(taken);
print(taken[2].long_); // expect: 3
print(j(GIM.array_zero_terminated_return_struct().map(s => s.long_))); // expect: [42,43,44]
print(t(() => GIM.array_struct_in([new GIM.SimpleStruct()]))); // expect: TypeError: Expected a GIMarshallingTests.BoxedStruct for element 0 of array argument (argument 'structs' of GIMarshallingTests.array_struct_in)

// GVariants, transfer none, container and full: the same array back.
for (const transfer of ['none', 'container', 'full']) {
  const vs = [new GLib.Variant('i', 27), new GLib.Variant('s', 'Hello')];
  const r = GIM[`array_gvariant_${transfer}_in`](vs);
  print(transfer, j(r.map(v => v.unpack())));
}
// expect: none [27,"Hello"]
// expect: container [27,"Hello"]
// expect: full [27,"Hello"]

// GValues: flat arrays of values made from plain JS values.
GIM.gvalue_flat_array([42, '42', true]);
print(j(GIM.return_gvalue_flat_array())); // expect: [42,"42",true]
// GValues passed by value (not by pointer) cannot be called through
// girepository's libffi description of them: a clear error.
print(t(() => GIM.gvalue_flat_array_round_trip(42, '42', true))); // expect: TypeError: structs passed by value are not supported (argument 'one' of GIMarshallingTests.gvalue_flat_array_round_trip)

// Methods of objects take and give arrays too.
const o = new GIM.Object();
o.method_array_in([-1, 0, 1, 2]);
print(j(o.method_array_out())); // expect: [-1,0,1,2]
print(j(o.method_array_inout([-1, 0, 1, 2]))); // expect: [-2,-1,0,1,2]
print(j(o.method_array_return())); // expect: [-1,0,1,2]

// Arrays of objects (Gio.ListStore.splice takes one without transfer).
const Gio = imports.gi.Gio;
const store = new Gio.ListStore({ item_type: GIM.Object.$gtype });
const items = [new GIM.Object({ int: 1 }), new GIM.Object({ int: 2 })];
store.splice(0, 0, items);
print(store.get_n_items(), store.get_item(1) === items[1]); // expect: 2 true
print(t(() => store.splice(0, 0, [42]))); // expect: TypeError: Expected an object of type GObject.Object for element 0 of array argument (argument 'additions' of Gio.ListStore.splice)
