// A capital sigma at the end of a word lowers to the final form.
var l = "\u039F\u03A3\u039F\u03A3 \u03A3".toLowerCase();
print(l.charCodeAt(1).toString === undefined); // expect: false
print(l.charCodeAt(1), l.charCodeAt(3), l.charCodeAt(5)); // expect: 963 962 963
print("A\u03A3'".toLowerCase().charCodeAt(1)); // expect: 962
print("A\u03A3'b".toLowerCase().charCodeAt(1)); // expect: 963
print("\u03A3".toUpperCase() === "\u03A3"); // expect: true
