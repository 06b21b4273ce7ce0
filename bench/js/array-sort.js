// Array.prototype.sort on 10^6 elements with a comparator: numbers, then
// objects by a key with many ties (which also checks that the sort is
// stable).  Run: time build/cli/gscript bench/js/array-sort.js
var n = 1000000;
var seed = 12345;
function random () {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed;
}
var now = typeof Date === "function" ? Date.now : function () { return 0; };

var a = new Array(n);
for (var i = 0; i < n; i++)
  a[i] = random () % 1000000;
var t0 = now ();
a.sort(function (x, y) { return x - y; });
var t1 = now ();
var sorted = true;
for (var i = 1; i < n; i++)
  if (a[i - 1] > a[i])
    sorted = false;
print("numbers:", sorted ? "sorted" : "NOT SORTED", t1 - t0, "ms");

var b = new Array(n);
for (var i = 0; i < n; i++)
  b[i] = { key: random () % 1000, index: i };
var t2 = now ();
b.sort(function (x, y) { return x.key - y.key; });
var t3 = now ();
var stable = true;
for (var i = 1; i < n; i++)
  if (b[i - 1].key > b[i].key
      || (b[i - 1].key === b[i].key && b[i - 1].index > b[i].index))
    stable = false;
print("objects:", stable ? "sorted, stable" : "NOT STABLE", t3 - t2, "ms");
