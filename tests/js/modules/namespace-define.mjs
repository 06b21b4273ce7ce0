// A module namespace's [[DefineOwnProperty]] accepts only what is
// there, and [[HasProperty]] does not read the binding.
import * as ns from './namespace-define.mjs';
print("later" in ns); // expect: true
export var local1 = 1;
export let later = 2;
print(Reflect.defineProperty(ns, "local1", {})); // expect: true
print(Reflect.defineProperty(ns, "local1", { value: 1, writable: true,
  enumerable: true, configurable: false })); // expect: true
print(Reflect.defineProperty(ns, "local1", { value: 2 })); // expect: false
print(Reflect.defineProperty(ns, "local1", { configurable: true })); // expect: false
print(Reflect.defineProperty(ns, "local1", { enumerable: false })); // expect: false
print(Reflect.defineProperty(ns, "nope", {})); // expect: false
print(Reflect.defineProperty(ns, Symbol.toStringTag, {})); // expect: true
Object.defineProperty(ns, "local1", { value: 3 }); // expect runtime error: TypeError
