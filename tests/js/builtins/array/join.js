// join: separator, nullish elements, cycles.
print([1, 2, 3].join(), [1, 2, 3].join(""), [1, 2, 3].join(" - ")); // expect: 1,2,3 123 1 - 2 - 3
print([null, undefined, 1].join()); // expect: ,,1
print([1.5, -0, 1e21].join(";")); // expect: 1.5;0;1e+21
var a = [1, 2];
a.push(a);
print(a.join()); // expect: 1,2,
print(Array.prototype.join.call({ length: 2, 0: "x" }, "+")); // expect: x+
print(["é", "\u4e2d"].join("|")); // expect: é|中
