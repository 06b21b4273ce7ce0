// Calls, closures, recursion and arguments.
function add(a, b) { return a + b; }
print(add(1, 2)); // expect: 3
print(add(1)); // expect: NaN
function counter() { var n = 0; return function () { return ++n; }; }
var c = counter();
c();
print(c()); // expect: 2
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
print(fib(20)); // expect: 6765
function args() { return arguments.length + ":" + arguments[1]; }
print(args(1, 2, 3)); // expect: 3:2
function rest(a, ...r) { return r.length; }
print(rest(1, 2, 3, 4)); // expect: 3
function defaults(a, b = a * 2) { return b; }
print(defaults(5)); // expect: 10
var arrow = (x) => x * x;
print(arrow(9)); // expect: 81
print(add.length, defaults.length, add.name); // expect: 2 1 add
print(typeof add, typeof 1, typeof "s", typeof undefined, typeof null); // expect: function number string undefined object
print(add.call(null, 2, 3), add.apply(null, [4, 5])); // expect: 5 9
