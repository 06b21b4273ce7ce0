// \d \s \w and their complements, inside and outside classes.
function t(p, s) { return new RegExp(p).test(s); }
print(t("^\\s+$", " \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff")); // expect: true
print(t("\\s", "\u180e"), t("\\S", "\u180e")); // expect: false true
print(t("^[\\w-]+$", "a-b_9"), t("[^\\W]", "-")); // expect: true false
print(t("^\\D\\S\\W$", "a b"), t("[\\d-x]", "-")); // expect: false true
