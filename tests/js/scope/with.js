// with puts an object's properties in scope (sloppy mode).
var o = { x: 1, y: 2 };
var x = "outer";
with (o) { print(x + y); } // expect: 3
with (o) { x = 10; }
print(o.x, x); // expect: 10 outer
// Symbol.unscopables hides names.
var arr = [1, 2];
var keys = "outer keys";
with (arr) { print(keys); } // expect: outer keys
with (arr) { print(length); } // expect: 2
// A function made inside remembers the object.
var get;
with ({ z: "zed" }) { get = function () { return z; }; }
print(get()); // expect: zed
