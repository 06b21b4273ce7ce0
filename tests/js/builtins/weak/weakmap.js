var wm = new WeakMap();
var k1 = {}, k2 = function () {};
print(wm.set(k1, "one") === wm); // expect: true
wm.set(k2, "two");
print(wm.get(k1), wm.get(k2), wm.get({})); // expect: one two undefined
print(wm.has(k1), wm.has({}), wm.has(1)); // expect: true false false
print(wm.delete(k1), wm.delete(k1), wm.has(k1)); // expect: true false false
print(wm.get(1), wm.delete("x")); // expect: undefined false
try { wm.set(1, 1); } catch (e) { print(e.name); } // expect: TypeError
try { WeakMap(); } catch (e) { print(e.name); } // expect: TypeError
try { WeakMap.prototype.get.call(new Map(), k1); } catch (e) { print(e.name); } // expect: TypeError
var wm2 = new WeakMap([[k1, 1], [k2, 2]]);
print(wm2.get(k1) + wm2.get(k2)); // expect: 3
print(Object.prototype.toString.call(wm)); // expect: [object WeakMap]
