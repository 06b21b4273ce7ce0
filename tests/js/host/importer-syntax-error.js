// An uncaught syntax error in an imported module names its file, line
// and column, and shows that file's line.
imports.searchPath.unshift(imports.system.programPath.replace(/[^/]*$/, '') + 'fixtures/importer');
print('before');                    // expect: before
imports.syntaxError;                // expect runtime error: fixtures/importer/syntaxError.js:3:14: SyntaxError
print('not reached');
