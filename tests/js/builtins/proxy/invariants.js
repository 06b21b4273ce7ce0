// Traps may not lie about what the target fixes.
var frozen = Object.freeze({ k: 1 });
function check(handler, op) {
  try { op(new Proxy(frozen, handler)); return "ok"; } catch (e) { return e.name; }
}
print(check({ get: function () { return 2; } }, function (p) { return p.k; })); // expect: TypeError
print(check({ get: function () { return 1; } }, function (p) { return p.k; })); // expect: ok
print(check({ has: function () { return false; } }, function (p) { return "k" in p; })); // expect: TypeError
print(check({ ownKeys: function () { return []; } }, function (p) { return Object.keys(p); })); // expect: TypeError
print(check({ ownKeys: function () { return ["k", "k"]; } }, function (p) { return Reflect.ownKeys(p); })); // expect: TypeError
print(check({ isExtensible: function () { return true; } }, Object.isExtensible)); // expect: TypeError
print(check({ getPrototypeOf: function () { return Array.prototype; } }, Object.getPrototypeOf)); // expect: TypeError
print(check({ deleteProperty: function () { return true; } }, function (p) { return delete p.k; })); // expect: TypeError
print(check({ defineProperty: function () { return true; } }, function (p) { Object.defineProperty(p, "new", { value: 1 }); })); // expect: TypeError
print(check({ getOwnPropertyDescriptor: function () { return undefined; } }, function (p) { return Object.getOwnPropertyDescriptor(p, "k"); })); // expect: TypeError
