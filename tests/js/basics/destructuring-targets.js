// Destructuring assignment evaluates a member target's object and key
// before the iterator steps (or the property is read), and converts the
// key when it stores.
var log = [];
function source() {
  log.push("source");
  return {
    [Symbol.iterator]() {
      log.push("iterator");
      return { next() { log.push("step"); return { done: true }; } };
    },
  };
}
var target = { set q(v) { log.push("set"); } };
function key() {
  log.push("key");
  return { toString() { log.push("key-tostring"); return "q"; } };
}
[(log.push("target"), target)[key()]] = source();
print(log.join()); // expect: source,iterator,target,key,step,key-tostring,set

log = [];
var src = { get p() { log.push("get"); return undefined; } };
({ [(log.push("src-key"), "p")]: (log.push("target"), target)[key()] =
     (log.push("default"), 1) } = src);
print(log.join()); // expect: src-key,target,key,get,default,key-tostring,set

// A throw while evaluating a target closes the iterator before any step.
var steps = 0, closed = 0;
var iterable = {
  [Symbol.iterator]() {
    return { next() { steps++; return { done: false }; },
             return() { closed++; return {}; } };
  },
};
try {
  [{}[(() => { throw new Error("target"); })()]] = iterable;
} catch (e) {
  print(e.message, steps, closed); // expect: target 0 1
}

// A generator resumed with return while suspended in a pattern closes
// the iterator.
function* g() {
  var x;
  [x = yield] = iterable;
  print("unreachable");
}
steps = closed = 0;
var it = g();
it.next();
var r = it.return(7);
print(r.value, r.done, steps, closed); // expect: 7 true 1 1

// A rest target is evaluated before the iteration too.
steps = closed = 0;
try {
  [...{}[(() => { throw new Error("rest"); })()]] = iterable;
} catch (e) {
  print(e.message, steps, closed); // expect: rest 0 1
}
