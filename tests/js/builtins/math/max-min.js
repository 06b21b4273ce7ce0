// Math.max and Math.min: every argument is converted; NaN wins; -0 < 0.
print(Math.max(), Math.min(), Math.max(1, 3, 2), Math.min(1, 3, 2)); // expect: -Infinity Infinity 3 1
print(Math.max(1, NaN, 3), Math.min(NaN, 1)); // expect: NaN NaN
print(1 / Math.max(-0, 0), 1 / Math.max(0, -0), 1 / Math.min(0, -0), 1 / Math.min(-0, 0)); // expect: Infinity Infinity -Infinity -Infinity
var log = "";
Math.max({ valueOf: function () { log += "a"; return NaN; } }, { valueOf: function () { log += "b"; return 1; } });
print(log); // expect: ab
Math.min(1, Symbol()); // expect runtime error: TypeError
