// GJS's importer: imports.searchPath and imports.<module> for a
// program's own files (the modules are in fixtures/, which the test
// runner does not run).
const here = imports.system.programPath.replace(/[^/]*$/, '');
print(Array.isArray(imports.searchPath));                 // expect: true
imports.searchPath.unshift(`${here}fixtures/importer`);

// A module file: its vars and functions, run once, cached.
const Simple = imports.simple;
print(Simple.answer, Simple.greet('you'));                // expect: 42 hello you from 42
print(Simple.bump(), Simple.bump());                      // expect: 1 2
print(imports.simple === Simple, globalThis.simpleLoads); // expect: true 1
print(Simple.selfIsThis === Simple, Simple.sawImports);   // expect: true object
// Top-level let, const and class are shown as GJS shows them, copied
// when the module's code has run (GJS copies on first access: a let
// changed later differs).
print(Simple.KIND, typeof Simple.Shape, Simple.counter);  // expect: simple function 0
print(typeof answer, typeof greet, typeof KIND);          // expect: undefined undefined undefined

// The meta properties.
print(Simple.__moduleName__, Simple.__modulePath__);      // expect: simple simple
print(Simple.__parentModule__ === imports);               // expect: true
print(Simple.__file__ === `${here}fixtures/importer/simple.js`); // expect: true
print(String(Simple));                                    // expect: [object GjsModule simple]
print(Object.keys(Simple).includes('__file__'));          // expect: false
print(imports.__moduleName__, imports.__parentModule__);  // expect: null null
print(String(imports));                                   // expect: [GjsFileImporter root]

// A directory is a sub-importer, with its __init__.js.
const Pkg = imports.pkg;
print(String(Pkg), Pkg.__moduleName__);                   // expect: [GjsFileImporter pkg] pkg
print(Pkg.__parentModule__ === imports);                  // expect: true
print(Pkg.inner.where, Pkg.inner.parentName);             // expect: importer/pkg/inner pkg
print(Pkg.inner.__modulePath__);                          // expect: pkg.inner
print(Pkg.deep.leaf.where, Pkg.deep.leaf.__modulePath__); // expect: importer/pkg/deep/leaf pkg.deep.leaf
print(Pkg.fromInit);                                      // expect: init value
print(Pkg.searchPath.length, Pkg.searchPath[0] === `${here}fixtures/importer/pkg`); // expect: 1 true

// Changing the search path: later lookups see it.
try {
    imports.onlyHere;
} catch (e) {
    print(e.name, e.message);                             // expect: ImportError No JS module 'onlyHere' found in search path
    print(e instanceof Error, e.stack.split('\n')[0]);    // expect: true ImportError: No JS module 'onlyHere' found in search path
}
imports.searchPath.push(`${here}fixtures/importer2`);
print(imports.onlyHere.where);                            // expect: importer2
// The first directory wins: simple.js was found before importer2's.
print(imports.simple.answer);                             // expect: 42
// pkg/ of importer2 is not in the sub-importer made before; a new search
// would join both (GJS's sub-importer lists every matching directory).
try {
    Pkg.other;
} catch (e) {
    print(e.message);                                     // expect: No JS module 'other' found in search path
}
Pkg.searchPath.push(`${here}fixtures/importer2/pkg`);
print(Pkg.other.where);                                   // expect: importer2/pkg/other

// A missing module inside a sub-importer; a non-string search path entry.
try {
    imports.pkg.nothing;
} catch (e) {
    print(e.name, e.message);                             // expect: ImportError No JS module 'nothing' found in search path
}
imports.searchPath.push(17);
try {
    imports.absent;
} catch (e) {
    print(e.message);                                     // expect: importer searchPath contains non-string
}
imports.searchPath.pop();

// A syntax error names the file, line and column.
try {
    imports.syntaxError;
} catch (e) {
    print(e.name, e.fileName === `${here}fixtures/importer/syntaxError.js`, e.lineNumber, e.columnNumber); // expect: SyntaxError true 3 14
}

// A module whose top level throws: the exception propagates, the module
// is not kept, and the next access runs it again.
// expect: top-level failure 1 false
// expect: top-level failure 2 false
// expect: true 3
for (let i = 0; i < 3; i++) {
    try {
        print(imports.throws.done, globalThis.throwsRuns);
    } catch (e) {
        print(e.message, Object.getOwnPropertyNames(imports).includes('throws'));
    }
}
print(imports.throws === imports.throws);                 // expect: true

// Circular imports see the module partly filled.
const A = imports.cycleA;
print(A.b.sawEarly, A.b.sawLate, A.b.sameObject);         // expect: A early undefined true
print(A.b.a.late);                                        // expect: A late

// A strict module's vars and functions are exported too.
print(imports.strictModule.mode, imports.strictModule.double(21)); // expect: strict 42
