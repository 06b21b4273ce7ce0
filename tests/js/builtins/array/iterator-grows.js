// The array iterator reads the length at every step.
var a = [1];
var seen = [];
for (var x of a) {
  seen.push(x);
  if (a.length < 3) a.push(x + 1);
}
print(seen); // expect: 1,2,3
var it = [1, 2].values();
it.next(); it.next(); it.next();
print(it.next().done); // expect: true
