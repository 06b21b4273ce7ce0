// exec returns the match, its captures (undefined when unset), index and
// input; groups is undefined without named groups.
var m = new RegExp("(a)|(b)").exec("xb");
print(JSON.stringify(m)); // expect: ["b",null,"b"]
print(m[1] === undefined, m.index, m.input); // expect: true 1 xb
print(m.groups); // expect: undefined
print(m.length); // expect: 3
print(Object.keys(m).join()); // expect: 0,1,2,index,input,groups
print(new RegExp("z").exec("abc")); // expect: null
