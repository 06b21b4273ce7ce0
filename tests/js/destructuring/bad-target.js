// A pattern whose target is not assignable is an early error.
[a + 1] = [1]; // expect error: SyntaxError
