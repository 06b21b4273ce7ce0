// The iteration protocol: user iterables, spread, Array.from, generators.
class Range {
  constructor(lo, hi) { this.lo = lo; this.hi = hi; }
  *[Symbol.iterator]() { for (let i = this.lo; i < this.hi; i++) yield i; }
}
print([...new Range(1, 4)].join(), Array.from(new Range(0, 2)).join()); // expect: 1,2,3 0,1
print(Math.max(...new Range(0, 10))); // expect: 9
var manual = {
  [Symbol.iterator]() {
    var n = 0;
    return { next: () => (n < 2 ? { value: n++, done: false } : { value: "ret", done: true }) };
  },
};
print([...manual].join()); // expect: 0,1
// The iterator's next method is read once.
var reads = 0;
var counting = {
  [Symbol.iterator]() {
    var n = 0;
    return { get next() { reads++; return () => ({ value: n, done: n++ >= 3 }); } };
  },
};
for (var v of counting);
print(reads); // expect: 1
try { [...{}]; } catch (e) { print(e.name); } // expect: TypeError
try { for (var x of { [Symbol.iterator]() { return {}; } }); } catch (e) { print(e.name); } // expect: TypeError
try { for (var x of { [Symbol.iterator]() { return { next() { return 1; } }; } }); } catch (e) { print(e.name); } // expect: TypeError
var [first] = new Map([["k", "v"]]);
print(first.join("=")); // expect: k=v
