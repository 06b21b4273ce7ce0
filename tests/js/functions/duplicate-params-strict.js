"use strict";
// Duplicate parameter names are an error in strict code.
function f(a, a) {} // expect error: SyntaxError
