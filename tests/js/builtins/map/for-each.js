var m = new Map([["a", 1], ["b", 2]]);
var self = {};
m.forEach(function (v, k, map) {
  print(k, v, map === m, this === self);
  if (k === "a") m.set("c", 3);
}, self);
// expect: a 1 true true
// expect: b 2 true true
// expect: c 3 true true
var s = new Set([1, 2, 3]);
s.forEach(function (v, k) {
  print(v, k);
  if (v === 1) s.delete(2);
});
// expect: 1 1
// expect: 3 3
// Clearing inside forEach stops it.
var count = 0;
new Set([1, 2, 3]).forEach(function (v, k, set) { count++; set.clear(); });
print(count); // expect: 1
try { m.forEach(1); } catch (e) { print(e.name); } // expect: TypeError
