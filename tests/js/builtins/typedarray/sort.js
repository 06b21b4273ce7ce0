// Sorting is numeric by default, -0 before +0, NaN last.
var t = new Float64Array([3, NaN, -0, 0, -Infinity, 10, 2]);
t.sort();
print(t.join(), 1 / t[1]); // expect: -Infinity,0,0,2,3,10,NaN -Infinity
print(new Int8Array([5, 1, 4]).sort(function (a, b) { return b - a; }).join()); // expect: 5,4,1
var u = new Uint32Array([4294967295, 0, 10]);
print(u.toSorted().join(), u.join()); // expect: 0,10,4294967295 4294967295,0,10
new Int8Array(1).sort(5); // expect runtime error: TypeError
