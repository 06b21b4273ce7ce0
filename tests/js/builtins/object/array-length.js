// Defining an array's length: ToUint32 and ToNumber must agree, and
// deletion stops at a non-configurable element.
var a = [1, 2, 3, 4];
Object.defineProperty(a, "length", { value: 2 });
print(a.length, a[2]); // expect: 2 undefined
var b = [1, 2, 3];
Object.defineProperty(b, "1", { value: 2, configurable: false });
try { Object.defineProperty(b, "length", { value: 0 }); } catch (e) { print(e.name, b.length); } // expect: TypeError 2
Object.defineProperty(b, "length", { writable: false });
try { Object.defineProperty(b, "5", { value: 1 }); } catch (e) { print(e.name, b.length); } // expect: TypeError 2
print(Reflect.defineProperty(b, "length", { value: 2 })); // expect: true
var calls = 0;
var c = [];
Object.defineProperty(c, "length", { value: { valueOf: function () { calls++; return 3; } } });
print(c.length, calls); // expect: 3 2
Object.defineProperty([], "length", { value: -1 }); // expect runtime error: RangeError: Invalid array length
