// Iteration is in insertion order and sees entries added while it runs.
var m = new Map([["a", 1], ["b", 2], ["c", 3]]);
var out = "";
for (var e of m) out += e[0] + e[1] + " ";
print(out); // expect: a1 b2 c3 
out = "";
for (var k of m.keys()) out += k;
print(out); // expect: abc
out = "";
for (var v of m.values()) out += v;
print(out); // expect: 123
// A key deleted and set again moves to the end.
m.delete("a");
m.set("a", 4);
out = "";
for (var e of m.entries()) out += e[0];
print(out); // expect: bca
// Deleting ahead of the iterator skips the entry; adding is seen.
out = "";
for (var k of m.keys()) {
  out += k;
  if (k === "b") { m.delete("c"); m.set("d", 5); }
}
print(out); // expect: bad
print(m[Symbol.iterator] === m.entries, Set.prototype[Symbol.iterator] === Set.prototype.values); // expect: true true
