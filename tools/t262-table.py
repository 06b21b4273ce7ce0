#!/usr/bin/env python3
"""Prints the per-directory pass table of a test262 run.

usage: t262-table.py RESULTS.json [PREFIX]

RESULTS.json is what tests/test262/check.py (or run.py --json) writes,
e.g. build/test262-results.json.  Rows are the second level of the
tree (language/statements, built-ins/Array, ...), as a Markdown table,
then one total row per top-level directory.
"""
import collections
import json
import sys


def main():
    results = json.load(open(sys.argv[1]))["tests"]
    prefix = sys.argv[2] if len(sys.argv) > 2 else ""
    rows = collections.defaultdict(lambda: [0, 0])
    tops = collections.defaultdict(lambda: [0, 0])
    for path, t in results.items():
        if not path.startswith(prefix):
            continue
        parts = path.split("/")
        depth = 3 if parts[0] == "language" else 2
        key = "/".join(parts[:min(depth, len(parts) - 1)])
        ok = t["status"] == "pass"
        for table, k in ((rows, key), (tops, parts[0])):
            table[k][0] += ok
            table[k][1] += 1
    print("| directory | passed | total | % |")
    print("|---|---|---|---|")
    for k in sorted(rows):
        p, n = rows[k]
        print("| %s | %d | %d | %.1f |" % (k, p, n, 100.0 * p / n))
    for k in sorted(tops):
        p, n = tops[k]
        print("| **%s** | %d | %d | %.1f |" % (k, p, n, 100.0 * p / n))


if __name__ == "__main__":
    main()
