// A syntax error names the line and column of the bad token.
var ok = 1;
var bad = (1 + ; // expect error: SyntaxError
