Promise.all([1, Promise.resolve(2), { then: function (r) { r(3); } }])
  .then(function (a) { print("all", a.length, a[0], a[1], a[2]); });
Promise.all([]).then(function (a) { print("empty", a.length); });
Promise.all([Promise.reject("no"), 1]).catch(function (e) { print("all rejects", e); });
Promise.allSettled([Promise.reject(1), 2]).then(function (a) {
  print(a[0].status, a[0].reason, a[1].status, a[1].value);
});
Promise.any([Promise.reject(1), Promise.resolve(2)]).then(function (v) { print("any", v); });
Promise.any([]).catch(function (e) {
  print(e instanceof AggregateError, e.errors.length);
});
Promise.race([new Promise(function () {}), Promise.resolve("won")])
  .then(function (v) { print("race", v); });
var w = Promise.withResolvers();
w.promise.then(function (v) { print("withResolvers", v); });
w.resolve("ok");
Promise.reject("r").then(null, function (e) { print("reject", e); });
var p = Promise.resolve(5);
print(Promise.resolve(p) === p);
// expect: true
// expect: empty 0
// expect: true 0
// expect: withResolvers ok
// expect: reject r
// expect: all rejects no
// expect: rejected 1 fulfilled 2
// expect: any 2
// expect: race won
// expect: all 3 1 2 3
