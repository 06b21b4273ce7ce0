// Direct eval in a class body sees the private names of the classes
// around it (found by "#name" in their environments).
class C {
  #m() { return "m"; }
  #f = 1;
  static #s = 5;
  get #g() { return "g"; }
  read() { return eval("this.#m() + this.#f + C.#s + this.#g + (#f in this)"); }
  write(v) { eval("this.#f = v"); return this.#f; }
}
var c = new C();
print(c.read()); // expect: m15gtrue
print(c.write(7)); // expect: 7

// Brand checks still apply.
class D { #m() {} }
try { c.read.call(new D()); } catch (e) { print(e.name); } // expect: TypeError

// In a field initializer, and in an arrow there.
class E { #x = 44; v = eval("this.#x"); w = (() => eval("this.#x + 1"))(); }
var e = new E();
print(e.v, e.w); // expect: 44 45

// A variable named like a private name is a different thing.
class F { #m = 2; m() { var m = 1; return eval("m + this.#m"); } }
print(new F().m()); // expect: 3

// Outside any class, or for a name no class declares: SyntaxError.
try { eval("this.#nope"); } catch (e) { print(e.name); } // expect: SyntaxError
class G { #a; t() { return eval("this.#b"); } }
new G().t(); // expect runtime error: SyntaxError
