// concat spreads arrays and what says it is spreadable.
print([1].concat(2, [3, 4], [[5]]).length); // expect: 5
var like = { length: 2, 0: "a", 1: "b" };
print([0].concat(like).length); // expect: 2
like[Symbol.isConcatSpreadable] = true;
print([0].concat(like)); // expect: 0,a,b
var arr = [9];
arr[Symbol.isConcatSpreadable] = false;
print([0].concat(arr).length, [0].concat(arr)[1] === arr); // expect: 2 true
var holes = [1, , 3].concat([, 5]);
print(holes.length, 1 in holes, 3 in holes); // expect: 5 false false
