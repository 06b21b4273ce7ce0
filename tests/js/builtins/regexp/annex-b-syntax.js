// Without u or v, the web-compatible grammar: stray brackets and braces
// are characters, \8 is "8", octal escapes, \c without a letter.
print(new RegExp("]").test("]"), new RegExp("a{").test("a{")); // expect: true true
print(new RegExp("\\8").test("8"), new RegExp("\\101").test("A")); // expect: true true
print(new RegExp("\\c").test("\\c"), new RegExp("[\\c_]").test("\x1f")); // expect: true true
print(new RegExp("\\1(a)").exec("aa")[0]); // expect: a
print(new RegExp("(?=a)?a").test("a")); // expect: true
print(new RegExp("\\k").test("k"), new RegExp("[a-\\d]").test("-")); // expect: true true
