// The flags getter reads each flag property in the order d g i m s u v y.
var r = new RegExp("a", "ysmigd");
print(r.flags); // expect: dgimsy
print(r.global, r.ignoreCase, r.multiline, r.dotAll, r.sticky, r.hasIndices); // expect: true true true true true true
print(r.unicode, r.unicodeSets); // expect: false false
print(new RegExp("a", "v").unicodeSets, new RegExp("a", "u").unicode); // expect: true true
var seen = [];
var fake = {};
["hasIndices", "global", "ignoreCase", "multiline", "dotAll", "unicode",
 "unicodeSets", "sticky"].forEach(function (name) {
  Object.defineProperty(fake, name, { get: function () { seen.push(name); return name === "global"; } });
});
var get = Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get;
print(get.call(fake)); // expect: g
print(seen.join()); // expect: hasIndices,global,ignoreCase,multiline,dotAll,unicode,unicodeSets,sticky
print(RegExp.prototype.global, RegExp.prototype.flags === ""); // expect: undefined true
