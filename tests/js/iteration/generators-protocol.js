// Generators: two-way communication, return and throw, delegation.
function* g() {
  var x = yield 1;
  try { yield x * 2; } finally { yield "cleanup"; }
  return "end";
}
var it = g();
print(JSON.stringify([it.next(), it.next(5), it.return("early"), it.next()])); // expect: [{"value":1,"done":false},{"value":10,"done":false},{"value":"cleanup","done":false},{"value":"early","done":true}]
function* inner() { var r = yield "i1"; return "inner got " + r; }
function* outer() { var res = yield* inner(); yield res; }
var o = outer();
print(o.next().value, o.next("R").value); // expect: i1 inner got R
var t = g();
t.next();
try { t.throw(new Error("thrown in")); } catch (e) { print(e.message); } // expect: thrown in
print(JSON.stringify(t.next())); // expect: {"done":true}
function* running() { it2.next(); }
var it2 = running();
try { it2.next(); } catch (e) { print(e.name); } // expect: TypeError
