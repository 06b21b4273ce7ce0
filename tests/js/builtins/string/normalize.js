// normalize: the four forms of UAX #15.
var s = "\u1E9B\u0323";
print(s.normalize("NFC") === "\u1E9B\u0323"); // expect: true
print(s.normalize("NFD") === "\u017F\u0323\u0307"); // expect: true
print(s.normalize("NFKC") === "\u1E69"); // expect: true
print(s.normalize("NFKD") === "s\u0323\u0307"); // expect: true
print("e\u0301".normalize() === "\u00E9"); // expect: true
print("\u00E9".normalize("NFD").length); // expect: 2
print("\uAC01".normalize("NFD").length, "\u1100\u1161\u11A8".normalize().length); // expect: 3 1
print("\uFB01".normalize("NFKD")); // expect: fi
print("abc".normalize("NFKD"), "\u00C5".normalize("NFC") === "\u00C5"); // expect: abc true
print("a\u0328\u0301".normalize("NFC") === "\u0105\u0301"); // expect: true
print("\uD800x".normalize("NFD") === "\uD800x"); // expect: true
"a".normalize("nfc"); // expect runtime error: RangeError: The normalization form should be one of NFC, NFD, NFKC, NFKD.
