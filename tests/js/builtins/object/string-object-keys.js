// A String object's own keys: its characters' indices, its other index
// keys, "length", then the rest; no indices among its symbols.
var s = new String("012");
s[5] = "five";
s.x = 2;
s[Symbol.iterator] = 3;
print(Object.getOwnPropertyNames(s).join()); // expect: 0,1,2,5,length,x
print(Object.keys(s).join()); // expect: 0,1,2,5,x
print(Object.getOwnPropertySymbols(s).length, Reflect.ownKeys(s).length); // expect: 1 7
