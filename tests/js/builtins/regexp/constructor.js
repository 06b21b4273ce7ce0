// RegExp(pattern, flags): a RegExp pattern gives its source (and its
// flags unless new ones are given); called as a function with a RegExp
// and no flags, it returns the argument itself.
var r = new RegExp("a+", "g");
print(RegExp(r) === r, new RegExp(r) === r); // expect: true false
print(new RegExp(r).flags, new RegExp(r, "i").flags); // expect: g i
print(new RegExp(r, "i").source); // expect: a+
print(new RegExp(undefined).source, new RegExp(null).source); // expect: (?:) null
print(new RegExp(123).test("x123")); // expect: true
var like = { source: "b+", flags: "i", constructor: RegExp };
like[Symbol.match] = true;
print(RegExp(like) === like, new RegExp(like).source, new RegExp(like).flags); // expect: true b+ i
print(RegExp.length, RegExp.name, typeof RegExp.prototype.exec); // expect: 2 RegExp function
print(Object.prototype.toString.call(r)); // expect: [object RegExp]
