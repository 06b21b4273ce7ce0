// With g, exec starts at lastIndex and moves it past the match; a failure
// resets it to 0.  Without g or y, lastIndex is read but ignored.
var r = new RegExp("\\d", "g");
var s = "a1b2";
print(r.exec(s)[0], r.lastIndex); // expect: 1 2
print(r.exec(s)[0], r.lastIndex); // expect: 2 4
print(r.exec(s), r.lastIndex); // expect: null 0
var plain = new RegExp("\\d");
plain.lastIndex = 3;
print(plain.exec(s)[0], plain.lastIndex); // expect: 1 3
r.lastIndex = 10;
print(r.exec(s), r.lastIndex); // expect: null 0
