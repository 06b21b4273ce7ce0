// The v flag: set difference and intersection, nested classes, strings
// with \q{...} and properties of strings, longest string first.
function m(p, s) { var r = new RegExp(p, "v").exec(s); return r && r[0]; }
print(m("[\\p{L}--[a-z]]+", "abCDe")); // expect: CD
print(m("[[a-z]&&[aeiou]]+", "xyzaei")); // expect: aei
print(m("[\\q{abc|ab|a}]", "abcd")); // expect: abc
print(m("^\\p{RGI_Emoji}$", "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}").length); // expect: 8
print(m("[\\p{RGI_Emoji_Flag_Sequence}]", "x\u{1F1EB}\u{1F1F7}").length); // expect: 4
try { new RegExp("[^\\q{ab}]", "v"); } catch (e) { print(e.name); } // expect: SyntaxError
try { new RegExp("[a&&&b]", "v"); } catch (e) { print(e.name); } // expect: SyntaxError
try { new RegExp("[(]", "v"); } catch (e) { print(e.name); } // expect: SyntaxError
print(new RegExp("[^\\d]", "v").test("5"), new RegExp("[\\d--5]", "v").test("5")); // expect: false false
