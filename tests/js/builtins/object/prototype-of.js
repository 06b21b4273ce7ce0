// getPrototypeOf, setPrototypeOf and the __proto__ accessor.
var p = { x: 1 };
var o = Object.setPrototypeOf({}, p);
print(o.x, Object.getPrototypeOf(o) === p); // expect: 1 true
print(Object.getPrototypeOf(1) === Number.prototype); // expect: true
print(Object.setPrototypeOf(1, null)); // expect: 1
o.__proto__ = null;
print(Object.getPrototypeOf(o), o.__proto__); // expect: null undefined
var q = {};
q.__proto__ = 5;
print(Object.getPrototypeOf(q) === Object.prototype); // expect: true
try { Object.setPrototypeOf(p, o); Object.setPrototypeOf(o, p); } catch (e) { print(e.name); } // expect: TypeError
try { Object.setPrototypeOf(Object.prototype, {}); } catch (e) { print(e.name); } // expect: TypeError
print(Object.setPrototypeOf(Object.prototype, null) === Object.prototype); // expect: true
try { Object.setPrototypeOf(Object.preventExtensions({}), {}); } catch (e) { print(e.name); } // expect: TypeError
Object.setPrototypeOf({}, 1); // expect runtime error: TypeError: Object prototype may only be an Object or null
