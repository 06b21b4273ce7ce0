// A bound function constructs its target, ignoring the bound this.
function P(x, y) { this.x = x; this.y = y; }
P.prototype.sum = function () { return this.x + this.y; };
var B = P.bind({ ignored: true }, 10);
var p = new B(5);
print(p.sum(), p instanceof P, p instanceof B, "ignored" in p); // expect: 15 true true false
class K { constructor(a) { this.a = a; this.nt = new.target === K; } }
var BK = K.bind(null, 7);
var k = new BK();
print(k.a, k.nt); // expect: 7 true
var arrowBound = (() => 1).bind(null);
print(arrowBound()); // expect: 1
new arrowBound(); // expect runtime error: TypeError
