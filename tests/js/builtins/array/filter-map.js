// filter and map visit the elements present, in order.
print([1, 2, 3, 4].filter(function (x) { return x % 2; })); // expect: 1,3
print([1, 2, 3].map(function (x, i) { return x * i; })); // expect: 0,2,6
var m = [1, , 3].map(function (x) { return x; });
print(m.length, 1 in m); // expect: 3 false
var grow = [1, 2];
print(grow.map(function (x) { grow.push(x); return x; }).length); // expect: 2
[1].map(null); // expect runtime error: TypeError
