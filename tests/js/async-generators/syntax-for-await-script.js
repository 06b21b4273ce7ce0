// for await is only allowed where await is: not in a plain function.
function f() { for await (const x of []); } // expect error: SyntaxError
