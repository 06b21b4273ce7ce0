// RegExp.prototype[Symbol.match]: without g the exec result, with g every
// match (empty ones advance lastIndex by one character).
print(JSON.stringify("hello world".match(new RegExp("o", "g")))); // expect: ["o","o"]
print("hello".match(new RegExp("x", "g"))); // expect: null
var m = "hello".match(new RegExp("l(l)"));
print(m[0], m[1], m.index); // expect: ll l 2
print(JSON.stringify("abc".match(new RegExp("", "g")))); // expect: ["","","",""]
print("\u{1F600}".match(new RegExp("", "gu")).length); // expect: 2
print(JSON.stringify("a1".match("\\d"))); // expect: ["1"]
