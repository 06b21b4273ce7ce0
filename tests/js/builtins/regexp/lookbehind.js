// Lookbehinds match backwards, of any length, with captures and
// backreferences read right to left.
function m(p, s) { return JSON.stringify(new RegExp(p).exec(s)); }
print(m("(?<=\\$)\\d+(\\.\\d+)?", "cost: $10.53")); // expect: ["10.53",".53"]
print(m("(?<!\\$)\\b\\d+", "$4 and 42")); // expect: ["42"]
print(m("(?<=(\\d+)(\\d+))$", "1053")); // expect: ["","1","053"]
print(m("(?<=(\\d)\\1)x", "11x")); // expect: ["x","1"]
print(m("(?<=^\\w+)b", "aaab")); // expect: ["b"]
print(m("(?<=a(?=b)b)c", "abc")); // expect: ["c"]
print(m("(?<=\\u{1F600})x", "\u{1F600}x")); // expect: null
print(JSON.stringify(new RegExp("(?<=\\u{1F600})x", "u").exec("\u{1F600}x"))); // expect: ["x"]
