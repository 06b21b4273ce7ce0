// toUpperCase and toLowerCase use the full mappings of Unicode.
print("Hello, World".toUpperCase(), "Hello, World".toLowerCase()); // expect: HELLO, WORLD hello, world
print("stra\u00DFe".toUpperCase()); // expect: STRASSE
print("\u00E9\u00FF".toUpperCase() === "\u00C9\u0178"); // expect: true
print("\u00B5".toUpperCase() === "\u039C"); // expect: true
print("\u0130".toLowerCase().length); // expect: 2
print("\uFB03".toUpperCase()); // expect: FFI
print("\uD801\uDC00".toLowerCase() === "\uD801\uDC28"); // expect: true
print("\u0390".toUpperCase().length); // expect: 3
print("abc".toLocaleUpperCase(), "ABC".toLocaleLowerCase()); // expect: ABC abc
