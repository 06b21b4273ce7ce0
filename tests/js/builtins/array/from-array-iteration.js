// Array.from on an array iterates it: a replaced next is used, holes read
// through the prototype, elements added while mapping are seen, and a
// return method found on the chain closes the iteration after a throw.
var proto = Object.getPrototypeOf([][Symbol.iterator]());
var next = proto.next;
proto.next = function () {
  var r = next.call(this);
  if (!r.done) r.value = r.value * 10;
  return r;
};
print(Array.from([1, 2])); // expect: 10,20
proto.next = next;
Array.prototype[1] = "p";
print(Array.from([0, , 2])); // expect: 0,p,2
delete Array.prototype[1];
var a = [1, 2];
print(Array.from(a, function (x) { if (a.length < 4) a.push(x + 10); return x; })); // expect: 1,2,11,12
var closed = 0;
Object.prototype.return = function () { closed++; return {}; };
try { Array.from([1, 2, 3], function () { throw new Error("x"); }); } catch (e) { print(e.message, closed); } // expect: x 1
delete Object.prototype.return;
print(new Uint8Array([1, , 3]).join()); // expect: 1,0,3
