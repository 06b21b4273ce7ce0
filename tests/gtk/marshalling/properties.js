// GObject properties of every type on GIMarshallingTests.PropertiesObject:
// read and written by snake_case, camelCase and kebab-case names (through
// brackets), each write notifying once.
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
const obj = new GIM.PropertiesObject();

function camel(s) {
  return s.replace(/_(\w)/g, (_, c) => c.toUpperCase());
}

// Sets a property by each of its names, checks the value read back with
// same () and counts the notifications.
function check(type, v1, v2, same = (a, b) => j(a) === j(b)) {
  const snake = `some_${type}`;
  const names = [snake, camel(snake), snake.replace(/_/g, '-')];
  let ok = true, notified = 0;
  const id = obj.connect(`notify::${snake.replace(/_/g, '-')}`, () => notified++);
  for (const name of names) {
    obj[name] = v1;
    ok = ok && same(obj[name], v1);
    obj[name] = v2;
    ok = ok && same(obj[name], v2);
  }
  obj.disconnect(id);
  print(type, ok, notified);
}

check('boolean', true, false);
check('char', 42, -64);
check('uchar', 42, 255);
check('int', 42, -2147483648);
check('uint', 42, 4294967295);
check('long', 42, -64);
check('ulong', 42, 64);
check('int64', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
check('uint64', 42, Number.MAX_SAFE_INTEGER);
check('float', Math.E, Math.PI, (a, b) => Math.abs(a - b) < 1e-6);
check('double', Math.E, Math.PI);
check('string', 'Gjs', 'is cool!');
check('string', 'and supports', null);
check('strv', ['0', '1', '2'], []);
check('boxed_struct', new GIM.BoxedStruct({ long_: 1 }), new GIM.BoxedStruct({ long_: 42 }),
  (a, b) => a.long_ === b.long_);
check('boxed_struct', new GIM.BoxedStruct(), null, (a, b) => (a && a.long_) === (b && b.long_));
check('gvalue', 42, 'foo');
check('variant', new GLib.Variant('b', true), new GLib.Variant('s', 'hello'),
  (a, b) => a.equal(b));
const o1 = new GObject.Object(), o2 = new GIM.Object({ int: 42 });
check('object', o1, o2, (a, b) => a === b);
check('object', new GIM.PropertiesObject({ some_int: 23 }), null, (a, b) => a === b);
check('flags', GIM.Flags.VALUE2, GIM.Flags.VALUE1 | GIM.Flags.VALUE2);
check('enum', GIM.GEnum.VALUE2, GIM.GEnum.VALUE3);
check('byte_array', Uint8Array.of(1, 2, 3), new TextEncoder().encode('\u{1f47e}'),
  (a, b) => j(Array.from(a)) === j(Array.from(b)));
check('byte_array', Uint8Array.of(3, 2, 1), null,
  (a, b) => j(a && Array.from(a)) === j(b && Array.from(b)));
// expect: boolean true 6
// expect: char true 6
// expect: uchar true 6
// expect: int true 6
// expect: uint true 6
// expect: long true 6
// expect: ulong true 6
// expect: int64 true 6
// expect: uint64 true 6
// expect: float true 6
// expect: double true 6
// expect: string true 6
// expect: string true 6
// expect: strv true 6
// expect: boxed_struct true 6
// expect: boxed_struct true 6
// expect: gvalue true 6
// expect: variant true 6
// expect: object true 6
// expect: object true 6
// expect: flags true 6
// expect: enum true 6
// expect: byte_array true 6
// expect: byte_array true 6

// A boxed GList property (null only: no GType tells its elements).
obj.some_boxed_glist = null;
print(obj.some_boxed_glist); // expect: null

// Construct properties, by every name.
const c = new GIM.PropertiesObject({ some_int: 1, someUint: 2, 'some-string': 'x' });
print(c.some_int, c.some_uint, c.some_string); // expect: 1 2 x

// Read-only properties.
print(obj.some_readonly); // expect: 42
print(t(() => { obj.some_readonly = 35; })); // expect: TypeError: Property some-readonly of GIMarshallingTests.PropertiesObject is read-only

// Wrong types and out of range values.
print(t(() => { obj.some_int = 'x'; })); // expect: TypeError: Expected a number for property some-int
print(t(() => { obj.some_char = 128; })); // expect: RangeError: value is out of range for property some-char
print(t(() => { obj.some_uchar = -1; })); // expect: RangeError: value is out of range for property some-uchar
print(t(() => { obj.some_uint = -1; })); // expect: RangeError: value is out of range for property some-uint
print(t(() => { obj.some_int = 2 ** 31; })); // expect: RangeError: value is out of range for property some-int
print(t(() => { obj.some_object = new GLib.Variant('b', true); })); // expect: TypeError: Expected an object of type GObject.Object for property some-object
print(t(() => { obj.some_boxed_struct = new GIM.SimpleStruct(); })); // expect: TypeError: Expected a GIMarshallingTests.BoxedStruct for property some-boxed-struct
print(t(() => { obj.some_strv = 'abc'; })); // expect: TypeError: Expected an array of strings for property some-strv
print(t(() => { obj.some_variant = 42; })); // expect: TypeError: Expected a GLib.Variant for property some-variant
// A refused value leaves the property as it was.
print(obj.some_int, obj.some_char); // expect: -2147483648 -64

// 64-bit properties take BigInts exactly (read back as numbers).
obj.some_int64 = -(2n ** 63n);
print(obj.some_int64 === -(2 ** 63)); // expect: true
obj.some_uint64 = 2n ** 64n - 1n;
print(obj.some_uint64 === 2 ** 64); // expect: true
print(t(() => { obj.some_int64 = 2n ** 63n; })); // expect: RangeError: value is out of range for property some-int64
print(t(() => { obj.some_uint64 = -1n; })); // expect: RangeError: value is out of range for property some-uint64
print(t(() => { obj.some_uint64 = -1; })); // expect: RangeError: value is out of range for property some-uint64
// A GValue property holding a BigInt holds a 64-bit integer.
obj.some_gvalue = 2n ** 64n - 1n;
print(obj.some_gvalue === 2 ** 64); // expect: true
