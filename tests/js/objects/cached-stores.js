// Stores that add properties follow cached transitions, growing the
// object's storage when the new property does not fit inline.
function Big(n) {
  this.a = n; this.b = n + 1; this.c = n + 2; this.d = n + 3;
  this.e = n + 4; this.f = n + 5; this.g = n + 6; this.h = n + 7;
  this.i = n + 8; this.j = n + 9;
}
var all = [];
for (var k = 0; k < 200; k++) all.push(new Big(k));
gc();
var sum = 0;
for (var k = 0; k < all.length; k++)
  sum += all[k].a + all[k].j;
print(sum); // expect: 41600
print(Object.keys(all[199]).join("")); // expect: abcdefghij
print(all[7].h + all[150].e); // expect: 168

// A setter appearing on the prototype ends the cached transition.
function Plain() { this.x = 1; this.y = 2; }
for (var k = 0; k < 5; k++) new Plain();
var seen = [];
Object.defineProperty(Plain.prototype, "y", {
  set: function (v) { seen.push(v); }, configurable: true
});
var p = new Plain();
print(seen.join() + " " + p.hasOwnProperty("y")); // expect: 2 false

// A read-only property on the prototype makes the store fail (sloppy:
// silently; strict: a TypeError).
function Ro() { this.z = 3; }
for (var k = 0; k < 5; k++) new Ro();
Object.defineProperty(Ro.prototype, "z", { value: 9, writable: false });
print(new Ro().z); // expect: 9
function RoStrict() { "use strict"; this.z = 3; }
RoStrict.prototype = Ro.prototype;
try { new RoStrict(); print("stored"); } catch (e) { print(e.constructor.name); } // expect: TypeError

// Stores into an existing property of several shapes.
var shapes = [{ v: 0 }, { w: 1, v: 0 }, { u: 2, w: 1, v: 0 }];
function setV(o, x) { o.v = x; }
for (var k = 0; k < 30; k++) setV(shapes[k % 3], k);
print(shapes.map(function (o) { return o.v; }).join()); // expect: 27,28,29
