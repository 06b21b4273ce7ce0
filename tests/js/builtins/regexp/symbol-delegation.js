// The String methods hand over to Symbol.match, .matchAll, .replace,
// .search and .split of an object argument, but not of a primitive.
var o = {};
o[Symbol.match] = function (s) { return "match:" + s; };
o[Symbol.replace] = function (s, r) { return "replace:" + s + r; };
o[Symbol.search] = function (s) { return "search:" + s; };
o[Symbol.split] = function (s, l) { return "split:" + s + l; };
o[Symbol.matchAll] = function (s) { return "matchAll:" + s; };
print("x".match(o), "x".replace(o, 1), "x".search(o), "x".split(o, 2)); // expect: match:x replace:x1 search:x split:x2
var all = {};
all[Symbol.matchAll] = function (s) { return "matchAll:" + s; };
print("x".matchAll(all)); // expect: matchAll:x
try { "x".matchAll(o); } catch (e) { print(e.name); } // expect: TypeError
Object.defineProperty(Number.prototype, Symbol.split, { get: function () { throw new Error("looked up"); } });
print(JSON.stringify("a1b".split(1))); // expect: ["a","b"]
