// String objects expose their characters as read-only indexed properties.
var s = new String("ab");
print(s[0], s[1], s[2], s.length); // expect: a b undefined 2
s[0] = "z";
print(s[0]); // expect: a
print(Object.keys(s).length); // expect: 2
