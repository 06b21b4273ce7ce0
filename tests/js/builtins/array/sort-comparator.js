// The comparator's result is a number; NaN counts as equal; throwing stops
// the sort and leaves the array as it was.
print([3, 1, 2].sort(function (a, b) { return { valueOf: function () { return a - b; } }; })); // expect: 1,2,3
print([3, 1, 2].sort(function () { return NaN; })); // expect: 3,1,2
var a = [3, 1, 2];
try {
  a.sort(function () { throw new Error("no"); });
} catch (e) {
  print(e.message, a); // expect: no 3,1,2
}
var o = { length: 3, 0: "c", 1: "a", 2: "b" };
Array.prototype.sort.call(o);
print(o[0], o[1], o[2]); // expect: a b c
