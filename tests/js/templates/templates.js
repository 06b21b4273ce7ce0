// Template literals: substitutions, nesting, escapes, tags and raw strings.
var n = 3, who = "world";
print(`hello ${who}, ${n * 2} ${`nested ${n}`}`); // expect: hello world, 6 nested 3
print(`line1
line2`.split("\n").length); // expect: 2
print(`\u0041\x42\u{43}`); // expect: ABC
function tag(strings, ...values) {
  return strings.raw.join("|") + " / " + strings.join("|") + " / " + values.join(",");
}
print(tag`a${1}b\n${2}c`); // expect: a|b\n|c / a|b
// expect: |c / 1,2
print(String.raw`x\ty${1 + 1}`); // expect: x\ty2
// The strings array is frozen and the same object for each evaluation.
function id(s) { return s; }
var objs = [];
for (var i = 0; i < 2; i++) objs.push(id`same`);
print(objs[0] === objs[1], Object.isFrozen(objs[0])); // expect: true true
// Invalid escapes are allowed in tagged templates (cooked undefined).
print(id`\unicode`[0], id`\unicode`.raw[0]); // expect: undefined \unicode
print(`${{ toString() { return "obj"; } }}`); // expect: obj
