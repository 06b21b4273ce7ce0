// slice counts negative positions from the end; substring clamps and swaps.
var s = "abcdef";
print(s.slice(2), s.slice(-2), s.slice(1, -1), s.slice(4, 2) === ""); // expect: cdef ef bcde true
print(s.substring(4, 2), s.substring(-3, 2), s.substring(2, NaN)); // expect: cd ab ab
print(s.slice(-Infinity, Infinity), s.substring(Infinity)); // expect: abcdef 
print(s.slice.length, s.substring.length); // expect: 2 2
