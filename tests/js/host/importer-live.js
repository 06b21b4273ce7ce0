// A module's top-level var and function names and its module object are
// one: writes on either side are seen on the other (the fixtures are in
// fixtures/live/).
const here = imports.system.programPath.replace(/[^/]*$/, '');
imports.searchPath.unshift(`${here}fixtures/live`);
const L = imports.live;

// The module writes, the outside reads; the outside writes, the module
// reads.
print(L.increment(), L.increment(), L.counter);           // expect: 1 2 2
L.counter = 10;
print(L.read(), L.increment(), L.counter);                // expect: 10 11 11
L.counter = 'text';
print(L.read());                                          // expect: text
// A function replaced from outside is the one the module calls.
print(L.callHelper());                                    // expect: original helper
L.helper = () => 'replaced helper';
print(L.callHelper());                                    // expect: replaced helper

// The names are enumerable properties of the module, not globals.
print(Object.keys(L).filter(k => ['counter', 'increment', 'Math'].includes(k)).join()); // expect: counter,increment,Math
print(Object.getOwnPropertyDescriptor(L, 'counter').enumerable); // expect: true
print(typeof counter, typeof increment);                  // expect: undefined undefined
print(L.topThis === L);                                   // expect: true

// A module's name shadows a global for the module's code only.
print(L.useMath(), Math.sqrt(4));                         // expect: shadowed sqrt 2
print(typeof L.blockFn, L.blockFn());                     // expect: function block

// A name the module never declares is a global...
print(L.readFree(), L.typeofFree());                      // expect: none undefined
globalThis.freeName = 'global';
// (called often, so that the global caches are warm)
for (let i = 0; i < 50; i++)
    L.readFree();
print(L.readFree(), L.typeofFree());                      // expect: global string
// ... unless the module object has it as its own property, even one
// added after the module ran: then the module's code reads and writes
// that property.
L.freeName = 'on the module';
print(L.readFree(), L.typeofFree());                      // expect: on the module string
L.writeFree('written by the module');
print(L.freeName, globalThis.freeName);                   // expect: written by the module global
delete L.freeName;
print(L.readFree());                                      // expect: global
L.writeFree('to the global');
print(globalThis.freeName, Object.hasOwn(L, 'freeName')); // expect: to the global false

// Errors: positions in the module's file, ReferenceError for a name
// found nowhere.
try {
    L.throwsHere();
} catch (e) {
    print(e.stack.split('\n')[1].includes('fixtures/live/live.js:40:')); // expect: true
}
try {
    L.undeclared();
} catch (e) {
    print(e.name, e.message);                             // expect: ReferenceError notDeclaredAnywhere is not defined
}

// A direct eval or a with statement in a module function sees the
// module's names.
L.counter = 5;
print(L.evalHere('counter + 1'), L.evalHere('typeof helper'));  // expect: 6 function
print(L.evalHere('counter = 7'), L.counter);              // expect: 7 7
print(L.withHere({}), L.withHere({ counter: 'from with' })); // expect: 7 from with

// let stays a copy made when the module finished (as GJS shows it).
print(L.lexical, L.bumpLexical(), L.lexical);             // expect: lex lex! lex

// A strict module.
const S = imports.strictLive;
print(S.next(), S.count, S.thisIsModule);                 // expect: 2 2 true
S.count = 40;
print(S.next());                                          // expect: 41
try {
    S.leak();
} catch (e) {
    print(e.name, typeof implicitGlobal);                 // expect: ReferenceError undefined
}

// Circular imports: the second module sees the first's functions from
// the start (hoisted), its vars as far as it has run.
const One = imports.cycleOne;
print(One.two.sawBefore, One.two.sawHoisted, One.two.sawAfter); // expect: one before one hoisted undefined
print(One.two.readAfterLater(), One.two.one === One);     // expect: one after true

// A top-level direct eval keeps the slow layout, with the same results.
const E = imports.topEval;
print(E.fromEval, E.readFromEval(), E.base);              // expect: 2 2 1
E.setBase(3);
print(E.base, E.readBase());                              // expect: 3 3
E.base = 4;
print(E.readBase());                                      // expect: 4
