// splice removes and inserts, returning what it removed.
var a = [1, 2, 3, 4, 5];
print(a.splice(1, 2), a); // expect: 2,3 1,4,5
print(a.splice(1, 0, "x", "y"), a); // expect:  1,x,y,4,5
print(a.splice(-1), a); // expect: 5 1,x,y,4
print(a.splice(), a.length); // expect:  4
print(a.splice(0, 1, "p", "q", "r"), a); // expect: 1 p,q,r,x,y,4
var h = [1, , 3, 4];
h.splice(0, 1);
print(h.length, 0 in h, h[1]); // expect: 3 false 3
var o = { length: 3, 0: "a", 1: "b", 2: "c" };
print(Array.prototype.splice.call(o, 1, 1), o.length, o[1]); // expect: b 2 c
