try { throw new Error("x"); } catch { debugger; } finally { a, b; }
try {} catch (e) {}
const C = class Named extends Base { static { this.x = 1; } };
switch (v) { case 0: case 1: f(); break; default: g(); }
while (i--) if (i % 2) continue; else break;
do { i++ } while (i < 10);
for (var i = 0, j; i < j; i++, j--);
for (const k in o) ;
for (x.y of z) ;
;
