// Proxy.revocable: after revoke() every operation throws.
var r = Proxy.revocable({ a: 1 }, {});
print(r.proxy.a, typeof r.revoke, r.revoke.length, r.revoke.name === ""); // expect: 1 function 0 true
r.revoke();
r.revoke();
var ops = [
  function () { return r.proxy.a; },
  function () { return "a" in r.proxy; },
  function () { return Object.keys(r.proxy); },
  function () { return Array.isArray(r.proxy); },
];
var names = [];
for (var i = 0; i < ops.length; i++) {
  try { ops[i](); names.push("ok"); } catch (e) { names.push(e.name); }
}
print(names.join()); // expect: TypeError,TypeError,TypeError,TypeError
var fr = Proxy.revocable(function () {}, {});
fr.revoke();
print(typeof fr.proxy); // expect: function
Proxy(); // expect runtime error: TypeError: Constructor Proxy requires 'new'
