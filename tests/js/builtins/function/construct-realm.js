// GetPrototypeFromConstructor falls back to the new.target's realm, and
// finding the realm of a revoked proxy throws a TypeError (ECMA-262
// 7.3.24), for ordinary constructors and built-in ones alike.
function revokingProxy(target) {
  var h = Proxy.revocable(target, {
    get: function (t, k) { h.revoke(); return undefined; }
  });
  return h.proxy;
}
try { new (revokingProxy(function () {}))(); print("no error"); }
catch (e) { print(e.name); } // expect: TypeError
try { Reflect.construct(Array, [], revokingProxy(function () {})); print("no error"); }
catch (e) { print(e.name); } // expect: TypeError
try { Reflect.construct(RegExp, ["a"], revokingProxy(function () {})); print("no error"); }
catch (e) { print(e.name); } // expect: TypeError
try { Reflect.construct(Map, [], revokingProxy(function () {})); print("no error"); }
catch (e) { print(e.name); } // expect: TypeError
// A prototype that is not an object falls back to the intrinsic one.
function F() {}
F.prototype = 1;
print(Object.getPrototypeOf(new F()) === Object.prototype); // expect: true
print(Object.getPrototypeOf(Reflect.construct(Array, [], F)) === Array.prototype); // expect: true
// Through a bound function, the target's realm counts.
var bound = F.bind(null);
print(Object.getPrototypeOf(Reflect.construct(Date, [], bound)) === Date.prototype); // expect: true
Reflect.construct(Date, [], revokingProxy(function () {})); // expect runtime error: TypeError
