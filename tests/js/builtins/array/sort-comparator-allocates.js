// A comparator that allocates (and so may collect) while the values are
// being merged: every value survives, in order, for arrays and typed
// arrays.
var a = [];
for (var i = 0; i < 3000; i++) a.push({ k: (i * 7919) % 1000, s: "v" + i });
var junk = [];
a.sort(function (x, y) { junk.push({ x: x.s + y.s }); if (junk.length > 100) junk = []; return x.k - y.k; });
var ok = true;
for (var i = 1; i < a.length; i++) if (a[i-1].k > a[i].k || typeof a[i].s !== "string") ok = false;
print(ok, a[0].s, a[2999].s); // expect: true v0 v2321
var t = new Float64Array(2000).map(function (v, i) { return (i * 31) % 97; });
t.sort(function (x, y) { var o = { z: [x, y] }; return o.z[0] - o.z[1]; });
print(t[0], t[1999]); // expect: 0 96
[3, 1, 2].sort(function () { throw new RangeError("cmp"); }); // expect runtime error: RangeError: cmp
