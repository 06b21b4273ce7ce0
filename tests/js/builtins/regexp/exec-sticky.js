// y matches only at lastIndex.
var r = new RegExp("b", "y");
print(r.test("ab"), r.lastIndex); // expect: false 0
r.lastIndex = 1;
print(r.test("ab"), r.lastIndex); // expect: true 2
var words = new RegExp("\\w+\\s*", "y"), s = "one two three", out = [];
for (var m; (m = words.exec(s));)
  out.push(m[0].trim());
print(out.join("|")); // expect: one|two|three
