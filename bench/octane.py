#!/usr/bin/env python3
# octane.py — Octane scores of gscript and the other engines installed,
# measured in one run, as a table of medians and ratios.
#
#   bench/octane.py [--gscript build/cli/gscript] [--runs 3]
#                   [--octane DIR] [--engines gscript,node,duk,mujs]
#                   [BENCH...]
#
# Each program (base.js + the benchmark + runner.js, as
# ../shared/bench/run-octane.sh builds it) runs in its own process.  The
# runs are interleaved (run 1 of every engine on every program, then run
# 2, ...) so that a change in the machine's load touches every engine
# alike; the table gives the median score of each (higher is better), the
# geometric mean of the medians, and gscript's ratio to each other
# engine.  The octane directory defaults to $GSCRIPT_OCTANE_DIR, else
# ../shared/bench/octane beside the source tree.

import argparse
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
BENCHES = ["richards", "deltablue", "crypto", "raytrace", "splay",
           "navier-stokes"]

# node has no print(): this runs the program with one.
NODE_SHIM = """\
globalThis.print = (...a) => console.log(...a);
require('vm').runInThisContext(require('fs').readFileSync(process.argv[2],
  'utf8'), { filename: process.argv[2] });
"""


def engines_wanted(names, gscript, tmp):
    """(label, argv prefix) of each engine asked for and installed."""
    found = []
    for name in names:
        if name == "gscript":
            if os.access(gscript, os.X_OK):
                found.append(("gscript", [gscript]))
            else:
                sys.exit("octane.py: %s is not built" % gscript)
        elif name == "node":
            node = shutil.which("node")
            if node:
                shim = os.path.join(tmp, "node-print.js")
                with open(shim, "w") as f:
                    f.write(NODE_SHIM)
                found.append(("node --jitless", [node, "--jitless", shim]))
        elif shutil.which(name):
            found.append((name, [shutil.which(name)]))
    return found


def score(argv, program, timeout):
    """The program's score, or None if it failed."""
    try:
        out = subprocess.run(argv + [program], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    text = out.stdout.decode("utf-8", "replace")
    if any(line.startswith("ERROR ") for line in text.splitlines()):
        return None
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] == "RESULT":
            try:
                return float(parts[2])
            except ValueError:
                return None
    return None


def geomean(values):
    values = [v for v in values if v]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt(v):
    return "fails" if v is None else "{:,.0f}".format(v)


def main():
    ap = argparse.ArgumentParser(
        description="Octane scores of gscript and other engines, medians "
        "and ratios.")
    ap.add_argument("--gscript", default=os.path.join(TOP, "build", "cli",
                                                      "gscript"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--octane", default=os.environ.get(
        "GSCRIPT_OCTANE_DIR",
        os.path.join(TOP, "..", "shared", "bench", "octane")))
    ap.add_argument("--engines", default="gscript,node,duk,mujs")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("benches", nargs="*", default=BENCHES)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        programs = {}
        for b in args.benches:
            path = os.path.join(tmp, b + ".js")
            with open(path, "w") as out:
                for part in ("base.js", b + ".js", "runner.js"):
                    with open(os.path.join(args.octane, part)) as f:
                        out.write(f.read())
                        out.write("\n")
            programs[b] = path
        engines = engines_wanted(args.engines.split(","),
                                 os.path.abspath(args.gscript), tmp)
        scores = {(e, b): [] for e, _ in engines for b in args.benches}
        for run in range(args.runs):
            for b in args.benches:
                for label, argv in engines:
                    s = score(argv, programs[b], args.timeout)
                    scores[(label, b)].append(s)
                    print("run %d %-14s %-14s %s" % (run + 1, b, label, fmt(s)),
                          file=sys.stderr, flush=True)

    medians = {}
    for key, values in scores.items():
        ok = [v for v in values if v is not None]
        # A program that failed in any run counts as failing.
        medians[key] = statistics.median(ok) if len(ok) == len(values) \
            else None
    head = ["engine"] + args.benches + ["geomean"]
    rows = []
    for label, _ in engines:
        row = [medians[(label, b)] for b in args.benches]
        rows.append([label] + [fmt(v) for v in row]
                    + [fmt(geomean(row)) if all(row) else "—"])
    print("Medians of %d runs, higher is better:" % args.runs)
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    mine = [medians[("gscript", b)] for b in args.benches] \
        if any(l == "gscript" for l, _ in engines) else None
    if mine:
        print()
        print("gscript's ratio to each engine (above 1: gscript is faster):")
        print()
        print("| " + " | ".join(["vs"] + args.benches + ["geomean"]) + " |")
        print("|" + "---|" * len(head))
        for label, _ in engines:
            if label == "gscript":
                continue
            theirs = [medians[(label, b)] for b in args.benches]
            ratios = [m / t if m and t else None
                      for m, t in zip(mine, theirs)]
            both = [(m, t) for m, t in zip(mine, theirs) if m and t]
            g = geomean([m for m, _ in both])
            gt = geomean([t for _, t in both])
            cells = ["%.2fx" % r if r else "—" for r in ratios]
            cells.append("%.2fx" % (g / gt) if g and gt else "—")
            print("| " + " | ".join([label] + cells) + " |")


if __name__ == "__main__":
    main()
