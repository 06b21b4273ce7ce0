// A local nothing captures lives in a register; one a closure reads lives
// in the environment (PushEnv, LdaEnv/StaEnv), and so does its neighbour
// only if captured too.
function f(a) {
  var inReg = a + 1;
  var captured = a * 2;
  function g() { return captured; }
  return inReg + g();
}
