// Short circuits, nullish coalescing, logical assignment.
var calls = 0;
function t() { calls++; return true; }
print(false && t(), true || t(), calls); // expect: false true 0
print(null ?? "d", 0 ?? "d", "" ?? "d", undefined ?? null); // expect: d 0  null
print(0 || "d", "" || null, 1 && 2); // expect: d null 2
var a = null, b = 0, c = 1;
a ??= "set"; b ||= "set"; c &&= "set";
print(a, b, c); // expect: set set set
// Logical assignment does not assign when it short-circuits.
var o = { get p() { return 1; }, set p(v) { print("setter ran"); } };
o.p ||= 2;
o.p ??= 2;
print("no setter"); // expect: no setter
// Anonymous functions get the target's name.
var fn;
fn ??= function () {};
print(fn.name); // expect: fn
var frozen = Object.freeze({ x: null });
(function () { "use strict"; try { frozen.x ??= 1; } catch (e) { print(e.name); } })(); // expect: TypeError
