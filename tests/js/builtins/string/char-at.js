// charAt, charCodeAt, codePointAt and at read one position.
var s = "a\uD83D\uDE00b";
print(s.charAt(0), s.charAt(9) === "", s.charAt(-1) === ""); // expect: a true true
print(s.charCodeAt(1), s.charCodeAt(99)); // expect: 55357 NaN
print(s.codePointAt(1), s.codePointAt(2), s.codePointAt(4)); // expect: 128512 56832 undefined
print(s.at(0), s.at(-1), s.at(4)); // expect: a b undefined
print("abc".charAt(1.9), "abc".charAt("2"), "abc".charAt()); // expect: b c a
print("x".at.length, "x".charAt.length, "x".codePointAt.length); // expect: 1 1 1
