// A static member named "prototype" cannot replace the constructor's
// non-configurable prototype property.
function tryClass(f) {
  try { f(); print("ok"); } catch (e) { print(e.name); }
}
tryClass(() => class { static ['prototype']() {} }); // expect: TypeError
tryClass(() => class { static get ['prototype']() {} }); // expect: TypeError
tryClass(() => class { static set ['prototype'](v) {} }); // expect: TypeError
tryClass(() => class { static *['prototype']() {} }); // expect: TypeError
tryClass(() => class { ['prototype']() {} }); // expect: ok
tryClass(() => class { static ['constructor']() {} }); // expect: ok
var k = "prototype";
class X { static [k]() {} } // expect runtime error: TypeError
