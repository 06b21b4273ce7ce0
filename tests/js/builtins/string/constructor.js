// String called as a function converts; with new it makes a wrapper.
print(String()); // expect: 
print(String(12.5)); // expect: 12.5
print(String(null), String(undefined), String(true)); // expect: null undefined true
print(String({ toString() { return "obj"; } })); // expect: obj
var w = new String("abc");
print(typeof w, w.length, w[1]); // expect: object 3 b
print(w == "abc", w === "abc"); // expect: true false
print(typeof String("x")); // expect: string
print(String.length, String.name); // expect: 1 String
print(Object.getPrototypeOf(w) === String.prototype); // expect: true
print(String.prototype.constructor === String); // expect: true
