// An unhandled rejection is a warning at exit; the exit status stays 0.
Promise.reject(new Error("nobody listens"));
// Handled later, in a job: no warning for this one.
var p = Promise.reject("late");
Promise.resolve().then(function () { p.catch(function (e) { print("handled", e); }); });
print("done"); // expect: done
// expect: handled late
