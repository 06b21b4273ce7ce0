#!/usr/bin/env python3
"""Generate dtoa-tables.h, the power-of-ten table of dtoa.c, and prove the
bounds that dtoa.c relies on.

Run from the source tree:  python3 libscript/gen-dtoa-tables.py
It rewrites libscript/dtoa-tables.h next to itself and fails with an
assertion if any of the checked facts below does not hold.

The table holds, for each e in [POW10_MIN, POW10_MAX], the 128 leading
bits of 10^e, truncated: T(e) = floor(10^e / 2^r) with 2^127 <= T(e) <
2^128, so that r = floor(e * log2(10)) - 127.  The string parser uses
T(e) directly (Eisel-Lemire); the shortest printer uses T(e) + 1, an
upper approximation, and its correctness depends on a property of the
exact products c * 2^q / 10^k that is checked here with exact rational
arithmetic (see check_shortest below).
"""

import math
import os
import sys
from fractions import Fraction

POW10_MIN = -342   # the smallest power the parser can need (19 digits)
POW10_MAX = 324    # the largest 10^-k the printer can need (5e-324)


def floor_log2(x):
    """floor(log2(x)) of a positive Fraction, exactly."""
    n, d = x.numerator, x.denominator
    e = n.bit_length() - d.bit_length()
    # Now 2^(e-1) < n/d < 2^(e+1); settle which side of 2^e it is on.
    if Fraction(2) ** e > x:
        e -= 1
    assert Fraction(2) ** e <= x < Fraction(2) ** (e + 1)
    return e


def floor_log10(x):
    """floor(log10(x)) of a positive Fraction, exactly."""
    k = (floor_log2(x) * 30103) // 100000   # an estimate, then fixed
    while Fraction(10) ** k > x:
        k -= 1
    while Fraction(10) ** (k + 1) <= x:
        k += 1
    return k


def search(f, lo, hi, slope, intercept=Fraction(0)):
    """Find (mul, add, shift) with (i * mul + add) >> shift == f(i) on
    [lo, hi], trying the rounded slope and intercept at growing shifts."""
    want = {i: f(i) for i in range(lo, hi + 1)}
    for shift in range(10, 32):
        m0 = int(slope * 2 ** shift)
        a0 = int((intercept * 2 ** shift).__floor__())
        for mul in (m0, m0 + 1):
            for add in (a0 - 1, a0, a0 + 1):
                if all((i * mul + add) >> shift == v for i, v in want.items()):
                    return mul, add, shift
    raise AssertionError("no multiply-shift found")


def extremes(a, b, n):
    """For alpha = a/b with 0 < a < b coprime, return (lo, hi) where lo is
    the least positive (x*a mod b) and hi the least positive b - (x*a mod
    b) over 1 <= x <= n, both in units of 1/b.

    The records of the fractional part of x*alpha, from below and from
    above, are reached at the convergents and intermediate fractions of
    the continued fraction of alpha, in increasing order of x; the last
    one with x <= n is the minimum on each side.  An exact hit (x*alpha
    an integer) is skipped by taking the fraction before it."""
    terms = []
    num, den = a, b
    while den:
        t = num // den
        terms.append(t)
        num, den = den, num - t * den
    p = [0, 1]
    q = [1, 0]
    for t in terms:
        p.append(t * p[-1] + p[-2])
        q.append(t * q[-1] + q[-2])
    lo, hi = a, b - a   # x = 1
    for i, t in enumerate(terms):
        pa, qa, pb, qb = p[i], q[i], p[i + 1], q[i + 1]
        if qb == 0:
            continue
        if qa + qb > n:
            break
        j = min(t, (n - qa) // qb)
        d = (qa + j * qb) * a - (pa + j * pb) * b
        if d == 0 and j > 1:
            j -= 1
            d = (qa + j * qb) * a - (pa + j * pb) * b
        if d > 0:
            lo = d
        elif d < 0:
            hi = -d
    return lo, hi


def self_test_extremes():
    import random
    from math import gcd
    rnd = random.Random(1)
    for _ in range(3000):
        b = rnd.randint(2, 10 ** rnd.randint(1, 9))
        a = rnd.randint(1, b - 1)
        g = gcd(a, b)
        a, b = a // g, b // g
        if b == 1:
            continue
        n = rnd.randint(1, 3000)
        res = [(x * a) % b for x in range(1, n + 1)]
        nz = [r for r in res if r]
        want = (min(nz), min(b - r for r in nz))
        assert extremes(a, b, n) == want, (a, b, n)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    self_test_extremes()

    log10_2 = search(lambda q: floor_log10(Fraction(2) ** q), -1100, 1100,
                     Fraction(30102999566398, 10 ** 14))
    log10_34 = search(lambda q: floor_log10(Fraction(3, 4) * Fraction(2) ** q),
                      -1100, 1100, Fraction(30102999566398, 10 ** 14),
                      Fraction(-12493873660830, 10 ** 14))
    log2_10 = search(lambda e: floor_log2(Fraction(10) ** e), -400, 400,
                     Fraction(33219280948874, 10 ** 13))

    def fl10p2(q):
        return (q * log10_2[0] + log10_2[1]) >> log10_2[2]

    def fl10p2_34(q):
        return (q * log10_34[0] + log10_34[1]) >> log10_34[2]

    def fl2p10(e):
        return (e * log2_10[0] + log2_10[1]) >> log2_10[2]

    table = []
    for e in range(POW10_MIN, POW10_MAX + 1):
        x = Fraction(10) ** e
        r = fl2p10(e) - 127
        t = int(x / Fraction(2) ** r)   # floor: x is positive
        assert 2 ** 127 <= t < 2 ** 128
        assert t + 1 < 2 ** 128          # so T + 1 never carries out
        # The parser trusts T(e) to be exact for 0 <= e <= 55 (5^55 <
        # 2^128), and only there.
        assert (t * Fraction(2) ** r == x) == (0 <= e <= 55), e
        table.append(t)

    check_shortest(fl10p2, fl10p2_34, fl2p10, table)

    out = os.path.join(here, "dtoa-tables.h")
    with open(out, "w") as f:
        w = f.write
        w("/* dtoa-tables.h — generated by gen-dtoa-tables.py; do not edit.\n")
        w(" *\n")
        w(" * The 128 leading bits of 10^e, truncated, for DTOA_POW10_MIN <= e\n")
        w(" * <= DTOA_POW10_MAX: T(e) = floor(10^e / 2^r), 2^127 <= T(e) < 2^128,\n")
        w(" * r = dtoa_floor_log2_pow10(e) - 127; and the multiply-shift forms of\n")
        w(" * floor(q log10 2), floor(log10(3/4 2^q)) and floor(e log2 10), which\n")
        w(" * the generator checked exactly over [-1100, 1100] and [-400, 400].\n")
        w(" */\n")
        w("#pragma once\n\n#include <stdint.h>\n\n")
        w("#define DTOA_POW10_MIN (%d)\n" % POW10_MIN)
        w("#define DTOA_POW10_MAX %d\n\n" % POW10_MAX)
        for name, (mul, add, shift) in (("log10_pow2", log10_2),
                                        ("log10_34_pow2", log10_34),
                                        ("log2_pow10", log2_10)):
            w("static inline int\ndtoa_floor_%s (int x)\n{\n" % name)
            w("  /* An arithmetic shift: x * %d %s %d may be negative. */\n"
              % (mul, "+" if add >= 0 else "-", abs(add)))
            w("  return (x * %d %s %d) >> %d;\n}\n\n"
              % (mul, "+" if add >= 0 else "-", abs(add), shift))
        w("static const uint64_t dtoa_pow10[%d][2] = {\n" % len(table))
        for e, t in zip(range(POW10_MIN, POW10_MAX + 1), table):
            w("  { 0x%016xu, 0x%016xu }, /* %d */\n"
              % (t >> 64, t & (2 ** 64 - 1), e))
        w("};\n")
    print("wrote", out)


def check_shortest(fl10p2, fl10p2_34, fl2p10, table):
    """dtoa.c computes x = cp * 2^q * 10^-k as the 192-bit product of
    (cp << h) and g = T(-k) + 1, where h = q + floor(-k log2 10) + 1 is
    between 1 and 4.  It takes the top 64 bits as floor(x), and the next
    66 bits (all but the last 62) as 'x is not an integer'.

    Since 0 < g - 10^-k / 2^r <= 1, the product exceeds x by at most err
    = (cp << h) / 2^128 < 2^-68.9 (cp <= 2^55 + 2).  That is exact if,
    whenever x is not an integer, its fractional part is at least 2^-66
    (so the flag sees it, while the error alone stays below 2^-66) and
    at most 1 - err (so the error never carries into the integer part).
    Both are checked here for every binary exponent q.  cp is 4c - 2, 4c
    or 4c + 2 with c < 2^53, so x = y * (2 * 2^q / 10^k) for an integer
    y <= 2^54 + 1; the irregular case c = 2^52 (cp = 4c - 1) is checked
    by direct simulation."""
    n = 2 ** 54 + 1
    worst_lo = worst_hi = Fraction(2 ** 64)
    for q in range(-1074, 972):
        k = fl10p2(q)
        j = q + fl2p10(-k)
        assert 0 <= j <= 3, (q, j)
        h = j + 1
        err = Fraction((2 ** 55 + 2) << h, 2 ** 128)
        alpha = 2 * Fraction(2) ** q / Fraction(10) ** k
        a, b = alpha.numerator % alpha.denominator, alpha.denominator
        if a != 0:
            lo, hi = extremes(a, b, n)
            assert Fraction(lo, b) >= Fraction(1, 2 ** 66), q
            assert Fraction(hi, b) > err, q
            worst_lo = min(worst_lo, Fraction(lo, b))
            worst_hi = min(worst_hi, Fraction(hi, b) / err)
        if q > -1074:
            # The irregular case c = 2^52 takes k from 3/4 2^q.
            k = fl10p2_34(q)
            j = q + fl2p10(-k)
            assert 0 <= j <= 3, (q, j)
            h = j + 1
            alpha = Fraction(2) ** q / Fraction(10) ** k
            g = table[-k - POW10_MIN] + 1
            for cp in (2 ** 54 - 1, 2 ** 54, 2 ** 54 + 2):
                x = cp * alpha
                prod = (cp << h) * g
                assert prod >> 128 == int(x), q
                frac_flag = (prod >> 62) & (2 ** 66 - 1) != 0
                assert frac_flag == (x.denominator != 1), q
    print("smallest nonzero fraction 2^%.2f; smallest distance to 1: %.1f "
          "times the error" % (math.log2(worst_lo), float(worst_hi)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
