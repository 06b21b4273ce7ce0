// map, filter, slice and subarray make their results with the species.
class Sub extends Uint8Array {}
var s = new Sub([1, 2, 3]);
print(s.map(function (x) { return x; }) instanceof Sub, s.slice(1) instanceof Sub, s.subarray(1) instanceof Sub); // expect: true true true
var t = new Uint8Array([1, 2, 3]);
t.constructor = {};
t.constructor[Symbol.species] = function (n) { return new Int16Array(n); };
var m = t.map(function (x) { return x * 1000; });
print(m instanceof Int16Array, m.join()); // expect: true 1000,2000,3000
