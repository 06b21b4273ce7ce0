// JSON.parse with a reviver: bottom up, this is the holder, undefined
// deletes.
var order = [];
var v = JSON.parse('{"a": [1, {"b": 2}], "c": 3}', function (k, x) {
  order.push(k === "" ? "root" : k);
  if (k === "c") return undefined;
  return typeof x === "number" ? x * 10 : x;
});
var s = "";
for (var i = 0; i < order.length; i++) s += order[i] + " ";
print(s); // expect: 0 b 1 a c root 
print(v.a[0], v.a[1].b, "c" in v); // expect: 10 20 false
var holder = JSON.parse('{"x": 1}', function (k, x) { return k === "" ? this[""] === x : x; });
print(holder); // expect: true
JSON.parse("[1]", function () { throw new TypeError("no"); }); // expect runtime error: TypeError: no
