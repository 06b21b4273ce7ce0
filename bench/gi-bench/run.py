#!/usr/bin/env python3
"""Runs gi-bench.js on gscript and on gjs, side by side.

usage: bench/gi-bench/run.py [--gscript PATH] [--c PATH] [--runs N]

Each case runs in a process of its own under a private X server
(tests/gtk/xvfb-run.py), N times (default 3); the table shows the best
time per operation and the peak resident memory of that run (the
process's maximum RSS, from wait4), then the ratios of gscript's time to
gjs's and to C's.  The C column is build/bench/gi-bench-c, the same work
written in C against GTK (built when meson finds GTK).  gjs is skipped if
not installed (apt-get install gjs), C if not built.
"""
import argparse
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
XVFB = os.path.join(ROOT, "tests", "gtk", "xvfb-run.py")
SCRIPT = os.path.join(HERE, "gi-bench.js")
CASES = [("calls", "GLib.get_monotonic_time()", "ns/call"),
         ("props", "label.visible", "ns/read"),
         ("labels", "new Gtk.Label + release", "us/label")]


def measure(engine, case, runs):
    """Best (us, n) and the peak RSS (KiB) of each run's process."""
    best = None
    peak = 0
    for _ in range(runs):
        # Run through a tiny wrapper that reports the child's rusage.
        code = ("import os, resource, subprocess, sys\n"
                "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, "
                "stderr=subprocess.PIPE)\n"
                "out, err = p.communicate()\n"
                "ru = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
                "sys.stdout.write(out.decode())\n"
                "sys.stderr.write(err.decode())\n"
                "print('maxrss', ru.ru_maxrss)\n"
                "sys.exit(p.returncode)\n")
        env = dict(os.environ, GI_BENCH=case)
        p = subprocess.run([sys.executable, "-c", code, engine, SCRIPT],
                           env=env, capture_output=True)
        if p.returncode != 0:
            raise RuntimeError("%s %s failed: %s" % (
                engine, case, p.stderr.decode()[-800:]))
        lines = p.stdout.decode().split("\n")
        result = [l for l in lines if l.startswith(case + " ")][0].split()
        rss = int([l for l in lines if l.startswith("maxrss")][0].split()[1])
        us, n = int(result[2]), int(result[1])
        if best is None or us < best[0]:
            best = (us, n)
            peak = rss
    return best, peak


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gscript",
                    default=os.path.join(ROOT, "build", "cli", "gscript"))
    ap.add_argument("--c", default=os.path.join(ROOT, "build", "bench",
                                                "gi-bench-c"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.inner:
        # Everything under one private X server.
        return subprocess.call([sys.executable, XVFB, sys.executable,
                                os.path.abspath(__file__), "--inner",
                                "--gscript", args.gscript,
                                "--c", args.c,
                                "--runs", str(args.runs)])
    engines = [("gscript", args.gscript)]
    gjs = shutil.which("gjs")
    if gjs:
        engines.append(("gjs", gjs))
    else:
        print("gjs is not installed: apt-get install gjs")
    if os.access(args.c, os.X_OK):
        engines.append(("C", args.c))
    else:
        print("no C baseline at %s (needs GTK at build time)" % args.c)
    names = [name for name, _ in engines]
    header = "%-26s" % "case"
    for name in names:
        header += " %13s %8s" % (name + " time", "peak MiB")
    ratios = [o for o in ("gjs", "C") if o in names]
    for other in ratios:
        header += " %11s" % ("gscript/" + other)
    print(header)
    for case, label, unit in CASES:
        row = "%-26s" % label
        times = {}
        for name, path in engines:
            (us, n), rss = measure(path, case, args.runs)
            per = us * 1000.0 / n if unit.startswith("ns") else us / n
            times[name] = per
            row += " %8.1f %-4s %8.1f" % (per, unit.split("/")[0],
                                          rss / 1024)
        for other in ratios:
            if times[other] > 0:
                row += " %11.3f" % (times["gscript"] / times[other])
            else:
                row += " %11s" % "-"
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
