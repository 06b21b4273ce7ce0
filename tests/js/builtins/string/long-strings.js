// Methods flatten ropes and work on long strings of either width.
var s = "";
for (var i = 0; i < 2000; i++) s += "ab";
print(s.length, s.indexOf("ba", 3999), s.lastIndexOf("ab")); // expect: 4000 -1 3998
var u = s + "\u0100";
print(u.indexOf("\u0100"), u.toUpperCase().charCodeAt(1), u.slice(-3).length); // expect: 4000 66 3
print(u.normalize("NFD").length, u.trim().length); // expect: 4002 4001
