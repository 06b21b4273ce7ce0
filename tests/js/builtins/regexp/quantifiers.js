// Greedy and lazy quantifiers, bounds, and the empty check: an optional
// iteration may not match the empty string.
function m(p, s) { var r = new RegExp(p).exec(s); return r && JSON.stringify(r); }
print(m("a{2,3}", "aaaa"), m("a{2,3}?", "aaaa")); // expect: ["aaa"] ["aa"]
print(m("a*?b", "aaab"), m("(a|ab)*c", "abac")); // expect: ["aaab"] ["abac","a"]
print(m("(a*)*", "b"), m("(a*)+", "b")); // expect: ["",null] ["",""]
print(m("(a?b??)*", "ab")); // expect: ["ab","b"]
print(m("(?:a|b)*?c", "abc")); // expect: ["abc"]
print(m("x{0}y", "y"), m("(x){0}y", "xy")); // expect: ["y"] ["y",null]
print(new RegExp("b{9007199254740991}").test("b")); // expect: false
