"use strict";
// eval and arguments cannot be bound in strict code.
var eval = 1; // expect error: SyntaxError
