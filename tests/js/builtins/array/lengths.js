// The methods' length and name properties.
var p = Array.prototype;
print(p.concat.length, p.push.length, p.slice.length, p.splice.length, p.copyWithin.length); // expect: 1 1 2 2 2
print(p.reduce.length, p.flat.length, p.flatMap.length, p.with.length, p.toSpliced.length); // expect: 1 0 1 2 2
print(p.forEach.name, p[Symbol.iterator].name); // expect: forEach values
var d = Object.getOwnPropertyDescriptor(p, "map");
print(d.writable, d.enumerable, d.configurable); // expect: true false true
