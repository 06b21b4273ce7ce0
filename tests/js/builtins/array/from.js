// Array.from: iterables, array-likes, a map function and its this.
print(Array.from([1, 2, 3])); // expect: 1,2,3
print(Array.from({ length: 3, 0: "a", 2: "c" })); // expect: a,,c
print(Array.from("abc").length); // expect: 3
print(Array.from([1, 2], function (v, i) { return v * 10 + i + this.k; }, { k: 100 })); // expect: 110,121
var it = {};
it[Symbol.iterator] = function () {
  var n = 0;
  return { next: function () { return { value: n, done: n++ >= 3 }; } };
};
print(Array.from(it)); // expect: 0,1,2
print(Array.from.length); // expect: 1
Array.from([], 5); // expect runtime error: TypeError
