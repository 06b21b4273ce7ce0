// JSON.parse rejects what JavaScript would accept but JSON does not.
var bad = ["01", "1.", ".5", "+1", "[1,]", "{\"a\":1,}", "'s'", "\"\t\"", "\"\\x41\"", "undefined", "NaN", "[", "", "1 2", "\u00a01"];
var all = true;
for (var i = 0; i < bad.length; i++) {
  try { JSON.parse(bad[i]); all = false; print("accepted", i); } catch (e) { all = all && e instanceof SyntaxError; }
}
print(all); // expect: true
try { JSON.parse("[1, 2"); } catch (e) { print(e.message); } // expect: Unexpected end of JSON input
try { JSON.parse('{"a" 1}'); } catch (e) { print(e.message); } // expect: Unexpected token '1' in JSON at position 5
