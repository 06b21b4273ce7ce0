try { Promise(function () {}); } catch (e) { print(e.name); }
try { new Promise(1); } catch (e) { print(e.name); }
try { Promise.prototype.then.call({}); } catch (e) { print(e.name); }
try { Promise.resolve.call(1); } catch (e) { print(e.name); }
// An executor that throws rejects its promise.
new Promise(function () { throw "thrown"; }).catch(function (e) { print(e); });
// Resolving a promise with itself rejects it with a TypeError.
var self = new Promise(function (r) { Promise.resolve().then(function () { r(self); }); });
self.catch(function (e) { print(e.name); });
// A getter for then that throws rejects.
var bad = {};
Object.defineProperty(bad, "then", { get: function () { throw "getter"; } });
Promise.resolve(bad).catch(function (e) { print(e); });
// Only the first call of a resolving function counts.
new Promise(function (res, rej) { res(1); rej(2); res(3); }).then(function (v) { print(v); });
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: thrown
// expect: getter
// expect: 1
// expect: TypeError
