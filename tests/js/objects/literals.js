// Object literals: shorthand, computed keys, spread, accessors, __proto__.
var a = 1, k = "key";
var o = { a, [k + 2]: "computed", "quoted key": 3, 10: "ten", ...{ s: "spread" } };
print(JSON.stringify(o)); // expect: {"10":"ten","a":1,"key2":"computed","quoted key":3,"s":"spread"}
var proto = { inherited: true };
var child = { __proto__: proto, own: 1 };
print(child.inherited, Object.getPrototypeOf(child) === proto); // expect: true true
var computedProto = { ["__proto__"]: 5 };
print(Object.getPrototypeOf(computedProto) === Object.prototype, computedProto.__proto__); // expect: true 5
var acc = { _v: 1, get v() { return this._v * 10; }, set v(x) { this._v = x; } };
acc.v = 4;
print(acc.v); // expect: 40
// Spread copies own enumerable properties only and calls getters once.
var calls = 0;
var src = Object.create({ hidden: 1 }, { vis: { get() { calls++; return "g"; }, enumerable: true } });
var copy = { ...src };
print(JSON.stringify(copy), calls, "hidden" in copy); // expect: {"vis":"g"} 1 false
print(JSON.stringify({ ...null, ...undefined, ..."hi" })); // expect: {"0":"h","1":"i"}
// Later keys win but keep the first position.
print(JSON.stringify({ x: 1, y: 2, x: 3 })); // expect: {"x":3,"y":2}
// super in methods reaches the home object's prototype.
var base = { hi() { return "base hi"; } };
var derived = { __proto__: base, hi() { return super.hi() + "!"; } };
print(derived.hi()); // expect: base hi!
