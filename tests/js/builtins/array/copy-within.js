// copyWithin moves a range within the array, overlapping or not.
print([1, 2, 3, 4, 5].copyWithin(0, 3)); // expect: 4,5,3,4,5
print([1, 2, 3, 4, 5].copyWithin(1, 0, 3)); // expect: 1,1,2,3,5
print([1, 2, 3, 4, 5].copyWithin(-2, -4, -3)); // expect: 1,2,3,2,5
var h = [1, , 3].copyWithin(0, 1);
print(0 in h, h[1]); // expect: false 3
