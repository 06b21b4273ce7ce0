// Stores convert as ToInt8, ToUint8Clamp, ToFloat32 and so on.
var i8 = new Int8Array(4);
i8[0] = 127; i8[1] = 128; i8[2] = -129; i8[3] = 1.9;
print(i8.join()); // expect: 127,-128,127,1
var c = new Uint8ClampedArray(5);
c[0] = 300; c[1] = -5; c[2] = 1.5; c[3] = 2.5; c[4] = NaN;
print(c.join()); // expect: 255,0,2,2,0
var u32 = new Uint32Array(2);
u32[0] = -1; u32[1] = 4294967296 + 7;
print(u32.join()); // expect: 4294967295,7
var f32 = new Float32Array(2);
f32[0] = 0.1; f32[1] = 1e40;
print(f32[0], f32[1]); // expect: 0.10000000149011612 Infinity
var f64 = new Float64Array([NaN, -0]);
print(f64[0], 1 / f64[1]); // expect: NaN -Infinity
var u16 = new Uint16Array(["65537", { valueOf: function () { return 3; } }]);
print(u16.join()); // expect: 1,3
