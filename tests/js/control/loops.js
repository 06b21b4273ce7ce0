// do-while runs once; for-in order and shadowing; for-of over kinds.
var n = 0;
do { n++; } while (false);
print(n); // expect: 1
var o = { b: 1, a: 2, 2: "x", 1: "y", [Symbol("s")]: 3 };
var keys = [];
for (var k in o) keys.push(k);
print(keys.join()); // expect: 1,2,b,a
function P() { this.own = 1; }
P.prototype.inherited = 2;
Object.defineProperty(P.prototype, "hidden", { value: 3, enumerable: false });
keys = [];
for (var k in new P()) keys.push(k);
print(keys.join()); // expect: own,inherited
// Properties deleted during for-in are not visited.
var d = { x: 1, y: 2, z: 3 };
keys = [];
for (var k in d) { keys.push(k); delete d.z; }
print(keys.join()); // expect: x,y
var total = 0;
for (const v of [1, 2, 3]) total += v;
for (const [key, value] of new Map([["m", 4]])) total += value;
for (const ch of "ab😀") total += ch.length;
print(total); // expect: 14
for (var x in null) print("never");
for (var x in undefined) print("never");
print("done"); // expect: done
