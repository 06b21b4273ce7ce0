// fromCodePoint makes surrogate pairs above U+FFFF.
var s = String.fromCodePoint(0x1F600, 97);
print(s.length, s.charCodeAt(0), s.charCodeAt(1), s[2]); // expect: 3 55357 56832 a
print(String.fromCodePoint()); // expect: 
print(String.fromCodePoint(-0) === "\0"); // expect: true
String.fromCodePoint(0x110000); // expect runtime error: RangeError: Invalid code point 1114112
