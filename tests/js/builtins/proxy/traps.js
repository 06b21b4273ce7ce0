// Every operation on a proxy goes through its handler's trap.
var log = [];
var target = { a: 1 };
var handler = {};
["get", "set", "has", "deleteProperty", "ownKeys", "getOwnPropertyDescriptor",
 "defineProperty", "getPrototypeOf", "setPrototypeOf", "isExtensible",
 "preventExtensions"].forEach(function (name) {
  handler[name] = function () {
    log.push(name);
    return Reflect[name].apply(null, arguments);
  };
});
var p = new Proxy(target, handler);
p.a; p.b = 2; "a" in p; delete p.b; Object.keys(p);
Object.defineProperty(p, "c", { value: 3, configurable: true });
Object.getPrototypeOf(p); Object.setPrototypeOf(p, null);
Object.isExtensible(p); Object.preventExtensions(p);
print(log.join(" "));
// expect: get set getOwnPropertyDescriptor defineProperty has deleteProperty ownKeys getOwnPropertyDescriptor defineProperty getPrototypeOf setPrototypeOf isExtensible preventExtensions
print(target.c, Object.getPrototypeOf(target), Object.isExtensible(target)); // expect: 3 null false
