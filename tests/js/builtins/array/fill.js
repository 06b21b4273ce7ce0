// fill with start and end, relative from the end when negative.
print([1, 2, 3, 4].fill(0)); // expect: 0,0,0,0
print([1, 2, 3, 4].fill(0, 1, 3)); // expect: 1,0,0,4
print([1, 2, 3, 4].fill(9, -2)); // expect: 1,2,9,9
print(Array.prototype.fill.call({ length: 2 }, "x")[1]); // expect: x
