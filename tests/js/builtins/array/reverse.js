// reverse in place, keeping holes where they land.
var a = [1, 2, 3, 4];
print(a.reverse(), a); // expect: 4,3,2,1 4,3,2,1
var h = [1, , 3, , ];
h.reverse();
print(h.length, 0 in h, h[1], 2 in h, h[3]); // expect: 4 false 3 false 1
var o = { length: 3, 0: "a", 2: "c" };
Array.prototype.reverse.call(o);
print(o[0], 1 in o, o[2]); // expect: c false a
