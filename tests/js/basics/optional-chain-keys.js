// a?.[k] and a?.[k](): a nullish a skips the key, the arguments and the
// rest of the chain.
var a = undefined, x = 1;
a?.[++x];
a?.b.c(++x).d;
a?.[++x](++x);
undefined?.[++x];
print(x); // expect: 1
var o = { k: 2, f(v) { return v + this.k; } };
print(o?.["k"], o?.["f"](1), o?.f?.(2)); // expect: 2 3 4
var n = 0;
for (; o?.k; o.k--) n++;
print(n); // expect: 2

// (f) = function () {}: a parenthesized target names nothing.
var f;
(f) = function () {};
print(JSON.stringify(f.name)); // expect: ""
var g;
g = function () {};
print(g.name); // expect: g

// A function declaration named like a parameter replaces it.
function p(x) { return typeof x; function x() {} }
print(p(1)); // expect: function
