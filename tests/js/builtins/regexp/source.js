// source escapes "/" and line terminators so that /source/flags parses
// back to the same RegExp; the empty pattern is (?:).
print(new RegExp("a/b").source); // expect: a\/b
print(new RegExp("[/]").source); // expect: [/]
print(new RegExp("\\/").source); // expect: \/
print(new RegExp("\n").source); // expect: \n
print(new RegExp("").source, RegExp.prototype.source); // expect: (?:) (?:)
print(String(new RegExp("a/b", "gi"))); // expect: /a\/b/gi
print(RegExp.prototype.toString.call({ source: "x", flags: "yz" })); // expect: /x/yz
