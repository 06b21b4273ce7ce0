// includes, startsWith and endsWith.
var s = "hello world";
print(s.includes("o w"), s.includes("o w", 4), s.includes("o w", 5)); // expect: true true false
print(s.startsWith("hello"), s.startsWith("world", 6), s.startsWith("")); // expect: true true true
print(s.endsWith("world"), s.endsWith("hello", 5), s.endsWith("o", 99)); // expect: true true false
print(s.endsWith("hello", -1), s.startsWith("d", 10), s.startsWith("hello", -3)); // expect: false true true
print(s.includes.length, s.startsWith.length, s.endsWith.length); // expect: 1 1 1
