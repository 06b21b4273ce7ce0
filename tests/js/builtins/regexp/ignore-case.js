// i canonicalizes with toUppercase without u (never into ASCII from
// outside it) and with simple case folding under u or v.
function t(p, f, s) { return new RegExp(p, f).test(s); }
print(t("abc", "i", "ABC"), t("[a-z]+", "i", "HELLO")); // expect: true true
print(t("\u017f", "i", "s"), t("\u017f", "iu", "S")); // expect: false true
print(t("\u212a", "i", "k"), t("\u212a", "iu", "k")); // expect: false true
print(t("\u00df", "i", "\u1e9e"), t("\u00df", "iu", "\u1e9e")); // expect: false true
print(t("\u03c3", "i", "\u03c2"), t("[^\u03c3]", "i", "\u03a3")); // expect: true false
print(t("\\w", "iu", "\u017f"), t("\\W", "iu", "\u017f"), t("\\W", "i", "\u017f")); // expect: true false true
print(t("\\u{10400}", "iu", "\u{10428}")); // expect: true
