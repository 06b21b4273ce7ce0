// Labelled break and continue, switch fallthrough and default placement.
var out = [];
outer: for (var i = 0; i < 3; i++) {
  for (var j = 0; j < 3; j++) {
    if (j === 1) continue outer;
    if (i === 2) break outer;
    out.push(i + "" + j);
  }
}
print(out.join()); // expect: 00,10
block: { out = ["in"]; break block; out.push("never"); }
print(out.join()); // expect: in
function sw(x) {
  var r = [];
  switch (x) {
    case 1: r.push("one");
    default: r.push("default");
    case 2: r.push("two"); break;
    case 3: r.push("three");
  }
  return r.join("+");
}
print(sw(1), sw(2), sw(3), sw(9)); // expect: one+default+two two three default+two
// Cases compare with ===, evaluated in order, lazily.
var seen = [];
switch ("1") { case (seen.push("a"), 1): break; case (seen.push("b"), "1"): seen.push("hit"); case (seen.push("c"), 2): }
print(seen.join()); // expect: a,b,hit
