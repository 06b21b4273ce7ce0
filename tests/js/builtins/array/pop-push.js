// push and pop, also on array-likes.
var a = [];
print(a.push(1, 2, 3), a); // expect: 3 1,2,3
print(a.pop(), a.length, [].pop()); // expect: 3 2 undefined
var o = { length: "2", 0: "x", 1: "y" };
print(Array.prototype.push.call(o, "z"), o.length, o[2]); // expect: 3 3 z
print(Array.prototype.pop.call(o), o.length, 2 in o); // expect: z 2 false
var big = { length: 9007199254740991 };
Array.prototype.push.call(big, 1); // expect runtime error: TypeError
