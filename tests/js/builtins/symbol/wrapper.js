// Symbol wrapper objects and Symbol.prototype.
var s = Symbol("w");
var o = Object(s);
print(typeof o, o instanceof Symbol, o.valueOf() === s, o.description); // expect: object true true w
print(o[Symbol.toPrimitive]("number") === s, o == s); // expect: true true
print(Symbol.prototype[Symbol.toStringTag]); // expect: Symbol
var d = Object.getOwnPropertyDescriptor(Symbol.prototype, Symbol.toPrimitive);
print(d.writable, d.configurable, d.value.name, d.value.length); // expect: false true [Symbol.toPrimitive] 1
var g = Object.getOwnPropertyDescriptor(Symbol.prototype, "description");
print(typeof g.get, g.set, g.get.name); // expect: function undefined get description
Symbol.prototype.toString.call({}); // expect runtime error: TypeError
