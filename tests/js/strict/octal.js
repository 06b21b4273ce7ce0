"use strict";
// Legacy octal literals are errors in strict code.
var x = 010; // expect error: SyntaxError
