// let and const: a read that can run before the declaration keeps its
// CheckHole; reads after it, in the same function, need none.
function f() {
  let early = () => late;
  let late = 1;
  const after = late + 1;
  return early() + after;
}
function g(k) {
  switch (k) {
    case 0:
      let v = 1;
      return v;
    default:
      return v;
  }
}
