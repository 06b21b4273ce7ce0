// regexp-bench.js — the matcher on a few typical patterns.  Runs one case
// (CASE, set by the caller or the first line) over a generated text about
// 1 MB long; the caller times the process.  Works in any engine with a
// print function.
var CASE = typeof CASE !== "undefined" ? CASE : "all";
var words = ["alpha", "beta", "gamma", "delta", "running", "jumping", "x1",
             "4242", "foo@bar.com", "Hello", "HELLO", "naïve", "été",
             "road,", "map;", "the", "end."];
var text = "";
var seed = 7;
while (text.length < 1000000) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  text += words[(seed >>> 8) % words.length] + ((seed & 7) ? " " : "\n");
}
var cases = {
  digits: function () { return text.match(/\d+/g).length; },
  word_suffix: function () { return text.match(/[a-z]+ing\b/g).length; },
  email: function () { return text.match(/(\w+)@(\w+)\.com/g).length; },
  ignore_case: function () { return text.match(/hello/gi).length; },
  replace: function () { return text.replace(/a/g, "A").length; },
  replace_fn: function () { return text.replace(/\d+/g, function (m) { return m.length; }).length; },
  split: function () { return text.split(/[,;]\s*/).length; },
  lines: function () { return text.split(/\n/).length; },
  test_loop: function () { var n = 0, r = /^[a-z]+$/; for (var i = 0; i < 200000; i++) if (r.test(words[i % words.length])) n++; return n; },
  literal_loop: function () { var n = 0; for (var i = 0; i < 200000; i++) if (/ing$/.test(words[i % words.length])) n++; return n; },
  backtrack: function () { var n = 0, r = /(a|b|ab)*c/; var s = "ab".repeat(12); for (var i = 0; i < 20; i++) n += r.test(s) ? 1 : 0; return n; },
  dot_star: function () { return text.match(/^.*end\.$/gm).length; },
  unicode_prop: function () { return text.match(/\p{L}+/gu).length; },
  lookbehind: function () { return text.match(/(?<=the )\w+/g).length; },
  exec_loop: function () { var r = /(\w+) (\w+)/g, n = 0, m; while ((m = r.exec(text))) n += m[2].length; return n; },
};
var base = text;
var REPEAT = typeof REPEAT !== "undefined" ? REPEAT : 5;
for (var k in cases)
  if (CASE === "all" || CASE === k)
    for (var r = 0; r < REPEAT; r++) {
      /* A new string each time: engines may cache results by input. */
      text = base + r;
      var v = cases[k]();
      if (r == REPEAT - 1)
        print(k, v);
    }
