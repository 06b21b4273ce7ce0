// Optional chaining: each ?. tests for null or undefined and jumps to the
// chain's end with undefined; a call keeps its this.
function f(o) {
  return o?.a.b?.(1) ?? o?.["k"];
}
