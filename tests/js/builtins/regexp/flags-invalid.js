// Unknown and repeated flags, and u with v, are SyntaxErrors.
["x", "gg", "uv", "G"].forEach(function (f) {
  try { new RegExp("a", f); print("no error"); }
  catch (e) { print(e.name); }
});
// expect: SyntaxError
// expect: SyntaxError
// expect: SyntaxError
// expect: SyntaxError
