// try/catch/finally: handler ranges, the catch binding, and a finally
// reached by a normal exit, a return and a throw (completion kinds).
function f(g) {
  try {
    return g();
  } catch (e) {
    return e.message;
  } finally {
    g = null;
  }
}
