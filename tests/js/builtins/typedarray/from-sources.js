// Constructing from arrays, array-likes, iterables and other typed arrays.
print(new Uint8Array([1, 2, 3]).join()); // expect: 1,2,3
print(new Uint8Array({ length: 2, 0: 7, 1: 8 }).join()); // expect: 7,8
var it = {};
it[Symbol.iterator] = function () {
  var n = 0;
  return { next: function () { return { value: n * 2, done: n++ >= 3 }; } };
};
print(new Int32Array(it).join()); // expect: 0,2,4
var f = new Float64Array([1.5, -2.5, 300]);
print(new Int8Array(f).join(), new Uint8ClampedArray(f).join()); // expect: 1,-2,44 2,0,255
var copy = new Float64Array(f);
copy[0] = 9;
print(f[0], copy[0], copy.buffer !== f.buffer); // expect: 1.5 9 true
