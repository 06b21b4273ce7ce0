// RegExpExec calls a user's exec; its result must be an object or null.
var r = new RegExp("b");
var n = 0;
r.exec = function (s) { n++; return { 0: "zz", index: 0, length: 1 }; };
print(r.test("abc"), n); // expect: true 1
print("xzzy".replace(r, "-")); // expect: -zy
r.exec = function () { return 1; };
try { r.test("a"); } catch (e) { print(e.name); } // expect: TypeError
r.exec = 5;
print(r.test("abc")); // expect: true
try { RegExp.prototype.test.call({ exec: 5 }, "a"); } catch (e) { print(e.name); } // expect: TypeError
// A replaced RegExp.prototype.exec is seen by every RegExp, then the
// original again once it is restored.
var original = RegExp.prototype.exec;
RegExp.prototype.exec = function () { return null; };
print(new RegExp("a").test("a")); // expect: false
RegExp.prototype.exec = original;
print(new RegExp("a").test("a")); // expect: true
delete RegExp.prototype.exec;
print(new RegExp("a").test("a")); // expect: true
RegExp.prototype.exec = original;
