// + concatenates when either side is a string after ToPrimitive.
print(1 + "2", "3" * "4", 1 + 2 + "3", "1" - 1); // expect: 12 12 33 0
print([] + {}, [1, 2] + [3]); // expect: [object Object] 1,23
var obj = { valueOf() { return 5; }, toString() { return "str"; } };
print(obj + 1, `${obj}`, obj * 2); // expect: 6 str 10
var d = { [Symbol.toPrimitive](hint) { return hint; } };
print(`${d}`, d + "", +d); // expect: string default NaN
print(0.1 + 0.2, 2 ** 10, (-2) ** 3, 2 ** -1); // expect: 0.30000000000000004 1024 -8 0.5
print(7 % -3, -7 % 3, 5.5 % 2); // expect: 1 -1 1.5
print(1 / 0, -1 / 0, 0 / 0, 1 / -0); // expect: Infinity -Infinity NaN -Infinity
print(2147483647 + 1, -2147483648 - 1, 65536 * 65536); // expect: 2147483648 -2147483649 4294967296
print(Object.is(-0 * 1, -0), Object.is(0 * -1, -0)); // expect: true true
print(1 << 31, 1 << 32, -1 >>> 0, -1 >> 28, 5 & 3, 5 | 3, 5 ^ 3, ~5); // expect: -2147483648 1 4294967295 -1 1 7 6 -6
print(2n ** 64n, 7n / 2n, -7n % 2n); // expect: 18446744073709551616 3 -1
try { 1n + 1; } catch (e) { print(e.name); } // expect: TypeError
var i = 0;
print(i++, i, ++i, i--, --i); // expect: 0 1 2 2 0
var s = "5";
s++;
print(s, typeof s); // expect: 6 number
