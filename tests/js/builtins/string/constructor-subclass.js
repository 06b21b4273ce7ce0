// new.target picks the prototype of the wrapper (GetPrototypeFromConstructor).
class MyString extends String {
  shout() { return this.toUpperCase() + "!"; }
}
var s = new MyString("hey");
print(s.shout(), s.length, s instanceof String); // expect: HEY! 3 true
print(s + ""); // expect: hey
