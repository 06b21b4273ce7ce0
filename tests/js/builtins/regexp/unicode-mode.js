// With u, a surrogate pair is one character; without, two code units.
var s = "\u{1F600}";
print(new RegExp("^.$", "u").test(s), new RegExp("^.$").test(s)); // expect: true false
print(new RegExp("\\u{1F600}", "u").test(s), new RegExp("\\uD83D", "u").test(s)); // expect: true false
print(new RegExp("\\uD83D").test(s), new RegExp("\\uDE00", "u").test(s)); // expect: true false
print(new RegExp("[\u{1F600}-\u{1F64F}]", "u").test("\u{1F610}")); // expect: true
print("a\u{1F600}b".split(new RegExp("", "u")).length); // expect: 3
print("a\u{1F600}b".split(new RegExp("")).length); // expect: 4
var r = new RegExp(".", "gu");
r.lastIndex = 1;
print(JSON.stringify(r.exec(s)), r.lastIndex); // expect: ["\ude00"] 2
