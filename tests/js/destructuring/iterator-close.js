// Array patterns close the iterator when they stop early.
function iterable(log, values) {
  var i = 0;
  return {
    [Symbol.iterator]() {
      return {
        next() { log.push("next"); return { value: values ? values[i++] : i++, done: false }; },
        return() { log.push("return"); return {}; },
      };
    },
  };
}
var log = [];
var [p, q] = iterable(log);
print(p, q, log.join()); // expect: 0 1 next,next,return
log = [];
var [...all] = [1, 2, 3];
print(all.length); // expect: 3
// An exception from a default also closes it.
log = [];
try { var [u = (() => { throw new Error("boom"); })()] = iterable(log, [undefined]); }
catch (e) { print(e.message, log.join()); } // expect: boom next,return
