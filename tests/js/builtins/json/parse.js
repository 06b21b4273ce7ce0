// JSON.parse: the JSON grammar, nothing more.
var v = JSON.parse(' {"a": [1, -2.5e1, true, null, "x\\u0041\\n\\/"], "b": {}, "": 0} ');
print(v.a[0], v.a[1], v.a[2], v.a[3], v.a[4].length, v.b, v[""]); // expect: 1 -25 true null 4 [object Object] 0
print(1 / JSON.parse("-0"), JSON.parse('"\\ud83d\\ude00"').length, JSON.parse(" 5 ")); // expect: -Infinity 2 5
var dup = JSON.parse('{"k": 1, "k": 2, "__proto__": 3}');
print(dup.k, Object.getPrototypeOf(dup) === Object.prototype, dup.__proto__); // expect: 2 true 3
print(JSON.parse("1e400"), JSON.parse("123456789012345678901234567890")); // expect: Infinity 1.2345678901234568e+29
print(JSON.parse(1), JSON.parse(null), JSON.parse(true)); // expect: 1 null true
JSON.parse("{'a': 1}"); // expect runtime error: SyntaxError: Unexpected token ''' in JSON at position 1
