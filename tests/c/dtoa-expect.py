#!/usr/bin/env python3
"""Expected values for tests/c/test-dtoa.c, from the spec's definitions in
exact arithmetic: Python integers and Fractions, never float formatting
or parsing (floats appear only as the inputs, and as m * 2**e products
that are exact).

Run from the source tree:  python3 tests/c/dtoa-expect.py
It rewrites the tables between the BEGIN and END markers in
tests/c/test-dtoa.c.
"""

import math
import os
import struct
from fractions import Fraction

CH = "0123456789abcdefghijklmnopqrstuvwxyz"


def bits_of(d):
    return struct.unpack("<Q", struct.pack("<d", d))[0]


def of_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def decompose(d):
    """|d| = m * 2^e exactly."""
    b = bits_of(abs(d))
    be, f = b >> 52, b & ((1 << 52) - 1)
    return (f | (1 << 52), be - 1075) if be else (f, -1074)


def exact(d):
    m, e = decompose(d)
    return Fraction(m) * Fraction(2) ** e


def floor_log10(x):
    """The largest e with 10^e <= x, for a positive Fraction."""
    e = (x.numerator.bit_length() - x.denominator.bit_length()) * 3 // 10 - 2
    while Fraction(10) ** (e + 1) <= x:
        e += 1
    while Fraction(10) ** e > x:
        e -= 1
    return e


def nearest_double(x):
    """The double nearest to the Fraction x >= 0, ties to even."""
    if x == 0:
        return 0.0
    e = x.numerator.bit_length() - x.denominator.bit_length() - 53
    while x / Fraction(2) ** e >= 2 ** 53:
        e += 1
    while x / Fraction(2) ** e < 2 ** 52:
        e -= 1
    e = max(e, -1074)
    y = x / Fraction(2) ** e
    m = y.numerator // y.denominator
    r = y - m
    if r > Fraction(1, 2) or (r == Fraction(1, 2) and m & 1):
        m += 1
    if m == 2 ** 53:
        m, e = m // 2, e + 1
    if e > 971:
        return math.inf
    return m * 2.0 ** e       # exact: m < 2^53 and the product is a double


def shortest(d):
    """Number::toString's digits s and exponent n (|d| = 0.s * 10^n): the
    fewest digits that read back as d, the closest such, even on a tie.
    Only the neighbours of |d| at each length can be closest."""
    v = exact(d)
    e = floor_log10(v)
    for k in range(1, 18):
        found = []
        for n in (e + 1, e + 2):
            scale = Fraction(10) ** (n - k)
            below = math.floor(v / scale)
            for s in (below, below + 1):
                if 10 ** (k - 1) <= s < 10 ** k \
                   and nearest_double(s * scale) == abs(d):
                    found.append((abs(s * scale - v), s % 2, s, n))
        if found:
            _, _, s, n = min(found)
            return str(s), n
    raise AssertionError(d)


def js_tostring(d):
    if d != d:
        return "NaN"
    if d == 0:
        return "0"
    if d < 0:
        return "-" + js_tostring(-d)
    if d == math.inf:
        return "Infinity"
    s, n = shortest(d)
    k = len(s)
    if k <= n <= 21:
        return s + "0" * (n - k)
    if 0 < n <= 21:
        return s[:n] + "." + s[n:]
    if -6 < n <= 0:
        return "0." + "0" * -n + s
    return exponential_form(s, n - 1)


def exponential_form(m, e):
    if len(m) > 1:
        m = m[0] + "." + m[1:]
    return m + "e" + ("+" if e >= 0 else "-") + str(abs(e))


def round_half_up(x):
    """The integer nearest to the Fraction x >= 0, the larger on a tie."""
    return math.floor(x + Fraction(1, 2))


def to_fixed(d, f):
    if d != d:
        return "NaN"
    sign = "-" if d < 0 else ""
    x = exact(d)
    if x >= 10 ** 21:
        return sign + js_tostring(abs(d))
    n = round_half_up(x * 10 ** f)
    m = str(n)
    if f != 0:
        k = len(m)
        if k <= f:
            m = "0" * (f + 1 - k) + m
            k = f + 1
        m = m[:k - f] + "." + m[k - f:]
    return sign + m


def digits_at(x, p):
    """e and the p digits of n, 10^(p-1) <= n < 10^p, with n * 10^(e-p+1)
    as close to x as can be, the larger on a tie."""
    e = floor_log10(x)
    best = None
    for ee in (e, e + 1):
        scale = Fraction(10) ** (ee - p + 1)
        n = round_half_up(x / scale)
        if 10 ** (p - 1) <= n < 10 ** p:
            cand = (abs(n * scale - x), -n * scale, ee, n)
            best = cand if best is None else min(best, cand)
    return best[2], str(best[3])


def to_exponential(d, f):
    """toExponential(f), f None for undefined."""
    if d != d or abs(d) == math.inf:
        return js_tostring(d)
    sign = "-" if d < 0 else ""
    x = exact(d)
    if x == 0:
        m, e = "0" * ((f or 0) + 1), 0
    elif f is None:
        m, n = shortest(d)
        e = n - 1
    else:
        e, m = digits_at(x, f + 1)
    return sign + exponential_form(m, e)


def to_precision(d, p):
    if d != d or abs(d) == math.inf:
        return js_tostring(d)
    sign = "-" if d < 0 else ""
    x = exact(d)
    if x == 0:
        m, e = "0" * p, 0
    else:
        e, m = digits_at(x, p)
        if e < -6 or e >= p:
            return sign + exponential_form(m, e)
    if e == p - 1:
        return sign + m
    if e >= 0:
        return sign + m[:e + 1] + "." + m[e + 1:]
    return sign + "0." + "0" * -(e + 1) + m


def to_radix(d, r):
    """Number::toString(radix) as dtoa.c defines it: V8's
    DoubleToRadixCString in exact arithmetic, with the narrower gap below
    a power of two."""
    if r == 10 or d != d or abs(d) == math.inf:
        return js_tostring(d)
    if d == 0:
        return "0"
    sign = "-" if d < 0 else ""
    v = exact(d)
    m, e2 = decompose(d)
    b = bits_of(abs(d))
    irregular = (b & ((1 << 52) - 1)) == 0 and (b >> 52) > 1
    dhi = Fraction(2) ** (e2 - 1)       # half the gap above
    dlo = dhi / 2 if irregular else dhi  # half the gap below
    ip = math.floor(v)
    f = v - ip
    digits = []
    while f >= dlo:
        f, dlo, dhi = f * r, dlo * r, dhi * r
        digit = math.floor(f)
        f -= digit
        digits.append(digit)
        half = Fraction(1, 2)
        if (f > half or (f == half and digit & 1)) and f + dhi > 1:
            while digits and digits[-1] == r - 1:
                digits.pop()
            if digits:
                digits[-1] += 1
            else:
                ip += 1
            break
    s = to_base(ip, r)
    if digits:
        s += "." + "".join(CH[x] for x in digits)
    return sign + s


def to_base(n, r):
    s = ""
    while True:
        s = CH[n % r] + s
        n //= r
        if n == 0:
            return s


def parse_decimal(s):
    """The double nearest to a decimal in js_strtod's grammar."""
    neg = s.startswith("-")
    mant, _, exp = s.lstrip("+-").lower().partition("e")
    ip, _, fp = mant.partition(".")
    digits = int(ip + fp or "0")
    e10 = int(exp or "0") - len(fp)
    if digits == 0 or e10 < -100000:
        d = 0.0
    elif e10 > 100000:
        d = math.inf
    else:
        d = nearest_double(digits * Fraction(10) ** e10)
    return -d if neg else d


# --------------------------------------------------------------------
# The tables
# --------------------------------------------------------------------

def the_closest_call():
    """The double whose scaled value has the smallest non-zero fraction
    in gen-dtoa-tables.py's proof (2^-65.44, at q = 664)."""
    c = 8887055249355788
    return of_bits(((664 + 1075) << 52) | (c - 2 ** 52))


TOSTRING = [
    0.1, 1 / 3, 5e-324, 1.7976931348623157e308, 2.0 ** 53, 1e21, 1e-7,
    123e-20, -0.0, 0.000001, 100.0, 1e20, 123456789012345680000.0, 1.5e-7,
    0.00000123, 3 * 5e-324, 2.2250738585072014e-308, 2.0 ** -1022 * 1.5,
    4.35, 0.3, 2.0 ** 63, 1e23, 1e22, 2 * 5e-324, -1.5,
    -1.7976931348623157e308, 2.0 ** 1023, 2.0 ** -1074 * (2 ** 52 - 1),
    9.5367431640625e-07, 1e300 * 1.5, 0.1 + 0.2, 1e-6 * 1.5, 1234567.125,
    -1e-7, 5e-7, 1.0, 0.5, 1e15 + 0.3, 2.0 ** 68, 12345678901234567890.0,
    0.000001 * 9.99999, 9007199254740993.0, 5e-324 * 17, 1e-323 * 3,
    299792458.0, 6.02214076e23, 1.602176634e-19, 2.0 ** -44, 1.0 / 7,
    100.0 / 3, the_closest_call(), 1e21 - 2 ** 17, 999999999999999900000.0,
]

FIXED = [
    (1.005, 2), (1.45, 1), (1.55, 1), (0.5, 0), (1.5, 0), (2.5, 0),
    (-2.5, 0), (-1.5, 0), (0.0, 2), (-0.0, 2), (-0.0001, 2), (123.456, 2),
    (0.000001, 7), (1e-10, 5), (1e-10, 20), (1.23e20, 2), (999.995, 2),
    (0.1, 20), (0.1, 100), (5e-324, 100), (1.7976931348623157e308 / 1e288, 3),
    (999999999999999900000.0, 0), (0.045, 2), (10.235, 2), (8.345, 2),
    (-8.345, 2), (1.0, 100), (0.3, 17), (12345.6789, 0), (0.00005, 4),
    (0.000049999, 4), (99.5, 0), (-99.5, 0), (1e-7, 7), (2.0 ** -20, 25),
    (4503599627370497.5, 0), (4503599627370497.5, 1),
]

EXPONENTIAL = [
    (123.456, 2), (123.456, -1), (0.0, 0), (0.0, 3), (-0.0, 2), (1.5, 0),
    (2.5, 0), (1.25, 1), (1.35, 1), (5e-324, 0), (5e-324, 20), (5e-324, -1),
    (1.7976931348623157e308, 5), (1.7976931348623157e308, -1), (1e21, 3),
    (9.995, 2), (9.9999, 2), (0.000123, 1), (1 / 3, 100), (-1 / 3, 10),
    (1e-7, 0), (2.0 ** 60, 20), (6.02214076e23, 4), (-1.602176634e-19, 3),
    (1.0, -1), (1234.5, 3), (1234.5, -1), (0.1, 30), (0.0, -1),
]

PRECISION = [
    (123.456, 2), (123.456, 4), (123.456, 7), (0.0, 1), (0.0, 5), (-0.0, 3),
    (0.000001234, 2), (0.0000001234, 2), (1e21, 3), (1e21, 22), (123.0, 3),
    (123.0, 2), (123.0, 1), (99.99, 3), (99.99, 4), (9.5, 1), (-9.5, 1),
    (0.00001, 1), (1.5, 100), (5e-324, 3), (1.7976931348623157e308, 20),
    (1e-7, 1), (1e-6, 1), (0.1, 21), (2.0 ** 53, 16), (2.0 ** 53, 15),
    (1e15, 16), (123456, 6), (123456, 5), (0.5, 1), (2.5, 1), (3.5, 1),
    (1.45, 2), (1.0 / 7, 100),
]

RADIX = [
    (255.0, 16), (0.5, 2), (-255.0, 36), (math.pi, 7), (math.pi, 2),
    (math.pi, 16), (math.pi, 36), (0.1, 2), (0.1, 3), (0.1, 16), (0.1, 36),
    (1 / 3, 3), (-1 / 3, 3), (2.0 ** -1074, 2), (2.0 ** -1074, 16),
    (2.0 ** -1074, 36), (2.0 ** -1074, 3), (1.7976931348623157e308, 16),
    (1.7976931348623157e308, 36), (1.7976931348623157e308, 7),
    (2.0 ** 53 + 2, 3), (1e21, 36), (0.5, 3), (0.25, 3), (2.0 ** -1022, 3),
    (2.0 ** -1022, 36), (123.456, 8), (123.456, 36), (-0.0, 2), (0.0, 16),
    (1e-7, 36), (1e-7, 5), (35.0, 36), (36.0, 36), (1295.0, 36),
    (4294967295.0, 2), (4294967296.0, 32), (0.999999999999999, 36),
    (0.9999999999999999, 3), (1 - 2.0 ** -53, 2), (1 - 2.0 ** -53, 36),
    (6.02214076e23, 19), (1.602176634e-19, 23), (2.0 ** -20, 10),
]


def exact_decimal(x):
    """The exact decimal expansion of a Fraction with a power-of-two
    denominator, in e-notation."""
    n = 0
    while (x * 10 ** n).denominator != 1:
        n += 1
    s = str((x * 10 ** n).numerator)
    return s[0] + "." + s[1:] + "e" + str(len(s) - 1 - n)


def strtod_strings():
    half_min = exact_decimal(Fraction(1, 2 ** 1075))
    half_max = exact_decimal(Fraction(2 ** 1024 - 2 ** 970))
    return [
        half_min,                                   # a tie: to even, 0
        half_min.replace("e-324", "1e-324"),        # just above: 5e-324
        half_min.replace("25e-324", "24999999999999999999e-324"),
        half_max,                                   # a tie: to Infinity
        half_max.replace("e308", ""),
        half_max.replace("e308", "e307"),
        "9007199254740993", "9007199254740995",
        "9007199254740993.0000000000000000000000000001",
        "9007199254740992.9999999999999999999999999999",
        "0.1", "1e23", "8.98846567431158e307", "4.9406564584124654e-324",
        "2.2250738585072011e-308", "2.2250738585072012e-308",
        "1" + "0" * 1000 + "e-1000", "0." + "0" * 400 + "1e400", "1e-324",
        "3e-324", "2.5e-324", "1e309", "-1e309", "-1e-400", "-0", "-0.0e5",
        "179769313486231580793728971405301e276", "17976931348623157e292",
        "4503599627370496.5", "4503599627370497.5",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
        "123456789012345678901234567890e-40", "7.2057594037927933e16",
        "5e-1", ".5", "5.",
        "000000000000000000000000000123.000000000000000000000000000e-2",
        "1e0000000000000000000000000000000000000001",
        "1e-99999999999999999999", "1e99999999999999999999",
        "0e99999999999999999999", "1" * 800 + "e-700", "9" * 900,
        "0." + "9" * 900,
    ]


def radix_parse_cases():
    vals = [2 ** 53 + 1, 2 ** 53 + 3, (2 ** 53 + 1) * 2 ** 100,
            (2 ** 53 + 1) * 2 ** 100 + 1, (2 ** 53 + 1) * 2 ** 100 - 1,
            2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 970 - 1, 2 ** 1024,
            2 ** 64 + 2 ** 11, 2 ** 64 + 2 ** 11 + 1, 3 ** 700, 7 ** 300 + 1,
            255, 0, 35]
    out = []
    for r in (2, 3, 7, 10, 16, 36):
        for v in vals:
            s = to_base(v, r)
            if r in (16, 36) and v in (35, 255):
                s = s.upper()
            out.append((s, r, nearest_double(Fraction(v))))
    return out


# --------------------------------------------------------------------
# C output, wrapped at 80 columns
# --------------------------------------------------------------------

def c_string(s, indent):
    """A C string literal, split into pieces that fit after indent."""
    width = 76 - indent
    pieces = [s[i:i + width] for i in range(0, len(s), width)] or [""]
    return ("\n" + " " * indent).join('"%s"' % p for p in pieces)


def c_row(fields):
    """{ a, b, "long string" }, on one line if it fits."""
    line = "  { " + ", ".join(fields) + " },"
    if len(line) <= 80 and "\n" not in line:
        return line
    return "  {\n    " + ",\n    ".join(fields) + "\n  },"


def hexbits(d):
    return "UINT64_C (0x%016x)" % bits_of(d)


def tables():
    out = []
    out.append("static const ToStringCase tostring_table[] = {")
    for d in TOSTRING:
        out.append(c_row([hexbits(d), c_string(js_tostring(d), 4)]))
    out.append("};\n")
    for name, cases, fn in (
            ("fixed_table", FIXED, to_fixed),
            ("exponential_table", EXPONENTIAL,
             lambda d, f: to_exponential(d, None if f < 0 else f)),
            ("precision_table", PRECISION, to_precision),
            ("radix_table", RADIX, to_radix)):
        out.append("static const FormatCase %s[] = {" % name)
        for d, a in cases:
            out.append(c_row([hexbits(d), str(a), c_string(fn(d, a), 4)]))
        out.append("};\n")
    out.append("static const ParseCase strtod_table[] = {")
    for s in strtod_strings():
        out.append(c_row([c_string(s, 4), "10", hexbits(parse_decimal(s))]))
    out.append("};\n")
    out.append("static const ParseCase radix_parse_table[] = {")
    for s, r, d in radix_parse_cases():
        out.append(c_row([c_string(s, 4), str(r), hexbits(d)]))
    out.append("};")
    return "\n".join(out)


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        "test-dtoa.c")
    text = open(path).read()
    begin = "/* BEGIN dtoa-expect.py */\n"
    end = "/* END dtoa-expect.py */"
    a = text.index(begin) + len(begin)
    b = text.index(end)
    open(path, "w").write(text[:a] + tables() + "\n" + text[b:])


if __name__ == "__main__":
    main()
