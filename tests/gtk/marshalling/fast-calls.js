// Calls with only scalar, enum, string and object in-arguments and one
// such result take the bridge's quick path (a direct C call for integer
// arguments, libffi for floating point).  The library asserts the
// values it receives, so a wrongly widened argument aborts the test.
const GIM = imports.gi.GIMarshallingTests;
// Narrow signed and unsigned integers, at both ends of their range.
GIM.int8_in_max(127); GIM.int8_in_min(-128);
GIM.int16_in_max(32767); GIM.int16_in_min(-32768);
GIM.int32_in_max(2147483647); GIM.int32_in_min(-2147483648);
GIM.short_in_max(32767); GIM.short_in_min(-32768);
GIM.int_in_max(2147483647); GIM.int_in_min(-2147483648);
GIM.uint8_in(255); GIM.uint16_in(65535); GIM.uint32_in(4294967295);
GIM.ushort_in(65535); GIM.uint_in(4294967295);
GIM.boolean_in_true(true); GIM.boolean_in_false(false);
GIM.boolean_in_true(1);                 // converted as JS truthiness
print('integers in');                   // expect: integers in
// Results narrowed to their type.
print(GIM.int8_return_max(), GIM.int8_return_min());   // expect: 127 -128
print(GIM.int16_return_max(), GIM.int16_return_min()); // expect: 32767 -32768
print(GIM.int32_return_max(), GIM.int32_return_min()); // expect: 2147483647 -2147483648
print(GIM.uint8_return(), GIM.uint16_return(), GIM.uint32_return()); // expect: 255 65535 4294967295
print(GIM.boolean_return_true(), GIM.boolean_return_false()); // expect: true false
// Floating point goes through libffi; results come back by value.
GIM.double_in(Number.MAX_VALUE);
GIM.float_in(3.4028234663852886e+38);
print(GIM.double_return() === Number.MAX_VALUE);        // expect: true
print(GIM.float_return() === 3.4028234663852886e+38);   // expect: true
// Enums, flags, strings (null where allowed) and several arguments.
GIM.enum_in(GIM.Enum.VALUE3);
GIM.flags_in(GIM.Flags.VALUE2);
print(GIM.enum_returnv() === GIM.Enum.VALUE3);          // expect: true
GIM.utf8_none_in('const ♥ utf8');
print(GIM.utf8_none_return(), GIM.utf8_full_return());  // expect: const ♥ utf8 const ♥ utf8
GIM.int_two_in_utf8_two_in_with_allow_none(1, 2, '3', '4');
GIM.int_two_in_utf8_two_in_with_allow_none(1, 2, null, null);
print('mixed in');                       // expect: mixed in
// Wrong arguments still throw the general path's errors, naming them.
try { GIM.int8_in_max({}); } catch (e) { print(e.name, /argument 'v'/.test(e.message)); } // expect: TypeError true
try { GIM.utf8_none_in(5); } catch (e) { print(e.name, /utf8/.test(e.message)); } // expect: TypeError true
try { GIM.utf8_none_in(null); } catch (e) { print(e.name); } // expect: TypeError
try { GIM.enum_in({}); } catch (e) { print(e.name); } // expect: TypeError
try { GIM.int8_in_max(); } catch (e) { print(e.message); } // expect: Too few arguments to GIMarshallingTests.int8_in_max: expected 1, got 0
// Many calls at one site.
let sum = 0;
for (let i = 0; i < 1000; i++)
  sum += GIM.int8_return_max() + GIM.int32_return_min() / 2147483648;
print(sum);                              // expect: 126000
