// Number as a function and a constructor, and its constants.
print(Number(), Number("  42  "), Number("0x1f"), Number("0b101"), Number("1e3"), Number("")); // expect: 0 42 31 5 1000 0
print(Number("12px"), Number(null), Number(undefined), Number(true), Number([5])); // expect: NaN 0 NaN 1 5
var n = new Number(7);
print(typeof n, n + 1, n.valueOf()); // expect: object 8 7
print(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, Number.EPSILON === Math.pow(2, -52)); // expect: 9007199254740991 -9007199254740991 true
print(Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY); // expect: 1.7976931348623157e+308 5e-324 NaN -Infinity Infinity
var d = Object.getOwnPropertyDescriptor(Number, "EPSILON");
print(d.writable, d.enumerable, d.configurable); // expect: false false false
class N extends Number {}
print(new N(3) + 1, new N(3) instanceof N); // expect: 4 true
Number(Symbol()); // expect runtime error: TypeError
