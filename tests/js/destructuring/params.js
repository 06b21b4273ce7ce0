// Parameters: patterns, defaults that see earlier parameters, rest.
function f({ a, b = a * 2 }, [c, d] = [3, 4], ...more) {
  return [a, b, c, d, more.length].join();
}
print(f({ a: 1 })); // expect: 1,2,3,4,0
print(f({ a: 1, b: 0 }, [5], 7, 8)); // expect: 1,0,5,,2
print(f.length); // expect: 1
var g = ({ x } = { x: "dx" }) => x;
print(g(), g({ x: "given" })); // expect: dx given
// A default can call a closure over a later-declared body var? No: the
// parameters have their own scope.
function h(p = () => typeof q) { var q = 1; return p(); }
print(h()); // expect: undefined
