// keys, values, entries and for-of.
var t = new Uint8Array([10, 20]);
var out = [];
for (var v of t) out.push(v);
for (var k of t.keys()) out.push(k);
for (var e of t.entries()) out.push(e.join(":"));
print(out.join()); // expect: 10,20,0,1,0:10,1:20
print(t[Symbol.iterator] === t.values); // expect: true
print([...new Int8Array([3, 4])].join()); // expect: 3,4
