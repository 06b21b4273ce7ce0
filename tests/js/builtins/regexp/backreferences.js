// Backreferences match what their group matched; an unset or later group
// matches the empty string; with i they compare case-insensitively.
function m(p, f, s) { return JSON.stringify(new RegExp(p, f).exec(s)); }
print(m("(\\w)\\1", "", "abccd")); // expect: ["cc","c"]
print(m("\\1(a)", "", "aa")); // expect: ["a","a"]
print(m("(a)|\\1b", "", "b")); // expect: ["b",null]
print(m("(a)\\1", "i", "aA")); // expect: ["aA","a"]
print(m("(?<x>.)\\k<x>", "u", "\u{1F600}\u{1F600}").length); // expect: 13
print(m("(a*)b\\1+", "", "baaaac")); // expect: ["b",""]
