// Loads through primitives and prototypes' own properties stay right
// when the prototypes change.
function first(s) { return s.charAt(0); }
var out = [];
for (var i = 0; i < 3; i++) out.push(first("xyz"));
String.prototype.charAt = function () { return "patched"; };
out.push(first("xyz"));
delete String.prototype.charAt;
try { first("q"); } catch (e) { out.push(e.constructor.name); }
print(out.join()); // expect: x,x,x,patched,TypeError
function fixed(n) { return n.toFixed(1); }
print(fixed(1.25) + fixed(2)); // expect: 1.32.0
Number.prototype.toFixed = function () { return "n"; };
print(fixed(3)); // expect: n
function flag(b) { return b.toString(); }
print(flag(true) + flag(false)); // expect: truefalse
function len(s) { return s.length; }
print(len("abcd") + len("")); // expect: 4
String.prototype.extra = 5;
function extra(s) { return s.extra; }
print(extra("a") + extra("b")); // expect: 10
String.prototype.extra = 6;
print(extra("a")); // expect: 6
function P() {}
P.prototype.m = function () { return 1; };
function direct() { return P.prototype.m(); }
print(direct() + direct()); // expect: 2
P.prototype.m = function () { return 7; };
print(direct()); // expect: 7
delete P.prototype.m;
print(typeof P.prototype.m); // expect: undefined
Object.defineProperty(String.prototype, "getter", { get: function () { return this + "!"; }, configurable: true });
function g(s) { return s.getter; }
print(g("a") + g("b")); // expect: a!b!
