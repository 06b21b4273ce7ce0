#!/usr/bin/env python3
# test-ic-stats.py — the gscript.ic.stats summary: its shape, its sums, and
# the states it gives sites whose receivers are known.
#
# Usage: test-ic-stats.py GSCRIPT.  Prints TAP.

import os
import re
import subprocess
import sys
import tempfile

GSCRIPT = os.path.abspath(sys.argv[1])

# Line 3 reads x from three shapes (polymorphic), line 8 reads k from six
# (megamorphic: more than the four a cache keeps), line 11 reads m from
# one (monomorphic); line 14 adds v to an object, then sets it (two
# shapes: a transition, then a store in place); line 15 adds a to every
# new P (one transition).
SCRIPT = """\
// Sites whose receivers have known shapes.
var objs = [{ x: 1 }, { y: 2, x: 2 }, { z: 3, x: 3 }];
function getX(o) { return o.x; }
for (var i = 0; i < 300; i++) getX(objs[i % 3]);
var many = [{ k: 1 }, { a: 1, k: 1 }, { b: 1, k: 1 }, { c: 1, k: 1 },
            { d: 1, k: 1 }, { e: 1, k: 1 }];
for (var j = 0; j < 600; j++)
  many[j % 6].k;
var one = { m: 1 };
function mono(o) { return o.m; }
for (var n = 0; n < 1000; n++) mono(one);
var target = {};
for (var s = 0; s < 50; s++)
  target.v = s;
function P(a) { this.a = a; }
for (var t = 0; t < 100; t++) new P(t);
print("done");
"""

KINDS = ("get", "set", "call", "global")
ROW = re.compile(r"^gscript\.ic\.stats: (\w+) +(\d+) +(\d+) +([\d.]+)% +"
                 r"([\d.]+)%  (\d+) (\d+) (\d+) (\d+)$")
SITE = re.compile(r"^gscript\.ic\.stats:   (\S+):(\d+):(\d+) (\w+) "
                  r"(uninitialised|monomorphic|polymorphic|megamorphic) "
                  r"\((\d+) entr(?:y|ies)\) lookups (\d+) misses (\d+) "
                  r"hit ([\d.]+)%$")

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def run(path, rules):
    env = dict(os.environ)
    env.pop("GSCRIPT_LOGGING_RULES", None)
    env["LC_ALL"] = "C"
    if rules is not None:
        env["GSCRIPT_LOGGING_RULES"] = rules
    return subprocess.run([GSCRIPT, path], env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)


# gc() prints the summary so far; the runtime's end prints the whole.
GC_SCRIPT = """\
function f(o) { return o.x; }
for (var i = 0; i < 10; i++) f({ x: i });
gc();
for (var i = 0; i < 90; i++) f({ x: i });
"""


def check_gc_summary(tmp):
    path = os.path.join(tmp, "gc.js")
    with open(path, "w") as f:
        f.write(GC_SCRIPT)
    proc = run(path, "gscript.ic.stats=true")
    lines = proc.stderr.decode("utf-8", "replace").splitlines()
    heads = [i for i, l in enumerate(lines) if l.endswith("inline caches "
                                                          "==========")]
    gets = [int(m.group(2)) for m in map(ROW.match, lines)
            if m and m.group(1) == "get"]
    check("gc() prints a summary, and the end another",
          proc.returncode == 0 and len(heads) == 2 and len(gets) == 2, lines)
    check("the first summary counts the gets so far, the last all of them",
          gets == [10, 100], gets)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        check_gc_summary(tmp)
        path = os.path.join(tmp, "sites.js")
        with open(path, "w") as f:
            f.write(SCRIPT)
        quiet = run(path, None)
        check("off by default: nothing on stderr",
              quiet.returncode == 0 and quiet.stdout == b"done\n"
              and quiet.stderr == b"", repr(quiet))
        off = run(path, "gscript.ic.stats=false;gscript.gc.*=false")
        check("switched off: nothing on stderr", off.stderr == b"",
              repr(off.stderr))
        proc = run(path, "gscript.ic.stats=true")
    err = proc.stderr.decode("utf-8", "replace")
    lines = err.splitlines()
    check("the script still runs", proc.returncode == 0
          and proc.stdout == b"done\n", repr(proc))
    check("a header opens the summary",
          lines[:1] == ["gscript.ic.stats: ========== inline caches "
                        "=========="], err)

    rows = {}
    for line in lines:
        m = ROW.match(line)
        if m:
            rows[m.group(1)] = [float(x) if "." in x else int(x)
                                for x in m.groups()[1:]]
    check("one row per kind and a total",
          sorted(rows) == sorted(KINDS + ("total",)), err)
    if sorted(rows) != sorted(KINDS + ("total",)):
        return
    for kind in KINDS + ("total",):
        lookups, hits, rate, mono, *states = rows[kind]
        check("%s: hits <= lookups" % kind, hits <= lookups, rows[kind])
        expect = 100.0 * hits / lookups if lookups else 0.0
        check("%s: the hit rate is hits / lookups" % kind,
              abs(rate - expect) < 0.01, rows[kind])
        check("%s: monomorphic share within 0..100" % kind,
              0 <= mono <= 100, rows[kind])
    total = rows["total"]
    check("the total sums the kinds",
          all(total[i] == sum(rows[k][i] for k in KINDS)
              for i in (0, 1, 4, 5, 6, 7)), rows)
    check("gets: 3 + 1 + ... sites, one polymorphic and one megamorphic",
          rows["get"][6] == 1 and rows["get"][7] == 1
          and rows["get"][5] >= 1, rows["get"])
    check("gets counted: every execution",
          rows["get"][0] >= 300 + 600 + 1000, rows["get"])
    check("set sites: one monomorphic, one polymorphic",
          rows["set"][5] == 1 and rows["set"][6] == 1
          and rows["set"][0] == 150 and rows["set"][1] == 147, rows["set"])
    check("calls: getX and mono are monomorphic",
          rows["call"][5] >= 2 and rows["call"][6] == 0, rows["call"])

    sites = {}
    for line in lines:
        m = SITE.match(line)
        if m:
            sites.setdefault((int(m.group(2)), m.group(4)), m.groups())
    check("worst sites are listed",
          "gscript.ic.stats: worst sites (most misses):" in lines, err)
    poly = sites.get((3, "get"))
    check("line 3 (three shapes) is polymorphic with 3 entries",
          poly is not None and poly[4] == "polymorphic" and poly[5] == "3"
          and poly[0].endswith("sites.js"), poly)
    mega = sites.get((8, "get"))
    # Megamorphic sites share the runtime's stub cache: after the misses
    # that made it megamorphic, each shape misses once more, then hits.
    check("line 8 (six shapes) is megamorphic, and its shapes hit the "
          "shared cache", mega is not None and mega[4] == "megamorphic"
          and mega[5] == "0" and 5 <= int(mega[7]) <= 12, mega)
    worst = [m for m in map(SITE.match, lines) if m]
    check("the megamorphic site is the worst", worst and
          (int(worst[0].group(2)), worst[0].group(4)) == (8, "get"),
          worst[:1])
    add = sites.get((14, "set"))
    check("line 14 (add, then store) is polymorphic with 2 entries",
          add is not None and add[4] == "polymorphic" and add[5] == "2"
          and add[7] == "2", add)
    ctor = sites.get((15, "set"))
    check("line 15 (a constructor's store) is monomorphic if listed",
          ctor is None or (ctor[4] == "monomorphic" and ctor[7] == "1"),
          ctor)
    mono_site = sites.get((10, "get"))
    check("line 10 (one shape) is monomorphic if listed",
          mono_site is None or mono_site[4] == "monomorphic", mono_site)


main()
print("1..%d" % len(results))
for i, (name, ok, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    if not ok:
        for line in str(detail).splitlines():
            print("# " + line)
