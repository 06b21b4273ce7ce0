// Marks are put in canonical order, stably, even in long runs.
print("a\u0301\u0316".normalize("NFD") === "a\u0316\u0301"); // expect: true
var marks = "\u0301\u0316".repeat(50);
var n = ("a" + marks).normalize("NFD");
print(n.length, n.charCodeAt(1), n.charCodeAt(50), n.charCodeAt(51)); // expect: 101 790 790 769
print(("a" + marks).normalize("NFC").charCodeAt(0)); // expect: 225
