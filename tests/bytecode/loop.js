// A counting loop: the test, the body, the update (no old value kept for
// i++ as a statement) and the back edge (JumpLoop, which checks for
// interrupts).
function sum(a) {
  var s = 0;
  for (var i = 0; i < a.length; i++)
    s += a[i];
  return s;
}
