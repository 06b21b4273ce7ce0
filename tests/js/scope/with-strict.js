"use strict";
// with is a syntax error in strict mode.
with ({}) {} // expect error: SyntaxError
