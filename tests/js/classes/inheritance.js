// extends, super calls and super properties, default constructors.
class A {
  constructor(v) { this.v = v; }
  m() { return this.v; }
}
class B extends A {
  y = 5;
  constructor() { super(20); this.z = this.y + 1; }
  m() { return "B" + super.m(); }
}
let b = new B();
print(b.v, b.y, b.z, b.m(), b instanceof A, b instanceof B); // expect: 20 5 6 B20 true true
class C extends B {}
let c = new C();
print(c.m(), c.z, Object.getPrototypeOf(C) === B); // expect: B20 6 true
class N extends null {}
print(Object.getPrototypeOf(N.prototype)); // expect: null
class Twice extends A { constructor() { super(1); super(2); } }
new Twice(); // expect runtime error: ReferenceError: Super constructor may only be called once
