// The error constructors: message, cause, name, toString and the
// prototype chain of the native errors.
var e = new TypeError("bad", { cause: 42 });
print(e.message, e.cause, e.name); // expect: bad 42 TypeError
print(Object.prototype.hasOwnProperty.call(new Error("m"), "cause")); // expect: false
print(Object.getPrototypeOf(TypeError) === Error); // expect: true
print(Object.getPrototypeOf(TypeError.prototype) === Error.prototype); // expect: true
print(String(new RangeError("r"))); // expect: RangeError: r
print(String(new Error())); // expect: Error
// Called as a function, it still makes an error.
print(URIError("u") instanceof URIError); // expect: true
// toString reads name and message through Get.
print(Error.prototype.toString.call({ name: "N", message: "M" })); // expect: N: M
print(Error.prototype.toString.call({ name: "", message: "M" })); // expect: M
print(Error.prototype.toString.call({})); // expect: Error
// The message is converted with ToString, so a Symbol throws.
try { new Error(Symbol()); } catch (x) { print(x.name); } // expect: TypeError
Error.prototype.toString.call(1); // expect runtime error: TypeError
