// Object.defineProperty: defaults are false, and redefinition follows
// ValidateAndApplyPropertyDescriptor.
var o = {};
Object.defineProperty(o, "x", { value: 1 });
var d = Object.getOwnPropertyDescriptor(o, "x");
print(d.value, d.writable, d.enumerable, d.configurable); // expect: 1 false false false
Object.defineProperty(o, "x", { value: 1, writable: false }); // same value: allowed
o.x = 2;
print(o.x); // expect: 1
var c = {};
Object.defineProperty(c, "y", { value: 1, configurable: true });
Object.defineProperty(c, "y", { get: function () { return 7; } });
d = Object.getOwnPropertyDescriptor(c, "y");
print(c.y, typeof d.get, d.set, d.configurable, "value" in d); // expect: 7 function undefined true false
try { Object.defineProperty(o, "x", { value: 2 }); } catch (e) { print(e.name); } // expect: TypeError
try { Object.defineProperty(o, "x", { get: function () {} }); } catch (e) { print(e.name); } // expect: TypeError
try { Object.defineProperty(o, "z", { get: 1 }); } catch (e) { print(e.message); } // expect: Getter must be a function: 1
Object.defineProperty({}, "a", { value: 1, get: function () {} }); // expect runtime error: TypeError: Invalid property descriptor
