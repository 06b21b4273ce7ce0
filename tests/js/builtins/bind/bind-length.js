// The bound length comes from the target's own numeric length.
function f(a, b) {}
Object.defineProperty(f, "length", { value: Infinity });
print(f.bind().length, f.bind(null, 1).length); // expect: Infinity Infinity
Object.defineProperty(f, "length", { value: -Infinity });
print(f.bind().length); // expect: 0
Object.defineProperty(f, "length", { value: 3.7 });
print(f.bind(null, 1).length); // expect: 2
Object.defineProperty(f, "length", { value: "5" });
print(f.bind().length); // expect: 0
delete f.length;
print(f.bind().length); // expect: 0
Object.defineProperty(f, "name", { value: 42 });
print(f.bind().name === "bound "); // expect: true
