// Object.create with a prototype and property descriptors.
var proto = { greet: function () { return "hi " + this.name; } };
var o = Object.create(proto, {
  name: { value: "ann", enumerable: true },
  age: { get: function () { return 42; } },
});
print(o.greet(), o.age, Object.getPrototypeOf(o) === proto); // expect: hi ann 42 true
print(Object.keys(o).length); // expect: 1
var bare = Object.create(null);
print(Object.getPrototypeOf(bare), "toString" in bare); // expect: null false
try { Object.create(1); } catch (e) { print(e.name); } // expect: TypeError
Object.create({}, { x: 1 }); // expect runtime error: TypeError: Property description must be an object
