// An uncaught import of a module found nowhere.
print(typeof imports.system.exit);  // expect: function
imports.noSuchModule.f();           // expect runtime error: Uncaught ImportError: No JS module 'noSuchModule' found in search path
