// Destructuring in declarations: defaults, rest, nesting, holes.
var [a, , b = 5, ...rest] = [1, 2, undefined, 4, 5];
print(a, b, rest.join()); // expect: 1 5 4,5
let { x, y: { z = "dz" } = {}, ...others } = { x: 1, p: 2, q: 3 };
print(x, z, Object.keys(others).join()); // expect: 1 dz p,q
const { ["comp" + "uted"]: cv = 0 } = { computed: 42 };
print(cv); // expect: 42
// Defaults run only for undefined, left to right, and see earlier names.
var calls = [];
var [m = calls.push("m"), n = m + 1] = [undefined, undefined];
print(m, n, calls.length); // expect: 1 2 1
var [nn = "d"] = [null];
print(nn); // expect: null
// Anonymous functions in defaults get the binding's name.
var { fn = function () {} } = {};
print(fn.name); // expect: fn
// Strings and other iterables.
var [c1, c2] = "hi";
print(c1, c2); // expect: h i
var [first, second] = new Set(["s1", "s2", "s3"]);
print(first, second); // expect: s1 s2
