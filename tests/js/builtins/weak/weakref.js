// A WeakRef's target stays alive until the end of the job that made or
// read it ([[KeepDuringJob]]); after that a collection may clear it.
var ref;
(function () { ref = new WeakRef({ name: "target" }); })();
gc();
print(ref.deref().name); // expect: target
var strong = {};
var ref2 = new WeakRef(strong);
Promise.resolve().then(function () {
  gc();
  print(ref.deref());
  print(ref2.deref() === strong);
});
try { new WeakRef(1); } catch (e) { print(e.name); } // expect: TypeError
try { WeakRef({}); } catch (e) { print(e.name); } // expect: TypeError
print(Object.prototype.toString.call(ref)); // expect: [object WeakRef]
// expect: undefined
// expect: true
