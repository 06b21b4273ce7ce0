// Object.hasOwn and Object.is.
print(Object.hasOwn({ a: 1 }, "a"), Object.hasOwn({ a: 1 }, "b"), Object.hasOwn("ab", 0)); // expect: true false true
print(Object.hasOwn(Object.create({ a: 1 }), "a")); // expect: false
print(Object.is(NaN, NaN), Object.is(0, -0), Object.is(-0, -0), Object.is("a", "a"), Object.is({}, {})); // expect: true false true true false
Object.hasOwn(null, "a"); // expect runtime error: TypeError
