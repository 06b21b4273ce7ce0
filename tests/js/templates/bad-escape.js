// An invalid escape in an untagged template is a syntax error.
var s = `\unicode`; // expect error: SyntaxError
