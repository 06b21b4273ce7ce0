// flat flattens to a depth (1 by default); flatMap maps then flattens once.
print([1, [2, [3, [4]]]].flat().length); // expect: 3
print([1, [2, [3, [4]]]].flat(2).length); // expect: 4
print([1, [2, [3, [4]]]].flat(Infinity)); // expect: 1,2,3,4
print([1, , [2, , 3]].flat()); // expect: 1,2,3
print([1, 2].flatMap(function (x) { return [x, x * 10]; })); // expect: 1,10,2,20
print([1].flatMap(function (x) { return [[x]]; })[0].length); // expect: 1
[1].flatMap(); // expect runtime error: TypeError
