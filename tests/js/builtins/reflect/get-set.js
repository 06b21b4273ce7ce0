// Reflect.get and Reflect.set with a receiver.
var o = { x: 1, get y() { return this.x * 2; }, set z(v) { this.w = v; } };
print(Reflect.get(o, "x"), Reflect.get(o, "y"), Reflect.get(o, "y", { x: 21 })); // expect: 1 2 42
var r = {};
print(Reflect.set(o, "z", 5, r), r.w, o.w); // expect: true 5 undefined
print(Reflect.set(o, "x", 3, r), r.x, o.x); // expect: true 3 1
var ro = Object.defineProperty({}, "k", { value: 1 });
print(Reflect.set(ro, "k", 2), ro.k); // expect: false 1
print(Reflect.set({}, "k", 2, ro)); // expect: false
print(Reflect.set(o, "q", 1, 5)); // expect: false
Reflect.get(1, "x"); // expect runtime error: TypeError: Reflect.get called on non-object
