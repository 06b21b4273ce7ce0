var [a, , b = 1, ...c] = d;
let {e, f: {g}, h = 2, [i]: j, ...k} = l;
[m, n.o, p[0], ...q.r] = s;
({t, u: v = 3, w: [x], ...y} = z);
for ([a, b] of c);
for ({a} in b);
function fn({a, b} = {}, [c] = [], ...[d]) {}
((a, {b}, [c] = [1]) => a);
async ({a}) => a;
try {} catch ({message}) {}
