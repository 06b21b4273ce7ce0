// isWellFormed and toWellFormed treat lone surrogates.
print("abc".isWellFormed(), "\uD83D\uDE00".isWellFormed()); // expect: true true
print("a\uD800".isWellFormed(), "\uDC00a".isWellFormed()); // expect: false false
var w = "a\uD800b\uDC00\uD83D\uDE00".toWellFormed();
print(w.length, w.charCodeAt(1), w.charCodeAt(3), w.charCodeAt(4)); // expect: 6 65533 65533 55357
print("abc".toWellFormed() === "abc"); // expect: true
