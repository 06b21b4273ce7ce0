// A class with a private field and a private method: the private names
// are made once per class evaluation (CreatePrivateName) and the field
// initializer defines the field on each instance.
class Counter {
  #count = 0;
  #bump() { return ++this.#count; }
  next() { return this.#bump(); }
  static has(o) { return #count in o; }
}
