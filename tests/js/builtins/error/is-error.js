// Error.isError: true only for objects made by the error constructors
// (and classes extending them), whatever their prototype says.
print(Error.isError(new Error("x")), Error.isError(new TypeError())); // expect: true true
class MyError extends RangeError {}
print(Error.isError(new MyError())); // expect: true
print(Error.isError(new AggregateError([]))); // expect: true
// An object that only looks like an error is not one.
print(Error.isError(Object.create(Error.prototype))); // expect: false
print(Error.isError({ name: "Error", message: "m", stack: "" })); // expect: false
// Nor is a proxy for a real one: isError does not look through it.
print(Error.isError(new Proxy(new Error(), {}))); // expect: false
print(Error.isError(), Error.isError(null), Error.isError("Error")); // expect: false false false
// An error whose prototype was changed still is one.
var e = new Error();
Object.setPrototypeOf(e, null);
print(Error.isError(e)); // expect: true
print(Error.isError.length, Error.isError.name); // expect: 1 isError
new Error.isError(); // expect runtime error: TypeError
