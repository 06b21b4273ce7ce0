// A search string that is a regular expression (by Symbol.match) is an error.
var re = {};
re[Symbol.match] = true;
"abc".includes(re); // expect runtime error: TypeError: First argument to String.prototype.includes must not be a regular expression
