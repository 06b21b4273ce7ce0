// Object.keys, values and entries: indices ascending, then strings in
// insertion order; symbols and non-enumerable properties left out.
var o = { b: 1, a: 2, 10: "x", 2: "y", [Symbol("s")]: 3 };
Object.defineProperty(o, "hidden", { value: 4 });
var k = Object.keys(o);
print(k.length, k[0], k[1], k[2], k[3]); // expect: 4 2 10 b a
var v = Object.values(o);
print(v[0], v[1], v[2], v[3]); // expect: y x 1 2
var e = Object.entries(o);
print(e.length, e[0][0], e[0][1], e[3][0], e[3][1]); // expect: 4 2 y a 2
print(typeof Object.keys("ab")[0], Object.keys("ab")[1]); // expect: string 1
print(Object.keys(5).length); // expect: 0
Object.keys(null); // expect runtime error: TypeError: Cannot convert null to object
