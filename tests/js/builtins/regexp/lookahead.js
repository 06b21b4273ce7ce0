// Lookaheads are atomic: once they succeed, backtracking does not reenter
// them; negative ones leave no captures.
function m(p, s) { return JSON.stringify(new RegExp(p).exec(s)); }
print(m("(?=(a+))", "baaabac")); // expect: ["","aaa"]
print(m("(?=(a+))a*b\\1", "baaabac")); // expect: ["aba","a"]
print(m("(.*?)a(?!(a+)b\\2c)\\2(.*)", "baaabaac")); // expect: ["baaabaac","ba",null,"abaac"]
print(m("\\d+(?!px)\\b", "12px 34em 56")); // expect: ["56"]
