// Classes: fields, private members, accessors, statics, static blocks.
class A {
  x = 1;
  #p = 2;
  static s = "st";
  constructor(v) { this.v = v; }
  get p() { return this.#p; }
  m() { return this.x + this.v; }
  static sm() { return "sm" + this.s; }
  #pm() { return "private"; }
  callPm() { return this.#pm(); }
  static { this.block = "ran"; }
}
let a = new A(10);
print(a.x, a.v, a.p, a.m(), A.sm(), a.callPm(), A.block, A.name, typeof A); // expect: 1 10 2 11 smst private ran A function
print(Object.keys(a).length); // expect: 2
class D { #x = 1; static has(o) { return #x in o; } }
print(D.has(new D()), D.has({})); // expect: true false
A(); // expect runtime error: TypeError: Class constructor cannot be invoked without 'new'
