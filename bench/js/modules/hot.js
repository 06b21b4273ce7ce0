// The module of bench/js/module-code.js: the same code as that file's
// script half, run by the importer.
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
