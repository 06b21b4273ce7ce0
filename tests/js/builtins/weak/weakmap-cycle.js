// A value that refers to its own key does not keep the key alive.
var wm = new WeakMap();
var fr = new FinalizationRegistry(function (held) { print("collected", held); });
(function () {
  var k = {};
  wm.set(k, { back: k });
  fr.register(k, "key");
})();
Promise.resolve().then(function () { gc(); print("after gc"); });
// expect: after gc
// expect: collected key
