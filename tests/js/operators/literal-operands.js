// Operators whose right operand is an int32 literal take a short form;
// the result must not change with the left operand's type.
var big = 2147483647, small = -2147483648, half = 1.5, str = "7", nan = NaN;
print(big + 1, small - 1, half + 2, str + 1, nan + 1); // expect: 2147483648 -2147483649 3.5 71 NaN
print(big * 2, -3 * 0, 0 * -3, half * 2, str * 3); // expect: 4294967294 0 0 3 21
print(1 / (-3 * 0), 1 / (0 * -3)); // expect: -Infinity -Infinity
print(-7 & 3, 6 | 1, 5 ^ 1, half & 1, str | 8); // expect: 1 7 4 1 15
print(1 << 31, 1 << 32, -8 >> 1, -8 >>> 28, -1 >>> 0, 3.9 << 1); // expect: -2147483648 1 -4 15 4294967295 6
print(half < 2, half > 1, str < 10, "a" < 1, undefined < 1, null >= 0); // expect: true true true false false true
print(nan < 1, nan >= 1, big >= 2147483647, small <= -2147483648); // expect: false false true true
print(str === 7, 7 === 7, 7.0 === 7, half !== 1, null !== 0); // expect: false true true true true
var o = { valueOf: function () { print("valueOf"); return 41; } };
print(o + 1); // expect: valueOf
// expect: 42
print(o < 100); // expect: valueOf
// expect: true
var n = 10; n += 5; n -= 20; n *= 3; n <<= 2; n >>= 1; n >>>= 28; n |= 64; n &= 70; n ^= 3;
print(n); // expect: 69
var p = { v: 1 }; p.v += 2; p.v *= 10; p["v"] -= 5;
print(p.v); // expect: 25
var i = 0, j = 0; ++i; --j; var k = "5"; --k;
print(i, j, k, typeof k); // expect: 1 -1 4 number
var s = Symbol(); try { s + 1; } catch (e) { print(e.constructor.name); } // expect: TypeError
print(1n + 2n, typeof (1n << 3n)); // expect: 3 bigint
try { 1n + 1; } catch (e) { print(e.constructor.name); } // expect: TypeError
