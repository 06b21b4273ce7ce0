// BigInt operators (written with BigInt () until literals compile).
var n = BigInt;
print(n(1) + n(2), n(10) - n(20), n(6) * n(7)); // expect: 3 -10 42
print(n(7) / n(2), n(-7) / n(2), n(7) % n(-2), n(-7) % n(2)); // expect: 3 -3 1 -1
print(n(2) ** n(100)); // expect: 1267650600228229401496703205376
print(-n(5), ~n(5), ~n(-1)); // expect: -5 -6 0
var x = n(5);
x++;
print(x); // expect: 6
x -= n(10);
print(x); // expect: -4
var big = n("123456789012345678901234567890");
print(big * big); // expect: 15241578753238836750495351562536198787501905199875019052100
print(big / n(987654321), big % n(987654321)); // expect: 124999998873437499901 574845669
print((n(2) ** n(200) + n(12345)) / (n(2) ** n(100) + n(3))); // expect: 1267650600228229401496703205373
