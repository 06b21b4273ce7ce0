// Groups nested past the limit are a SyntaxError, not a crash.
var deep = "(".repeat(200) + "a" + ")".repeat(200);
print(new RegExp(deep).exec("a").length); // expect: 201
try { new RegExp("(".repeat(100000) + ")".repeat(100000)); }
catch (e) { print(e.name); } // expect: SyntaxError
try { new RegExp("[".repeat(5000), "v"); }
catch (e) { print(e.name); } // expect: SyntaxError
