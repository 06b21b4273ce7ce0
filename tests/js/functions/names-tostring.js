// Function names are inferred; toString returns the source text.
var anon = function () {};
var arrow = () => {};
var o = { method() {}, ["comp" + "uted"]: function () {}, get acc() { return 1; } };
print(anon.name, arrow.name, o.method.name, o.computed.name); // expect: anon arrow method computed
print(Object.getOwnPropertyDescriptor(o, "acc").get.name); // expect: get acc
var sym = Symbol("desc");
var s = { [sym]() {} };
print(s[sym].name); // expect: [desc]
print((function named() {}).name, (class K {}).name); // expect: named K
function   spaced ( a ,b ) { return a+b }
print(spaced.toString()); // expect: function   spaced ( a ,b ) { return a+b }
print((x => x * 2).toString()); // expect: x => x * 2
print(Math.max.toString().includes("[native code]")); // expect: true
// A named function expression's name is read-only inside it.
var fe = function inner() { inner = 1; return typeof inner; };
print(fe()); // expect: function
