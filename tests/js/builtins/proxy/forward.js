// A proxy without traps forwards everything to its target.
var target = [1, 2, 3];
var p = new Proxy(target, {});
p.push(4);
print(target.length, p.length, p[3], Array.isArray(p)); // expect: 4 4 4 true
print(Object.prototype.toString.call(p), JSON.stringify(p)); // expect: [object Array] [1,2,3,4]
var keys = [];
for (var k in new Proxy({ x: 1, y: 2 }, {})) keys.push(k);
print(keys.join()); // expect: x,y
var inherits = Object.create(new Proxy({ deep: "yes" }, {}));
print(inherits.deep, "deep" in inherits); // expect: yes true
print(JSON.stringify({ ...new Proxy({ s: 1 }, {}) })); // expect: {"s":1}
