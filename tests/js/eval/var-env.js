// Sloppy direct eval declares var and function names in the calling
// function's variable environment: visible after the eval, deletable,
// and not globals.
function f() {
  eval("var x = 1; function g() { return 'g'; }");
  print(typeof x, x, g()); // expect: number 1 g
  print(delete x, typeof x); // expect: true undefined
  print(delete g, typeof g); // expect: true undefined
}
f();
print(typeof x, typeof g); // expect: undefined undefined

// A name the function declares itself is reused, and is not deletable.
function own() {
  var y = 1;
  eval("var y = 2; function h() {}");
  var h;
  print(y, typeof h, delete y, delete h); // expect: 2 function false false
}
own();

// Closures made before the eval see the new name.
function early() {
  var probe = function () { return typeof z; };
  eval("var z = 3");
  return probe();
}
print(early()); // expect: number

// Eval in eval lands in the same function.
function nested() {
  eval("eval('var deep = 4')");
  return deep;
}
print(nested()); // expect: 4

// At top level, eval declares configurable globals.
eval("var topVar = 5");
print(topVar, delete topVar, typeof topVar); // expect: 5 true undefined

// Strict eval code, or a strict caller, keeps its names.
function strictSource() {
  eval("'use strict'; var s = 1; function sf() {}");
  return typeof s + " " + typeof sf;
}
print(strictSource()); // expect: undefined undefined
function strictCaller() {
  "use strict";
  eval("var s2 = 1");
  return typeof s2;
}
print(strictCaller()); // expect: undefined

// A function expression's own name gives way to eval's var.
var fe = function named() { eval("var named = 6"); return named; };
print(fe()); // expect: 6
var fe2 = function named2() { eval("named2 = 7"); return typeof named2; };
print(fe2()); // expect: function

// Eval's let and const stay in the eval.
function lex() {
  eval("let l = 1; const c = 2; class K {}");
  return typeof l + typeof c + typeof K;
}
print(lex()); // expect: undefinedundefinedundefined
print(eval("class C2 {}; typeof C2")); // expect: function
