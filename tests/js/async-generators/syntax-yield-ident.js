// yield is a keyword inside an async generator, even in sloppy code.
async function* g() { var yield = 1; } // expect error: SyntaxError
