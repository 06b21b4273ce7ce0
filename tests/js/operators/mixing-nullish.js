// ?? cannot be mixed with || or && without parentheses.
var v = a || b ?? c; // expect error: SyntaxError
