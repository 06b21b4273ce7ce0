// Numeric keys are the elements: valid ones read and write the buffer,
// others read undefined without looking at the prototype.
var t = new Int8Array(2);
Int8Array.prototype[5] = "proto";
Int8Array.prototype["-0"] = "proto";
print(t[5], t["-0"], t["1.5"], t[-1]); // expect: undefined undefined undefined undefined
t[5] = 1; t["1.5"] = 1;
print(Object.keys(t).join(), 5 in t, 1 in t, "1.5" in t); // expect: 0,1 false true false
t.foo = "bar";
print(Object.keys(t).join(), t.foo); // expect: 0,1,foo bar
print(delete t[0], delete t[9]); // expect: false true
print(Object.getOwnPropertyDescriptor(t, "1").writable); // expect: true
Object.defineProperty(t, "0", { value: 42 });
print(t[0]); // expect: 42
try { Object.defineProperty(t, "0", { value: 1, configurable: false }); } catch (e) { print(e.name); } // expect: TypeError
delete Int8Array.prototype[5];
delete Int8Array.prototype["-0"];
