// An argument that cannot convert throws from inside the method.
"abc".indexOf("a", { valueOf() { throw new RangeError("from valueOf"); } }); // expect runtime error: RangeError: from valueOf
