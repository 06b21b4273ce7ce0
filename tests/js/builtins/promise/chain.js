// then, catch and finally pass values and errors down a chain.
Promise.resolve(1)
  .then(function (v) { print("then", v); return v + 1; }) // expect: then 1
  .then(function (v) { print("then", v); throw "oops"; }) // expect: then 2
  .then(function () { print("skipped"); })
  .catch(function (e) { print("catch", e); return "after"; }) // expect: catch oops
  .finally(function () { print("finally"); return "ignored"; }) // expect: finally
  .then(function (v) { print("value", v); }); // expect: value after
