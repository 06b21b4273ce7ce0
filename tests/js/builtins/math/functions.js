// The other functions of Math.
print(Math.abs(-2), Math.sqrt(16), Math.cbrt(27), Math.cbrt(-8), Math.pow(2, 10)); // expect: 2 4 3 -2 1024
print(Math.pow(1, Infinity), Math.pow(NaN, 0), Math.pow(-8, 1 / 3), 2 ** -1); // expect: NaN 1 NaN 0.5
print(Math.hypot(3, 4), Math.hypot(), Math.hypot(NaN, Infinity), Math.hypot(-3), Math.hypot(1e200, 1e200)); // expect: 5 0 Infinity 3 1.414213562373095e+200
print(Math.fround(5.5), Math.fround(5.05), Math.fround(2 ** 128)); // expect: 5.5 5.050000190734863 Infinity
print(Math.clz32(0), Math.clz32(1), Math.clz32(-1), Math.clz32(0.5)); // expect: 32 31 0 32
print(Math.imul(3, 4), Math.imul(0xffffffff, 5), Math.imul(0x7fffffff, 2)); // expect: 12 -5 -2
print(Math.log(Math.E), Math.log2(8), Math.log10(1000), Math.log1p(0), Math.expm1(0)); // expect: 1 3 3 0 0
print(Math.atan2(1, 1) === Math.PI / 4, Math.sinh(0), Math.cosh(0), Math.tanh(Infinity)); // expect: true 0 1 1
print(Math.acosh(1), Math.asinh(0), Math.atanh(0), 1 / Math.atanh(-0)); // expect: 0 0 0 -Infinity
print(Math.max.length, Math.hypot.length, Math.random.length, Math.atan2.name); // expect: 2 2 0 atan2
