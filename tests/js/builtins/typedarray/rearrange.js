// fill, reverse, copyWithin, set, slice, subarray.
var t = new Uint8Array(6);
print(t.fill(7, 2, 4).join()); // expect: 0,0,7,7,0,0
print(new Uint8Array([1, 2, 3]).reverse().join()); // expect: 3,2,1
print(new Uint8Array([1, 2, 3, 4, 5]).copyWithin(0, 3).join()); // expect: 4,5,3,4,5
var s = new Uint8Array(5);
s.set([1, 2], 1);
s.set(new Float32Array([9.7]), 4);
print(s.join()); // expect: 0,1,2,0,9
var sl = s.slice(1, 3);
sl[0] = 100;
print(sl.join(), s[1]); // expect: 100,2 1
var sub = s.subarray(1, 3);
sub[0] = 100;
print(sub.join(), s[1], sub.byteOffset, sub.buffer === s.buffer); // expect: 100,2 100 1 true
try { s.set([1, 2, 3], 4); } catch (e) { print(e.name); } // expect: RangeError
s.set([1], -1); // expect runtime error: RangeError
