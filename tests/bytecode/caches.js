// Inline-cache operands: property loads and stores, calls, constructs and
// globals each get their own cache (icN); keyed accesses and arithmetic
// carry one too.
var g = 1;
function P(x) { this.x = x; this.y = x; }
function use(o, k) {
  o.x = o.y + g;
  g = o[k] * 2;
  return new P(o.x).y;
}
