// Private methods and accessors are made once per class evaluation:
// every instance gets the same function objects.
class C {
  #m() { return 42; }
  get #g() { return 1; }
  set #g(v) {}
  static m(o) { return o.#m; }
  static g(o) { return o.#g; }
}
var a = new C(), b = new C();
print(C.m(a) === C.m(b), C.m(a).name, C.m(a)()); // expect: true #m 42
print(C.g(a)); // expect: 1
// A second evaluation of the class makes new ones.
function make() { return class { #m() {} static m(o) { return o.#m; } }; }
var K1 = make(), K2 = make();
print(K1.m(new K1()) === K2.m(new K2())); // expect: false

// Static private accessor pairs.
class P {
  static get #s() { return 5; }
  static set #s(v) { P.last = v; }
  static t() { P.#s = 6; return P.#s; }
}
print(P.t(), P.last); // expect: 5 6

// An object gets a class's private methods once: a base constructor
// returning the same object twice makes the second initialization throw.
class Base { constructor(o) { return o; } }
class D extends Base { get #p() { return 1; } set #p(v) {} }
var obj = {};
new D(obj);
try { new D(obj); } catch (e) { print(e.name); } // expect: TypeError
class E extends Base { #m() {} }
var o2 = {};
new E(o2);
new E(o2); // expect runtime error: TypeError
