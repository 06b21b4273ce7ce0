// Malformed patterns are SyntaxErrors when the RegExp is made.
var bad = ["(", "a**", "[b-a]", "a{2,1}", "(?<n>a)(?<n>b)", "\\k<x>(?<y>)",
           "(?<=a)+", "x{1}{2}"];
bad.forEach(function (p) {
  try { new RegExp(p); print("compiled", p); }
  catch (e) { print(e instanceof SyntaxError); }
});
// expect: true
// expect: true
// expect: true
// expect: true
// expect: true
// expect: true
// expect: true
// expect: true
var ubad = ["\\1", "]", "{", "\\-", "[\\d-z]", "\\u{110000}", "(?=a)*", "\\c"];
ubad.forEach(function (p) {
  try { new RegExp(p, "u"); print("compiled", p); }
  catch (e) { print(e instanceof SyntaxError); }
});
// expect: true
// expect: true
// expect: true
// expect: true
// expect: true
// expect: true
// expect: true
// expect: true
