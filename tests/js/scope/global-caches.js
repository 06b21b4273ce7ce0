// flags: --test262
// Reads and writes of globals are cached; the caches must notice every
// way a global binding can change under them.
globalThis.g = 1;  // configurable, unlike a var
function readG() { return g; }
function writeG(v) { g = v; }
readG(); readG();
globalThis.g = 2;
print(readG()); // expect: 2
writeG(3); writeG(4);
print(globalThis.g); // expect: 4
Object.defineProperty(globalThis, "g", { get: function () { return "getter"; }, configurable: true });
print(readG()); // expect: getter
delete globalThis.g;
try { readG(); } catch (e) { print(e.constructor.name); } // expect: ReferenceError
globalThis.g = "back";
print(readG()); // expect: back

// A property of the global object shadowed by a later script's let.
globalThis.shadow = "property";
function readShadow() { return shadow; }
function writeShadow(v) { shadow = v; }
readShadow(); readShadow();
$262.evalScript("let shadow = 'lexical';");
print(readShadow()); // expect: lexical
writeShadow("written"); writeShadow("again");
print(readShadow(), globalThis.shadow); // expect: again property

// A script-level const read before and after its initialization.
function readLate() { return late; }
try { $262.evalScript("readLate(); const late = 1;"); } catch (e) { print(e.constructor.name); } // expect: ReferenceError
try { readLate(); } catch (e) { print(e.constructor.name); } // expect: ReferenceError

// Many globals at once: the global object is a dictionary.
for (var i = 0; i < 200; i++) globalThis["many" + i] = i;
function readMany() { return many150; }
readMany();
globalThis.many150 = "changed";
print(readMany()); // expect: changed
delete globalThis.many10;
print(readMany(), typeof many10); // expect: changed undefined
