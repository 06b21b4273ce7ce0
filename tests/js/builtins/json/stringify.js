// JSON.stringify of the value types.
print(JSON.stringify({ a: [1, "x", null, true, undefined, function () {}, Symbol()], u: undefined, f: function () {} })); // expect: {"a":[1,"x",null,true,null,null,null]}
print(JSON.stringify(NaN), JSON.stringify(-0), JSON.stringify(1e21), JSON.stringify(Infinity)); // expect: null 0 1e+21 null
print(JSON.stringify(undefined), JSON.stringify(function () {}), JSON.stringify(Symbol())); // expect: undefined undefined undefined
print(JSON.stringify(Object(5)), JSON.stringify(Object(false)), JSON.stringify({ [Symbol()]: 1, 2: 2, b: 3 })); // expect: 5 false {"2":2,"b":3}
print(JSON.stringify("\u2028") === '"\u2028"', JSON.stringify("\ud800\udc00\udc00\"\\\b\u0001")); // expect: true "𐀀\udc00\"\\\b\u0001"
var d = { toJSON: function (key) { return "key=" + key; } };
print(JSON.stringify({ p: d }), JSON.stringify([d])); // expect: {"p":"key=p"} ["key=0"]
var cyc = [];
cyc.push({ back: cyc });
JSON.stringify(cyc); // expect runtime error: TypeError: Converting circular structure to JSON
