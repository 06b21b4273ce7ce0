// A closure over a per-iteration let: the loop copies the environment
// (CopyEnv) so each function sees its own i.
function makers() {
  var out = [];
  for (let i = 0; i < 3; i++)
    out.push(() => i);
  return out;
}
function counter() {
  var n = 0;
  return function () { return ++n; };
}
