// lastIndex goes through ToLength, is read for every exec, and a
// non-writable lastIndex makes a global exec throw.
var r = new RegExp("a", "g");
r.lastIndex = { valueOf: function () { return 1; } };
print(r.exec("aba").index); // expect: 2
r.lastIndex = -5;
print(r.exec("aba").index); // expect: 0
var frozen = new RegExp("a", "g");
Object.defineProperty(frozen, "lastIndex", { writable: false, value: 0 });
try { frozen.exec("a"); } catch (e) { print(e.name); } // expect: TypeError
var read = 0, plain = new RegExp("a");
plain.lastIndex = { valueOf: function () { read++; return 0; } };
plain.exec("a");
print(read); // expect: 1
