// The arguments object: length, indices, iteration, strict unmapping.
function count() { return arguments.length; }
print(count(), count(1, 2, 3)); // expect: 0 3
function list() { return Array.prototype.join.call(arguments, "-"); }
print(list("a", "b")); // expect: a-b
function spreadable() { return [...arguments].reverse().join(); }
print(spreadable(1, 2, 3)); // expect: 3,2,1
function strict(a) { "use strict"; a = 9; return arguments[0]; }
print(strict(1)); // expect: 1
function tag() { return Object.prototype.toString.call(arguments); }
print(tag()); // expect: [object Arguments]
var arrowArgs = function () { return (() => arguments[0])(); };
print(arrowArgs("outer")); // expect: outer
(function () { "use strict"; try { arguments.callee; } catch (e) { print(e.name); } })(); // expect: TypeError
