// super[key]: the base (the home object's prototype) is taken before the
// key is converted.
var proto = { p: "ok", set q(v) { result = "ok"; } };
var proto2 = { p: "bad", set q(v) { result = "bad"; } };
var result;
var obj = {
  __proto__: proto,
  get() { return super[key("p")]; },
  set() { super[key("q")] = 1; },
  add() { return super[key("n")] += 1; },
};
function key(name) {
  return { toString() { Object.setPrototypeOf(obj, proto2); return name; } };
}
proto.n = 1;
proto2.n = -1;
print(obj.get()); // expect: ok
Object.setPrototypeOf(obj, proto);
obj.set();
print(result); // expect: ok
Object.setPrototypeOf(obj, proto);
print(obj.add()); // expect: 2

// A failed super store is silent in sloppy code and a TypeError in
// strict code.
var frozen = {
  sloppy() { super.x = 8; Object.freeze(frozen); super.y = 9; return "done"; },
};
print(frozen.sloppy(), "y" in frozen); // expect: done false
var strict = {
  m() { "use strict"; Object.freeze(this); super.z = 1; },
};
strict.m(); // expect runtime error: TypeError
