// ownKeys answers in the trap's order; strings and symbols only.
var s = Symbol("s");
var p = new Proxy({}, {
  ownKeys: function () { return ["b", s, "1", "a"]; },
  getOwnPropertyDescriptor: function (t, k) { return { value: k, enumerable: k !== "a", configurable: true }; },
});
var names = Object.getOwnPropertyNames(p);
print(names.join(), Object.getOwnPropertySymbols(p).length, Object.keys(p).join()); // expect: b,1,a 1 b,1
print(typeof Object.getOwnPropertyNames(p)[1]); // expect: string
var bad = new Proxy({}, { ownKeys: function () { return [1]; } });
Reflect.ownKeys(bad); // expect runtime error: TypeError
