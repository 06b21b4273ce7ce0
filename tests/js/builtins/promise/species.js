// then makes its result with the species constructor.
var made = 0;
function MyPromise(executor) {
  made++;
  return new Promise(executor);
}
var p = Promise.resolve(1);
p.constructor = {};
p.constructor[Symbol.species] = MyPromise;
p.then(function () {});
print(made); // expect: 1
print(Object.getOwnPropertyDescriptor(Promise, Symbol.species).get.name); // expect: get [Symbol.species]
print(Promise[Symbol.species] === Promise); // expect: true
print(Object.prototype.toString.call(p)); // expect: [object Promise]
