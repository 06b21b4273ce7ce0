// Destructuring null or undefined is a TypeError; so is a non-iterable.
try { var { a } = null; } catch (e) { print(e.name); } // expect: TypeError
try { var [b] = {}; } catch (e) { print(e.name); } // expect: TypeError
try { (function ({ c }) {})(); } catch (e) { print(e.name); } // expect: TypeError
var { length } = "abc";
print(length); // expect: 3
var [d] = undefined; // expect runtime error: TypeError
