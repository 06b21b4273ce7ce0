try { Map(); } catch (e) { print(e.name); } // expect: TypeError
try { Set(); } catch (e) { print(e.name); } // expect: TypeError
try { Map.prototype.get.call(new Set(), 1); } catch (e) { print(e.name); } // expect: TypeError
try { Set.prototype.add.call(new Map(), 1); } catch (e) { print(e.name); } // expect: TypeError
try { new Map([1]); } catch (e) { print(e.name); } // expect: TypeError
try { new Map().entries().next.call({}); } catch (e) { print(e.name); } // expect: TypeError
try { new Set().values().next.call(new Map().keys()); } catch (e) { print(e.name); } // expect: TypeError
var desc = Object.getOwnPropertyDescriptor(Map.prototype, "size");
print(typeof desc.get, desc.set, desc.enumerable, desc.configurable); // expect: function undefined false true
try { desc.get.call({}); } catch (e) { print(e.name); } // expect: TypeError
