// JSON.stringify with a replacer (function or list) and indentation.
print(JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 } }, ["a", "c", "a", 5])); // expect: {"a":1,"c":{"a":3}}
print(JSON.stringify({ 1: "one", 2: "two" }, [1, Object(2)])); // expect: {"1":"one","2":"two"}
print(JSON.stringify({ a: 1, b: "x" }, function (k, v) { return typeof v === "number" ? v + 1 : v; })); // expect: {"a":2,"b":"x"}
print(JSON.stringify([1, [2, { a: [] }], {}], null, 2));
// expect: [
// expect:   1,
// expect:   [
// expect:     2,
// expect:     {
// expect:       "a": []
// expect:     }
// expect:   ],
// expect:   {}
// expect: ]
print(JSON.stringify({ a: 1 }, null, "--")); // expect: {
// expect: --"a": 1
// expect: }
print(JSON.stringify([1], null, 20) === JSON.stringify([1], null, 10), JSON.stringify([1], null, "abcdefghijklmno")); // expect: true [
// expect: abcdefghij1
// expect: ]
print(JSON.stringify({ a: 1 }, null, Object(1)), JSON.stringify({ a: 1 }, null, 0)); // expect: {
// expect:  "a": 1
// expect: } {"a":1}
