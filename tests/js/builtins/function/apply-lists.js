// Function.prototype.apply takes its arguments from arrays and arguments
// objects directly when it can; what it passes must be what their
// elements and length say.
function list() { return Array.prototype.slice.call(arguments).join(","); }
print(list.apply(null, [1, 2, 3])); // expect: 1,2,3
print(list.apply(null, [])); // expect: 
var holes = [1, , 3];
Array.prototype[1] = "proto";
print(list.apply(null, holes)); // expect: 1,proto,3
delete Array.prototype[1];
print(list.apply(null, holes)); // expect: 1,,3
var long = [1, 2]; long.length = 4;
print(list.apply(null, long)); // expect: 1,2,,
function viaArgs(a, b) { return list.apply(null, arguments); }
print(viaArgs(1, 2, 3)); // expect: 1,2,3
function mapped(a, b) { a = "A"; return list.apply(null, arguments); }
print(mapped(1, 2)); // expect: A,2
function strictArgs(a) { "use strict"; a = "A"; return list.apply(null, arguments); }
print(strictArgs(1, 2)); // expect: 1,2
function shortened(a, b, c) { arguments.length = 2; return list.apply(null, arguments); }
print(shortened(1, 2, 3)); // expect: 1,2
function lengthened(a) { arguments.length = 3; return list.apply(null, arguments); }
print(lengthened(1)); // expect: 1,,
function deleted(a, b) { delete arguments[0]; return list.apply(null, arguments); }
print(deleted(1, 2)); // expect: ,2
function getterLength() {
  Object.defineProperty(arguments, "length", { get: function () { return 1; } });
  return list.apply(null, arguments);
}
print(getterLength(7, 8)); // expect: 7
function accessorIndex(a) {
  Object.defineProperty(arguments, "0", { get: function () { return "g"; } });
  return list.apply(null, arguments);
}
print(accessorIndex(1, 2)); // expect: g,2
print(list.apply(null, { length: 2, 0: "x", 1: "y" })); // expect: x,y
print(list.apply(null, "ab".split(""))); // expect: a,b
try { list.apply(null, 5); } catch (e) { print(e.constructor.name); } // expect: TypeError
var sub = new (class extends Array {})(); sub.push(4, 5);
print(list.apply(null, sub)); // expect: 4,5
