// %RegExpStringIteratorPrototype%: next, its tag, and its prototype.
var it = "ab".matchAll(new RegExp(".", "g"));
var proto = Object.getPrototypeOf(it);
print(proto[Symbol.toStringTag], typeof proto.next, proto.next.length); // expect: RegExp String Iterator function 0
print(Object.getPrototypeOf(proto) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))); // expect: true
print(it.next().value[0], it.next().value[0], it.next().done, it.next().done); // expect: a b true true
try { proto.next.call({}); } catch (e) { print(e.name); } // expect: TypeError
