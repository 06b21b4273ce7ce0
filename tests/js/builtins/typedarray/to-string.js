// toString is Array.prototype.toString; toLocaleString joins with commas.
var p = Object.getPrototypeOf(Int8Array.prototype);
print(p.toString === Array.prototype.toString); // expect: true
print(String(new Int8Array([1, -2])), new Float64Array([0.5, 1]).toLocaleString()); // expect: 1,-2 0.5,1
