// RegExp.prototype[Symbol.search] restores lastIndex and returns the index.
var r = new RegExp("b", "g");
r.lastIndex = 5;
print("abcb".search(r), r.lastIndex); // expect: 1 5
print("abc".search(new RegExp("x")), "abc".search("c")); // expect: -1 2
print("a.b".search("."), "a.b".search(".")); // expect: 0 0
