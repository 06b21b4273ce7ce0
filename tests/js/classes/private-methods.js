// Private methods are made once per class and shared by every instance;
// accessors pair up; initialising an object twice is a TypeError.
class A {
  #m() { return "m"; }
  get #a() { return "got"; }
  set #a(v) { this.log = v; }
  methodOf() { return this.#m; }
  use() { this.#a = "set"; return this.#m() + " " + this.#a + " " + this.log; }
}
var x = new A(), y = new A();
print(x.methodOf() === y.methodOf(), x.methodOf().name); // expect: true #m
print(x.use()); // expect: m got set
class Base { constructor(o) { return o; } }
class Stamp extends Base { get #g() { return 1; } constructor(o) { super(o); } }
var target = {};
new Stamp(target);
try { new Stamp(target); } catch (e) { print(e.name); } // expect: TypeError
// A static member named prototype cannot replace the class's prototype.
try { class S { static ["proto" + "type"]() {} } } catch (e) { print(e.name); } // expect: TypeError
try { class T { static get ["prototype"]() {} } } catch (e) { print(e.name); } // expect: TypeError
// delete of a super reference is a ReferenceError.
class D { m() { try { delete super.x; } catch (e) { return e.name; } } }
print(new D().m()); // expect: ReferenceError
// A derived constructor's bad return cannot be caught by its own try.
class R extends Object { constructor() { super(); try { return 1; } catch (e) { return; } } }
try { new R(); } catch (e) { print(e.name); } // expect: TypeError
// super () called from an arrow in a finally block counts.
class F extends Object { constructor() { var f = () => super(); try { return; } finally { f(); } } }
print(typeof new F()); // expect: object
