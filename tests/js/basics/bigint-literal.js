print(2n ** 64n, 0x10n + 1n, typeof 5n, 10n > 9, BigInt(7) === 7n); // expect: 18446744073709551616 17 bigint true true
