// An uncaught error prints its name and message, and the script stops.
function fail() { throw new TypeError("bad thing"); }
print("before"); // expect: before
fail(); // expect runtime error: TypeError: bad thing
print("after");
