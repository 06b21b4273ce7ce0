// The completion value of statements, as eval returns it: if, loops,
// switch, try and with never complete empty (UpdateEmpty), so an empty
// body gives undefined rather than an earlier statement's value.
function show(src) {
  print(JSON.stringify(eval(src)) ?? "undefined");
}
show("1; if (true) {}"); // expect: undefined
show("1; if (false) 2;"); // expect: undefined
show("1; if (true) 2; else 3;"); // expect: 2
show("1; do { break; } while (false)"); // expect: undefined
show("1; do { 2; break; } while (false)"); // expect: 2
show("1; while (false) {}"); // expect: undefined
show("1; for (var i = 0; i < 2; i++) { if (i) { break; } 'bad'; }");
// expect: undefined
show("1; for (var k in {a: 1}) {}"); // expect: undefined
show("1; for (var v of [1, 2]) { v; }"); // expect: 2
show("1; for (var v of [1, 2]) { if (v == 2) continue; v; }");
// expect: undefined
show("1; switch (1) {}"); // expect: undefined
show("1; switch (1) { case 1: }"); // expect: undefined
show("1; switch (1) { case 1: 2; case 2: 3; }"); // expect: 3
show("1; switch ('b') { default: case 'a': 8; case 'b': }"); // expect: undefined
show("1; try {} finally {}"); // expect: undefined
show("1; try { 2; } finally { 3; }"); // expect: 2
show("1; try { 2; throw 0; } catch (e) {}"); // expect: undefined
show("1; try { throw 0; } catch (e) { 4; }"); // expect: 4
show("1; do { try { 2; } finally { break; } } while (false)");
// expect: undefined
show("1; do { try { 2; } finally { 3; break; } } while (false)"); // expect: 3
show("1; with ({}) {}"); // expect: undefined
// Blocks, declarations, labels and break carry the previous value.
show("1; {}"); // expect: 1
show("1; var x = 2;"); // expect: 1
show("1; l: { 2; break l; }"); // expect: 2
show("1; l: { break l; }"); // expect: 1
show("1; function f() {}"); // expect: 1
