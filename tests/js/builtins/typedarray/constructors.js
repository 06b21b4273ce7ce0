// The eleven constructors, their element sizes and prototype chains.
var names = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
             "Uint16Array", "Int32Array", "Uint32Array", "Float32Array",
             "Float64Array", "BigInt64Array", "BigUint64Array"];
var out = [];
for (var i = 0; i < names.length; i++) {
  var C = globalThis[names[i]];
  out.push(C.BYTES_PER_ELEMENT + ":" + C.prototype.BYTES_PER_ELEMENT + ":" + C.length);
}
print(out.join(" ")); // expect: 1:1:3 1:1:3 1:1:3 2:2:3 2:2:3 4:4:3 4:4:3 4:4:3 8:8:3 8:8:3 8:8:3
var TA = Object.getPrototypeOf(Int8Array);
print(TA.name, TA.length, Object.getPrototypeOf(Int8Array.prototype) === TA.prototype); // expect: TypedArray 0 true
print(new Int16Array(3).length, new Int16Array(3).byteLength, new Int16Array().length); // expect: 3 6 0
Int8Array(2); // expect runtime error: TypeError
