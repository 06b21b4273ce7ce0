// . skips line terminators unless s; ^ and $ see lines with m.
print(new RegExp("a.b").test("a\nb"), new RegExp("a.b", "s").test("a\nb")); // expect: false true
print(new RegExp("a.b").test("a\u2028b"), new RegExp("a.b").test("a\u0085b")); // expect: false true
print(JSON.stringify("x\ny\r\nz".match(new RegExp("^\\w$", "gm")))); // expect: ["x","y","z"]
print(new RegExp("^b").test("a\nb"), new RegExp("a$").test("a\nb")); // expect: false false
