// Deep nesting does not recurse in C: a hundred thousand levels parse,
// stringify and revive.
// gc-stress-every: 1000
var n = 100000, open = "", close = "";
for (var i = 0; i < 100; i++) { open += "["; close += "]"; }
var unit = open, unitc = close;
var text = "";
for (var i = 0; i < n / 100; i++) text += unit;
for (var i = 0; i < n / 100; i++) text += unitc;
var v = JSON.parse(text);
var depth = 0;
for (var x = v; x.length; x = x[0]) depth++;
print(depth); // expect: 99999
print(JSON.stringify(v).length); // expect: 200000
var count = 0;
JSON.parse(text, function (k, x) { count++; return x; });
print(count); // expect: 100000
