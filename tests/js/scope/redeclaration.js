// Redeclaring a lexical binding in one scope is an early error.
let a = 1;
var a = 2; // expect error: SyntaxError
