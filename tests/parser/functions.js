function f(a, b = 1, ...c) { return a; }
function s(a) { "use strict"; return this; }
function* g() { yield; yield 1; yield* g(); }
async function h() { await 1; for await (x of y); }
async function* i() { yield await 1; }
var j = function named() {}, k = async () => {}, l = async x => x, m = (x, y) => ({x, y});
({ m() {}, get a() {}, set a(v) {}, async n() {}, *o() {}, async *p() {}, [q]: 1, 'r': 2, 3: 4, get, set, async, __proto__: null });
label: for (;;) { continue label; }
switch (x) { case 1: break; default: }
with (o) p;
if (a) function decl() {}
