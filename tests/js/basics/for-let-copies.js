// A for loop's let bindings: a closure made in the initializer keeps the
// first environment; the first iteration already has a copy of it.
var probeBefore, probeTest, probeBody;
var run = true;
for (let x = "outside", _ = probeBefore = () => x;
     run && (x = "inside", probeTest = () => x);
     )
  probeBody = () => x, run = false;
print(probeBefore(), probeTest(), probeBody()); // expect: outside inside inside

// var x = v inside with: x is resolved before v runs.
var o = { id: 1 };
with (o) {
  var id = delete o.id;
}
print(o.id, id); // expect: true undefined

// BigInt literal keys are their decimal strings.
var b = { 999999999999999999n: 1, 1n() { return "m"; } };
print(b["999999999999999999"], b[1]()); // expect: 1 m
var { 1n: a } = { 1: "one" };
print(a); // expect: one
