var m = new Map();
print(m.size); // expect: 0
print(m.set("a", 1) === m); // expect: true
m.set("b", 2);
print(m.get("a"), m.get("b"), m.get("c")); // expect: 1 2 undefined
print(m.has("a"), m.has("c")); // expect: true false
print(m.delete("a"), m.delete("a")); // expect: true false
print(m.size); // expect: 1
m.set("b", 3);
print(m.size, m.get("b")); // expect: 1 3
m.clear();
print(m.size, m.get("b")); // expect: 0 undefined
var m2 = new Map([[1, "one"], [2, "two"]]);
print(m2.size, m2.get(1), m2.get(2)); // expect: 2 one two
print(new Map(null).size, new Map(undefined).size); // expect: 0 0
