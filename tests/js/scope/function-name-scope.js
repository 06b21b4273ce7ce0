// A function expression's own name is seen from its parameter
// expressions too, is read-only there, and a var of the body shadows it
// without starting as it.
var f = "outside";
var probe, set;
var func = function f(_ = (probe = () => f, set = () => { f = null; })) {};
func();
print(probe() === func); // expect: true
set();
print(probe() === func, f); // expect: true outside
var g = function f(a = 1) { var f; return typeof f; };
print(g()); // expect: undefined
var h = function f(a = () => f) { var f = 2; return [typeof a(), f].join(); };
print(h()); // expect: function,2
// Strict code may not assign it.
var s = function f(a = () => { "use strict"; f = 1; }) { a(); };
s(); // expect runtime error: TypeError
