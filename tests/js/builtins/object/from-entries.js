// Object.fromEntries takes any iterable of entry objects.
var o = Object.fromEntries([["a", 1], ["b", 2], ["a", 3]]);
print(o.a, o.b, Object.keys(o).length); // expect: 3 2 2
var closed = false;
var it = {
  [Symbol.iterator]: function () {
    return {
      next: function () { return { done: false, value: 1 }; },
      return: function () { closed = true; return {}; },
    };
  },
};
try { Object.fromEntries(it); } catch (e) { print(e.name, closed); } // expect: TypeError true
Object.fromEntries(null); // expect runtime error: TypeError
