// Own keys: integer indices ascending, then strings in creation order,
// then symbols in creation order.
var s1 = Symbol("s1"), s2 = Symbol("s2");
var o = {};
o.z = 1; o[s2] = 1; o[2] = 1; o.a = 1; o[1] = 1; o[s1] = 1; o["-1"] = 1; o["01"] = 1;
print(Reflect.ownKeys(o).map(String).join()); // expect: 1,2,z,a,-1,01,Symbol(s2),Symbol(s1)
delete o.z; o.z = 2;
print(Object.keys(o).join()); // expect: 1,2,a,-1,01,z
var arr = [1, 2]; arr.extra = 3;
print(Object.keys(arr).join()); // expect: 0,1,extra
print(JSON.stringify(Object.entries({ b: 1, a: 2 }))); // expect: [["b",1],["a",2]]
