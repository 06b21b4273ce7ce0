// An assignment resolves its target before the right side runs, and
// stores to the binding it found then (PutValue), even if the right side
// removes it or adds a closer one.
function deleted() {
  var x = 0;
  var scope = { x: 1 };
  with (scope) {
    x = (delete scope.x, 2);
  }
  print(scope.x, x); // expect: 2 0
}
deleted();

function shadowed() {
  var x = 1;
  var inner = (function () {
    x ^= (eval("var x = 2;"), 4);
    return x;
  })();
  print(inner, x); // expect: 2 5
}
shadowed();

// with: HasBinding, GetBindingValue and SetMutableBinding each ask the
// object again; @@unscopables is read once.
var log = [];
var proxy = new Proxy({ p: 0 }, {
  has(t, k) { log.push("has:" + String(k)); return Reflect.has(t, k); },
  get(t, k, r) { log.push("get:" + String(k)); return Reflect.get(t, k, r); },
  set(t, k, v, r) { log.push("set:" + String(k)); return Reflect.set(t, k, v, r); },
});
with (proxy) { p += 1; }
print(log.join()); // expect: has:p,get:Symbol(Symbol.unscopables),has:p,get:p,has:p,set:p

var calls = 0, flag = true, a, b;
with (a = { x: 7 }) {
  with (b = { x: 4, get [Symbol.unscopables]() { calls++; return { x: flag = !flag }; } }) {
    x++;
  }
}
print(calls, a.x, b.x); // expect: 1 7 5

// A strict store to a with binding that vanished is a ReferenceError.
var env = { binding: 0, get [Symbol.unscopables]() { delete env.binding; return null; } };
with (env) {
  try {
    (function () { "use strict"; binding = 1; })();
  } catch (e) {
    print(e.name); // expect: ReferenceError
  }
}

// x++ as a statement too.
function updated() {
  var x = 0;
  var scope = { get x() { delete this.x; return 2; } };
  with (scope) { x++; }
  print(scope.x, x); // expect: 3 0
}
updated();

// Compound assignment to a computed member: the base is checked before
// the key is converted, and the key is converted once.
var conversions = 0;
var key = { toString() { conversions++; return "k"; } };
var o = { k: 1 };
o[key] += 1;
o[key]++;
print(o.k, conversions); // expect: 3 2
try {
  null[{ toString() { throw new Error("key converted"); } }] += 1;
} catch (e) {
  print(e.name); // expect: TypeError
}
var base;
base[{ toString() { throw new Error("key converted"); } }] = 1;
// expect runtime error: TypeError
