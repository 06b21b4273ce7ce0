// A result longer than a string can be is a RangeError.
"abc".repeat(2 ** 29); // expect runtime error: RangeError: Invalid string length
