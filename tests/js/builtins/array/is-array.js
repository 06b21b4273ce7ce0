// Array.isArray tells arrays from array-likes.
print(Array.isArray([]), Array.isArray(new Array(2))); // expect: true true
print(Array.isArray({ length: 0 }), Array.isArray("ab")); // expect: false false
print(Array.isArray(), Array.isArray(Array.prototype)); // expect: false true
