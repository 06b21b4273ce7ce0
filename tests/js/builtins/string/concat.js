// concat appends each argument, converted.
print("a".concat()); // expect: a
print("a".concat("b", 1, null, undefined, true)); // expect: ab1nullundefinedtrue
var big = "x".concat("y".repeat(100));
print(big.length); // expect: 101
print(String.prototype.concat.length); // expect: 1
