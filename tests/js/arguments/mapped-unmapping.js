// Deleting an index, or redefining it as an accessor or read-only,
// takes it out of the map; other redefinitions keep it mapped.
function del(a) {
  delete arguments[0];
  a = 2;
  print(arguments[0], 0 in arguments); // expect: undefined false
  arguments[0] = 3;
  print(a); // expect: 2
}
del(1);

function readOnly(a) {
  Object.defineProperty(arguments, "0", { writable: false });
  a = 2;
  print(arguments[0]); // expect: 1
  arguments[0] = 5;
  print(a, arguments[0]); // expect: 2 1
}
readOnly(1);

// A read-only definition with a value writes the parameter first.
function readOnlyValue(a) {
  Object.defineProperty(arguments, "0", { value: 7, writable: false });
  print(a); // expect: 7
  a = 8;
  print(arguments[0]); // expect: 7
}
readOnlyValue(1);

function accessor(a) {
  Object.defineProperty(arguments, "0", { get() { return 99; } });
  a = 3;
  print(arguments[0], a); // expect: 99 3
}
accessor(1);

// Non-enumerable, or a value: still mapped.
function stillMapped(a) {
  Object.defineProperty(arguments, "0", { enumerable: false });
  a = 2;
  print(arguments[0]); // expect: 2
  Object.defineProperty(arguments, "0", { value: 4 });
  print(a); // expect: 4
  print(JSON.stringify(Object.getOwnPropertyDescriptor(arguments, "0")));
  // expect: {"value":4,"writable":true,"enumerable":false,"configurable":true}
}
stillMapped(1);

// Non-configurable but writable stays mapped and cannot be deleted.
function nonConfigurable(a) {
  Object.defineProperty(arguments, "0", { configurable: false });
  a = 2;
  print(arguments[0], delete arguments[0]); // expect: 2 false
  arguments[0] = 3;
  print(a); // expect: 3
  Object.defineProperty(arguments, "0", { writable: false });
  a = 4;
  print(arguments[0]); // expect: 3
}
nonConfigurable(1);

// Strict mode throws on the failed delete.
function strictDelete(a) {
  Object.defineProperty(arguments, "0", { configurable: false });
  (function () { "use strict"; delete arguments[0]; })();
  return (function (args) { "use strict"; delete args[0]; })(arguments);
}
strictDelete(1); // expect runtime error: TypeError
