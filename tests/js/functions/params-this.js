// Default, rest and the this binding in each kind of function.
function def(a, b = a + 1, c = b * 2) { return [a, b, c].join(); }
print(def(1), def(1, 5), def(1, undefined, 0)); // expect: 1,2,4 1,5,10 1,2,0
function rest(first, ...others) { return others.length + ":" + others.join(); }
print(rest(1), rest(1, 2, 3), rest.length); // expect: 0: 2:2,3 1
function lengths(a, b = 1, c) {}
print(lengths.length, ((...x) => 0).length, ((a, b) => 0).length); // expect: 1 0 2
var obj = {
  name: "obj",
  regular() { return this.name; },
  arrow: () => typeof this,
  nested() { return (() => this.name)(); },
};
print(obj.regular(), obj.arrow(), obj.nested()); // expect: obj object obj
var detached = obj.regular;
print(detached.call({ name: "other" }), detached.apply({ name: "applied" })); // expect: other applied
function sloppyThis() { return this === globalThis; }
function strictThis() { "use strict"; return this; }
print(sloppyThis(), strictThis(), typeof sloppyThis.call(5)); // expect: true undefined boolean
print(strictThis.call(5), typeof strictThis.call("s")); // expect: 5 string
function Ctor() { if (!new.target) return "called"; this.made = true; }
print(Ctor(), new Ctor().made); // expect: called true
try { new obj.arrow(); } catch (e) { print(e.name); } // expect: TypeError
try { new obj.regular(); } catch (e) { print(e.name); } // expect: TypeError
