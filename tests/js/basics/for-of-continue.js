// continue in a for-of or for-in goes on to the next element, from the
// body, a try, a catch or a finally.
function* values() { yield 1; yield 2; yield 3; }
var seen = [];
for (var x of values()) {
  if (x == 2) continue;
  seen.push(x);
}
print(seen.join()); // expect: 1,3

var n = 0;
for (let y of [1, 2]) {
  try { n++; continue; } finally { n += 10; }
  n = -100;
}
print(n); // expect: 22

n = 0;
for (const z of [1, 2]) {
  try { throw z; } catch (e) { n += e; continue; }
  n = -100;
}
print(n); // expect: 3

var c = 0, fin = 0;
for (var k in { a: 1, b: 2, c: 3 }) {
  try { c += 1; break; } finally { fin = 1; continue; }
  c = -100;
}
print(c, fin); // expect: 3 1

// Closures per iteration see their own binding after a continue.
var fs = [];
for (let v of [1, 2, 3]) {
  fs.push(() => v);
  if (v < 3) continue;
}
print(fs.map(f => f()).join()); // expect: 1,2,3
