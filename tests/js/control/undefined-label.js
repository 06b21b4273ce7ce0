// continue must name an enclosing loop label.
lbl: { for (;;) { continue lbl; } } // expect error: SyntaxError
