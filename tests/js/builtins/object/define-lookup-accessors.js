// __defineGetter__, __defineSetter__, __lookupGetter__, __lookupSetter__.
var o = {};
o.__defineGetter__("x", function () { return 7; });
o.__defineSetter__("x", function (v) { this.seen = v; });
o.x = 3;
var d = Object.getOwnPropertyDescriptor(o, "x");
print(o.x, o.seen, d.enumerable, d.configurable); // expect: 7 3 true true
var child = Object.create(o);
print(child.__lookupGetter__("x") === d.get, child.__lookupSetter__("x") === d.set); // expect: true true
child.y = 1;
print(child.__lookupGetter__("y"), ({}).__lookupSetter__("nothing")); // expect: undefined undefined
Object.defineProperty(o, "fixed", { get: function () {} });
try { o.__defineGetter__("fixed", function () {}); } catch (e) { print(e.name); } // expect: TypeError
o.__defineGetter__("z", 1); // expect runtime error: TypeError
