var n = BigInt;
print(typeof n(1), n(1) == 1, n(1) === 1, n(2) > 1, n(1) < 1.5); // expect: bigint true false true true
print(n(2) == "2", n(10) > "9", n(1) == "x", n(1) < "x"); // expect: true true false false
print(n("9007199254740993") == 9007199254740992); // expect: false
print(n("9007199254740993") > 9007199254740992); // expect: true
print(n(1) < NaN, n(1) > -Infinity, n(0) == -0); // expect: false true true
print(n(0) ? "yes" : "no", n(-1) ? "yes" : "no"); // expect: no yes
print(Object(n(1)) == n(1), n(3) === n(3)); // expect: true true
print(Object.is(n(0), -n(0))); // expect: true
