// The callback methods share one loop with the typed arrays': holes are
// skipped by forEach, map, filter, every, some and reduce, but visited
// (as undefined) by find and its kin; a callback that deletes ahead
// makes the element a hole before it is reached.
var a = [1, , 3];
var seen = [];
a.forEach(function (v, k) { seen.push(k); });
print(seen.join()); // expect: 0,2
seen = [];
a.find(function (v, k) { seen.push(k + ":" + v); });
print(seen.join()); // expect: 0:1,1:undefined,2:3
print(a.findLastIndex(function (v) { return v === undefined; })); // expect: 1
print(a.map(function (v) { return v * 2; }).hasOwnProperty(1)); // expect: false
print(a.reduceRight(function (acc, v) { return acc + v; })); // expect: 4
var b = [1, 2, 3];
print(b.filter(function (v, k, o) { delete o[2]; return true; }).join()); // expect: 1,2
try { [, ,].reduce(function () {}); } catch (e) { print(e.name); } // expect: TypeError
// Typed arrays have no holes; filter hands the species the kept count.
var t = new Int8Array([5, 6, 7, 8]);
print(t.filter(function (v) { return v % 2; }).join()); // expect: 5,7
print(t.findLast(function (v) { return v < 7; })); // expect: 6
print(t.reduce(function (acc, v) { return acc * v; }, 1)); // expect: 1680
try { new Int8Array(0).reduceRight(function () {}); } catch (e) { print(e.name); } // expect: TypeError
try { t.every(null); } catch (e) { print(e.message); } // expect: %TypedArray%.prototype.every: null is not a function
[].some({}); // expect runtime error: TypeError: Array.prototype.some:
