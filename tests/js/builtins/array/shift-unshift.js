// shift and unshift, on arrays with holes and on array-likes.
var a = [1, 2, 3];
print(a.shift(), a, a.length); // expect: 1 2,3 2
print(a.unshift(0), a); // expect: 3 0,2,3
print(a.unshift(-2, -1), a); // expect: 5 -2,-1,0,2,3
var h = [1, , 3];
h.shift();
print(h.length, 0 in h, h[1]); // expect: 2 false 3
var o = { length: 2, 0: "a", 1: "b" };
print(Array.prototype.shift.call(o), o.length, o[0], 1 in o); // expect: a 1 b false
print([].shift(), [].unshift()); // expect: undefined 0
var q = [];
for (var i = 0; i < 100000; i++) q.push(i);
var sum = 0;
while (q.length) sum += q.shift();
print(sum); // expect: 4999950000
