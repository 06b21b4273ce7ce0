// Breaks and continues that leave nested for await loops, through finally
// blocks and labels, close each loop they leave, innermost first; a
// return () on a generator suspended in a for await body closes it too.
function src(label, n) {
  let i = 0;
  return { [Symbol.asyncIterator]() { return this; },
    next() { return Promise.resolve({ value: i++, done: i > n }); },
    return() { print("close", label); return Promise.resolve({}); } };
}
(async () => {
  for await (const x of src("a", 5)) {
    try { if (x == 1) break; } finally { print("finally a", x); }
  }
  outer: for await (const x of src("o", 3)) {
    for await (const y of src("i" + x, 3)) {
      if (y == 1) continue outer;
      if (x == 2) break outer;
    }
  }
  async function* g() {
    for await (const x of src("g", 5)) {
      try { yield x; } finally { print("g finally", x); }
    }
  }
  const it = g();
  print(JSON.stringify(await it.next()));
  print(JSON.stringify(await it.return("R")));
  label: { for await (const x of src("blk", 3)) break label; }
  print("end");
})();
// expect: finally a 0
// expect: finally a 1
// expect: close a
// expect: close i0
// expect: close i1
// expect: close i2
// expect: close o
// expect: {"value":0,"done":false}
// expect: g finally 0
// expect: close g
// expect: {"value":"R","done":true}
// expect: close blk
// expect: end
