#!/usr/bin/env python3
"""Runs gscript's expected-output tests.

Each test is a .js file whose expectations sit in comments:

    print(1 + 1);        // expect: 2
    null.f();            // expect runtime error: TypeError: Cannot read
    var 1x;              // expect error: SyntaxError

"expect:" lines give stdout, in order.  "expect runtime error:" says the
script ends with an uncaught exception whose first printed line starts
with the text after the colon (exit status 1).  "expect error:" says the
script does not compile: the error line names file:line:column and the
text.  Files ending in .mjs run as modules; *_FIXTURE.mjs files, and
every file under a directory named fixtures, are only loaded by other
tests.  A "// flags: --test262" comment adds those
command-line flags (the $262 host object, for tests that detach buffers).

usage: run-js-tests.py GSCRIPT DIR...   (prints TAP)
"""
import os
import re
import subprocess
import sys

EXPECT = re.compile(r"//\s*expect:\s?(.*)$")
RUNTIME = re.compile(r"//\s*expect runtime error:\s*(.*)$")
COMPILE = re.compile(r"//\s*expect error:\s*(.*)$")
FLAGS = re.compile(r"//\s*flags:\s*(.*)$")


def check(gscript, path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    want_out, want_runtime, want_compile = [], None, None
    flags = []
    for n, line in enumerate(lines, 1):
        m = FLAGS.search(line)
        if m:
            flags += m.group(1).split()
        m = EXPECT.search(line)
        if m:
            want_out.append(m.group(1))
        m = RUNTIME.search(line)
        if m:
            want_runtime = (n, m.group(1).strip())
        m = COMPILE.search(line)
        if m:
            want_compile = (n, m.group(1).strip())
    args = [gscript] + flags + [path]
    env = None
    # A test that builds very large structures may ask for a gentler
    # stress run ("// gc-stress-every: N"): a collection every N
    # allocations instead of every one keeps it linear.
    m = re.search(r"//\s*gc-stress-every:\s*(\d+)", "\n".join(lines))
    if m and os.environ.get("GSCRIPT_GC_STRESS"):
        env = dict(os.environ, GSCRIPT_GC_STRESS=m.group(1))
    try:
        p = subprocess.run(args, capture_output=True, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        return "timed out"
    out = p.stdout.decode("utf-8", "replace").split("\n")
    if out and out[-1] == "":
        out.pop()
    err = p.stderr.decode("utf-8", "replace")
    if want_compile:
        n, text = want_compile
        if p.returncode == 0:
            return "expected a compile error, exit status was 0"
        where = "%s:%d:" % (path, n)
        if where not in err or text not in err:
            return "expected %r at %s, stderr was:\n%s" % (text, where, err)
        return None
    if want_runtime:
        n, text = want_runtime
        if p.returncode != 1:
            return "expected exit status 1, got %d; stderr:\n%s" % (
                p.returncode, err)
        if text not in err:
            return "expected %r on stderr, got:\n%s" % (text, err)
    elif p.returncode != 0:
        return "exit status %d; stderr:\n%s" % (p.returncode, err)
    if out != want_out:
        diff = []
        for i in range(max(len(out), len(want_out))):
            a = want_out[i] if i < len(want_out) else "<nothing>"
            b = out[i] if i < len(out) else "<nothing>"
            if a != b:
                diff.append("line %d: expected %r, got %r" % (i + 1, a, b))
        return "\n".join(diff[:10])
    return None


def main():
    gscript = sys.argv[1]
    files = []
    for d in sys.argv[2:]:
        for root, dirs, names in os.walk(d):
            # fixtures/ holds files the tests load (modules): not tests.
            dirs[:] = [x for x in dirs if x != "fixtures"]
            files += [os.path.join(root, n) for n in names
                      if (n.endswith(".js") or n.endswith(".mjs"))
                      and not n.endswith("_FIXTURE.mjs")]
    files.sort()
    print("1..%d" % len(files))
    failed = 0
    for i, path in enumerate(files, 1):
        why = check(gscript, path)
        if why is None:
            print("ok %d %s" % (i, path))
        else:
            failed += 1
            print("not ok %d %s" % (i, path))
            for line in why.split("\n"):
                print("# " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
