// Object.values reads each value when it gets there: a getter that
// deletes a later key hides it.
var log = "";
var o = {
  get a() { log += "a"; delete this.b; return 1; },
  b: 2,
  c: 3,
};
var v = Object.values(o);
print(v.length, v[0], v[1], log); // expect: 2 1 3 a
