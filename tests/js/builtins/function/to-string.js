// Function.prototype.toString returns the source text of functions
// written in script, exactly as written, and a NativeFunction form for
// the others.
function /* a */ f /* b */ (x, /* c */ y) { return x + y; }
print(f.toString()); // expect: function /* a */ f /* b */ (x, /* c */ y) { return x + y; }
print((x => x * 2).toString()); // expect: x => x * 2
var o = { m /* m */ (a) { }, *g() {}, async am() {} };
print(o.m.toString()); // expect: m /* m */ (a) { }
print(o.g.toString(), o.am.toString()); // expect: *g() {} async am() {}
// A class is its whole text, with a constructor written out or not.
class A /* a */ extends Object { constructor() { super(); } m() {} }
print(A.toString()); // expect: class A /* a */ extends Object { constructor() { super(); } m() {} }
class B {}
print(B.toString()); // expect: class B {}
print(A.prototype.m.toString()); // expect: m() {}
// Native and bound functions.
print(Math.max.toString()); // expect: function max() { [native code] }
print(/\{ \[native code\] \}$/.test(f.bind(null).toString())); // expect: true
print(/native code/.test(new Proxy(f, {}).toString())); // expect: true
Function.prototype.toString.call({}); // expect runtime error: TypeError
