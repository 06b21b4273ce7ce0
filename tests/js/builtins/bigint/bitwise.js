var n = BigInt;
print(n(5) & n(3), n(-5) & n(3), n(5) | n(-3), n(-5) ^ n(3)); // expect: 1 3 -3 -8
print(n(1) << n(70)); // expect: 1180591620717411303424
print(n(-1) >> n(1000), n(-5) >> n(1), n(5) >> n(1)); // expect: -1 -3 2
print(n(5) << n(-1), n(-8) >> n(-2)); // expect: 2 -32
print((n(2) ** n(70)) >> n(68)); // expect: 4
try { n(1) >>> n(0); } catch (e) { print(e.name); } // expect: TypeError
