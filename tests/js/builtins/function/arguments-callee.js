// arguments.callee: the function itself in a mapped arguments object
// (sloppy code, simple parameters); the %ThrowTypeError% accessor in an
// unmapped one (strict code, or parameters with defaults, rest or
// patterns), the same function as Function.prototype's caller accessor.
var tte = Object.getOwnPropertyDescriptor(Function.prototype, "caller").get;
function simple(a) { return arguments.callee === simple; }
print(simple(1)); // expect: true
function defaults(a = 0) { return Object.getOwnPropertyDescriptor(arguments, "callee"); }
var d = defaults();
print(d.get === tte, d.set === tte, d.enumerable, d.configurable); // expect: true true false false
function rest(...r) { return Object.getOwnPropertyDescriptor(arguments, "callee").get === tte; }
print(rest()); // expect: true
function strict() { "use strict"; return Object.getOwnPropertyDescriptor(arguments, "callee").get === tte; }
print(strict()); // expect: true
function pattern({ x }) { return arguments; }
pattern({}).callee; // expect runtime error: TypeError
