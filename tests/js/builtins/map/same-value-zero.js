// Keys compare with SameValueZero: NaN is one key, -0 is +0, and
// strings compare by content however they were made.
var m = new Map();
m.set(NaN, "nan");
print(m.get(NaN), m.get(0 / 0)); // expect: nan nan
m.set(-0, "zero");
print(m.get(0), m.get(-0), m.size); // expect: zero zero 2
for (var k of m.keys()) if (k === 0) print(1 / k); // expect: Infinity
m.set(1.5, "x");
print(m.get(3 / 2)); // expect: x
m.set(2, "int");
print(m.get(4 / 2), m.get(2.0)); // expect: int int
var s = "ab";
m.set(s + "cd", "concat");
print(m.get("abcd"), m.get("a" + "bcd")); // expect: concat concat
var o = {};
m.set(o, "obj");
print(m.get(o), m.get({})); // expect: obj undefined
m.set(true, "t");
m.set(null, "n");
m.set(undefined, "u");
print(m.get(true), m.get(null), m.get(undefined), m.get(1)); // expect: t n u undefined
var set = new Set([0, -0, NaN, NaN, "1", 1]);
print(set.size); // expect: 4
