// repeat concatenates count copies.
print("ab".repeat(3), "x".repeat(0) === "", "".repeat(5) === ""); // expect: ababab true true
print("\u0100".repeat(4).length, "abc".repeat(2.9)); // expect: 4 abcabc
print("z".repeat(1000).length); // expect: 1000
"a".repeat(-1); // expect runtime error: RangeError: Invalid count value: -1
