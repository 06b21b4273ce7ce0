// new.target supplies the prototype; lastIndex is an own data property.
class MyRE extends RegExp {
  exec(s) { this.calls = (this.calls || 0) + 1; return super.exec(s); }
}
var r = new MyRE("o", "g");
print(r instanceof MyRE, r instanceof RegExp); // expect: true true
print("foo".replace(r, "0"), r.calls); // expect: f00 3
var d = Object.getOwnPropertyDescriptor(r, "lastIndex");
print(d.writable, d.enumerable, d.configurable); // expect: true false false
print(RegExp[Symbol.species] === RegExp); // expect: true
