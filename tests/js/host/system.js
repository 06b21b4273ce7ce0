// imports.system and ARGV, as GJS has them.
const System = imports.system;
print(Array.isArray(ARGV), ARGV.length);                  // expect: true 0
print(System.programInvocationName.endsWith('system.js')); // expect: true
print(System.programPath.startsWith('/'));                // expect: true
System.gc();
setTimeout(() => print('never runs'), 1000);
print('before exit');                                     // expect: before exit
System.exit(0);
print('not reached');
