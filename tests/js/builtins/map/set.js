var s = new Set();
print(s.add(1) === s, s.size); // expect: true 1
s.add(1).add(2).add("2");
print(s.size, s.has(2), s.has("2"), s.has(3)); // expect: 3 true true false
print(s.delete(2), s.delete(2), s.size); // expect: true false 2
var out = "";
for (var v of new Set(["x", "y", "x", "z"])) out += v;
print(out); // expect: xyz
var e = new Set(["k"]).entries().next().value;
print(e.length, e[0], e[1]); // expect: 2 k k
print(Set.prototype.keys === Set.prototype.values); // expect: true
s.clear();
print(s.size); // expect: 0
