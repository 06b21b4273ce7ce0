// forEach passes value, index and the object, with thisArg.
var out = [];
["a", "b"].forEach(function (v, i, o) { out.push(v + i + o.length + this.x); }, { x: "!" });
print(out); // expect: a02!,b12!
var count = 0;
[1, , 3].forEach(function () { count++; });
print(count); // expect: 2
print([1].forEach(function () {})); // expect: undefined
