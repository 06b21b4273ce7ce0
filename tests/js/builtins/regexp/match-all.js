// matchAll returns a RegExp String Iterator over exec results; a RegExp
// without g is a TypeError for String.prototype.matchAll.
var it = "a1b22".matchAll(new RegExp("\\d+", "g"));
print(Object.prototype.toString.call(it)); // expect: [object RegExp String Iterator]
print(Array.from(it, function (m) { return m[0] + "@" + m.index; }).join()); // expect: 1@1,22@3
try { "a".matchAll(new RegExp("a")); } catch (e) { print(e.name); } // expect: TypeError
var r = new RegExp("a", "g");
r.lastIndex = 1;
var all = Array.from("aaa".matchAll(r));
print(all.length, r.lastIndex); // expect: 2 1
print(Array.from("xx".matchAll("x")).length); // expect: 2
