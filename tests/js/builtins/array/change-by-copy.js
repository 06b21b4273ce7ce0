// toReversed, toSorted, toSpliced and with leave the array alone.
var a = [3, 1, 2];
print(a.toReversed(), a.toSorted(), a.toSpliced(0, 1, "x", "y"), a.with(-1, 9), a); // expect: 2,1,3 1,2,3 x,y,1,2 3,1,9 3,1,2
var h = [1, , 3].toReversed();
print(h.length, 1 in h, h[1]); // expect: 3 true undefined
print([1, 2].with(5, 0)); // expect runtime error: RangeError
