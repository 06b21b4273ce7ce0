// Function targets make callable proxies: apply and construct traps.
function add(a, b) { return a + b; }
var p = new Proxy(add, {
  apply: function (t, self, args) { return "applied " + t.apply(self, args); },
});
print(typeof p, p(1, 2), p.call(null, 3, 4), p.length, p.name); // expect: function applied 3 applied 7 2 add
class Point { constructor(x) { this.x = x; } }
var made = [];
var P = new Proxy(Point, {
  construct: function (t, args, nt) { made.push(nt === P); return Reflect.construct(t, args, nt); },
});
var pt = new P(5);
print(pt.x, made[0], pt instanceof Point); // expect: 5 true true
var bad = new Proxy(function () {}, { construct: function () { return 1; } });
try { new bad(); } catch (e) { print(e.name); } // expect: TypeError
new Proxy({}, {})(); // expect runtime error: TypeError
