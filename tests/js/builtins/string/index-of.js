// indexOf and lastIndexOf search for a string from a position.
var s = "abcabc";
print(s.indexOf("c"), s.indexOf("c", 3), s.indexOf("c", 6), s.indexOf("d")); // expect: 2 5 -1 -1
print(s.indexOf(""), s.indexOf("", 4), s.indexOf("", 99)); // expect: 0 4 6
print(s.lastIndexOf("b"), s.lastIndexOf("b", 3), s.lastIndexOf("b", 0)); // expect: 4 1 -1
print(s.lastIndexOf("", 2), s.lastIndexOf("b", NaN), s.lastIndexOf("a", -5)); // expect: 2 4 0
print("x\u0100yx\u0100".indexOf("x\u0100", 1)); // expect: 3
print("\u0100abc".indexOf("bc"), "abc".indexOf("\u0100")); // expect: 2 -1
print("undefined".indexOf()); // expect: 0
