// keys, values, entries and Symbol.iterator.
print(Array.prototype[Symbol.iterator] === Array.prototype.values); // expect: true
var out = [];
for (var k of ["a", "b"].keys()) out.push(k);
for (var v of ["a", "b"].values()) out.push(v);
for (var e of ["a", "b"].entries()) out.push(e.join(":"));
print(out); // expect: 0,1,a,b,0:a,1:b
var it = [1].values();
var r1 = it.next(), r2 = it.next();
print(r1.value, r1.done, r2.value, r2.done); // expect: 1 false undefined true
print(Object.prototype.toString.call(it)); // expect: [object Array Iterator]
