// String.raw interleaves the raw strings with the substitutions.
print(String.raw({ raw: ["a", "b", "c"] }, 1, 2, 3)); // expect: a1b2c
print(String.raw({ raw: "xyz" }, "-", "+")); // expect: x-y+z
print(String.raw({ raw: { length: 0 } }, 1)); // expect: 
print(String.raw({ raw: ["only"] })); // expect: only
String.raw({}); // expect runtime error: TypeError
