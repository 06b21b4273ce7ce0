// break outside a loop or switch is an early error.
function f() { break; } // expect error: SyntaxError
