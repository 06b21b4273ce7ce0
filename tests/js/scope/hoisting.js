// var and function declarations are hoisted; let, const and class are not.
print(typeof f); // expect: function
print(v); // expect: undefined
var v = 1;
function f() { return "f"; }
print(typeof C === "undefined" ? "no" : "yes"); // expect: no
var C;
// In strict code a function declared in a block is local to the block
// (and hoisted inside it).
(function () {
  "use strict";
  { print(g()); function g() { return "g"; } } // expect: g
  print(typeof g); // expect: undefined
})();
// The later declaration wins.
function h() { return 1; }
function h() { return 2; }
print(h()); // expect: 2
// A parameter and a var of the same name are one binding.
function p(a) { var a; return a; }
print(p(7)); // expect: 7
// Globals made by var are properties of the global object.
var gv = 10;
print(globalThis.gv, delete globalThis.gv); // expect: 10 false
let gl = 11;
print(globalThis.gl); // expect: undefined
