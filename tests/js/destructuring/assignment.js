// Destructuring assignment targets: members, nested patterns, swaps.
var a = 1, b = 2;
[a, b] = [b, a];
print(a, b); // expect: 2 1
var o = {};
({ x: o.first, y: o["second"] = "def" } = { x: "X" });
print(o.first, o.second); // expect: X def
var arr = [];
[arr[0], ...arr[1]] = [1, 2, 3];
print(JSON.stringify(arr)); // expect: [1,[2,3]]
// The value of the assignment is the right-hand side.
var rhs = [9, 8];
var r = ([a] = rhs);
print(r === rhs, a); // expect: true 9
// Order: the target reference is evaluated before the value is read.
var log = [];
var target = { set p(v) { log.push("set " + v); } };
var src = { get p() { log.push("get"); return 1; } };
({ p: target.p } = src);
print(log.join()); // expect: get,set 1
