// Function.prototype.bind: this and leading arguments, name and length.
function f(a, b, c) { return this.v + ":" + a + b + c; }
var g = f.bind({ v: "t" }, 1);
print(g(2, 3), g.name, g.length); // expect: t:123 bound f 2
var h = g.bind(null, 2);
print(h(3), h.name, h.length); // expect: t:123 bound bound f 1
print(f.bind(null, 1, 2, 3, 4).length); // expect: 0
var anon = (function () {}).bind();
print(anon.name === "bound ", typeof anon, "prototype" in anon); // expect: true function false
var d = Object.getOwnPropertyDescriptor(g, "length");
print(d.writable, d.enumerable, d.configurable); // expect: false false true
print(Object.getPrototypeOf(g) === Function.prototype); // expect: true
Function.prototype.bind.call({}); // expect runtime error: TypeError: Bind must be called on a function
