// A generator: InitGenerator returns the generator object; each yield
// suspends and resumes with how it was resumed (next, throw, return).
function* gen(n) {
  var x = yield n;
  yield* [x, n];
  return x + 1;
}
