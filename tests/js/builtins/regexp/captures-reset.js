// Each iteration of a quantified group starts with its captures unset.
function m(p, s) { return JSON.stringify(new RegExp(p).exec(s)); }
print(m("(?:(a)|b)+", "ab")); // expect: ["ab",null]
print(m("(z)((a+)?(b+)?(c))*", "zaacbbbcac")); // expect: ["zaacbbbcac","z","ac","a",null,"c"]
print(m("(?:(?=(abc)))?a", "abc")); // expect: ["a",null]
print(m("(?:(?=(abc))){1,1}a", "abc")); // expect: ["a","abc"]
