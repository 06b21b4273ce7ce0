// Reactions run as jobs after the script, in the order they were added.
var log = [];
var p = new Promise(function (resolve) {
  log.push("executor");
  resolve(1);
});
p.then(function (v) { print("first", v); });
p.then(function (v) { print("second", v); });
print(log[0]); // expect: executor
print("sync end"); // expect: sync end
// expect: first 1
// expect: second 1
