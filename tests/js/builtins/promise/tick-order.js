// Two chains interleave one job at a time; resolving with a promise
// costs two extra jobs (the thenable job and its then).
var a = Promise.resolve();
a.then(function () { print("a1"); }).then(function () { print("a2"); })
 .then(function () { print("a3"); }).then(function () { print("a4"); });
new Promise(function (r) { r(Promise.resolve()); })
  .then(function () { print("b"); });
// expect: a1
// expect: a2
// expect: a3
// expect: b
// expect: a4
