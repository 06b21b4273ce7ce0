// A read-only length makes the methods that set it throw, even when the
// length would not change.
var a = [];
Object.defineProperty(a, "length", { writable: false });
try { a.push(); } catch (e) { print(e.name); } // expect: TypeError
try { a.pop(); } catch (e) { print(e.name); } // expect: TypeError
var f = Object.freeze([1, 2]);
try { f.shift(); } catch (e) { print(e.name, f.length, f[0]); } // expect: TypeError 2 1
try { f.push(3); } catch (e) { print(e.name, f.length); } // expect: TypeError 2
var s = Object.seal([3, 1, 2]);
print(s.sort()); // expect: 1,2,3
s.pop(); // expect runtime error: TypeError
