// parseFloat: the longest prefix that is a decimal literal.
print(parseFloat("3.14abc"), parseFloat("  -.5e1x"), parseFloat("1e"), parseFloat("1e+"), parseFloat(".")); // expect: 3.14 -5 1 1 NaN
print(parseFloat("Infinityx"), parseFloat("-Infinity"), parseFloat("infinity"), parseFloat("0x10")); // expect: Infinity -Infinity NaN 0
print(1 / parseFloat("-0"), parseFloat("1_000"), parseFloat("\u00a0 7")); // expect: -Infinity 1 7
print(parseFloat("0.1") + parseFloat("0.2"), parseFloat("2.2250738585072011e-308")); // expect: 0.30000000000000004 2.225073858507201e-308
print(Number.parseFloat === parseFloat, parseFloat.length); // expect: true 1
parseFloat({ toString: function () { throw new RangeError("boom"); } }); // expect runtime error: RangeError: boom
