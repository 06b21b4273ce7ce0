// parseInt: white space, sign, radix and hex prefix.
print(parseInt("  42abc"), parseInt("-0x1F"), parseInt("0x"), parseInt("+7"), parseInt("\u2028 9")); // expect: 42 -31 NaN 7 9
print(parseInt("101", 2), parseInt("z", 36), parseInt("9", 8), parseInt("10", 1), parseInt("10", 37)); // expect: 5 35 NaN NaN NaN
print(parseInt("0x10", 16), parseInt("0x10", 10), parseInt("10", 0), parseInt("10", 4294967300)); // expect: 16 0 10 4
print(1 / parseInt("-0"), parseInt("123456789012345678901234567890")); // expect: -Infinity 1.2345678901234568e+29
print(parseInt(""), parseInt(null), parseInt(15.99), parseInt("1e3")); // expect: NaN NaN 15 1
print(Number.parseInt === parseInt, parseInt.length); // expect: true 2
parseInt(Symbol()); // expect runtime error: TypeError
