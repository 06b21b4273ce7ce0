a?.b;
a?.[0]?.(1).c;
a?.b.c();
(a?.b).c;
new a.b();
new new A()();
function t() { return new.target; }
