// indexOf, lastIndexOf, includes, at, join.
var t = new Float64Array([1, NaN, -0, 1]);
print(t.indexOf(1), t.lastIndexOf(1), t.indexOf(NaN), t.includes(NaN)); // expect: 0 3 -1 true
print(t.indexOf(0), t.includes(0), t.indexOf("1"), t.indexOf(1, 1)); // expect: 2 true -1 3
print(t.at(-1), t.at(4), t.join("|")); // expect: 1 undefined 1|NaN|0|1
print(new Uint8Array(0).includes(undefined)); // expect: false
