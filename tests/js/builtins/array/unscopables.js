// Array.prototype[Symbol.unscopables] lists the newer methods.
var u = Array.prototype[Symbol.unscopables];
print(Object.getPrototypeOf(u), u.flat, u.at, u.includes, u.map); // expect: null true true true undefined
var d = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.unscopables);
print(d.writable, d.enumerable, d.configurable); // expect: false false true
