// %AsyncGeneratorFunction%, its prototype, %AsyncGeneratorPrototype% and
// %AsyncIteratorPrototype%: the links between them and their attributes.
async function* g() {}
const AGF = Object.getPrototypeOf(g).constructor;
const AGFp = Object.getPrototypeOf(g);
const AGp = AGFp.prototype;
const AIp = Object.getPrototypeOf(AGp);
const desc = (o, k) => { const d = Object.getOwnPropertyDescriptor(o, k); return [d.writable, d.enumerable, d.configurable].join(); };
print(AGF.name, AGF.length, Object.getPrototypeOf(AGF) === Function); // expect: AsyncGeneratorFunction 1 true
print(AGF.prototype === AGFp, desc(AGF, "prototype")); // expect: true false,false,false
print(AGFp.constructor === AGF, desc(AGFp, "constructor")); // expect: true false,false,true
print(AGFp[Symbol.toStringTag], AGp[Symbol.toStringTag]); // expect: AsyncGeneratorFunction AsyncGenerator
print(AGp.constructor === AGFp, desc(AGFp, "prototype")); // expect: true false,false,true
print(Object.getPrototypeOf(AIp) === Object.prototype); // expect: true
print(AIp[Symbol.asyncIterator].call(42), AIp[Symbol.asyncIterator].name); // expect: 42 [Symbol.asyncIterator]
print(Object.getPrototypeOf(g.prototype) === AGp, desc(g, "prototype")); // expect: true true,false,false
print(Object.getOwnPropertyNames(g.prototype).length, "prototype" in (async () => {})); // expect: 0 false
print(AGp.next.length, AGp.return.length, AGp.throw.length, AGp.next.name); // expect: 1 1 1 next
const it = g();
print(Object.getPrototypeOf(it) === g.prototype, it[Symbol.asyncIterator]() === it); // expect: true true
// A prototype that is not an object falls back to the realm's.
g.prototype = null;
print(Object.getPrototypeOf(g()) === AGp); // expect: true
// The constructor compiles async generator functions.
const made = new AGF("a", "b", "yield a; yield await b;");
print(Object.getPrototypeOf(made) === AGFp, made.name, made.length); // expect: true anonymous 2
const m = made(1, Promise.resolve(2));
m.next().then(r => print("made yields", r.value));
print(String(AGF("yield 1")).replace(/\n/g, "|")); // expect: async function* anonymous(|) {|yield 1|}
try { new AGF("await", ""); } catch (e) { print(e.name); } // expect: SyntaxError
try { AGF("yield", ""); } catch (e) { print(e.name); } // expect: SyntaxError
// The parameters and the body cannot escape their places.
try { AGF("}, async function* () {"); } catch (e) { print(e.name); } // expect: SyntaxError
// expect: made yields 1
