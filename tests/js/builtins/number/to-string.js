// Number.prototype.toString with a radix.
print((255).toString(16), (255).toString(2), (-255).toString(36)); // expect: ff 11111111 -73
print((0.5).toString(2), (3.75).toString(8), (1e21).toString(), (-0).toString()); // expect: 0.1 3.6 1e+21 0
print((123.456).toString(undefined), (NaN).toString(16), (-Infinity).toString(2)); // expect: 123.456 NaN -Infinity
print(Number.prototype.toString.length, (10).toString(10.9)); // expect: 1 10
try { (1).toString(1); } catch (e) { print(e.name); } // expect: RangeError
try { (1).toString(37); } catch (e) { print(e.name); } // expect: RangeError
Number.prototype.toString.call("1"); // expect runtime error: TypeError
