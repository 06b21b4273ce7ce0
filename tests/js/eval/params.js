// An eval in parameter expressions gets the parameters' scope: its vars
// are seen by the other parameters and the body, and it may not
// redeclare a parameter or the arguments object.
function uses(a = eval("var q = 7"), b = q) {
  return q + b;
}
print(uses()); // expect: 14

var probe;
function closures(_ = probe = function () { return x; },
                  __ = eval("var x = 'inside'")) {}
var x = "outside";
closures();
print(probe()); // expect: inside

function tryEval(src) {
  try {
    src();
    print("ok");
  } catch (e) {
    print(e.name);
  }
}
tryEval(function () { (function (p = eval("var p2"), p2) {})(); });
// expect: SyntaxError
tryEval(function () { (function (p = eval("var arguments")) {})(); });
// expect: SyntaxError
// Arrows have no arguments object: eval's var is theirs.
tryEval(function () {
  ((p = eval("var arguments = 'param'")) => {
    var arguments = "local";
    print(arguments); // expect: local
  })();
});
// expect: ok
print(typeof arguments); // expect: undefined

// The body's vars are apart from the parameters'.
function apart(a = eval("var v = 1"), b = () => v) {
  var v = 2;
  return [v, b()].join();
}
print(apart()); // expect: 2,1

// An async function rejects instead of throwing.
async function rejects(p = eval("var arguments")) {}
rejects().catch(e => print("rejected", e.name)); // expect: rejected SyntaxError
