// sort is stable: equal keys keep their order.
var a = [];
for (var i = 0; i < 200; i++) a.push({ k: i % 3, i: i });
a.sort(function (x, y) { return x.k - y.k; });
var ok = true;
for (var j = 1; j < a.length; j++)
  if (a[j - 1].k === a[j].k && a[j - 1].i > a[j].i) ok = false;
print(ok, a[0].i, a[199].i); // expect: true 0 197
