// yield* delegates to an async iterable, or to a sync one through
// %AsyncFromSyncIteratorPrototype% (whose values are awaited); next,
// throw and return are forwarded.
async function* inner() {
  try {
    const x = yield "i1";
    print("inner got", x);
    yield "i2";
  } finally {
    print("inner finally");
  }
  return "inner result";
}
async function* outer() {
  const r = yield* inner();
  print("yield* value", r);
  yield* [Promise.resolve("s1"), "s2"];
  yield* { [Symbol.iterator]() { return [3, 4][Symbol.iterator](); } };
}
(async () => {
  const it = outer();
  print(JSON.stringify(await it.next()));
  print(JSON.stringify(await it.next("sent")));
  for (let r = await it.next(); !r.done; r = await it.next())
    print("value", r.value);

  // return is forwarded to the inner iterator.
  const it2 = outer();
  await it2.next();
  print(JSON.stringify(await it2.return("bye")));

  // A throw into a sync iterator without a throw method closes it and
  // rejects with a TypeError.
  const sync = {
    [Symbol.iterator]() {
      return {
        next() { return { value: "n", done: false }; },
        return() { print("sync closed"); return {}; },
      };
    },
  };
  async function* viaSync() { yield* sync; }
  const it3 = viaSync();
  await it3.next();
  try { await it3.throw(new Error("x")); } catch (e) { print(e.constructor.name); }

  // A rejected value from a sync iterator closes it (ES2024) and throws.
  const rejecting = {
    [Symbol.iterator]() {
      return {
        next() { return { value: Promise.reject("bad value"), done: false }; },
        return() { print("rejecting closed"); return {}; },
      };
    },
  };
  async function* viaRejecting() { yield* rejecting; }
  try { await viaRejecting().next(); } catch (e) { print("rejected with", e); }

  // An async iterator whose next returns a non-object.
  async function* viaBad() { yield* { [Symbol.asyncIterator]() { return { next() { return 1; } }; } }; }
  try { await viaBad().next(); } catch (e) { print(e.constructor.name); }
})();
// expect: {"value":"i1","done":false}
// expect: inner got sent
// expect: {"value":"i2","done":false}
// expect: inner finally
// expect: yield* value inner result
// expect: value s1
// expect: value s2
// expect: value 3
// expect: value 4
// expect: inner finally
// expect: {"value":"bye","done":true}
// expect: sync closed
// expect: TypeError
// expect: rejecting closed
// expect: rejected with bad value
// expect: TypeError
