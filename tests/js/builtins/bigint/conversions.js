var n = BigInt;
print(n(42), n("0x1f"), n("  -123  "), n(true), n(1e21)); // expect: 42 31 -123 1 1000000000000000000000
print(n(""), n("0b101"), n("0o17")); // expect: 0 5 15
print((n(255)).toString(16), (n(-255)).toString(2), n(0).toString()); // expect: ff -11111111 0
print(n("123456789012345678901234567890").toString(36)); // expect: byw97um9s91dlz68tsi
print(Number(n(2) ** n(53) + n(1)), Number(-(n(2) ** n(64)))); // expect: 9007199254740992 -18446744073709552000
print(Number(n(2) ** n(1024)), parseFloat("1e3") + Number(n(1))); // expect: Infinity 1001
print(String(n(2) ** n(64)), n(7) + "", `${-n(8)}`); // expect: 18446744073709551616 7 -8
print(BigInt.asIntN(8, n(255)), BigInt.asUintN(8, n(-1))); // expect: -1 255
print(BigInt.asIntN(64, n(2) ** n(63)), BigInt.asUintN(64, n(-1))); // expect: -9223372036854775808 18446744073709551615
print(BigInt.asIntN(3, n(-4)), BigInt.asIntN(3, n(4)), BigInt.asUintN(0, n(5))); // expect: -4 -4 0
print(Object.prototype.toString.call(n(1)), Object(n(3)) + n(1)); // expect: [object BigInt] 4
var o = {};
o[n(1)] = "key";
print(o["1"]); // expect: key
var m = new Map([[n(1), "a"]]);
print(m.get(n(1)), m.has(1)); // expect: a false
