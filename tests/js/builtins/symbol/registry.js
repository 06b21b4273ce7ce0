// Symbol.for and Symbol.keyFor share one registry.
var a = Symbol.for("app.key");
print(a === Symbol.for("app.key"), a.description, Symbol.keyFor(a)); // expect: true app.key app.key
print(Symbol.keyFor(Symbol("app.key")), Symbol.keyFor(Symbol.iterator)); // expect: undefined undefined
print(Symbol.for() === Symbol.for("undefined"), Symbol.for(0) === Symbol.for("0")); // expect: true true
gc();
print(Symbol.for("app.key") === a); // expect: true
Symbol.keyFor("app.key"); // expect runtime error: TypeError
