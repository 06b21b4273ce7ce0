// The Object constructor: ToObject, a fresh object for null and
// undefined, subclassing through new.target.
var o = {};
print(Object(o) === o, typeof Object(1), typeof Object(null), typeof new Object()); // expect: true object object object
print(Object(1) instanceof Number, Object("s").length); // expect: true 1
class C extends Object { constructor() { super(); this.v = 1; } }
var c = new C();
print(c.v, c instanceof C, Object.getPrototypeOf(c) === C.prototype); // expect: 1 true true
print(Object.length, Object.name); // expect: 1 Object
