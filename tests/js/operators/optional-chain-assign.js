// An optional chain is not an assignment target.
var o = {};
o?.x = 1; // expect error: SyntaxError
