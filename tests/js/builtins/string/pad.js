// padStart and padEnd fill to a length with a repeated filler.
print("5".padStart(3, "0"), "5".padEnd(3, "0")); // expect: 005 500
print("abc".padStart(8, "12"), "abc".padEnd(8, "12")); // expect: 12121abc abc12121
print("[" + "a".padStart(3) + "]", "[" + "a".padEnd(3) + "]"); // expect: [  a] [a  ]
print("abc".padStart(2, "x"), "abc".padStart(6, ""), "abc".padEnd(NaN)); // expect: abc abc abc
print("x".padStart(3, "\u0100").charCodeAt(0)); // expect: 256
print("".padEnd.length, "".padStart.length); // expect: 1 1
"x".padStart(2 ** 31, "y"); // expect runtime error: RangeError: Invalid string length
