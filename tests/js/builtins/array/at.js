// at counts from the end for negative indices.
var a = [1, 2, 3];
print(a.at(0), a.at(-1), a.at(3), a.at(-4)); // expect: 1 3 undefined undefined
print(a.at("1"), a.at(1.7), a.at()); // expect: 2 2 1
print(Array.prototype.at.call({ length: 2, 1: "x" }, -1)); // expect: x
