// Loads through a getter on a prototype are cached by the site: each
// read still calls the getter, and every change of the prototype shows.
class Point {
  constructor(x) { this._x = x; }
  get x() { return this._x * 2; }
}
function readX(o) { return o.x; }
var pts = [new Point(1), new Point(2), new Point(3)];
var sum = 0;
for (var i = 0; i < 30; i++)
  sum += readX(pts[i % 3]);
print(sum); // expect: 120
// The getter sees its receiver, not the holder.
var calls = 0;
var proto = { get who() { calls++; return this.name; } };
var a = Object.create(proto); a.name = "a";
var b = Object.create(proto); b.name = "b";
function who(o) { return o.who; }
var seen = [];
for (var i = 0; i < 4; i++) seen.push(who(i % 2 ? b : a));
print(seen.join(), calls); // expect: a,b,a,b 4
// Redefining the getter on the prototype: the next read calls the new one.
Object.defineProperty(proto, "who", { get() { return "new " + this.name; },
                                      configurable: true });
print(who(a)); // expect: new a
// The accessor becomes a data property.
Object.defineProperty(proto, "who", { value: "data", configurable: true });
print(who(a), who(b)); // expect: data data
// And an accessor again, shadowed by an own property of one receiver.
Object.defineProperty(proto, "who", { get() { return "again"; },
                                      configurable: true });
print(who(a)); // expect: again
Object.defineProperty(a, "who", { value: "own" });
print(who(a), who(b)); // expect: own again
// An accessor with no getter reads undefined.
var noget = Object.create(Object.defineProperty({}, "w",
                                                { set(v) {} }));
function readW(o) { return o.w; }
print(readW(noget), readW(noget)); // expect: undefined undefined
// A throwing getter throws at every cached read.
var thrower = Object.create({ get bad() { throw new RangeError("no " + this.k); } });
thrower.k = "way";
function readBad(o) { try { return o.bad; } catch (e) { return e.name + ": " + e.message; } }
print(readBad(thrower)); // expect: RangeError: no way
print(readBad(thrower)); // expect: RangeError: no way
// Getters on the prototypes of primitives, with the primitive as this.
Object.defineProperty(String.prototype, "twice", { get() { return this + this; },
                                                   configurable: true });
function twice(s) { return s.twice; }
print(twice("ab"), twice("cd")); // expect: abab cdcd
Object.defineProperty(Number.prototype, "strictThis",
                      { get() { "use strict"; return typeof this; }, configurable: true });
function st(n) { return n.strictThis; }
print(st(1), st(2)); // expect: number number
// Native getters through the cache (Map.prototype.size).
var maps = [new Map([[1, 1]]), new Map()];
function size(m) { return m.size; }
print(size(maps[0]), size(maps[1]), size(maps[0])); // expect: 1 0 1
try { size(Object.create(Map.prototype)); } catch (e) { print(e.name); } // expect: TypeError
// A site that sees many shapes (megamorphic) still calls getters.
function readG(o) { return o.g; }
var gproto = { get g() { return this.v + 1; } };
var objs = [];
for (var i = 0; i < 12; i++) {
  var o = Object.create(gproto);
  o["k" + i] = i;   // a shape of its own
  o.v = i;
  objs.push(o);
}
var total = 0;
for (var r = 0; r < 3; r++)
  for (var i = 0; i < objs.length; i++)
    total += readG(objs[i]);
print(total); // expect: 234
