// reduce and reduceRight, with and without an initial value.
print([1, 2, 3].reduce(function (a, b) { return a + b; })); // expect: 6
print([1, 2, 3].reduce(function (a, b) { return a + b; }, 10)); // expect: 16
print(["a", "b", "c"].reduceRight(function (a, b) { return a + b; })); // expect: cba
print([, , 5, ,].reduce(function (a, b) { return a + b; })); // expect: 5
print([1, 2].reduce(function (a, b, i, o) { return a + i + o.length; }, "")); // expect: 0212
[].reduce(function () {}); // expect runtime error: TypeError: Reduce of empty array with no initial value
