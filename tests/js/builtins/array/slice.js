// slice copies a range; holes stay holes.
var a = [1, 2, 3, 4, 5];
print(a.slice(1, 3), a.slice(-2), a.slice(), a.slice(3, 1).length); // expect: 2,3 4,5 1,2,3,4,5 0
var s = [1, , 3].slice(0);
print(s.length, 1 in s); // expect: 3 false
print(Array.prototype.slice.call({ length: 3, 0: "x", 2: "z" }, 1)); // expect: ,z
print(Array.prototype.slice.call("abc", 1)); // expect: b,c
