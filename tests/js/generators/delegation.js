// yield* forwards to the inner iterator and takes its return value.
function* inner() { yield 'a'; yield 'b'; return 'r'; }
function* outer() { const r = yield* inner(); yield r; }
print([...outer()].length); // expect: 3
for (const v of outer()) print(v); // expect: a
// expect: b
// expect: r
function* arr() { yield* [1, 2]; }
for (const v of arr()) print(v); // expect: 1
// expect: 2
