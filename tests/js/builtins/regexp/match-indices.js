// The d flag adds indices: [start, end] per capture, and indices.groups.
var m = new RegExp("(?<a>x)(y)?", "d").exec("zx");
print(JSON.stringify(m.indices)); // expect: [[1,2],[1,2],null]
print(JSON.stringify(m.indices.groups)); // expect: {"a":[1,2]}
print(m.indices[2]); // expect: undefined
print(new RegExp("a").exec("a").indices); // expect: undefined
print(new RegExp("a", "d").hasIndices); // expect: true
