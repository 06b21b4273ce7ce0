// Async generator methods: object literals, classes (static, private,
// computed names), with super, this and arguments.
const key = "computed";
const o = {
  async *m(x) { yield x; yield this === o; },
  async *[key]() { yield* this.m("via computed"); },
};
class Base { greet() { return "base greets"; } }
class C extends Base {
  #secret = "private field";
  async *#priv() { yield this.#secret; }
  async *pub() { yield* this.#priv(); yield super.greet(); }
  static async *stat() { yield this.name; }
  async *args() { yield arguments.length; }
}
async function collect(it) {
  const out = [];
  for await (const v of it) out.push(v);
  return out.join(", ");
}
(async () => {
  print(await collect(o.m(1)));
  print(await collect(o.computed()));
  print(await collect(new C().pub()));
  print(await collect(C.stat()));
  print(await collect(new C().args(1, 2)));
  print(o.m.name, o[key].name, C.stat.name, "prototype" in o.m, typeof o.m.prototype);
  try { new o.m(); } catch (e) { print("not a constructor:", e.name); }
})();
// expect: 1, true
// expect: via computed, true
// expect: private field, base greets
// expect: C
// expect: 2
// expect: m computed stat true object
// expect: not a constructor: TypeError
