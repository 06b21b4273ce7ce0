// A syntax error is reported with its position, and nothing runs.
print("not printed");
var 1x; // expect error: SyntaxError
