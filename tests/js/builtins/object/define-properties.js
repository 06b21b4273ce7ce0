// Object.defineProperties reads every descriptor before defining any.
var o = {};
try {
  Object.defineProperties(o, { a: { value: 1 }, b: { get: 5 } });
} catch (e) {
  print(e.name, "a" in o); // expect: TypeError false
}
Object.defineProperties(o, { a: { value: 1, enumerable: true }, 0: { value: "z" } });
print(o.a, o[0], Object.keys(o).length); // expect: 1 z 1
Object.defineProperties(1, {}); // expect runtime error: TypeError: Object.defineProperties called on non-object
