// Math.round, floor, ceil, trunc and sign with their signed zeros.
print(Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994), Math.round(-0.6)); // expect: 3 -2 0 -1
print(1 / Math.round(-0.5), 1 / Math.round(-0), 1 / Math.round(0.2)); // expect: -Infinity -Infinity Infinity
print(Math.round(4503599627370495.5), Math.round(9007199254740991)); // expect: 4503599627370496 9007199254740991
print(1 / Math.ceil(-0.5), Math.floor(-0.5), 1 / Math.trunc(-0.9), Math.trunc(4.9)); // expect: -Infinity -1 -Infinity 4
print(Math.sign(-3), Math.sign(0.1), 1 / Math.sign(-0), Math.sign(NaN)); // expect: -1 1 -Infinity NaN
print(Math.round("2.5"), Math.round(), Math.round(null)); // expect: 3 NaN 0
