// Functions past the 16-bit operands: 70,000 locals, each set from its
// own constant, are more registers and constants than the short forms
// reach.  The compiler keeps 32k bindings in registers and the rest in
// the environment, puts the values LdaConst loads past 0xFFFF once the
// pool is big, and the interpreter runs the long forms (Wide prefix).
// gc-stress-every: 200000
var N = 70000;
function body(extra) {
  var src = [];
  for (var i = 0; i < N; i++)
    src.push("var v" + i + " = " + (i + 0.5) + ";");
  src.push("var sum = 0;");
  for (var i = 0; i < N; i++)
    src.push("sum += v" + i + ";");
  src.push(extra);
  return src.join("\n");
}
var f = new Function(body("return [v0, v1, v32767, v32768, v69999, sum];"));
print(f().join()); // expect: 0.5,1.5,32767.5,32768.5,69999.5,2450000000

// A closure makes every local an environment slot: slots past 0xFFFF.
var g = new Function(body(
  "var get = function (i) { return eval('v' + i); };" +
  "v69999 = 'last';" +
  "return [get(0), get(65536), get(69999), sum];"));
print(g().join()); // expect: 0.5,65536.5,last,2450000000

// 40,000 arguments of one call: registers past 0xFFFF.
var args = [];
for (var i = 0; i < 40000; i++)
  args.push("v" + i);
var h = new Function(body(
  "return (function () { var s = 0; for (var i = 0; i < arguments.length; " +
  "i++) s += arguments[i]; return [arguments.length, s]; })(" +
  args.join() + ");"));
print(h().join()); // expect: 40000,800000000

// 70,000 distinct strings.
var s = [];
for (var i = 0; i < N; i++)
  s.push("'s" + i + "'");
var k = new Function("var a = [" + s.join() + "]; return a[0] + a[69999];");
print(k()); // expect: s0s69999

// A call with more than 65,535 arguments is still too large.
var many = [];
for (var i = 0; i < 70000; i++)
  many.push("0");
new Function("f(" + many.join() + ")"); // expect runtime error: RangeError
