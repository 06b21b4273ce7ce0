// A code point must be an integer.
String.fromCodePoint(3.5); // expect runtime error: RangeError: Invalid code point 3.5
