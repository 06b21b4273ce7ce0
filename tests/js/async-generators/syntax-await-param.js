// await is not allowed in an async generator's parameters.
async function* g(a = await 1) {} // expect error: SyntaxError
