print(/a(b+)c/.exec("xabbbc")[1], "a-b-c".split(/-/).length, "Hello".replace(/l+/g, "L")); // expect: bbb 3 HeLo
