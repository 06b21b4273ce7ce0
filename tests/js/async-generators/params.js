// An async generator's parameters are bound at the call, before the
// body's first step and before any await; the body runs on the first
// next ().  Arrows inside see the generator's this, arguments and await.
const order = [];
async function* g(a = order.push("default a"), b = order.push("default b")) {
  order.push("body");
  const arrow = async () => [this.name, arguments.length, await a];
  yield arrow();
  yield (() => this.name)();
}
const it = g.call({ name: "receiver" }, undefined, 2, 3);
order.push("after call");
print(order.join(", ")); // expect: default a, after call
it.next().then(r => {
  print(order.join(", "));
  return r.value;
}).then(v => print(JSON.stringify(v)));
it.next().then(r => print(r.value));
// The generator object exists only if the parameters were bound.
let made = 0;
async function* counted(x = made++) { yield x; }
counted();
print("made", made); // expect: made 1
// expect: default a, after call, body
// expect: ["receiver",3,1]
// expect: receiver
