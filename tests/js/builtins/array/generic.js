// The methods work on any array-like, through ToObject (this).
var o = { length: 3, 0: 1, 1: 2, 2: 3 };
print(Array.prototype.map.call(o, function (x) { return x * 2; })); // expect: 2,4,6
print(Array.prototype.indexOf.call("hello", "l")); // expect: 2
print(Array.prototype.includes.call({ length: 1, 0: NaN }, NaN)); // expect: true
Array.prototype.forEach.call(null, function () {}); // expect runtime error: TypeError
