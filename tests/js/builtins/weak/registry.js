var fr = new FinalizationRegistry(function (held) { print("cleanup", held); });
var token = {};
(function () {
  fr.register({}, "a");
  fr.register({}, "b", token);
})();
print(fr.unregister(token), fr.unregister(token)); // expect: true false
print(fr.register({}, 1)); // expect: undefined
try { fr.register(1, 1); } catch (e) { print(e.name); } // expect: TypeError
var o = {};
try { fr.register(o, o); } catch (e) { print(e.name); } // expect: TypeError
try { fr.register(o, 1, 1); } catch (e) { print(e.name); } // expect: TypeError
try { fr.unregister(1); } catch (e) { print(e.name); } // expect: TypeError
try { new FinalizationRegistry(1); } catch (e) { print(e.name); } // expect: TypeError
try { FinalizationRegistry(function () {}); } catch (e) { print(e.name); } // expect: TypeError
gc();
print("the callbacks wait for the script to return"); // expect: the callbacks wait for the script to return
// expect: cleanup a
// expect: cleanup 1
