// Code in a module of GJS's legacy importer (imports.foo) against the
// same code as a global script: a loop calling a global's method and a
// function of its own top level; then reads of the module's names from
// outside.  Milliseconds, best of five.
const here = imports.system.programPath.replace(/[^/]*$/, '');
imports.searchPath.unshift(`${here}modules`);

var total = 0;
function helper(i) {
    return i & 1;
}
function work(n) {
    let s = 0;
    for (let i = 0; i < n; i++)
        s += Math.sqrt(i) + helper(i);
    total += s;
    return s;
}

function best(fn) {
    let b = Infinity;
    for (let r = 0; r < 5; r++) {
        const t0 = Date.now();
        fn();
        b = Math.min(b, Date.now() - t0);
    }
    return b;
}

const N = 3e6;
const Hot = imports.hot;
if (Hot.work(1000) !== work(1000))
    throw new Error('the module and the script disagree');
print('script loop      ', best(() => work(N)), 'ms');
print('module loop      ', best(() => Hot.work(N)), 'ms');
print('outside calls    ', best(() => {
    let s = 0;
    for (let i = 0; i < N; i++)
        s += Hot.helper(i);
}), 'ms');
print('outside reads    ', best(() => {
    let s = 0;
    for (let i = 0; i < N; i++)
        s += Hot.total;
}), 'ms');
