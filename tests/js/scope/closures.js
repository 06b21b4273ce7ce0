// Each iteration of a for-let loop has its own binding; var has one.
var fs = [];
for (let i = 0; i < 3; i++) fs.push(() => i);
print(fs.map(f => f()).join()); // expect: 0,1,2
var gs = [];
for (var j = 0; j < 3; j++) gs.push(() => j);
print(gs.map(g => g()).join()); // expect: 3,3,3
// The update expression runs in the new iteration's copy.
var hs = [];
for (let k = 0; k < 3; hs.push(() => k), k++);
print(hs.map(h => h()).join()); // expect: 1,2,3
// for-of and for-in bind freshly too.
var ks = [];
for (const key in { a: 1, b: 2 }) ks.push(() => key);
print(ks.map(f => f()).join()); // expect: a,b
// Counters shared between closures.
function counter() {
  let n = 0;
  return { inc: () => ++n, get: () => n };
}
var c1 = counter(), c2 = counter();
c1.inc(); c1.inc(); c2.inc();
print(c1.get(), c2.get()); // expect: 2 1
// Deep nesting reaches outer variables through several levels.
function outer() {
  var a = "a";
  return function () {
    var b = "b";
    return function () { return a + b; };
  };
}
print(outer()()()); // expect: ab
