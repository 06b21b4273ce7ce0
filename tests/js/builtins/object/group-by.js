// Object.groupBy: a null-prototype object of arrays, keys in order of
// first appearance.
var g = Object.groupBy([1, 2, 3, 4, 5], function (x, i) { return x % 2 ? "odd" : "even"; });
print(Object.getPrototypeOf(g), g.odd.length, g.even.length, g.odd[2]); // expect: null 3 2 5
var k = Object.keys(g);
print(k[0], k[1]); // expect: odd even
var idx = Object.groupBy(["a", "b"], function (x, i) { return i; });
print(idx[0][0], idx[1][0]); // expect: a b
Object.groupBy([1], 5); // expect runtime error: TypeError
