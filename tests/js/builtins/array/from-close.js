// Array.from closes the iterator when the map function throws.
var closed = 0;
var it = {};
it[Symbol.iterator] = function () {
  return {
    next: function () { return { value: 1, done: false }; },
    return: function () { closed++; return {}; }
  };
};
try {
  Array.from(it, function () { throw new Error("stop"); });
} catch (e) {
  print(e.message, closed); // expect: stop 1
}
