// Many async generators alive at once, each with queued requests and
// frames suspended at awaits and yields, while the collector runs:
// nothing the queues, frames or async-from-sync wrappers hold may die.
// Under GSCRIPT_GC_STRESS=1 it collects at every allocation.
async function* numbers(n, tag) {
  for (let i = 0; i < n; i++) {
    const box = { tag, i, pad: new Array(4).fill(tag) };
    await null;
    yield box;
  }
  return tag;
}
async function* wrapped(n) {
  yield* numbers(n, "inner" + n);
  yield* [n, Promise.resolve(n + 1)];
}
const gens = [];
const pending = [];
for (let k = 0; k < 40; k++) {
  const g = k % 2 ? numbers(5, "g" + k) : wrapped(3);
  gens.push(g);
  // Queue every request up front: they settle in order.
  for (let r = 0; r < 7; r++) pending.push(g.next());
}
gc();
let sum = 0, done = 0, tags = 0;
Promise.all(pending).then(results => {
  gc();
  for (const r of results) {
    if (r.done) { done++; if (typeof r.value === "string") tags++; }
    else if (typeof r.value === "number") sum += r.value;
    else sum += r.value.i + r.value.pad.length;
  }
  print("results", results.length, "done", done, "tags", tags, "sum", sum);
});
(async () => {
  let count = 0;
  for await (const v of wrapped(50)) { count++; if (count % 10 == 0) gc(); }
  print("for await count", count);
})();
// expect: results 280 done 80 tags 20 sum 1040
// expect: for await count 52
