// sort: by string by default, with a comparator, undefined last, holes
// after that.
print([10, 9, 1, 100].sort()); // expect: 1,10,100,9
print([10, 9, 1, 100].sort(function (a, b) { return a - b; })); // expect: 1,9,10,100
var u = [3, undefined, 1, , 2];
u.sort();
print(u.length, u[3], 3 in u, 4 in u); // expect: 5 undefined true false
print(["b", "a", "C"].sort()); // expect: C,a,b
print([true, false, null].sort()); // expect: false,,true
print([].sort().length, [1].sort()[0]); // expect: 0 1
[1, 2].sort(1); // expect runtime error: TypeError
