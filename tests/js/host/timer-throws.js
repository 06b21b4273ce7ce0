// A callback that throws is reported; the loop goes on; the program
// ends with status 1.
setTimeout(() => { throw new Error('from a timer'); }, 1);
setTimeout(() => print('still running'), 5); // expect: still running
// expect runtime error: Uncaught Error: from a timer
