// A property read through a prototype chain sees the chain change:
// shadowing, deletion, new prototypes, accessors.
var q = { x: 1 };
var p = Object.create(q);
var o = Object.create(p);
function get(o) { return o.x; }
print(get(o), get(o), get(o)); // expect: 1 1 1
p.x = 5;
print(get(o)); // expect: 5
delete p.x;
print(get(o)); // expect: 1
Object.setPrototypeOf(p, { x: 9 });
print(get(o)); // expect: 9
Object.defineProperty(p, "x", { get: function () { return "getter"; }, configurable: true });
print(get(o)); // expect: getter
