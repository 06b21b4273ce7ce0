#!/usr/bin/env python3
"""Groups the failures of a test262 run (run.py --json) by reason.

usage: tools/t262-reasons.py RESULTS.json [PREFIX] [N]
"""
import collections
import json
import re
import sys

d = json.load(open(sys.argv[1]))
prefix = sys.argv[2] if len(sys.argv) > 2 else ""
n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
c = collections.Counter()
ex = {}
for path, t in d["tests"].items():
    if t["status"] == "pass" or not path.startswith(prefix):
        continue
    reason = t["runs"][0]["reason"] if t["runs"] else t["status"]
    reason = re.sub(r"\d+", "N", reason)[:110]
    c[reason] += 1
    ex.setdefault(reason, path)
for r, k in c.most_common(n):
    print("%5d  %s\n       e.g. %s" % (k, r, ex[r]))
