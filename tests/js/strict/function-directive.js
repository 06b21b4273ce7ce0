// A "use strict" directive applies to its function only.
function sloppy() { implicitGlobal = "made"; return typeof implicitGlobal; }
function strict() { "use strict"; try { alsoImplicit = 1; } catch (e) { return e.name; } }
print(sloppy(), strict(), typeof alsoImplicit); // expect: string ReferenceError undefined
// Classes are always strict.
class C { m() { try { classImplicit = 1; } catch (e) { return e.name; } } }
print(new C().m()); // expect: ReferenceError
// A directive after another statement is just a string.
function notDirective() { var x; "use strict"; y_sloppy = 1; return typeof y_sloppy; }
print(notDirective()); // expect: number
