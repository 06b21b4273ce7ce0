// find, findIndex, findLast and findLastIndex visit holes as undefined.
var a = [5, 12, 8, 130, 44];
print(a.find(function (x) { return x > 10; }), a.findIndex(function (x) { return x > 10; })); // expect: 12 1
print(a.findLast(function (x) { return x > 10; }), a.findLastIndex(function (x) { return x > 10; })); // expect: 44 4
print(a.find(function (x) { return x > 1000; }), a.findIndex(function (x) { return x > 1000; })); // expect: undefined -1
var n = 0;
[1, , 3].find(function () { n++; });
print(n); // expect: 3
