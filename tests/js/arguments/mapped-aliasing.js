// A sloppy function with simple parameters: arguments[i] and the i-th
// parameter are one variable, both ways.
function both(a, b) {
  arguments[0] = 5;
  print(a); // expect: 5
  b = 7;
  print(arguments[1]); // expect: 7
  a++;
  print(arguments[0]); // expect: 6
}
both(1, 2);

// Only indices that were passed are mapped.
function few(a, b) {
  arguments[1] = 5;
  print(b, arguments.length); // expect: undefined 1
  b = 3;
  print(arguments[1]); // expect: 5
}
few(1);

// Of two parameters with one name, the last is the mapped one.
function dup(a, a) {
  arguments[0] = 10;
  print(a); // expect: 2
  arguments[1] = 20;
  print(a); // expect: 20
}
dup(1, 2);

// The aliasing outlives the call.
function keep(a) {
  var args = arguments;
  return { set(v) { args[0] = v; }, get() { return a; },
           put(v) { a = v; }, read() { return args[0]; } };
}
var k = keep(1);
k.set(42);
print(k.get()); // expect: 42
k.put(9);
print(k.read()); // expect: 9

// Closures and eval see the same variable.
function inner(a) {
  var f = function () { return a; };
  arguments[0] = "x";
  print(f(), eval("a")); // expect: x x
}
inner(0);

// A [[Set]] with another receiver does not write the parameter.
function receiver(a) {
  var o = Object.create(arguments);
  o[0] = 3;
  print(a, o[0]); // expect: 1 3
  Reflect.set(arguments, 0, 4, {});
  print(a); // expect: 1
}
receiver(1);

// Generators map too.
function* gen(a) {
  arguments[0] = 2;
  yield a;
  a = 3;
  yield arguments[0];
}
print([...gen(1)].join()); // expect: 2,3
