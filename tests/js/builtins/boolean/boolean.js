// Boolean: conversion, wrappers, and the prototype's methods.
print(Boolean(""), Boolean("0"), Boolean(0), Boolean(NaN), Boolean({}), Boolean()); // expect: false true false false true false
var b = new Boolean(false);
print(typeof b, b ? "truthy" : "falsy", b.valueOf(), b.toString()); // expect: object truthy false false
print(true.toString(), false.valueOf(), Boolean.prototype.valueOf()); // expect: true false false
print(Object.prototype.toString.call(Boolean.prototype)); // expect: [object Boolean]
class B extends Boolean {}
var x = new B(1);
print(x.valueOf(), x instanceof B, x instanceof Boolean); // expect: true true true
print(Boolean.length, Boolean.prototype.constructor === Boolean); // expect: 1 true
Boolean.prototype.toString.call(1); // expect runtime error: TypeError
