#!/usr/bin/env python3
"""Runs the test262 conformance list on gscript and checks the result
against the checked-in known failures.

The suite (test262.tar.xz, run.py, conformance.txt) comes from the shared
conformance directory: $GSCRIPT_TEST262_DIR, else ../shared/test262 next
to the source tree, else /work/shared/test262.  It is unpacked once into
the build directory.

Fails when a test fails that is not in known-failures.txt, and when any
test crashes the engine or times out (those may never be known
failures).  Tests in known-failures.txt that now pass are listed: remove
them (the list may only shrink).

usage: check.py GSCRIPT SOURCE_DIR BUILD_DIR [--list LIST] [--update]
"""
import json
import os
import subprocess
import sys
import tarfile


def find_suite(source_dir):
    candidates = [os.environ.get("GSCRIPT_TEST262_DIR"),
                  os.path.join(source_dir, "..", "shared", "test262"),
                  "/work/shared/test262"]
    for c in candidates:
        if c and os.path.exists(os.path.join(c, "run.py")):
            return os.path.abspath(c)
    return None


def main():
    args = sys.argv[1:]
    update = "--update" in args
    if update:
        args.remove("--update")
    lst = None
    if "--list" in args:
        i = args.index("--list")
        lst = args[i + 1]
        del args[i:i + 2]
    gscript, source_dir, build_dir = args
    suite = find_suite(source_dir)
    if not suite:
        print("1..0 # SKIP no test262 suite found (set GSCRIPT_TEST262_DIR)")
        return 77
    tree = os.path.join(build_dir, "test262")
    if not os.path.exists(os.path.join(tree, "harness", "assert.js")):
        os.makedirs(tree, exist_ok=True)
        with tarfile.open(os.path.join(suite, "test262.tar.xz")) as t:
            t.extractall(tree)
    lst = lst or os.path.join(suite, "conformance.txt")
    out = os.path.join(build_dir, os.environ.get("TEST262_RESULTS",
                                                  "test262-results.json"))
    cmd = [sys.executable, os.path.join(suite, "run.py"),
           "--engine", "%s --test262" % os.path.abspath(gscript),
           "--module-flag=--module", "--test262", tree, "--list", lst,
           "-j", os.environ.get("TEST262_JOBS", "2"), "--json", out, "-q"]
    subprocess.run(cmd, stdout=sys.stderr)
    results = json.load(open(out))["tests"]
    # A timeout on a busy machine is not a hang: run those tests again,
    # one at a time, with a longer limit, and keep the second verdict.
    slow = [p for p, t in results.items() if t["status"] != "pass"
            and any("timeout" in r.get("reason", "") for r in t["runs"])]
    if slow:
        retry_list = out + ".retry.txt"
        with open(retry_list, "w") as f:
            f.write("\n".join(slow) + "\n")
        retry_out = out + ".retry.json"
        i = cmd.index("--list")
        rcmd = cmd[:i] + ["--list", retry_list] + cmd[i + 2:]
        j = rcmd.index("--json")
        rcmd[j + 1] = retry_out
        rcmd[rcmd.index("-j") + 1] = "1"
        rcmd += ["--timeout", "60"]
        subprocess.run(rcmd, stdout=sys.stderr)
        results.update(json.load(open(retry_out))["tests"])
    known_path = os.path.join(source_dir, "tests", "test262",
                              "known-failures.txt")
    known = set()
    if os.path.exists(known_path):
        known = {l.strip() for l in open(known_path)
                 if l.strip() and not l.startswith("#")}
    failing = sorted(p for p, t in results.items() if t["status"] != "pass")
    if update:
        with open(known_path, "w") as f:
            f.write("# test262 tests gscript fails today; this list may "
                    "only shrink.\n")
            for p in failing:
                f.write(p + "\n")
    bad = []
    for p in failing:
        runs = [r for r in results[p]["runs"] if not r.get("ok")]
        reason = runs[0].get("reason", "") if runs else results[p]["status"]
        if "timeout" in reason or "signal" in reason or "crash" in reason:
            bad.append((p, reason))
        elif p not in known:
            bad.append((p, "new failure: " + reason))
    fixed = sorted(p for p in known if p in results
                   and results[p]["status"] == "pass")
    passed = sum(1 for t in results.values() if t["status"] == "pass")
    print("1..1")
    print("# %d of %d passed (%.1f%%)" % (passed, len(results),
                                          100.0 * passed / max(1, len(results))))
    for p in fixed:
        print("# now passing (remove from known-failures.txt): " + p)
    for p, why in bad:
        print("# %s: %s" % (p, why[:200]))
    print(("not ok" if bad else "ok") + " 1 test262 against known failures")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
