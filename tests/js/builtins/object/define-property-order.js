// ToPropertyDescriptor reads enumerable, configurable, value, writable,
// get, set, in that order.
var log = [];
var desc = {};
var names = ["set", "get", "writable", "value", "configurable", "enumerable"];
for (var i = 0; i < names.length; i++) {
  (function (n) {
    Object.defineProperty(desc, n, { get: function () { log.push(n); return undefined; }, enumerable: true });
  })(names[i]);
}
try { Object.defineProperty({}, "p", desc); } catch (e) { log.push(e.name); }
var s = "";
for (var i = 0; i < log.length; i++) s += log[i] + " ";
print(s); // expect: enumerable configurable value writable get set TypeError 
