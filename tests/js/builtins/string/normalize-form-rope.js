// The form may be any value whose string is one of the four names.
var f = "NF";
f += "D";
print("\u00E9".normalize(f).length); // expect: 2
print("\u00E9".normalize({ toString() { return "NFKD"; } }).length); // expect: 2
