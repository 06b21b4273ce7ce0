// Object.assign copies own enumerable strings and symbols with [[Set]].
var s = Symbol("s");
var src = { a: 1, [s]: 2 };
Object.defineProperty(src, "hidden", { value: 3, enumerable: false });
var t = Object.assign({ z: 0 }, null, undefined, src, "xy");
print(t.z, t.a, t[s], t.hidden, t[0], t[1]); // expect: 0 1 2 undefined x y
var seen = "";
var target = { set a(v) { seen += "set:" + v; } };
Object.assign(target, { a: 5 });
print(seen); // expect: set:5
print(typeof Object.assign(1)); // expect: object
var frozen = Object.freeze({ a: 1 });
Object.assign(frozen, { a: 2 }); // expect runtime error: TypeError
