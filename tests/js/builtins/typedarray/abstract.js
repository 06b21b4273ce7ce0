// %TypedArray% cannot be called or constructed itself.
var TA = Object.getPrototypeOf(Uint8Array);
try { new TA(); } catch (e) { print(e.name); } // expect: TypeError
try { TA(); } catch (e) { print(e.name); } // expect: TypeError
print(TA[Symbol.species] === TA, Uint8Array[Symbol.species] === Uint8Array); // expect: true true
