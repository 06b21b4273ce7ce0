var g = Map.groupBy([1, 2, 3, 4, 5, 6], function (x, i) {
  return x % 3 === 0 ? "three" : x % 2 ? "odd" : "even";
});
print(g.size); // expect: 3
var order = "";
for (var k of g.keys()) order += k + " ";
print(order); // expect: odd even three 
print(g.get("odd").length, g.get("odd")[0], g.get("odd")[1]); // expect: 2 1 5
print(g.get("three")[1]); // expect: 6
var byIndex = Map.groupBy(["a", "b", "c"], function (c, i) { return i; });
print(byIndex.get(0)[0], byIndex.get(2)[0]); // expect: a c
try { Map.groupBy([], null); } catch (e) { print(e.name); } // expect: TypeError
