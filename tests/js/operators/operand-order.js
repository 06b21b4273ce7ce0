// Operands are read in the order the spec gives, even when the compiler
// reads a local where it lives instead of copying it first.
function addAssign() { var x = 1; return x + (x = 5); }
print(addAssign()); // expect: 6
function compareUpdate() { var i = 3; return i < i++ ? "lt" : "ge"; }
print(compareUpdate()); // expect: ge
function memberTarget() {
  var o = { v: 1 }, p = { v: 2 };
  o.v = (o = p, 10);
  return [o === p, p.v].join();
}
print(memberTarget()); // expect: true,2
function memberTarget2() {
  var o = { v: 1 }, first = o;
  o.v = (o = { v: 3 }, 10);
  return [first.v, o.v].join();
}
print(memberTarget2()); // expect: 10,3
function keyedTarget() {
  var a = [0, 0, 0], i = 0;
  a[i] = (i = 2, 7);
  return a.join();
}
print(keyedTarget()); // expect: 7,0,0
function keyInKey() {
  var a = [1, 2, 3], b = [9, 8, 7];
  return a[(a = b, 0)];
}
print(keyInKey()); // expect: 1
function destructure() {
  var x = 1, y;
  var r = x + ([x, y] = [10, 20], x);
  return r + "," + x;
}
print(destructure()); // expect: 11,10
function update() { var n = 5; var r = n * n++; return r + "," + n; }
print(update()); // expect: 25,6
function compound() { var o = { c: 1 }; var q = o; o.c += (o = { c: 100 }, 1); return q.c + "," + o.c; }
print(compound()); // expect: 2,100
function viaThis() { return this.k + (this.k = 5, this.k); }
print(viaThis.call({ k: 1 })); // expect: 6
function arrowWrites() { var z = 1; var set = () => { z = 9; return 1; }; return z + set(); }
print(arrowWrites()); // expect: 2
function postfixStatement() { var i = 0, s = ""; for (var j = 0; j < 3; j++) { i++; s += i; } return s; }
print(postfixStatement()); // expect: 123
function postfixValue() { var i = "4"; var v = i++; return typeof v + v + "," + i; }
print(postfixValue()); // expect: number4,5
function logicalAssign() { var o = { a: 0 }, keep = o; o.a ||= (o = { a: 5 }, 3); return keep.a + "," + o.a; }
print(logicalAssign()); // expect: 3,5
function evalWrites() { var w = 1; return w + eval("w = 4; 0"); }
print(evalWrites()); // expect: 1
