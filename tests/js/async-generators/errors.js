// Errors in an async generator's body reject the request's promise and
// complete the generator; errors in its parameters throw at the call.
async function* thrower() {
  yield 1;
  throw new TypeError("in body");
}
async function* awaitsRejection() {
  await Promise.reject(new RangeError("awaited"));
}
async function* yieldsRejection() {
  yield Promise.reject("yielded rejection");
}
async function* params(a = (() => { throw new SyntaxError("in params"); })()) {}
async function* args() { yield arguments.length; yield this.tag; }

(async () => {
  const t = thrower();
  print(JSON.stringify(await t.next()));
  try { await t.next(); } catch (e) { print("rejected", e.name, e.message); }
  print(JSON.stringify(await t.next()));
  try { await awaitsRejection().next(); } catch (e) { print("rejected", e.name); }
  try { await yieldsRejection().next(); } catch (e) { print("rejected", e); }
  try { params(); } catch (e) { print("thrown at call", e.name); }
  const a = args.call({ tag: "this works" }, 1, 2, 3);
  print((await a.next()).value, (await a.next()).value);
  // The receiver must be an async generator.
  const next = Object.getPrototypeOf(a).next;
  try { await next.call({}); } catch (e) { print("bad receiver", e.name); }
  function* sync() {}
  try { await next.call(sync()); } catch (e) { print("sync generator", e.name); }
  try { sync().next.call(a); } catch (e) { print("async as sync", e.name); }
})();
// expect: {"value":1,"done":false}
// expect: rejected TypeError in body
// expect: {"done":true}
// expect: rejected RangeError
// expect: rejected yielded rejection
// expect: thrown at call SyntaxError
// expect: 3 this works
// expect: bad receiver TypeError
// expect: sync generator TypeError
// expect: async as sync TypeError
