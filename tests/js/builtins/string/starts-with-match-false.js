// An object whose Symbol.match is false is searched as a string.
var o = { toString() { return "ab"; } };
o[Symbol.match] = false;
print("abc".startsWith(o)); // expect: true
