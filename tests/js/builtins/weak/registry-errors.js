// A callback that throws is reported; later ones still run, and the exit
// status stays 0.
var fr = new FinalizationRegistry(function (held) {
  print("cleanup", held);
  if (held === "first") throw new Error("from a cleanup callback");
});
(function () { fr.register({}, "first"); })();
Promise.resolve().then(function () { gc(); })
  .then(function () { fr.register({}, "second"); })
  .then(function () { gc(); });
// expect: cleanup first
// expect: cleanup second
