// Detaching frees the bytes; slice of a detached buffer is a TypeError.
// flags: --test262
var b = new ArrayBuffer(8);
$262.detachArrayBuffer(b);
print(b.byteLength); // expect: 0
b.slice(0); // expect runtime error: TypeError
