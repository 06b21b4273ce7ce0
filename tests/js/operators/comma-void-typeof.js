// Comma, void, conditional, grouping and delete.
var x = (1, 2, 3);
print(x, void 0, void "x"); // expect: 3 undefined undefined
print(true ? "y" : "n", 0 ? "y" : "n", null ? 1 : 2); // expect: y n 2
var o = { p: 1 };
print(delete o.p, "p" in o, delete o.nothing); // expect: true false true
var arr = [1, 2, 3];
delete arr[1];
print(arr.length, 1 in arr, arr.join()); // expect: 3 false 1,,3
(function () { "use strict"; try { delete Object.prototype; } catch (e) { print(e.name); } })(); // expect: TypeError
print(typeof undeclared, typeof typeof 1); // expect: undefined string
