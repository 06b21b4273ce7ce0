// getOwnPropertyNames and getOwnPropertySymbols split the own keys.
var s = Symbol("s");
var o = { b: 1, 1: 2, [s]: 3 };
Object.defineProperty(o, "h", { value: 0 });
var n = Object.getOwnPropertyNames(o);
print(n.length, n[0], n[1], n[2]); // expect: 3 1 b h
var y = Object.getOwnPropertySymbols(o);
print(y.length, y[0] === s); // expect: 1 true
var sn = Object.getOwnPropertyNames("ab");
print(sn.length, sn[2]); // expect: 3 length
function f(a) {}
var fn = Object.getOwnPropertyNames(f);
print(fn.length > 0, Object.hasOwn(f, "length"), Object.hasOwn(f, "prototype")); // expect: true true true
Object.getOwnPropertyNames(undefined); // expect runtime error: TypeError
