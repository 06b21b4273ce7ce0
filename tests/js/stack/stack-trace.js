// An error's stack names each function with file:line:column.
function inner() { return new Error("here"); }
function outer() { return inner(); }
var lines = outer().stack.split("\n");
print(lines[0]); // expect: Error: here
print(lines[1].trim().replace(/\(.*[\/\\]/, "(")); // expect: at inner (stack-trace.js:2:27)
print(lines[2].trim().replace(/\(.*[\/\\]/, "(")); // expect: at outer (stack-trace.js:3:27)
// Methods, anonymous functions and constructors.
class K { constructor() { this.s = new Error().stack; } method() { return new Error().stack; } }
print(new K().method().split("\n")[1].trim().split(" ")[1]); // expect: method
print(new K().s.split("\n")[1].trim().split(" ")[1]); // expect: K
var anon = [1].map(function () { return new Error().stack; })[0];
print(anon.split("\n")[1].trim().replace(/ .*[\/\\]/, " ")); // expect: at stack-trace.js:12:41
// Thrown values that are not errors have no stack.
try { throw 5; } catch (e) { print(e, typeof e.stack); } // expect: 5 undefined
