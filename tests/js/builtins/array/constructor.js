// The Array constructor: a length, or the elements; with or without new.
print(new Array(3).length, Array(3).length); // expect: 3 3
print(new Array(1, 2, 3)); // expect: 1,2,3
print(Array("3").length, Array("3")[0]); // expect: 1 3
print(0 in new Array(2)); // expect: false
print(new Array().length, Array.length, Array.name); // expect: 0 1 Array
var a = new Array(4294967295);
print(a.length); // expect: 4294967295
new Array(-1); // expect runtime error: RangeError: Invalid array length
