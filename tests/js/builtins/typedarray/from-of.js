// %TypedArray%.from and .of.
print(Uint8Array.from([1, 2, 3], function (x) { return x * 2; }).join()); // expect: 2,4,6
print(Int16Array.from({ length: 2, 0: "5" }).join()); // expect: 5,0
print(Float32Array.of(1, 2.5).join(), Float32Array.of().length); // expect: 1,2.5 0
Uint8Array.from.call({}, []); // expect runtime error: TypeError
