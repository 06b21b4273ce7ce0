// length and name of the methods.
var p = Object.getPrototypeOf(Int8Array.prototype);
print(p.set.length, p.subarray.length, p.slice.length, p.copyWithin.length, p.with.length); // expect: 1 2 2 2 2
print(p.sort.length, p.fill.length, p.entries.length, p[Symbol.iterator].name); // expect: 1 1 0 values
var d = Object.getOwnPropertyDescriptor(Int8Array, "BYTES_PER_ELEMENT");
print(d.writable, d.enumerable, d.configurable); // expect: false false false
