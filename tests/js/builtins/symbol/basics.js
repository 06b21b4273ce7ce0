// Symbols: descriptions, identity, conversion.
var s = Symbol("desc");
print(typeof s, s.toString(), s.description); // expect: symbol Symbol(desc) desc
print(Symbol().toString(), Symbol().description, Symbol(undefined).description); // expect: Symbol() undefined undefined
print(Symbol("").description === "", Symbol(12).description); // expect: true 12
print(Symbol("a") === Symbol("a"), s === s); // expect: false true
print(Symbol.length, Symbol.name); // expect: 0 Symbol
try { s + ""; } catch (e) { print(e.name); } // expect: TypeError
try { +s; } catch (e) { print(e.name); } // expect: TypeError
new Symbol(); // expect runtime error: TypeError: Symbol is not a constructor
