// The well-known symbols are constant properties of Symbol.
print(typeof Symbol.iterator, Symbol.iterator.description); // expect: symbol Symbol.iterator
print(Symbol.asyncIterator.toString(), Symbol.hasInstance.description); // expect: Symbol(Symbol.asyncIterator) Symbol.hasInstance
var d = Object.getOwnPropertyDescriptor(Symbol, "species");
print(d.writable, d.enumerable, d.configurable); // expect: false false false
var names = ["asyncIterator", "hasInstance", "isConcatSpreadable", "iterator", "match", "matchAll", "replace", "search", "species", "split", "toPrimitive", "toStringTag", "unscopables"];
var ok = true;
for (var i = 0; i < names.length; i++) ok = ok && typeof Symbol[names[i]] === "symbol";
print(ok); // expect: true
