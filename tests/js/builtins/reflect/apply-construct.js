// Reflect.apply and Reflect.construct, with a new.target.
function sum(a, b) { return this.base + a + b; }
print(Reflect.apply(sum, { base: 10 }, [1, 2])); // expect: 13
print(Reflect.apply(Math.max, undefined, { length: 2, 0: 4, 1: 9 })); // expect: 9
function A() { this.made = new.target === B; }
function B() {}
var a = Reflect.construct(A, [], B);
print(a.made, Object.getPrototypeOf(a) === B.prototype); // expect: true true
try { Reflect.construct(function () {}, [], Math.max); } catch (e) { print(e.name); } // expect: TypeError
try { Reflect.apply(sum, null); } catch (e) { print(e.name); } // expect: TypeError
Reflect.construct(Math.max, []); // expect runtime error: TypeError
