// Equality and relational operators.
print(null == undefined, null === undefined, NaN == NaN, "1" == 1); // expect: true false false true
print(0 == "", "0" == false, [] == false, [0] == false, null == 0); // expect: true true true true false
print("a" < "b", "B" < "a", "10" < "9", 10 < 9, "10" < 9); // expect: true true true false false
print(null >= 0, undefined >= 0, NaN <= NaN); // expect: true false false
print(1n == 1, 1n === 1, 2n > 1, "2" > 1n); // expect: true false true true
var o = {};
print(o == o, o === {}, typeof null, typeof function () {}, typeof 1n); // expect: true false object function bigint
print("x" in { x: 1 }, 0 in [1], 1 in [1]); // expect: true true false
class A {}
print(new A() instanceof A, [] instanceof Object, Object.create(null) instanceof Object); // expect: true true false
var custom = { [Symbol.hasInstance](v) { return v === 42; } };
print(42 instanceof custom, 41 instanceof custom); // expect: true false
try { 1 in 2; } catch (e) { print(e.name); } // expect: TypeError
try { ({}) instanceof 3; } catch (e) { print(e.name); } // expect: TypeError
