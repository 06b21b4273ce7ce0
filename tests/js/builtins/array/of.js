// Array.of makes an array of its arguments; with another constructor, that.
print(Array.of(7).length, Array.of(7)[0]); // expect: 1 7
print(Array.of(1, 2, 3)); // expect: 1,2,3
function C(n) { this.made = n; }
var c = Array.of.call(C, "x", "y");
print(c instanceof C, c.made, c.length, c[1]); // expect: true 2 2 y
print(Array.of.call(undefined, 1).length); // expect: 1
