// includes uses SameValueZero, indexOf and lastIndexOf strict equality.
print([NaN].includes(NaN), [NaN].indexOf(NaN)); // expect: true -1
print([1, 2, 3].includes(2, 2), [1, 2, 3].includes(3, -1)); // expect: false true
print([1, 2, 1, 2].indexOf(2), [1, 2, 1, 2].indexOf(2, 2), [1, 2, 1, 2].indexOf(2, -1)); // expect: 1 3 3
print([1, 2, 1, 2].lastIndexOf(1), [1, 2, 1, 2].lastIndexOf(1, 1), [1, 2, 1].lastIndexOf(1, -3)); // expect: 2 0 0
print([, ].includes(undefined), [, ].indexOf(undefined)); // expect: true -1
print([0].indexOf(-0), [-0].includes(0)); // expect: 0 true
