var n = BigInt;
var a = new BigInt64Array(2);
a[0] = -n(5);
a[1] = n(2) ** n(63);
print(a[0], a[1]); // expect: -5 -9223372036854775808
var u = new BigUint64Array(1);
u[0] = -n(1);
print(u[0]); // expect: 18446744073709551615
try { a[0] = 1; } catch (e) { print(e.name); } // expect: TypeError
var dv = new DataView(new ArrayBuffer(8));
dv.setBigInt64(0, -n(2));
print(dv.getBigUint64(0), dv.getBigInt64(0)); // expect: 18446744073709551614 -2
