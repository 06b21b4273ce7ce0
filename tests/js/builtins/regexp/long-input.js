// Long inputs and backtracking loops use no C stack.
var s = "ab".repeat(200000);
print(new RegExp("^(?:a|b)*$").test(s)); // expect: true
print(new RegExp("^(a|b)*c").test(s)); // expect: false
print(new RegExp("(?:ab)+").exec(s)[0].length); // expect: 400000
print(new RegExp("$(?<=^(?:ab)*)").test(s)); // expect: true
print(s.replace(new RegExp("b", "g"), "").length); // expect: 200000
var t = "ab".repeat(2000);
print(t.split(new RegExp("b")).length); // expect: 2001
