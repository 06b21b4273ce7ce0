print(0n, 123n, -45n, 0x1fn, 0o17n, 0b101n); // expect: 0 123 -45 31 15 5
print(1_000_000n, 0xffff_ffff_ffff_ffffn); // expect: 1000000 18446744073709551615
print(typeof 10n, 10n === 10n, 2n ** 64n === 18446744073709551616n); // expect: bigint true true
print(123456789012345678901234567890n * 10n); // expect: 1234567890123456789012345678900
var m = new Map([[1n, "one"], [2n ** 70n, "big"]]);
print(m.get(1n), m.get(1180591620717411303424n), m.has(1)); // expect: one big false
print(new Set([1n, 1n, BigInt(1), 1]).size); // expect: 2
var x = 9007199254740993n;
x++;
print(x, -x, x > 9007199254740993, x == "9007199254740994"); // expect: 9007199254740994 -9007199254740994 true true
