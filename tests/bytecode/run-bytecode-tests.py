#!/usr/bin/env python3
# run-bytecode-tests.py — golden tests of the compiler's output.
#
#   run-bytecode-tests.py GSCRIPT DIR            compare, print TAP
#   run-bytecode-tests.py GSCRIPT DIR --update   rewrite the expected dumps
#
# Every NAME.js in DIR is compiled with `gscript --dump-bytecode`; its
# dump must equal NAME.bc, byte for byte.  A change in code generation
# shows up as a diff to review; when it is intended, --update regenerates
# the .bc files (check them before committing).  A script that fails to
# compile, or a .js without its .bc, fails.

import difflib
import os
import subprocess
import sys


def dump(gscript, path):
    env = dict(os.environ)
    env.pop("GSCRIPT_LOGGING_RULES", None)
    env["LC_ALL"] = "C"
    # Run from the directory so that no path leaks into the dump.
    p = subprocess.run([gscript, "--dump-bytecode", os.path.basename(path)],
                       cwd=os.path.dirname(path), env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode("utf-8", "replace"), \
        p.stderr.decode("utf-8", "replace")


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    update = "--update" in sys.argv[1:]
    if len(args) != 2:
        sys.exit("usage: run-bytecode-tests.py GSCRIPT DIR [--update]")
    gscript, top = os.path.abspath(args[0]), os.path.abspath(args[1])
    scripts = sorted(f for f in os.listdir(top) if f.endswith(".js"))
    print("1..%d" % len(scripts))
    failed = 0
    for i, name in enumerate(scripts, 1):
        path = os.path.join(top, name)
        golden = path[:-3] + ".bc"
        status, out, err = dump(gscript, path)
        problem = None
        if status != 0:
            problem = "gscript exited with %d:\n%s" % (status, err)
        elif update:
            with open(golden, "w") as f:
                f.write(out)
        elif not os.path.exists(golden):
            problem = "no %s (run with --update)" % os.path.basename(golden)
        else:
            with open(golden) as f:
                want = f.read()
            if want != out:
                diff = difflib.unified_diff(
                    want.splitlines(True), out.splitlines(True),
                    os.path.basename(golden), "gscript --dump-bytecode")
                problem = "".join(diff)
        if problem:
            failed += 1
            print("not ok %d - %s" % (i, name))
            for line in problem.splitlines():
                print("# " + line)
        else:
            print("ok %d - %s%s" % (i, name, " (updated)" if update else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
