// Array[Symbol.species] and ArraySpeciesCreate.
print(Array[Symbol.species] === Array); // expect: true
var d = Object.getOwnPropertyDescriptor(Array, Symbol.species);
print(typeof d.get, d.set, d.enumerable, d.configurable); // expect: function undefined false true
var a = [1, 2, 3];
a.constructor = {};
a.constructor[Symbol.species] = function (n) { this.n = n; };
var m = a.map(function (x) { return x; });
print(m.n, m[2], Array.isArray(m)); // expect: 3 3 false
var b = [1];
b.constructor = {};
b.constructor[Symbol.species] = null;
print(Array.isArray(b.slice())); // expect: true
var c = [1];
c.constructor = 5;
c.map(function () {}); // expect runtime error: TypeError
