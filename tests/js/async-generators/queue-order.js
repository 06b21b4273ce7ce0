// Requests made while an async generator runs or awaits queue up and
// settle in order; each promise is returned at once.
async function* g() {
  print("body starts");
  const a = yield "first";
  print("received", a);
  await null;
  const b = yield "second";
  print("received", b);
  return "end";
}
const it = g();
const ps = [it.next("ignored"), it.next("A"), it.next("B"), it.next("C")];
print("requests made", ps.every(p => p instanceof Promise)); // expect: body starts
// expect: requests made true
ps.forEach((p, i) => p.then(r => print(i, r.value, r.done)));
// expect: received A
// expect: 0 first false
// expect: received B
// expect: 1 second false
// expect: 2 end true
// expect: 3 undefined true
