// every and some stop early and skip holes.
var seen = [];
print([1, 2, 3].every(function (x) { seen.push(x); return x < 2; }), seen); // expect: false 1,2
print([1, , 3].some(function (x) { return x === undefined; })); // expect: false
print([].every(function () { return false; }), [].some(function () { return true; })); // expect: true false
print([2].some(function (x, i, o) { return this.v === 7 && i === 0 && o.length === 1; }, { v: 7 })); // expect: true
