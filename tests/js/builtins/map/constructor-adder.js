// The constructor adds entries through the new object's own set method.
var calls = 0;
var original = Map.prototype.set;
Map.prototype.set = function (k, v) { calls++; return original.call(this, k, v); };
var m = new Map([[1, 1], [2, 2]]);
print(calls, m.size); // expect: 2 2
Map.prototype.set = original;
// Iterators are closed when an entry is bad.
var closed = false;
var iterable = {};
iterable[Symbol.iterator] = function () {
  return {
    next: function () { return { value: 42, done: false }; },
    return: function () { closed = true; return {}; }
  };
};
try { new Map(iterable); } catch (e) { print(e.name, closed); } // expect: TypeError true
