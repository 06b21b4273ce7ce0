// A replacer function gets the match, the captures, the position, the
// string and (with named groups) the groups; every match is found before
// it is first called.
var calls = [];
var r = new RegExp("(\\d)(x)?", "g");
var out = "a1b2x".replace(r, function (m, c1, c2, pos, s) {
  calls.push([m, c1, c2, pos, s].join());
  r.lastIndex = 0;
  return "<" + c1 + ">";
});
print(out); // expect: a<1>b<2>
print(calls.join(" | ")); // expect: 1,1,,1,a1b2x | 2x,2,x,3,a1b2x
"k=v".replace(new RegExp("(?<key>\\w)=(?<val>\\w)"), function () {
  var g = arguments[arguments.length - 1];
  print(g.key, g.val, arguments.length); // expect: k v 6
});
