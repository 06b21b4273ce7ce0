// \p{...} and \P{...} with the u flag: categories, scripts, script
// extensions, binary properties, from the Unicode 17 tables.
function t(p, s) { return new RegExp(p, "u").test(s); }
print(t("^\\p{Lu}+$", "ABC"), t("^\\p{Lu}+$", "AbC")); // expect: true false
print(t("\\p{General_Category=Decimal_Number}", "\u0663")); // expect: true
print(t("\\p{Script=Greek}", "\u03b1"), t("\\p{sc=Latn}", "\u03b1")); // expect: true false
print(t("\\p{scx=Deva}", "\u0964"), t("\\p{sc=Deva}", "\u0964")); // expect: true false
print(t("^\\P{ASCII}$", "\u00e9"), t("\\p{Any}", "\u{10FFFF}")); // expect: true true
print(t("\\p{Emoji_Presentation}", "\u{1F600}")); // expect: true
try { new RegExp("\\p{Lowercase_Letter=Ll}", "u"); } catch (e) { print(e.name); } // expect: SyntaxError
try { new RegExp("\\p{ascii}", "u"); } catch (e) { print(e.name); } // expect: SyntaxError
print(new RegExp("\\p{L}").test("p{L}")); // expect: true
