// Strict functions and functions with non-simple parameters copy their
// arguments: no aliasing.
function strict(a) {
  "use strict";
  arguments[0] = 5;
  print(a); // expect: 1
  a = 2;
  print(arguments[0]); // expect: 5
}
strict(1);

function defaults(a, b = 0) {
  arguments[0] = 5;
  print(a); // expect: 1
}
defaults(1);

function rest(a, ...r) {
  a = 3;
  print(arguments[0], r.length); // expect: 1 1
}
rest(1, 2);

// Both report [object Arguments] and iterate like arrays.
print(Object.prototype.toString.call((function (a) { return arguments; })(1)));
// expect: [object Arguments]
print(Object.prototype.toString.call(
  (function (a = 1) { return arguments; })(1))); // expect: [object Arguments]
print([...(function (a, b) { return arguments; })(1, 2)].join()); // expect: 1,2

// A var named arguments starts as the object; a parameter of that name
// replaces it.
function v(a) { var arguments; return typeof arguments; }
print(v(1)); // expect: object
function p(arguments) { return arguments; }
print(p(3)); // expect: 3

// Strict arguments.callee throws.
(function () { "use strict"; return arguments.callee; })();
// expect runtime error: TypeError
