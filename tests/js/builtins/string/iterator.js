// Strings iterate by code points.
var out = "";
for (var c of "a\uD83D\uDE00\uD800b") out += c.length;
print(out); // expect: 1211
var it = "xy"[Symbol.iterator]();
var r = it.next();
print(r.value, r.done); // expect: x false
it.next();
r = it.next();
print(r.value, r.done); // expect: undefined true
print(Object.getPrototypeOf(Object.getPrototypeOf(it)) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))); // expect: true
print(Object.prototype.toString.call(it)); // expect: [object String Iterator]
print([..."\uD83D\uDE00!"].length); // expect: 2
