// toExponential and toPrecision.
print((123.456).toExponential(2), (123.456).toExponential(), (0).toExponential(), (-5e-7).toExponential(1)); // expect: 1.23e+2 1.23456e+2 0e+0 -5.0e-7
print((Infinity).toExponential(1000), (NaN).toExponential(-5)); // expect: Infinity NaN
print((123.456).toPrecision(4), (123.456).toPrecision(2), (0.00001).toPrecision(1), (1e-7).toPrecision(1)); // expect: 123.5 1.2e+2 0.00001 1e-7
print((123.456).toPrecision(), (Infinity).toPrecision(0)); // expect: 123.456 Infinity
try { (1).toExponential(101); } catch (e) { print(e.name); } // expect: RangeError
(1).toPrecision(0); // expect runtime error: RangeError
