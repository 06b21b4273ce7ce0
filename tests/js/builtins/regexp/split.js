// RegExp.prototype[Symbol.split]: captures are spliced in, empty matches
// split between characters, the limit counts every element.
function s(str, p, f, lim) { return JSON.stringify(str.split(new RegExp(p, f), lim)); }
print(s("a1b2c", "\\d")); // expect: ["a","b","c"]
print(s("a1b2c", "(\\d)")); // expect: ["a","1","b","2","c"]
print(s("abc", "")); // expect: ["a","b","c"]
print(s("a,b,c", ",", "", 2)); // expect: ["a","b"]
print(s("", "x"), s("", "")); // expect: [""] []
print(s("A<B>bold</B>and<CODE>coded</CODE>", "<(\\/)?([^<>]+)>")); // expect: ["A",null,"B","bold","/","B","and",null,"CODE","coded","/","CODE",""]
print(s("\u{1F600}x", "", "u").length); // expect: 10
