// await cannot name a binding inside an async generator.
async function* g() { let await = 1; } // expect error: SyntaxError
