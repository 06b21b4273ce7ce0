// GArray, GPtrArray, GByteArray, GBytes, GList, GSList and GHashTable
// through GIMarshallingTests, in every direction and transfer mode the
// library has (none, container, full).  The C side asserts contents
// and frees what the transfer gives it; the ASan run checks that the
// bridge frees the rest exactly once.
const GIM = imports.gi.GIMarshallingTests;
const GLib = imports.gi.GLib;

function t(f) {
  try {
    return f();
  } catch (e) {
    return e.constructor.name + ': ' + e.message;
  }
}
const j = JSON.stringify;
const modes = ['none', 'container', 'full'];

// GArray.
print(j(GIM.garray_int_none_return())); // expect: [-1,0,1,2]
GIM.garray_int_none_in([-1, 0, 1, 2]);
print(j(GIM.garray_uint64_none_return()), GIM.garray_uint64_none_return()[1] === 2 ** 64); // expect: [0,18446744073709552000] true
GIM.garray_uint64_none_in([0, 2 ** 64]);
GIM.garray_bool_none_in([-1, 0, 1, 2]);
GIM.garray_unichar_none_in('const \u2665 utf8');
GIM.garray_unichar_none_in([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x20, 0x2665, 0x20, 0x75, 0x74, 0x66, 0x38]);
GIM.garray_utf8_none_in(['0', '1', '2']);
for (const m of modes) {
  print('garray', m, j(GIM[`garray_utf8_${m}_return`]()), j(GIM[`garray_utf8_${m}_out`]()),
        j(GIM[`garray_utf8_${m}_inout`](['0', '1', '2'])));
}
// expect: garray none ["0","1","2"] ["0","1","2"] ["-2","-1","0","1"]
// expect: garray container ["0","1","2"] ["0","1","2"] ["-2","-1","0","1"]
// expect: garray full ["0","1","2"] ["0","1","2"] ["-2","-1","0","1"]
print(j(GIM.garray_boxed_struct_full_return().map(s => s.long_))); // expect: [42,43,44]
// A caller-allocated GArray: its size is unknown, so the call is refused.
print(t(() => GIM.garray_utf8_full_out_caller_allocated())); // expect: TypeError: GIMarshallingTests.garray_utf8_full_out_caller_allocated cannot be called from script: the caller must allocate argument 'array_' of GIMarshallingTests.garray_utf8_full_out_caller_allocated, and its size is unknown
print(t(() => GIM.garray_int_none_in([1, {}]))); // expect: TypeError: Expected type a number for element 1 of argument but got type 'object' (argument 'array_' of GIMarshallingTests.garray_int_none_in)
print(t(() => GIM.garray_int_none_in(null))); // expect: TypeError: argument may not be null (argument 'array_' of GIMarshallingTests.garray_int_none_in)

// GPtrArray.
GIM.gptrarray_utf8_none_in(['0', '1', '2']);
for (const m of modes) {
  print('gptrarray', m, j(GIM[`gptrarray_utf8_${m}_return`]()), j(GIM[`gptrarray_utf8_${m}_out`]()),
        j(GIM[`gptrarray_utf8_${m}_inout`](['0', '1', '2'])));
}
// expect: gptrarray none ["0","1","2"] ["0","1","2"] ["-2","-1","0","1"]
// expect: gptrarray container ["0","1","2"] ["0","1","2"] ["-2","-1","0","1"]
// expect: gptrarray full ["0","1","2"] ["0","1","2"] ["-2","-1","0","1"]
print(j(GIM.gptrarray_boxed_struct_full_return().map(s => s.long_))); // expect: [42,43,44]

// GByteArray: a Uint8Array out, from a Uint8Array, an array or a string in.
const bytes = GIM.bytearray_full_return();
print(bytes instanceof Uint8Array, j(Array.from(bytes))); // expect: true [0,49,255,51]
GIM.bytearray_none_in(Uint8Array.from([0, 49, 0xff, 51]));
GIM.bytearray_none_in([0, 49, 0xff, 51]);
print(t(() => GIM.bytearray_none_in(42))); // expect: TypeError: Expected type a Uint8Array or a string for argument but got type 'number' (argument 'v' of GIMarshallingTests.bytearray_none_in)

// GBytes.
const gb = GIM.gbytes_full_return();
print(gb instanceof GLib.Bytes, j(Array.from(gb.toArray()))); // expect: true [0,49,255,51]
GIM.gbytes_none_in(gb);
GIM.gbytes_none_in(Uint8Array.from([0, 49, 0xff, 51]));
GIM.gbytes_none_in(GLib.Bytes.new([0, 49, 0xff, 51]));
print(t(() => GIM.gbytes_none_in(42))); // expect: TypeError: Expected type a GLib.Bytes or a Uint8Array for argument but got type 'number' (argument 'v' of GIMarshallingTests.gbytes_none_in)

// GList and GSList.
for (const l of ['glist', 'gslist']) {
  print(l, j(GIM[`${l}_int_none_return`]()));
  GIM[`${l}_int_none_in`]([-1, 0, 1, 2]);
  GIM[`${l}_utf8_none_in`](['0', '1', '2']);
  for (const m of modes) {
    print(l, m, j(GIM[`${l}_utf8_${m}_return`]()), j(GIM[`${l}_utf8_${m}_out`]()),
          j(GIM[`${l}_utf8_${m}_inout`](['0', '1', '2'])));
  }
}
// expect: glist [-1,0,1,2]
// expect: glist none ["0","1","2"] ["0","1","2"] ["-2","-1","0","1"]
// expect: glist container ["0","1","2"] ["0","1","2"] ["-2","-1","0","1"]
// expect: glist full ["0","1","2"] ["0","1","2"] ["-2","-1","0","1"]
// expect: gslist [-1,0,1,2]
// expect: gslist none ["0","1","2"] ["0","1","2"] ["-2","-1","0","1"]
// expect: gslist container ["0","1","2"] ["0","1","2"] ["-2","-1","0","1"]
// expect: gslist full ["0","1","2"] ["0","1","2"] ["-2","-1","0","1"]
print(j(GIM.glist_uint32_none_return())); // expect: [0,4294967295]
GIM.glist_uint32_none_in([0, 4294967295]);
// An empty list is NULL, and null an empty list.
print(t(() => GIM.glist_utf8_none_in([1]))); // expect: TypeError: Expected type a string for argument but got type 'number' (argument 'list' of GIMarshallingTests.glist_utf8_none_in)
print(t(() => GIM.glist_int_none_in('abc'))); // expect: TypeError: Expected type an array for argument but got type 'string' (argument 'list' of GIMarshallingTests.glist_int_none_in)

// GHashTable: string keys, integer keys, values of every width (the
// ones that do not fit a pointer are stored by pointer).
const intDict = { '-1': 1, 0: 0, 1: -1, 2: -2 };
const sortKeys = o => j(Object.keys(o).sort().map(k => [k, o[k]]));
print(sortKeys(GIM.ghashtable_int_none_return())); // expect: [["-1",1],["0",0],["1",-1],["2",-2]]
GIM.ghashtable_int_none_in(intDict);
const strDict = { '-1': '1', 0: '0', 1: '-1', 2: '-2' };
GIM.ghashtable_utf8_none_in(strDict);
for (const m of modes) {
  print('ghashtable', m, sortKeys(GIM[`ghashtable_utf8_${m}_return`]()),
        sortKeys(GIM[`ghashtable_utf8_${m}_out`]()),
        sortKeys(GIM[`ghashtable_utf8_${m}_inout`](strDict)));
}
// expect: ghashtable none [["-1","1"],["0","0"],["1","-1"],["2","-2"]] [["-1","1"],["0","0"],["1","-1"],["2","-2"]] [["-1","1"],["0","0"],["1","1"]]
// expect: ghashtable container [["-1","1"],["0","0"],["1","-1"],["2","-2"]] [["-1","1"],["0","0"],["1","-1"],["2","-2"]] [["-1","1"],["0","0"],["1","1"]]
// expect: ghashtable full [["-1","1"],["0","0"],["1","-1"],["2","-2"]] [["-1","1"],["0","0"],["1","-1"],["2","-2"]] [["-1","1"],["0","0"],["1","1"]]
GIM.ghashtable_double_in({ '-1': -0.1, 0: 0, 1: 0.1, 2: 0.2 });
GIM.ghashtable_float_in({ '-1': -0.1, 0: 0, 1: 0.1, 2: 0.2 });
GIM.ghashtable_int64_in({ '-1': -1, 0: 0, 1: 1, 2: 0x100000000 });
GIM.ghashtable_uint64_in({ '-1': 0x100000000, 0: 0, 1: 1, 2: 2 });
// Symbol keys are not property names a table can have: ignored.
GIM.ghashtable_int_none_in({ [Symbol('s')]: 5, ...intDict });
print(t(() => GIM.ghashtable_int_none_in({ x: 1 }))); // expect: TypeError: argument: the key 'x' is not a number (argument 'hash_table' of GIMarshallingTests.ghashtable_int_none_in)
print(t(() => GIM.ghashtable_utf8_none_in({ a: 1 }))); // expect: TypeError: Expected type a string for argument but got type 'number' (argument 'hash_table' of GIMarshallingTests.ghashtable_utf8_none_in)
print(t(() => GIM.ghashtable_utf8_none_in('x'))); // expect: TypeError: Expected type an object for argument but got type 'string' (argument 'hash_table' of GIMarshallingTests.ghashtable_utf8_none_in)
