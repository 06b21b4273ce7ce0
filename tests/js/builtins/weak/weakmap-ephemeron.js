// A WeakMap value is kept exactly as long as its key: a registry on the
// value shows when it dies.  Its callback runs after a collection, at a
// safe point: here, after each job.
var wm = new WeakMap();
var fr = new FinalizationRegistry(function (held) { print("collected", held); });
var key = {};
(function () {
  var value = { data: [1, 2, 3] };
  wm.set(key, value);
  fr.register(value, "value");
})();
Promise.resolve().then(function () {
  gc();
  print("key alive, value", wm.get(key).data.length);
}).then(function () {
  print("dropping the key");
  key = null;
  gc();
});
// expect: key alive, value 3
// expect: dropping the key
// expect: collected value
