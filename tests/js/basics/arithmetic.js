// Numbers, the int32 fast paths and their overflow into doubles.
print(1 + 2); // expect: 3
print(2147483647 + 1); // expect: 2147483648
print(-2147483648 - 1); // expect: -2147483649
print(65536 * 65536); // expect: 4294967296
print(7 / 2); // expect: 3.5
print(-7 % 3); // expect: -1
print(0 * -1); // expect: 0
print(1 / (0 * -1)); // expect: -Infinity
print(2 ** 10); // expect: 1024
print(0.1 + 0.2); // expect: 0.30000000000000004
print(1e21); // expect: 1e+21
print(5 & 3, 5 | 3, 5 ^ 3, ~5); // expect: 1 7 6 -6
print(-1 >>> 0, -1 >> 28, 1 << 31); // expect: 4294967295 -1 -2147483648
print("3" * "4"); // expect: 12
print("a" + 1 + 2); // expect: a12
print(1 + 2 + "a"); // expect: 3a
print(+"  12  ", +"0x10", +"1e3", +"abc"); // expect: 12 16 1000 NaN
print(NaN === NaN, 0 === -0); // expect: false true
