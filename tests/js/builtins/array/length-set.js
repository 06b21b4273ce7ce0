// Setting an array's length truncates; the methods set length on array-likes.
var a = [1, 2, 3];
a.length = 1;
print(a, a.length); // expect: 1 1
var o = { length: 5 };
Array.prototype.push.call(o);
print(o.length); // expect: 5
var p = {};
Array.prototype.pop.call(p);
print(p.length); // expect: 0
