// Non-writable, non-configurable properties and frozen objects.
var o = {};
Object.defineProperty(o, "ro", { value: 1, writable: false, enumerable: true });
o.ro = 2;
print(o.ro); // expect: 1
(function () { "use strict"; try { o.ro = 3; } catch (e) { print(e.name); } })(); // expect: TypeError
var f = Object.freeze({ a: 1, nested: { b: 1 } });
f.a = 2; f.c = 3; f.nested.b = 2;
print(f.a, f.c, f.nested.b, Object.isFrozen(f)); // expect: 1 undefined 2 true
try { Object.defineProperty(f, "a", { value: 5 }); } catch (e) { print(e.name); } // expect: TypeError
var sealed = Object.seal({ s: 1 });
sealed.s = 2; delete sealed.s;
print(sealed.s, Object.isSealed(sealed)); // expect: 2 true
// A setter-less accessor ignores writes in sloppy mode.
var g = { get only() { return "g"; } };
g.only = "x";
print(g.only); // expect: g
// Inherited read-only properties block assignment on the child.
var parent = Object.defineProperty({}, "p", { value: "parent", writable: false });
var kid = Object.create(parent);
kid.p = "kid";
print(kid.p, kid.hasOwnProperty("p")); // expect: parent false
