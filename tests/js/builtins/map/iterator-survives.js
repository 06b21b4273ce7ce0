// An iterator keeps its place across deletions, rebuilds and clears.
var m = new Map();
for (var i = 0; i < 100; i++) m.set(i, i);
var it = m.keys();
print(it.next().value, it.next().value); // expect: 0 1
// Delete most entries: the table shrinks and is rebuilt.
for (var i = 0; i < 95; i++) m.delete(i);
print(it.next().value); // expect: 95
// Fill again past its capacity: rebuilt again.
for (var i = 100; i < 300; i++) m.set(i, i);
var n = 0, last;
for (var r = it.next(); !r.done; r = it.next()) { n++; last = r.value; }
print(n, last); // expect: 204 299
// Once done, an iterator stays done.
m.set("new", 1);
print(it.next().done); // expect: true
// clear() sends live iterators back to the start of the new contents.
var s = new Set([1, 2, 3]);
var si = s.values();
print(si.next().value); // expect: 1
s.clear();
s.add("x");
s.add("y");
print(si.next().value, si.next().value, si.next().done); // expect: x y true
