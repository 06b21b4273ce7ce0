// The String methods with a string argument: no RegExp is involved for
// replace, replaceAll and split; match and search compile it.
print("a.b.c".replace(".", "-"), "a.b.c".replaceAll(".", "-")); // expect: a-b.c a-b-c
print("aaa".replaceAll("", "_")); // expect: _a_a_a_
print("abc".replace("b", "$&$&$'")); // expect: abbcc
print("x".replace("x", function (m, p, s) { return [m, p, s].join(); })); // expect: x,0,x
print(JSON.stringify("a,b,,c".split(","))); // expect: ["a","b","","c"]
print(JSON.stringify("abc".split("", 2)), JSON.stringify("abc".split())); // expect: ["a","b"] ["abc"]
try { "a+b".search("+"); } catch (e) { print(e.name); } // expect: SyntaxError
