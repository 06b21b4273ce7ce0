// Math's constants are read-only; Math.random stays in [0, 1).
print(Math.PI, Math.E, Math.SQRT2, Math.LN2); // expect: 3.141592653589793 2.718281828459045 1.4142135623730951 0.6931471805599453
Math.PI = 3;
print(Math.PI); // expect: 3.141592653589793
var d = Object.getOwnPropertyDescriptor(Math, "LOG2E");
print(d.value, d.writable, d.configurable); // expect: 1.4426950408889634 false false
var ok = true, distinct = {};
for (var i = 0; i < 1000; i++) {
  var r = Math.random();
  ok = ok && r >= 0 && r < 1;
  distinct[r] = true;
}
print(ok, Object.keys(distinct).length > 990); // expect: true true
print(Object.prototype.toString.call(Math)); // expect: [object Math]
new Math.max(); // expect runtime error: TypeError
