// every, some, forEach, map, filter, find and the reduces.
var t = new Int16Array([1, 2, 3, 4]);
print(t.every(function (x) { return x > 0; }), t.some(function (x) { return x > 3; })); // expect: true true
var m = t.map(function (x) { return x * 100; });
print(m.join(), m instanceof Int16Array); // expect: 100,200,300,400 true
var f = t.filter(function (x) { return x % 2 === 0; });
print(f.join(), f.length, f instanceof Int16Array); // expect: 2,4 2 true
print(t.find(function (x) { return x > 2; }), t.findIndex(function (x) { return x > 2; })); // expect: 3 2
print(t.findLast(function (x) { return x < 3; }), t.findLastIndex(function (x) { return x > 9; })); // expect: 2 -1
print(t.reduce(function (a, b) { return a + b; }), t.reduceRight(function (a, b) { return a + "" + b; })); // expect: 10 4321
var s = 0;
t.forEach(function (x, i, o) { s += x * i + (o === t ? 0 : 1000); });
print(s); // expect: 20
new Int8Array(1).map(3); // expect runtime error: TypeError
