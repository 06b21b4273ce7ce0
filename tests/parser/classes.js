class A extends B {
  #x = 1;
  static #y;
  static z = A.#y;
  'quoted' = 2;
  [computed]() {}
  constructor(...args) { super(...args); this.#x++; }
  get #p() { return this.#x; }
  set #p(v) { this.#x = v; }
  static async *gen() { yield* super.gen(); }
  static { var t = new.target; }
  has(o) { return #x in o; }
  get
  static() {}
  async
  field;
}
