// toString calls join, or falls back on Object.prototype.toString.
print([1, [2, 3]].toString()); // expect: 1,2,3
print(Array.prototype.toString.call({ join: function () { return "J"; } })); // expect: J
print(Array.prototype.toString.call({})); // expect: [object Object]
print(String([null]), String([undefined, 1])); // expect:  ,1
print([1, 2].toLocaleString()); // expect: 1,2
print([{ toLocaleString: function () { return "L"; } }, null].toLocaleString()); // expect: L,
