// finally runs on every exit and can override the completion.
function f(kind) {
  var log = [];
  for (var i = 0; i < 2; i++) {
    try {
      if (kind === "break") break;
      if (kind === "continue") continue;
      if (kind === "return") return "ret";
      if (kind === "throw") throw new Error("t");
    } catch (e) {
      log.push("catch " + e.message);
    } finally {
      log.push("finally " + i);
    }
  }
  return log.join(";");
}
print(f("break")); // expect: finally 0
print(f("continue")); // expect: finally 0;finally 1
print(f("return")); // expect: ret
print(f("throw")); // expect: catch t;finally 0;catch t;finally 1
function override() { try { return 1; } finally { return 2; } }
print(override()); // expect: 2
function swallow() { try { throw 1; } finally { return "swallowed"; } }
print(swallow()); // expect: swallowed
// Nested finally blocks unwind in order.
var order = [];
try { try { throw "x"; } finally { order.push("inner"); } } catch (e) { order.push("catch " + e); } finally { order.push("outer"); }
print(order.join()); // expect: inner,catch x,outer
// Optional catch binding; rethrowing keeps the value.
try { try { throw { v: 7 }; } catch { print("no binding"); throw "again"; } } catch (e) { print(e); } // expect: no binding
// expect: again
