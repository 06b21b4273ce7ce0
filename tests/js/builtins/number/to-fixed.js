// Number.prototype.toFixed: exact digits, rounding half up.
print((1.005).toFixed(2), (1.45).toFixed(1), (0.5).toFixed(0), (2.5).toFixed(0)); // expect: 1.00 1.4 1 3
print((123.456).toFixed(), (-1.5).toFixed(0), (0).toFixed(2), (-0).toFixed(1)); // expect: 123 -2 0.00 0.0
print((1e21).toFixed(2), (1e-10).toFixed(3), (1000000000000000128).toFixed(0)); // expect: 1e+21 0.000 1000000000000000128
print((NaN).toFixed(2), (0.000001).toFixed(7)); // expect: NaN 0.0000010
try { (1).toFixed(101); } catch (e) { print(e.name); } // expect: RangeError
(1).toFixed(-1); // expect runtime error: RangeError
