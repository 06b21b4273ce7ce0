// Destructuring: object and array patterns, defaults, rest, and the
// iterator protocol the array pattern uses.
function f(obj, arr) {
  var { a, b: { c = 1 } = {}, ...rest } = obj;
  var [x, , y = 2, ...more] = arr;
  return a + c + x + y + rest.length + more.length;
}
