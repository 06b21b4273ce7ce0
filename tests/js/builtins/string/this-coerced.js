// Methods convert this with ToString, so they work on any object.
var o = { toString() { return "Hello"; } };
print(String.prototype.toUpperCase.call(o)); // expect: HELLO
print(String.prototype.indexOf.call(12345, 3)); // expect: 2
print(String.prototype.slice.call(true, 1)); // expect: rue
