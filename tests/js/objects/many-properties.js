// Many properties, additions and deletions in any order (dictionary mode).
var o = {};
for (var i = 0; i < 2000; i++) o["p" + i] = i;
for (var i = 0; i < 2000; i += 2) delete o["p" + i];
var sum = 0;
for (var k in o) sum += o[k];
print(Object.keys(o).length, sum, o.p1999, o.p0); // expect: 1000 1000000 1999 undefined
o.p0 = "back";
print(Object.keys(o)[1000]); // expect: p0
// Objects from one constructor share shapes; a deviation still works.
function P(x, y) { this.x = x; this.y = y; }
var ps = [];
for (var i = 0; i < 100; i++) ps.push(new P(i, -i));
ps[50].z = "odd";
print(ps[99].x + ps[99].y, ps[50].z, ps[51].z); // expect: 0 odd undefined
