// @@split and @@matchAll make their matcher through the species
// constructor; @@split adds y.
var made = [];
class R extends RegExp {
  static get [Symbol.species]() { return function (p, f) { made.push(f); return new RegExp(p, f); }; }
}
print(JSON.stringify("a-b".split(new R("-", "g")))); // expect: ["a","b"]
Array.from("aa".matchAll(new R("a", "g")));
print(made.join()); // expect: gy,g
