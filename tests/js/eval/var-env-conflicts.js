// EvalDeclarationInstantiation: a var may not hoist over a lexical
// declaration between the eval and its variable environment.
function check(src, f) {
  try {
    f();
    print(src, "ok");
  } catch (e) {
    print(src, e.name);
  }
}
check("block let", function () { { let a; eval("var a"); } });
// expect: block let SyntaxError
check("outer block let", function () { { let a; { eval("var a"); } } });
// expect: outer block let SyntaxError
check("function let", function () { let a; eval("var a"); });
// expect: function let SyntaxError
check("function decl", function () { let a; eval("function a() {}"); });
// expect: function decl SyntaxError
check("sibling block", function () { { let a; } eval("var a = 1"); });
// expect: sibling block ok
check("eval's own let", function () { eval("let b; { var c; }"); });
// expect: eval's own let ok
check("in eval", function () { eval("let d; eval('var d')"); });
// expect: in eval SyntaxError

// Nothing is declared when the check fails.
var before = typeof conflicted;
try { eval("var conflicted; let x; { let conflicted2; eval('var conflicted2'); }"); }
catch (e) { print(e.name); } // expect: SyntaxError
print(before, typeof conflicted2); // expect: undefined undefined

// Top level: a global let blocks eval's var.
let globalLet = 1;
eval("var globalLet = 2"); // expect runtime error: SyntaxError
