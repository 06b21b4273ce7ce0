// AggregateError (errors, message, options): the errors iterable becomes
// an own array, message and cause as for the other errors.
var e = new AggregateError([1, "two"], "several", { cause: "c" });
print(e.name, e.message, e.cause); // expect: AggregateError several c
print(Array.isArray(e.errors), e.errors.join()); // expect: true 1,two
print(Object.getOwnPropertyDescriptor(e, "errors").enumerable); // expect: false
print(Object.getPrototypeOf(AggregateError) === Error); // expect: true
print(AggregateError.length); // expect: 2
// Any iterable will do; the message is converted before the errors are
// iterated.
var order = [];
new AggregateError({ [Symbol.iterator]: function () { order.push("iter"); return [][Symbol.iterator](); } },
                   { toString: function () { order.push("msg"); return "m"; } });
print(order.join()); // expect: msg,iter
print(AggregateError(new Set([3])).errors[0]); // expect: 3
new AggregateError(5); // expect runtime error: TypeError
