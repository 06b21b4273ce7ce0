// toReversed, toSorted and with make a new array of the same type.
var t = new Int8Array([3, 1, 2]);
var r = t.toReversed(), w = t.with(-1, 9);
print(r.join(), w.join(), t.join(), r instanceof Int8Array); // expect: 2,1,3 3,1,9 3,1,2 true
t.with(3, 0); // expect runtime error: RangeError
