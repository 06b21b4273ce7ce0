// trim removes WhiteSpace and LineTerminator from the ends.
var ws = "\t\n\v\f\r \u00A0\u1680\u2000\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";
var s = ws + "a b" + ws;
print("[" + s.trim() + "]"); // expect: [a b]
print(s.trimStart().length, s.trimEnd().length); // expect: 19 19
print("[" + "\u180E x \u200B".trim() + "]" === "[\u180E x \u200B]"); // expect: true
print(ws.trim() === ""); // expect: true
print("".trim.length, String.prototype.trimStart.name, String.prototype.trimEnd.name); // expect: 0 trimStart trimEnd
