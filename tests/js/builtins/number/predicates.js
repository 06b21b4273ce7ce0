// Number.isFinite, isInteger, isNaN, isSafeInteger: no coercion.
print(Number.isFinite(1), Number.isFinite("1"), Number.isFinite(Infinity)); // expect: true false false
print(Number.isInteger(5), Number.isInteger(5.5), Number.isInteger(-0), Number.isInteger(1e300)); // expect: true false true true
print(Number.isNaN(NaN), Number.isNaN("NaN")); // expect: true false
print(Number.isSafeInteger(Math.pow(2, 53) - 1), Number.isSafeInteger(Math.pow(2, 53)), Number.isSafeInteger(3.1)); // expect: true false false
print(isNaN("NaN"), isNaN("1"), isFinite("1e3"), isFinite(Infinity), isFinite(null)); // expect: true false true false true
isNaN(Symbol()); // expect runtime error: TypeError
