// ArrayBuffer.isView: typed arrays and DataViews.
var b = new ArrayBuffer(4);
print(ArrayBuffer.isView(new Int8Array(b)), ArrayBuffer.isView(new DataView(b))); // expect: true true
print(ArrayBuffer.isView(b), ArrayBuffer.isView([]), ArrayBuffer.isView()); // expect: false false false
