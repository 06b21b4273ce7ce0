// Basic types through GIMarshallingTests: booleans, integers of every
// width at their limits, floating point, GTypes, strings, unichars,
// enums, flags and constants, in every direction.  The C functions
// assert what they receive, so a wrong conversion aborts the test.
const GIM = imports.gi.GIMarshallingTests;
const GObject = imports.gi.GObject;

// What a call throws, as "Class: message", or its result.
function t(f) {
  try {
    return f();
  } catch (e) {
    return e.constructor.name + ': ' + e.message;
  }
}

// Booleans.
print(GIM.boolean_return_true(), GIM.boolean_return_false()); // expect: true false
GIM.boolean_in_true(true);
GIM.boolean_in_false(false);
GIM.boolean_in_true(1); // truthy values convert
GIM.boolean_in_false(0);
print(GIM.boolean_out_true(), GIM.boolean_out_false()); // expect: true false
print(GIM.boolean_inout_true_false(true), GIM.boolean_inout_false_true(false)); // expect: false true

// Signed integers at their limits, in every direction.
const limits = {
  int8: [-128, 127], int16: [-32768, 32767], int32: [-2147483648, 2147483647],
  short: [-32768, 32767], int: [-2147483648, 2147483647],
};
for (const [type, [min, max]] of Object.entries(limits)) {
  GIM[`${type}_in_max`](max);
  GIM[`${type}_in_min`](min);
  const ok = GIM[`${type}_return_max`]() === max && GIM[`${type}_return_min`]() === min
    && GIM[`${type}_out_max`]() === max && GIM[`${type}_out_min`]() === min
    && GIM[`${type}_inout_max_min`](max) === min
    && GIM[`${type}_inout_min_max`](min) === max;
  print(type, ok);
}
// expect: int8 true
// expect: int16 true
// expect: int32 true
// expect: short true
// expect: int true

// Unsigned integers: the maximum in, out and back as 0.
const umax = { uint8: 255, uint16: 65535, uint32: 4294967295, ushort: 65535, uint: 4294967295 };
for (const [type, max] of Object.entries(umax)) {
  GIM[`${type}_in`](max);
  print(type, GIM[`${type}_return`]() === max, GIM[`${type}_out`]() === max,
        GIM[`${type}_inout`](max));
}
// expect: uint8 true true 0
// expect: uint16 true true 0
// expect: uint32 true true 0
// expect: ushort true true 0
// expect: uint true true 0

// 64-bit integers are plain numbers, as in GJS: values past 2^53 lose
// precision.  2^63 - 1 reads as 2^63, and a number at or past the
// type's range saturates on the way in, so the limits still round-trip.
print(GIM.int64_return_max() === 2 ** 63, GIM.int64_return_min() === -(2 ** 63)); // expect: true true
print(GIM.int64_out_max() === 2 ** 63, GIM.int64_out_min() === -(2 ** 63)); // expect: true true
GIM.int64_in_max(2 ** 63 - 1);
GIM.int64_in_min(-(2 ** 63));
print(GIM.int64_inout_max_min(2 ** 63) === -(2 ** 63)); // expect: true
print(GIM.int64_inout_min_max(-(2 ** 63)) === 2 ** 63); // expect: true
GIM.uint64_in(2 ** 64);
print(GIM.uint64_return() === 2 ** 64, GIM.uint64_out() === 2 ** 64, GIM.uint64_inout(2 ** 64)); // expect: true true 0
// long and ssize are 64-bit here, size (gsize) too.
GIM.long_in_max(2 ** 63);
GIM.long_in_min(-(2 ** 63));
GIM.ssize_in_max(2 ** 63);
GIM.ssize_in_min(-(2 ** 63));
GIM.ulong_in(2 ** 64);
GIM.size_in(2 ** 64);
print(GIM.long_return_max() === 2 ** 63, GIM.ssize_out_min() === -(2 ** 63)); // expect: true true
print(GIM.size_return() === 2 ** 64, GIM.ulong_inout(2 ** 64)); // expect: true 0
// BigInts pass 64-bit values exactly, and must fit.
GIM.int64_in_max(2n ** 63n - 1n);
GIM.int64_in_min(-(2n ** 63n));
GIM.uint64_in(2n ** 64n - 1n);
GIM.long_in_max(2n ** 63n - 1n);
print(GIM.int64_inout_max_min(2n ** 63n - 1n) === -(2 ** 63)); // expect: true
print(t(() => GIM.int64_in_max(2n ** 63n))); // expect: RangeError: value is out of range for gint64 (argument 'v' of GIMarshallingTests.int64_in_max)
print(t(() => GIM.uint64_in(-1n))); // expect: RangeError: value is out of range for guint64 (argument 'v' of GIMarshallingTests.uint64_in)
print(t(() => GIM.int32_in_max(5n))); // expect: TypeError: Cannot convert a BigInt value to a number (argument 'v' of GIMarshallingTests.int32_in_max)
print(t(() => GIM.int64_in_max(Symbol('x')))); // expect: TypeError: Cannot convert a Symbol value to a string (argument 'v' of GIMarshallingTests.int64_in_max)
// Safe integers pass exactly.
print(GIM.time_t_return(), GIM.time_t_out(), GIM.time_t_inout(1234567890)); // expect: 1234567890 1234567890 0
GIM.time_t_in(1234567890);

// Out of range values of the narrow types are refused (GJS: "value is
// out of range"), as are values that are not numbers.
print(t(() => GIM.int8_in_max(128))); // expect: RangeError: value is out of range for gint8 (argument 'v' of GIMarshallingTests.int8_in_max)
print(t(() => GIM.int8_in_min(-129))); // expect: RangeError: value is out of range for gint8 (argument 'v' of GIMarshallingTests.int8_in_min)
print(t(() => GIM.uint8_in(256))); // expect: RangeError: value is out of range for guint8 (argument 'v' of GIMarshallingTests.uint8_in)
print(t(() => GIM.uint8_in(-1))); // expect: RangeError: value is out of range for guint8 (argument 'v' of GIMarshallingTests.uint8_in)
print(t(() => GIM.int16_in_max(32768))); // expect: RangeError: value is out of range for gint16 (argument 'v' of GIMarshallingTests.int16_in_max)
print(t(() => GIM.uint16_in(65536))); // expect: RangeError: value is out of range for guint16 (argument 'v' of GIMarshallingTests.uint16_in)
print(t(() => GIM.int32_in_max(2 ** 31))); // expect: RangeError: value is out of range for gint32 (argument 'v' of GIMarshallingTests.int32_in_max)
print(t(() => GIM.uint32_in(2 ** 32))); // expect: RangeError: value is out of range for guint32 (argument 'v' of GIMarshallingTests.uint32_in)
print(t(() => GIM.int_in_max(Infinity))); // expect: RangeError: value is out of range for gint32 (argument 'int_' of GIMarshallingTests.int_in_max)
// Strings, booleans and null convert as by Number (), as in GJS.
GIM.int8_in_max('127');
GIM.boolean_in_true('yes');
GIM.uint8_in('0xff');
print(t(() => GIM.int8_in_max({}))); // expect: TypeError: Expected type a number for argument but got type 'object' (argument 'v' of GIMarshallingTests.int8_in_max)
print(t(() => GIM.int8_in_max(undefined))); // expect: TypeError: Expected type a number for argument but got type 'undefined' (argument 'v' of GIMarshallingTests.int8_in_max)
print(t(() => GIM.int8_in_max())); // expect: TypeError: Too few arguments to GIMarshallingTests.int8_in_max: expected 1, got 0
// Fractions truncate toward zero, as in GJS.
GIM.int8_in_max(127.9);
GIM.uint8_in(255.5);

// Floating point.
const FLT_MAX = (2 - 2 ** -23) * 2 ** 127, FLT_MIN = 2 ** -126;
print(GIM.float_return() === FLT_MAX, GIM.float_out() === FLT_MAX); // expect: true true
GIM.float_in(FLT_MAX);
print(GIM.float_inout(FLT_MAX) === FLT_MIN); // expect: true
print(GIM.double_return() === Number.MAX_VALUE, GIM.double_out() === Number.MAX_VALUE); // expect: true true
GIM.double_in(Number.MAX_VALUE);
print(GIM.double_inout(Number.MAX_VALUE) === 2 ** -1022); // expect: true
print(t(() => GIM.double_in([]))); // expect: TypeError: Expected type a number for argument but got type 'object' (argument 'v' of GIMarshallingTests.double_in)

// GTypes: numbers, or anything with $gtype, or a type name.
print(GIM.gtype_return() === GObject.TYPE_NONE, GIM.gtype_out() === GObject.TYPE_NONE); // expect: true true
GIM.gtype_in(GObject.TYPE_NONE);
print(GIM.gtype_inout(GObject.TYPE_NONE) === GObject.TYPE_INT); // expect: true
print(GIM.gtype_string_return() === GObject.TYPE_STRING, GIM.gtype_string_out() === GObject.TYPE_STRING); // expect: true true
GIM.gtype_string_in(GObject.TYPE_STRING);
GIM.gtype_string_in('gchararray');
GIM.gtype_in(GIM.Object.$gtype === GIM.Object.$gtype ? GObject.TYPE_NONE : 0);
print(GIM.Object.$gtype === GObject.type_from_name('GIMarshallingTestsObject')); // expect: true
print(t(() => GIM.gtype_in(true))); // expect: TypeError: Expected a GType, got 'boolean' (argument 'gtype' of GIMarshallingTests.gtype_in)

// UTF-8 strings, transfer none and full, and filenames.
const UTF8 = 'const \u2665 utf8';
print(GIM.utf8_none_return() === UTF8, GIM.utf8_full_return() === UTF8); // expect: true true
GIM.utf8_none_in(UTF8);
print(GIM.utf8_none_out() === UTF8, GIM.utf8_full_out() === UTF8); // expect: true true
print(JSON.stringify(GIM.utf8_none_inout(UTF8)), JSON.stringify(GIM.utf8_full_inout(UTF8))); // expect: "" ""
print(GIM.utf8_dangling_out()); // expect: null
print(t(() => GIM.utf8_none_in(null))); // expect: TypeError: argument may not be null (argument 'utf8' of GIMarshallingTests.utf8_none_in)
print(t(() => GIM.utf8_none_in(42))); // expect: TypeError: Expected type a string for argument but got type 'number' (argument 'utf8' of GIMarshallingTests.utf8_none_in)
print(JSON.stringify(GIM.filename_list_return())); // expect: []
// A nullable string among others.
GIM.int_two_in_utf8_two_in_with_allow_none(1, 2, '3', '4');
GIM.int_two_in_utf8_two_in_with_allow_none(1, 2, null, null);
GIM.int_one_in_utf8_two_in_one_allows_none(1, null, '3');
print(t(() => GIM.int_one_in_utf8_two_in_one_allows_none(1, '2', null))); // expect: TypeError: argument may not be null (argument 'c' of GIMarshallingTests.int_one_in_utf8_two_in_one_allows_none)
// Several out values come back as an array.
print(JSON.stringify(GIM.int_out_out())); // expect: [6,7]
print(JSON.stringify(GIM.int_return_out())); // expect: [6,7]
print(JSON.stringify(GIM.int_three_in_three_out(1, 2, 3))); // expect: [1,2,3]

// Unichars are one-character strings.
print(JSON.stringify(GIM.array_unichar_out())); // expect: "const ♥ utf8"
print(GIM.array_zero_terminated_return_unichar()); // expect: const ♥ utf8

// Enums and flags: registered and bare (no GType).
print(GIM.GEnum.VALUE1, GIM.GEnum.VALUE2, GIM.GEnum.VALUE3); // expect: 0 1 42
print(GIM.genum_returnv() === GIM.GEnum.VALUE3, GIM.genum_out() === GIM.GEnum.VALUE3); // expect: true true
GIM.genum_in(GIM.GEnum.VALUE3);
print(GIM.genum_inout(GIM.GEnum.VALUE3) === GIM.GEnum.VALUE1); // expect: true
print(GIM.enum_returnv() === GIM.Enum.VALUE3, GIM.enum_out() === GIM.Enum.VALUE3); // expect: true true
GIM.enum_in(GIM.Enum.VALUE3);
print(GIM.enum_inout(GIM.Enum.VALUE3) === GIM.Enum.VALUE1); // expect: true
print(GIM.Flags.VALUE1, GIM.Flags.VALUE2, GIM.Flags.VALUE3, GIM.Flags.MASK, GIM.Flags.MASK2); // expect: 1 2 4 3 3
print(GIM.flags_returnv() === GIM.Flags.VALUE2, GIM.flags_out() === GIM.Flags.VALUE2); // expect: true true
GIM.flags_in(GIM.Flags.VALUE2);
GIM.flags_in_zero(0);
print(GIM.flags_inout(GIM.Flags.VALUE2) === GIM.Flags.VALUE1); // expect: true
print(GIM.no_type_flags_returnv() === GIM.NoTypeFlags.VALUE2, GIM.no_type_flags_out() === GIM.NoTypeFlags.VALUE2); // expect: true true
GIM.no_type_flags_in(GIM.NoTypeFlags.VALUE2);
GIM.no_type_flags_in_zero(0);
print(GIM.no_type_flags_inout(GIM.NoTypeFlags.VALUE2) === GIM.NoTypeFlags.VALUE1); // expect: true
print(GIM.GEnum.$gtype === GObject.type_from_name('GIMarshallingTestsGEnum')); // expect: true
print(t(() => GIM.enum_in('VALUE3'))); // expect: TypeError: Expected type an enum (number) for argument but got type 'string' (argument 'v' of GIMarshallingTests.enum_in)

// Constants.
print(GIM.CONSTANT_NUMBER, GIM.CONSTANT_UTF8 === UTF8); // expect: 42 true
print(GIM.CONSTANT_GERROR_DOMAIN, GIM.CONSTANT_GERROR_CODE, GIM.CONSTANT_GERROR_MESSAGE); // expect: gi-marshalling-tests-gerror-domain 5 gi-marshalling-tests-gerror-message
