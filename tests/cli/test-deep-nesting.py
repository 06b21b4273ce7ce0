#!/usr/bin/env python3
# test-deep-nesting.py — source that nests 100,000 deep is an error the
# program reports (a SyntaxError or RangeError, status 1), never a crash.
#
# Usage: test-deep-nesting.py GSCRIPT.  Prints TAP.  The parser bounds
# its recursion; chains it builds in loops (a.a.a..., 1+1+..., f()()...)
# nest as deep as they are long, and the scope resolver and the compiler
# walk them recursively, so they check the C stack too.

import os
import subprocess
import sys
import tempfile

GSCRIPT = os.path.abspath(sys.argv[1])
N = 100000

# (name, prefix, repeated piece, suffix)
CASES = [
    ("parentheses", "", "(", ""),
    ("brackets", "", "[", ""),
    ("braces", "", "{", ""),
    ("unary minus", "", "-", "1"),
    ("assignments", "", "a=", "1"),
    ("conditionals", "", "a?a:", "a"),
    ("template substitutions", "", "`${", ""),
    ("new", "", "new ", "F"),
    ("spread arrays", "", "[...", ""),
    ("arrows", "", "()=>", "1"),
    ("if statements", "", "if(a)", ";"),
    ("member chain", "var a; a", ".a", ""),
    ("plus chain", "1", "+1", ""),
    ("call chain", "f", "()", ""),
    ("index chain", "a", "[0]", ""),
    ("optional chain", "a", "?.b", ""),
    ("logical chain", "a", "||a", ""),
    ("nullish chain", "a", "??a", ""),
    ("tagged template chain", "a", "`x`", ""),
    ("comma in calls", "f(", "f(", ""),
]

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(path, *flags):
    env = dict(os.environ)
    env["LC_ALL"] = "C"
    env.pop("GSCRIPT_LOGGING_RULES", None)
    return subprocess.run([GSCRIPT] + list(flags) + [path], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=120)


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "deep.js")
    for name, prefix, piece, suffix in CASES:
        with open(path, "w") as f:
            f.write(prefix + piece * N + suffix)
        for flags in ((), ("--dump-bytecode",)):
            p = run(path, *flags)
            err = p.stderr.decode("utf-8", "replace")
            first = err.splitlines()[0] if err else ""
            ok = p.returncode == 1 and ("RangeError" in first
                                        or "SyntaxError" in first)
            check("%s %s: an error, not a crash" % (name, " ".join(flags)),
                  ok, "status %d, stderr %r" % (p.returncode, err[:300]))
    # The same through eval and Function: a catchable RangeError.
    with open(path, "w") as f:
        f.write("""
var out = [];
try { eval("1" + "+1".repeat(%d)); out.push("ran"); }
catch (e) { out.push(e.constructor.name); }
try { Function("return a" + ".a".repeat(%d)); out.push("ran"); }
catch (e) { out.push(e.constructor.name); }
out.push(eval("1" + "+1".repeat(2000)));
print(out.join());
""" % (N, N))
    p = run(path)
    check("eval and Function throw RangeError, shallower code still runs",
          p.returncode == 0 and p.stdout == b"RangeError,RangeError,2001\n",
          "status %d, stdout %r, stderr %r" % (p.returncode, p.stdout,
                                              p.stderr[:300]))

print("1..%d" % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok:
        for line in str(detail).splitlines():
            print("# " + line)
