// for await over async and sync iterables, with declarations and
// destructuring heads; break, return and throw close the iterator with
// AsyncIteratorClose (its return awaited).
function counter(n, label) {
  let i = 0;
  return {
    [Symbol.asyncIterator]() { return this; },
    next() {
      const v = i++;
      return Promise.resolve(v < n ? { value: [v, v * v], done: false }
                                   : { value: undefined, done: true });
    },
    return() {
      print(label, "closed at", i);
      return Promise.resolve().then(() => { print(label, "close settled"); return {}; });
    },
  };
}
function tick() { return { then(r) { r(); } }; }

(async () => {
  for await (const [i, sq] of counter(3, "a")) print("a", i, sq);
  for await (let x of [Promise.resolve(1), 2, tick()]) print("sync", x);
  let k;
  for await ({ k = "default" } of [{}, { k: "set" }]) print("k", k);

  const c = counter(10, "b");
  for await (const [i] of c) if (i >= 1) break;
  print("after break");

  async function ret() {
    for await (const [i] of counter(10, "c")) return "returned " + i;
  }
  print(await ret());

  try {
    for await (const x of counter(10, "d")) throw new Error("body");
  } catch (e) { print("caught", e.message); }

  // A throwing return method does not hide the body's exception.
  const bad = {
    [Symbol.asyncIterator]() { return this; },
    next() { return { value: 1, done: false }; },
    return() { throw new Error("from return"); },
  };
  try { for await (const x of bad) throw new Error("original"); }
  catch (e) { print("caught", e.message); }
  // But on break it propagates.
  try { for await (const x of bad) break; }
  catch (e) { print("caught", e.message); }
  // A non-object from return is a TypeError on break.
  const nonobj = { [Symbol.asyncIterator]() { return this; }, next() { return { value: 1, done: false }; }, return() { return 5; } };
  try { for await (const x of nonobj) break; } catch (e) { print(e.constructor.name); }

  // Errors of next () and of a rejected next promise leave the iterator
  // open.
  const rejecting = { [Symbol.asyncIterator]() { return this; }, next() { return Promise.reject("next failed"); }, return() { print("never"); } };
  try { for await (const x of rejecting); } catch (e) { print("caught", e); }
  try { for await (const x of 5); } catch (e) { print(e.constructor.name); }
})();
// expect: a 0 0
// expect: a 1 1
// expect: a 2 4
// expect: sync 1
// expect: sync 2
// expect: sync undefined
// expect: k default
// expect: k set
// expect: b closed at 2
// expect: b close settled
// expect: after break
// expect: c closed at 1
// expect: c close settled
// expect: returned 0
// expect: d closed at 1
// expect: d close settled
// expect: caught body
// expect: caught original
// expect: caught from return
// expect: TypeError
// expect: caught next failed
// expect: TypeError
