// RegExp.prototype[Symbol.replace] and the $ patterns of GetSubstitution.
function re(p, f) { return new RegExp(p, f); }
print("a1b22c333".replace(re("\\d+", "g"), "[$&]")); // expect: a[1]b[22]c[333]
print("John Smith".replace(re("(\\w+)\\s(\\w+)"), "$2, $1")); // expect: Smith, John
print("abc".replace(re("b"), "$`|$'|$$|$")); // expect: aa|c|$|$c
print("abc".replace(re("(b)"), "$01$10$2$0")); // expect: abb0$2$0c
print("2024-05".replace(re("(?<y>\\d+)-(?<m>\\d+)"), "$<m>/$<y>$<none>|$<m")); // expect: 05/2024|$<m
print("abc".replace(re("b"), "$<x>")); // expect: a$<x>c
print("aaa".replace(re("a", "g"), "")); // expect: 
print("xyz".replace(re("", "g"), "-")); // expect: -x-y-z-
print("\u{1F600}".replace(re("", "gu"), "-").length); // expect: 4
