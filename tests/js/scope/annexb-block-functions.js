// Sloppy mode: a function declared in a block is also var-scoped
// (Annex B.3.3), assigned when the block's declaration is evaluated.
print(typeof g); // expect: undefined
{ function g() { return "g"; } }
print(g()); // expect: g
if (true) function h() { return "h"; }
print(h()); // expect: h
// Inside a function: the var exists (undefined) before the block runs.
function inFunction() {
  var before = typeof inner;
  { function inner() { return "inner"; } }
  return before + " " + inner();
}
print(inFunction()); // expect: undefined inner
// The var is set when the declaration is evaluated, not at block entry.
function order() {
  var seen = [];
  {
    seen.push(typeof f2);
    f2 = 1;
    function f2() {}
    seen.push(typeof f2);
  }
  seen.push(typeof f2);
  return seen.join();
}
print(order()); // expect: function,number,number
// A let of the same name in the function keeps the block function local.
function clash() {
  let c = "let";
  { function c() {} }
  return c;
}
print(clash()); // expect: let
// A parameter of the same name is not replaced.
function param(p) { { function p() {} } return typeof p; }
print(param(1)); // expect: number
// Strict code keeps block functions in their block.
function strictFn() { "use strict"; { function s() {} } return typeof s; }
print(strictFn()); // expect: undefined
// Switch cases are blocks too.
function sw(x) { switch (x) { case 1: function fromCase() { return "case"; } } return fromCase(); }
print(sw(1)); // expect: case
