// A registry that dies takes its callbacks with it.
(function () {
  var fr = new FinalizationRegistry(function () { print("never"); });
  fr.register({}, "x");
})();
// Collect in a job: the script's registers are gone by then.
Promise.resolve().then(function () { gc(); print("done"); });
// expect: done
