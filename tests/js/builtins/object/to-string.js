// Object.prototype.toString: builtin tags and Symbol.toStringTag.
var ts = Object.prototype.toString;
print(ts.call(undefined), ts.call(null)); // expect: [object Undefined] [object Null]
print(ts.call([]), ts.call(function () {}), ts.call(new Error("x"))); // expect: [object Array] [object Function] [object Error]
print(ts.call(1), ts.call(true), ts.call("s"), ts.call(Symbol())); // expect: [object Number] [object Boolean] [object String] [object Symbol]
(function () { print(ts.call(arguments)); })(); // expect: [object Arguments]
print(ts.call(Math), ts.call(JSON), ts.call(Reflect)); // expect: [object Math] [object JSON] [object Reflect]
var tagged = { [Symbol.toStringTag]: "Thing" };
print(ts.call(tagged), "" + tagged); // expect: [object Thing] [object Thing]
var notString = { [Symbol.toStringTag]: 5 };
print(ts.call(notString)); // expect: [object Object]
var arr = [];
arr[Symbol.toStringTag] = "Custom";
print(ts.call(arr)); // expect: [object Custom]
