var ws = new WeakSet();
var a = {}, b = [];
print(ws.add(a) === ws, ws.has(a), ws.has(b)); // expect: true true false
ws.add(b);
print(ws.delete(b), ws.has(b), ws.delete(b)); // expect: true false false
try { ws.add(1); } catch (e) { print(e.name); } // expect: TypeError
print(ws.has(1), ws.delete(null)); // expect: false false
print(new WeakSet([a, b]).has(b)); // expect: true
print(Object.prototype.toString.call(ws)); // expect: [object WeakSet]
