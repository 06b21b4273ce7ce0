/* dtoa.c — number ↔ string conversion, the engine's own.
 *
 * Nothing here calls libc's printf or strtod: they follow the locale,
 * and the results must be exact.  Every output is a function of the
 * double alone; every input is rounded to nearest, ties to even.
 *
 * Shortest output (js_dtoa).  Write the positive double as v = c × 2^q.
 * The decimals that read back as v form its rounding interval, the
 * points halfway to its neighbours (closed when c is even, since ties
 * go to even).  Following Giulietti's Schubfach, pick k so that the
 * interval, scaled by 10^-k, is between 1 and 10 units wide: then it
 * holds at most one multiple of ten, which is the unique shortest
 * answer when present; otherwise every integer in it has the same
 * length and the answer is whichever of floor(v 10^-k) and the next
 * integer is inside and closer (ties to the even digit, as the spec
 * asks).  That needs only the integer parts of v 10^-k and of the two
 * ends, and whether each has a fractional part.  All three come from
 * one 128-bit upper approximation of 10^-k per value;
 * gen-dtoa-tables.py proves with exact rational arithmetic, for every
 * exponent, that the product's top word is the exact integer part and
 * its next 66 bits are non-zero exactly when the value is not an
 * integer.  So the common case is three 64 × 128-bit products and a few
 * comparisons, with no loop and no bignum.
 *
 * Exact digits (toFixed, toExponential, toPrecision, toString(radix))
 * use a small bignum that lives on the stack.  Its capacity is fixed by
 * the largest case, parsing (see below): about 2,700 bits.
 *
 * Input (js_strtod).  The digits are scanned once.  Up to 19
 * significant digits, the value is w × 10^e exactly; it is exact in
 * double arithmetic when w < 2^53 and |e| <= 22 (Clinger), and
 * otherwise Eisel and Lemire's product of w by the truncated 128-bit
 * power of ten decides the rounding unless the product lies too close to
 * a rounding boundary, which it can tell.  Longer inputs and those rare
 * cases compare the decimal exactly, as bignums, with the midpoint
 * between a candidate double and its neighbour, moving the candidate
 * until both midpoints around it are on the right sides (Clinger's
 * AlgorithmR).  A midpoint between doubles has at most 767 significant
 * digits, so digits past the 800th only tell whether there is anything
 * after them: they are replaced by a single 1 when any is non-zero.
 */
#include "config.h"

#include "dtoa.h"

#include "dtoa-tables.h"

#include <float.h>
#include <glib.h>
#include <stdint.h>
#include <string.h>

#define SIGN_BIT     ((uint64_t) 1 << 63)
#define EXP_MASK     ((uint64_t) 0x7ff << 52)
#define FRAC_MASK    (((uint64_t) 1 << 52) - 1)
#define HIDDEN_BIT   ((uint64_t) 1 << 52)
#define INF_BITS     EXP_MASK

static inline uint64_t
double_bits (double d)
{
  uint64_t u;

  memcpy (&u, &d, sizeof u);
  return u;
}

static inline double
bits_double (uint64_t u)
{
  double d;

  memcpy (&d, &u, sizeof d);
  return d;
}

/* Splits the positive finite double of the given bits into v = m × 2^e2,
 * m < 2^53. */
static inline void
decompose (uint64_t bits, uint64_t *m, int *e2)
{
  int be = (int) (bits >> 52);

  if (be != 0)
    {
      *m = (bits & FRAC_MASK) | HIDDEN_BIT;
      *e2 = be - 1075;
    }
  else
    {
      *m = bits;
      *e2 = -1074;
    }
}

static inline int
clz64 (uint64_t x)
{
  return __builtin_clzll (x);
}

typedef struct
{
  uint64_t hi, lo;
} U128;

static inline U128
mul_64x64 (uint64_t a, uint64_t b)
{
#ifdef __SIZEOF_INT128__
  unsigned __int128 p = (unsigned __int128) a * b;

  return (U128) { (uint64_t) (p >> 64), (uint64_t) p };
#else
  uint64_t a0 = (uint32_t) a, a1 = a >> 32;
  uint64_t b0 = (uint32_t) b, b1 = b >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  uint64_t mid = (p00 >> 32) + (uint32_t) p01 + (uint32_t) p10;

  return (U128) { p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32),
                  (mid << 32) | (uint32_t) p00 };
#endif
}

/* ------------------------------------------------------------------ */
/* Decimal digits of machine integers                                   */
/* ------------------------------------------------------------------ */

static const char digit_pairs[200] =
  "00010203040506070809" "10111213141516171819"
  "20212223242526272829" "30313233343536373839"
  "40414243444546474849" "50515253545556575859"
  "60616263646566676869" "70717273747576777879"
  "80818283848586878889" "90919293949596979899";

static const uint64_t pow10_u64[20] = {
  1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u,
  100000000u, 1000000000u, 10000000000u, 100000000000u,
  1000000000000u, 10000000000000u, 100000000000000u,
  1000000000000000u, 10000000000000000u, 100000000000000000u,
  1000000000000000000u, 10000000000000000000u,
};

/* The number of decimal digits of v, 1 for 0.  A value of bit length L
 * has floor(L log10 2) or one more digits; 1233 / 4096 is log10 2 closely
 * enough for L <= 64. */
static inline int
decimal_length (uint64_t v)
{
  int t = ((64 - clz64 (v | 1)) * 1233) >> 12;

  return t + (v >= pow10_u64[t]) + (v == 0);
}

/* Writes exactly n digits of v to p[0..n). */
static inline void
put_digits (char *p, uint64_t v, int n)
{
  /* Two digits per division; below 2^32 the divisions are cheaper. */
  while (n >= 2 && v >= ((uint64_t) 1 << 32))
    {
      unsigned r = (unsigned) (v % 100);

      v /= 100;
      n -= 2;
      memcpy (p + n, digit_pairs + 2 * r, 2);
    }
  uint32_t v32 = (uint32_t) v;
  while (n >= 2)
    {
      unsigned r = v32 % 100;

      v32 /= 100;
      n -= 2;
      memcpy (p + n, digit_pairs + 2 * r, 2);
    }
  if (n == 1)
    p[0] = (char) ('0' + v32);
}

/* Writes a small non-negative integer (an exponent); returns the end. */
static char *
put_int (char *p, int v)
{
  int n = decimal_length ((uint64_t) v);

  put_digits (p, (uint64_t) v, n);
  return p + n;
}

static size_t
put_string (char *buf, const char *s)
{
  size_t n = strlen (s);

  memcpy (buf, s, n + 1);
  return n;
}

/* NaN and the infinities, as Number::toString spells them. */
static size_t
put_special (char *buf, uint64_t bits)
{
  if (bits & FRAC_MASK)
    return put_string (buf, "NaN");
  return put_string (buf, bits & SIGN_BIT ? "-Infinity" : "Infinity");
}

/* ------------------------------------------------------------------ */
/* Shortest digits (Schubfach)                                          */
/* ------------------------------------------------------------------ */

/* Round to odd of cp × 10^-k × 2^q, where g is the table's upper
 * approximation of 10^-k and h shifts cp to the table's scale.  The
 * result is floor(x) with its low bit set when x is not an integer,
 * which keeps every comparison with an even number exact (if x is not
 * an integer, floor(x) | 1 is strictly between the even numbers around
 * x), and keeps floor(x / 4).  gen-dtoa-tables.py proves the two
 * readings of the product below for every double. */
static inline uint64_t
round_odd (uint64_t g_hi, uint64_t g_lo, uint64_t cp)
{
  U128 lo = mul_64x64 (g_lo, cp);
  U128 hi = mul_64x64 (g_hi, cp);
  uint64_t mid = hi.lo + lo.hi;
  uint64_t top = hi.hi + (mid < hi.lo);

  /* The fraction is mid:lo.lo over 2^128; 2^-66 and above is real, any
   * less is the table's rounding error. */
  return top | ((mid | (lo.lo >> 62)) != 0);
}

static inline uint64_t
strip_zeros (uint64_t d, int *e10)
{
  while (d % 10 == 0)
    {
      d /= 10;
      ++*e10;
    }
  return d;
}

/* The shortest decimal D × 10^e10 that rounds to the positive finite
 * double of bits, closest to it among those of its length.  D has no
 * trailing zeros. */
static uint64_t
shortest (uint64_t bits, int *e10)
{
  uint64_t c;
  int q;

  decompose (bits, &c, &q);

  /* Integers below 2^53 are their own shortest form: their neighbours
   * are at most 1 away, so no other integer reads back as them, and a
   * non-integer needs more digits. */
  if (q <= 0 && q >= -52 && (c & (((uint64_t) 1 << -q) - 1)) == 0)
    {
      *e10 = 0;
      return strip_zeros (c >> -q, e10);
    }

  /* At a power of two (not the smallest normal) the gap below is half
   * the gap above, and the interval is 3/4 of the usual width. */
  bool irregular = (bits & FRAC_MASK) == 0 && (bits >> 52) > 1;
  int k = irregular ? dtoa_floor_log10_34_pow2 (q) : dtoa_floor_log10_pow2 (q);
  int h = q + dtoa_floor_log2_pow10 (-k) + 1;
  const uint64_t *t = dtoa_pow10[-k - DTOA_POW10_MIN];
  uint64_t g_lo = t[1] + 1;
  uint64_t g_hi = t[0] + (g_lo == 0);

  /* In units of 2^(q-2): v, and the ends of its rounding interval; all
   * four times v 10^-k after scaling. */
  uint64_t cb = c << 2;
  uint64_t vb = round_odd (g_hi, g_lo, cb << h);
  uint64_t vbl = round_odd (g_hi, g_lo, (cb - (irregular ? 1 : 2)) << h);
  uint64_t vbr = round_odd (g_hi, g_lo, (cb + 2) << h);
  uint64_t open = c & 1;

  uint64_t s = vb >> 2;
  if (s >= 10)
    {
      /* The one multiple of ten that may lie in the interval is next to
       * s.  (Below 10, a multiple of ten is no shorter than a digit.) */
      uint64_t sp10 = s / 10 * 10;
      uint64_t tp10 = sp10 + 10;
      bool sp_in = vbl + open <= sp10 << 2;
      bool tp_in = (tp10 << 2) + open <= vbr;

      if (sp_in != tp_in)
        {
          *e10 = k;
          return strip_zeros (sp_in ? sp10 : tp10, e10);
        }
    }

  uint64_t u = s + 1;
  bool s_in = vbl + open <= s << 2;
  bool u_in = (u << 2) + open <= vbr;
  uint64_t d;

  if (s_in != u_in)
    d = s_in ? s : u;
  else
    {
      /* Both are in: the closer, s on a tie if it is even.  vb is
       * compared with 4s + 2, the midpoint, exactly. */
      int64_t cmp = (int64_t) vb - (int64_t) ((s << 2) + 2);

      d = cmp < 0 || (cmp == 0 && (s & 1) == 0) ? s : u;
    }
  *e10 = k;
  return strip_zeros (d, e10);
}

/* ------------------------------------------------------------------ */
/* Layouts                                                              */
/* ------------------------------------------------------------------ */

/* Writes e±x. */
static char *
put_exponent (char *p, int e)
{
  *p++ = 'e';
  *p++ = e < 0 ? '-' : '+';
  return put_int (p, e < 0 ? -e : e);
}

/* Writes digits[0..n) as d.ddd followed by e±x. */
static char *
put_exponential (char *p, const char *digits, int n, int e)
{
  *p++ = digits[0];
  if (n > 1)
    {
      *p++ = '.';
      memcpy (p, digits + 1, (size_t) n - 1);
      p += n - 1;
    }
  return put_exponent (p, e);
}

/* Number::toString's layout of the k digits s with the value
 * 0.s × 10^n. */
static char *
put_shortest (char *p, const char *s, int k, int n)
{
  if (k <= n && n <= 21)
    {
      memcpy (p, s, (size_t) k);
      memset (p + k, '0', (size_t) (n - k));
      return p + n;
    }
  if (0 < n && n <= 21)
    {
      memcpy (p, s, (size_t) n);
      p[n] = '.';
      memcpy (p + n + 1, s + n, (size_t) (k - n));
      return p + k + 1;
    }
  if (-6 < n && n <= 0)
    {
      p[0] = '0';
      p[1] = '.';
      memset (p + 2, '0', (size_t) -n);
      memcpy (p + 2 - n, s, (size_t) k);
      return p + 2 - n + k;
    }
  return put_exponential (p, s, k, n - 1);
}

size_t
js_dtoa (double d, char *buf)
{
  uint64_t bits = double_bits (d);
  char digits[24];
  char *p = buf;

  if ((bits & EXP_MASK) == EXP_MASK)
    return put_special (buf, bits);
  if ((bits & ~SIGN_BIT) == 0)
    return put_string (buf, "0");
  if (bits & SIGN_BIT)
    *p++ = '-';

  int e10;
  uint64_t s = shortest (bits & ~SIGN_BIT, &e10);
  int k = decimal_length (s);

  put_digits (digits, s, k);
  p = put_shortest (p, digits, k, e10 + k);
  *p = '\0';
  return (size_t) (p - buf);
}

/* ------------------------------------------------------------------ */
/* Bignums                                                              */
/* ------------------------------------------------------------------ */

/* Enough for the parser's comparisons: up to 801 digits times 5^1144,
 * or (2^54) × 5^1144, about 2,720 bits, plus slack. */
#define BIG_LIMBS 96

/* A non-negative integer, 32-bit limbs, least significant first, with
 * no zero limb on top (zero has len 0). */
typedef struct
{
  int len;
  uint32_t limb[BIG_LIMBS];
} Big;

static inline void
big_trim (Big *a)
{
  while (a->len > 0 && a->limb[a->len - 1] == 0)
    a->len--;
}

static inline void
big_set_u64 (Big *a, uint64_t v)
{
  a->limb[0] = (uint32_t) v;
  a->limb[1] = (uint32_t) (v >> 32);
  a->len = v >> 32 ? 2 : v ? 1 : 0;
}

static inline void
big_copy (Big *dst, const Big *src)
{
  dst->len = src->len;
  memcpy (dst->limb, src->limb, sizeof (uint32_t) * (size_t) src->len);
}

static inline int
big_bitlen (const Big *a)
{
  if (a->len == 0)
    return 0;
  return 32 * a->len - __builtin_clz (a->limb[a->len - 1]);
}

/* a ← a × m + add. */
static void
big_mul_add_small (Big *a, uint32_t m, uint32_t add)
{
  uint64_t carry = add;

  for (int i = 0; i < a->len; i++)
    {
      uint64_t p = (uint64_t) a->limb[i] * m + carry;

      a->limb[i] = (uint32_t) p;
      carry = p >> 32;
    }
  if (carry)
    {
      g_assert (a->len < BIG_LIMBS);
      a->limb[a->len++] = (uint32_t) carry;
    }
}

static void
big_mul_pow5 (Big *a, int n)
{
  static const uint32_t pow5[14] = {
    1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625,
    48828125, 244140625, 1220703125,
  };

  for (; n >= 13; n -= 13)
    big_mul_add_small (a, pow5[13], 0);
  if (n > 0)
    big_mul_add_small (a, pow5[n], 0);
}

static void
big_shl (Big *a, int n)
{
  int words = n / 32, bits = n % 32;

  if (a->len == 0 || n == 0)
    return;
  g_assert (a->len + words + 1 <= BIG_LIMBS);
  if (bits == 0)
    memmove (a->limb + words, a->limb, sizeof (uint32_t) * (size_t) a->len);
  else
    {
      a->limb[a->len + words] = a->limb[a->len - 1] >> (32 - bits);
      for (int i = a->len - 1; i > 0; i--)
        a->limb[i + words] = (a->limb[i] << bits)
                             | (a->limb[i - 1] >> (32 - bits));
      a->limb[words] = a->limb[0] << bits;
      a->len++;
    }
  memset (a->limb, 0, sizeof (uint32_t) * (size_t) words);
  a->len += words;
  big_trim (a);
}

static void
big_shr (Big *a, int n)
{
  int words = n / 32, bits = n % 32;

  if (words >= a->len)
    {
      a->len = 0;
      return;
    }
  for (int i = 0; i < a->len - words; i++)
    {
      uint32_t lo = a->limb[i + words] >> bits;

      if (bits && i + words + 1 < a->len)
        lo |= a->limb[i + words + 1] << (32 - bits);
      a->limb[i] = lo;
    }
  a->len -= words;
  big_trim (a);
}

static inline int
big_bit (const Big *a, int n)
{
  return n / 32 < a->len ? (a->limb[n / 32] >> (n % 32)) & 1 : 0;
}

static int
big_cmp (const Big *a, const Big *b)
{
  if (a->len != b->len)
    return a->len > b->len ? 1 : -1;
  for (int i = a->len - 1; i >= 0; i--)
    if (a->limb[i] != b->limb[i])
      return a->limb[i] > b->limb[i] ? 1 : -1;
  return 0;
}

/* The sign of a - 2^n. */
static int
big_cmp_pow2 (const Big *a, int n)
{
  int bl = big_bitlen (a);

  if (bl != n + 1)
    return bl > n + 1 ? 1 : -1;
  if (a->limb[n / 32] & ((1u << (n % 32)) - 1))
    return 1;
  for (int i = 0; i < n / 32; i++)
    if (a->limb[i])
      return 1;
  return 0;
}

static void
big_add (Big *a, const Big *b)
{
  uint64_t carry = 0;
  int n = a->len > b->len ? a->len : b->len;

  for (int i = 0; i < n; i++)
    {
      uint64_t s = carry;

      s += i < a->len ? a->limb[i] : 0;
      s += i < b->len ? b->limb[i] : 0;
      a->limb[i] = (uint32_t) s;
      carry = s >> 32;
    }
  a->len = n;
  if (carry)
    {
      g_assert (n < BIG_LIMBS);
      a->limb[a->len++] = 1;
    }
}

/* a ← a - b, where a >= b. */
static void
big_sub (Big *a, const Big *b)
{
  uint64_t borrow = 0;

  for (int i = 0; i < a->len; i++)
    {
      uint64_t t = (uint64_t) a->limb[i] - (i < b->len ? b->limb[i] : 0)
                   - borrow;

      a->limb[i] = (uint32_t) t;
      borrow = t >> 63;
    }
  big_trim (a);
}

static void
big_mul_u64 (Big *a, uint64_t m)
{
  Big hi;

  if (m >> 32)
    {
      big_copy (&hi, a);
      big_mul_add_small (&hi, (uint32_t) (m >> 32), 0);
      big_shl (&hi, 32);
      big_mul_add_small (a, (uint32_t) m, 0);
      big_add (a, &hi);
    }
  else
    big_mul_add_small (a, (uint32_t) m, 0);
}

/* a ← floor(a / d); returns a mod d. */
static uint32_t
big_divmod_small (Big *a, uint32_t d)
{
  uint64_t rem = 0;

  for (int i = a->len - 1; i >= 0; i--)
    {
      uint64_t cur = (rem << 32) | a->limb[i];

      a->limb[i] = (uint32_t) (cur / d);
      rem = cur % d;
    }
  big_trim (a);
  return (uint32_t) rem;
}

/* r ← r mod s, returning floor(r / s), which must be below 10.  The top
 * limb of s has its high bit set, so the quotient estimated from the
 * top limbs is at most two short and the correction loop is short. */
static int
big_divmod_digit (Big *r, const Big *s)
{
  int n = s->len;

  if (r->len < n)
    return 0;

  uint64_t top = r->limb[n - 1];
  if (r->len > n)
    top |= (uint64_t) r->limb[n] << 32;
  uint32_t q = (uint32_t) (top / ((uint64_t) s->limb[n - 1] + 1));

  if (q > 0)
    {
      uint64_t carry = 0, borrow = 0;

      for (int i = 0; i < n; i++)
        {
          uint64_t p = (uint64_t) q * s->limb[i] + carry;
          uint64_t t = (uint64_t) r->limb[i] - (uint32_t) p - borrow;

          carry = p >> 32;
          r->limb[i] = (uint32_t) t;
          borrow = t >> 63;
        }
      if (r->len > n)
        r->limb[n] -= (uint32_t) (carry + borrow);
      big_trim (r);
    }
  while (big_cmp (r, s) >= 0)
    {
      big_sub (r, s);
      q++;
    }
  return (int) q;
}

/* Writes the decimal digits of a (at least one); returns their count.
 * a is consumed. */
static int
big_put_decimal (Big *a, char *out)
{
  uint32_t chunks[BIG_LIMBS * 32 / 29 + 1];
  int n = 0, len;

  if (a->len <= 2)
    {
      uint64_t v = a->len ? a->limb[0] : 0;

      if (a->len == 2)
        v |= (uint64_t) a->limb[1] << 32;
      len = decimal_length (v);
      put_digits (out, v, len);
      return len;
    }
  while (a->len > 0)
    chunks[n++] = big_divmod_small (a, 1000000000);
  len = decimal_length (chunks[n - 1]);
  put_digits (out, chunks[n - 1], len);
  for (int i = n - 2; i >= 0; i--, len += 9)
    put_digits (out + len, chunks[i], 9);
  return len;
}

/* ------------------------------------------------------------------ */
/* toFixed, toExponential, toPrecision                                  */
/* ------------------------------------------------------------------ */

/* The first n significant digits of m × 2^e2 (m > 0), rounded half up
 * (the larger on a tie, as all three methods ask); *e10 is the decimal
 * exponent of the first digit.  Steele & White's digit generation: r / s
 * is scaled into [1, 10) and each digit is the quotient of the two. */
static void
exact_digits (uint64_t m, int e2, int n, char *digits, int *e10)
{
  Big r, s, s10;

  big_set_u64 (&r, m);
  big_set_u64 (&s, 1);
  if (e2 > 0)
    big_shl (&r, e2);
  else
    big_shl (&s, -e2);

  /* v is in [2^b, 2^(b+1)), so floor(log10 v) is e or e + 1. */
  int b = 63 - clz64 (m) + e2;
  int e = dtoa_floor_log10_pow2 (b);
  if (e >= 0)
    {
      big_mul_pow5 (&s, e);
      big_shl (&s, e);
    }
  else
    {
      big_mul_pow5 (&r, -e);
      big_shl (&r, -e);
    }
  big_copy (&s10, &s);
  big_mul_add_small (&s10, 10, 0);
  if (big_cmp (&r, &s10) >= 0)
    {
      big_copy (&s, &s10);
      e++;
    }

  int norm = __builtin_clz (s.limb[s.len - 1]);
  big_shl (&r, norm);
  big_shl (&s, norm);
  for (int i = 0; i < n; i++)
    {
      if (i > 0)
        big_mul_add_small (&r, 10, 0);
      digits[i] = (char) ('0' + big_divmod_digit (&r, &s));
    }

  /* What is left, r / s, is the fraction of a unit in the last place. */
  big_shl (&r, 1);
  if (big_cmp (&r, &s) >= 0)
    {
      int i = n - 1;

      while (i >= 0 && digits[i] == '9')
        digits[i--] = '0';
      if (i >= 0)
        digits[i]++;
      else
        {
          /* 9.99 became 10.0: one digit "1" and zeros, one place up. */
          digits[0] = '1';
          e++;
        }
    }
  *e10 = e;
}

size_t
js_dtoa_fixed (double d, int digits, char *buf)
{
  uint64_t bits = double_bits (d);
  char tmp[JS_DTOA_BUFSIZE];
  char *p = buf;
  uint64_t m;
  int e2;

  /* The spec hands 1e21 and above (and NaN) to Number::toString. */
  if (!(d < 1e21 && d > -1e21))
    return js_dtoa (d, buf);
  if (digits < 0)
    digits = 0;
  if (d < 0)
    *p++ = '-';

  /* n = round half up of |d| × 10^digits: an integer times a power of
   * two, so the rounding is a shift. */
  Big n;
  decompose (bits & ~SIGN_BIT, &m, &e2);
  big_set_u64 (&n, m);
  big_mul_pow5 (&n, digits);
  e2 += digits;
  if (e2 >= 0)
    big_shl (&n, e2);
  else
    {
      int half = big_bit (&n, -e2 - 1);

      big_shr (&n, -e2);
      if (half)
        big_mul_add_small (&n, 1, 1);
    }

  int k = big_put_decimal (&n, tmp);
  if (digits == 0)
    {
      memcpy (p, tmp, (size_t) k);
      p += k;
    }
  else
    {
      if (k <= digits)
        {
          int z = digits + 1 - k;

          memmove (tmp + z, tmp, (size_t) k);
          memset (tmp, '0', (size_t) z);
          k = digits + 1;
        }
      memcpy (p, tmp, (size_t) (k - digits));
      p += k - digits;
      *p++ = '.';
      memcpy (p, tmp + k - digits, (size_t) digits);
      p += digits;
    }
  *p = '\0';
  return (size_t) (p - buf);
}

size_t
js_dtoa_exponential (double d, int digits, char *buf)
{
  uint64_t bits = double_bits (d);
  char tmp[JS_DTOA_BUFSIZE];
  char *p = buf;
  uint64_t m;
  int e2, e10, n;

  if ((bits & EXP_MASK) == EXP_MASK)
    return put_special (buf, bits);
  if (d < 0)
    *p++ = '-';
  bits &= ~SIGN_BIT;

  if (bits == 0)
    {
      n = digits < 0 ? 1 : digits + 1;
      memset (tmp, '0', (size_t) n);
      e10 = 0;
    }
  else if (digits < 0)
    {
      /* toExponential(undefined): as many digits as the shortest round
       * trip needs. */
      uint64_t s = shortest (bits, &e10);

      n = decimal_length (s);
      put_digits (tmp, s, n);
      e10 += n - 1;
    }
  else
    {
      n = digits + 1;
      decompose (bits, &m, &e2);
      exact_digits (m, e2, n, tmp, &e10);
    }
  p = put_exponential (p, tmp, n, e10);
  *p = '\0';
  return (size_t) (p - buf);
}

size_t
js_dtoa_precision (double d, int precision, char *buf)
{
  uint64_t bits = double_bits (d);
  char tmp[JS_DTOA_BUFSIZE];
  char *p = buf;
  int n = precision < 1 ? 1 : precision;
  int e;

  if ((bits & EXP_MASK) == EXP_MASK)
    return put_special (buf, bits);
  if (d < 0)
    *p++ = '-';
  bits &= ~SIGN_BIT;

  if (bits == 0)
    {
      memset (tmp, '0', (size_t) n);
      e = 0;
    }
  else
    {
      uint64_t m;
      int e2;

      decompose (bits, &m, &e2);
      exact_digits (m, e2, n, tmp, &e);
    }

  if (e < -6 || e >= n)
    p = put_exponential (p, tmp, n, e);
  else if (e >= 0)
    {
      memcpy (p, tmp, (size_t) e + 1);
      p += e + 1;
      if (e + 1 < n)
        {
          *p++ = '.';
          memcpy (p, tmp + e + 1, (size_t) (n - e - 1));
          p += n - e - 1;
        }
    }
  else
    {
      *p++ = '0';
      *p++ = '.';
      memset (p, '0', (size_t) (-e - 1));
      p += -e - 1;
      memcpy (p, tmp, (size_t) n);
      p += n;
    }
  *p = '\0';
  return (size_t) (p - buf);
}

/* ------------------------------------------------------------------ */
/* Number::toString(radix)                                              */
/* ------------------------------------------------------------------ */

static const char radix_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* a ← a mod 2^n; returns floor(a / 2^n), which must fit in 32 bits. */
static uint32_t
big_split (Big *a, int n)
{
  int w = n / 32, b = n % 32;
  uint32_t hi = 0;

  if (w >= a->len)
    return 0;
  hi = a->limb[w] >> b;
  if (b && w + 1 < a->len)
    hi |= a->limb[w + 1] << (32 - b);
  a->limb[w] &= (1u << b) - 1;
  a->len = w + 1;
  big_trim (a);
  return hi;
}

/* The digits after the point of v = m × 2^e2 (e2 < 0) in radix, as
 * V8's DoubleToRadixCString chooses them, but in exact arithmetic:
 * digits are produced while what remains of the fraction is at least
 * half the gap below v (so that stopping reads back as v), and the last
 * digit is rounded up, half to even, when the result stays within half
 * the gap above v.  The gaps are equal except at a power of two, where
 * the one below is half as wide; V8 uses the one above for both.
 * Digit values go to out; returns their count, and sets *carry when the
 * rounding carried into the integer part. */
static int
radix_fraction (uint64_t m, int e2, bool irregular, int radix, char *out,
                int *carry)
{
  /* Units of 2^(e2 - 2): then half the gap above is 2 units, half the
   * gap below 2 or 1, and one is 2^s. */
  int s = 2 - e2;
  Big f, dlo, dhi, t;
  int n = 0;

  big_set_u64 (&f, -e2 < 64 ? m & (((uint64_t) 1 << -e2) - 1) : m);
  big_shl (&f, 2);
  big_set_u64 (&dhi, 2);
  big_set_u64 (&dlo, irregular ? 1 : 2);
  *carry = 0;
  if (big_cmp (&f, &dlo) < 0)
    return 0;
  do
    {
      big_mul_add_small (&f, (uint32_t) radix, 0);
      big_mul_add_small (&dlo, (uint32_t) radix, 0);
      big_mul_add_small (&dhi, (uint32_t) radix, 0);

      int digit = (int) big_split (&f, s);
      out[n++] = (char) digit;

      int half = big_cmp_pow2 (&f, s - 1);
      if (half > 0 || (half == 0 && (digit & 1)))
        {
          big_copy (&t, &f);
          big_add (&t, &dhi);
          if (big_cmp_pow2 (&t, s) > 0)
            {
              while (n > 0 && out[n - 1] == radix - 1)
                n--;
              if (n > 0)
                out[n - 1]++;
              else
                *carry = 1;
              return n;
            }
        }
    }
  while (big_cmp (&f, &dlo) >= 0);
  return n;
}

size_t
js_dtoa_radix (double d, int radix, char *buf)
{
  uint64_t bits = double_bits (d);
  char frac[JS_DTOA_BUFSIZE], ipart[JS_DTOA_BUFSIZE];
  char *p = buf;
  int nfrac = 0, nint = 0;
  uint64_t m;
  int e2;

  if (radix == 10 || radix < 2 || radix > 36
      || (bits & EXP_MASK) == EXP_MASK || (bits & ~SIGN_BIT) == 0)
    return js_dtoa (d, buf);
  if (bits & SIGN_BIT)
    *p++ = '-';
  bits &= ~SIGN_BIT;
  decompose (bits, &m, &e2);

  /* The integer part is written backwards from the end of ipart. */
  char *q = ipart + sizeof ipart;
  if (e2 < 0)
    {
      bool irregular = (bits & FRAC_MASK) == 0 && (bits >> 52) > 1;
      int carry;
      uint64_t i;

      nfrac = radix_fraction (m, e2, irregular, radix, frac, &carry);
      i = (-e2 < 64 ? m >> -e2 : 0) + (uint64_t) carry;
      do
        {
          *--q = radix_chars[i % (unsigned) radix];
          i /= (unsigned) radix;
        }
      while (i > 0);
    }
  else
    {
      /* Exact: radix^j at a time, the largest power below 2^32. */
      uint32_t chunk = (uint32_t) radix;
      int chunk_digits = 1;
      Big i;

      while ((uint64_t) chunk * (unsigned) radix <= UINT32_MAX)
        {
          chunk *= (uint32_t) radix;
          chunk_digits++;
        }
      big_set_u64 (&i, m);
      big_shl (&i, e2);
      while (i.len > 0)
        {
          uint32_t r = big_divmod_small (&i, chunk);

          for (int j = 0; j < chunk_digits && (i.len > 0 || r > 0); j++)
            {
              *--q = radix_chars[r % (unsigned) radix];
              r /= (unsigned) radix;
            }
        }
    }
  nint = (int) (ipart + sizeof ipart - q);
  memcpy (p, q, (size_t) nint);
  p += nint;
  if (nfrac > 0)
    {
      *p++ = '.';
      for (int j = 0; j < nfrac; j++)
        *p++ = radix_chars[(int) frac[j]];
    }
  *p = '\0';
  return (size_t) (p - buf);
}

/* ------------------------------------------------------------------ */
/* Parsing                                                              */
/* ------------------------------------------------------------------ */

#define MAX_DIGITS 800

/* Eisel-Lemire: the double nearest w × 10^e10, w != 0, e10 within the
 * table, from the product of w by the truncated 128-bit power of ten.
 * Clears *sure when the product cannot decide (the true product may
 * differ in the bits that matter) or the result is subnormal; the
 * returned double is then within an ulp or so, a starting point for
 * the exact comparison. */
static uint64_t
eisel_lemire (uint64_t w, int e10, bool *sure)
{
  int lz = clz64 (w);
  uint64_t W = w << lz;
  const uint64_t *t = dtoa_pow10[e10 - DTOA_POW10_MIN];
  U128 a = mul_64x64 (W, t[1]);
  U128 b = mul_64x64 (W, t[0]);

  /* P = W × T as three words.  The exact product W × 10^e10 / 2^r is P
   * + delta with 0 <= delta < W < 2^64, since T falls short of 10^e10 /
   * 2^r by less than one; delta is 0 when T is exact. */
  uint64_t p0 = a.lo;
  uint64_t p1 = b.lo + a.hi;
  uint64_t p2 = b.hi + (p1 < a.hi);

  /* p2 >= 2^62: its top 54 bits are the mantissa and the round bit. */
  int shift = 9 + (int) (p2 >> 63);
  uint64_t low_mask = ((uint64_t) 1 << shift) - 1;
  uint64_t mant = p2 >> shift;
  uint64_t below = p2 & low_mask;
  bool exact = e10 >= 0 && e10 <= 55;

  *sure = true;
  if (!exact)
    {
      /* delta may carry into the round bit... */
      if (below == low_mask && p1 == UINT64_MAX && p0 + W < p0)
        *sure = false;
      /* ...or turn what looks like a tie into more than half. */
      if ((mant & 1) && below == 0 && p1 == 0 && p0 == 0)
        *sure = false;
    }

  bool round = mant & 1;
  bool sticky = (below | p1 | p0) != 0;
  mant >>= 1;
  if (round && (sticky || (mant & 1)))
    mant++;

  /* w × 10^e10 = W × 2^-lz × T × 2^r, r = floor(e10 log2 10) - 127; the
   * top 53 bits of W × T stand for 2^(shift + 129) each. */
  int e2 = shift + 2 + dtoa_floor_log2_pow10 (e10) - lz;
  if (mant >> 53)
    {
      mant >>= 1;
      e2++;
    }
  int be = e2 + 1075;
  if (be >= 0x7ff)
    return INF_BITS;
  if (be <= 0)
    {
      *sure = false;
      return 1 - be < 64 ? mant >> (1 - be) : 0;
    }
  return ((uint64_t) be << 52) | (mant & FRAC_MASK);
}

/* The sign of D × 10^e10 minus the midpoint between the double of bits
 * (finite, >= 0) and the one above.  d5 is D × 5^max(e10, 0) and p5 is
 * 5^max(-e10, 0), so that the value is d5 × 2^e10 and the midpoint
 * (2M + 1) × p5 × 2^(F - 1) / 5^max(-e10, 0). */
static int
cmp_midpoint (const Big *d5, const Big *p5, int e10, uint64_t bits)
{
  Big rhs, tmp;
  uint64_t m;
  int f;

  decompose (bits, &m, &f);
  big_copy (&rhs, p5);
  big_mul_u64 (&rhs, 2 * m + 1);

  /* Compare d5 × 2^e10 with rhs × 2^(f - 1): by length, then shifted. */
  int le = e10, re = f - 1;
  int lb = big_bitlen (d5) + le, rb = big_bitlen (&rhs) + re;
  if (lb != rb)
    return lb > rb ? 1 : -1;
  if (le > re)
    {
      big_copy (&tmp, d5);
      big_shl (&tmp, le - re);
      return big_cmp (&tmp, &rhs);
    }
  big_shl (&rhs, re - le);
  return big_cmp (d5, &rhs);
}

/* Reads the digits of [p, end1) and then those of [p2, end2): the
 * integer and fraction parts of a decimal, without the point. */
typedef struct
{
  const char *p, *end1, *p2, *end2;
} DigitCursor;

static inline int
cursor_next (DigitCursor *c)
{
  if (c->p == c->end1)
    {
      c->p = c->p2;
      c->end1 = c->end2;
    }
  return *c->p++ - '0';
}

/* The exact path: D × 10^e10 correctly rounded, where D is ndigits
 * significant digits read from the cursor (positioned on the first
 * non-zero one), starting from the estimate bits. */
static uint64_t
strtod_exact (DigitCursor *c, int64_t ndigits, int64_t e10, uint64_t bits)
{
  Big d, p5;
  int64_t taken = ndigits < MAX_DIGITS ? ndigits : MAX_DIGITS;
  int64_t i = 0;

  d.len = 0;
  while (i < taken)
    {
      uint32_t chunk = 0, scale = 1;

      for (int j = 0; j < 9 && i < taken; j++, i++)
        {
          chunk = chunk * 10 + (uint32_t) cursor_next (c);
          scale *= 10;
        }
      big_mul_add_small (&d, scale, chunk);
    }
  e10 += ndigits - taken;
  if (taken < ndigits)
    {
      bool tail = false;

      for (; i < ndigits; i++)
        tail |= cursor_next (c) != 0;
      if (tail)
        {
          big_mul_add_small (&d, 10, 1);
          e10--;
        }
    }

  /* The caller has ruled out values from 10^309 up and below 10^-324,
   * so e10 is now within [-1124, 309]. */
  big_set_u64 (&p5, 1);
  if (e10 >= 0)
    big_mul_pow5 (&d, (int) e10);
  else
    big_mul_pow5 (&p5, (int) -e10);

  for (;;)
    {
      if (bits < INF_BITS)
        {
          int up = cmp_midpoint (&d, &p5, (int) e10, bits);

          if (up > 0 || (up == 0 && (bits & 1)))
            {
              bits++;
              continue;
            }
        }
      if (bits == 0)
        break;
      int down = cmp_midpoint (&d, &p5, (int) e10, bits - 1);
      if (down < 0 || (down == 0 && (bits & 1)))
        {
          bits--;
          continue;
        }
      break;
    }
  return bits;
}

static const double exact_pow10[23] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
  1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static inline bool
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

double
js_strtod (const char *s, size_t len, const char **end)
{
  const char *p = s, *lim = s + len;
  bool neg = false;

  if (p < lim && (*p == '+' || *p == '-'))
    {
      neg = *p == '-';
      p++;
    }

  const char *int_start = p;
  while (p < lim && is_digit (*p))
    p++;
  const char *int_end = p;
  const char *frac_start = p, *frac_end = p;
  if (p < lim && *p == '.')
    {
      frac_start = ++p;
      while (p < lim && is_digit (*p))
        p++;
      frac_end = p;
    }
  if (int_start == int_end && frac_start == frac_end)
    {
      *end = s;
      return bits_double (INF_BITS | ((uint64_t) 1 << 51));
    }

  int64_t exp10 = 0;
  if (p < lim && (*p == 'e' || *p == 'E'))
    {
      const char *q = p + 1;
      bool eneg = false;

      if (q < lim && (*q == '+' || *q == '-'))
        {
          eneg = *q == '-';
          q++;
        }
      if (q < lim && is_digit (*q))
        {
          /* Saturates: beyond 10^9 every input is zero or infinite. */
          while (q < lim && is_digit (*q))
            {
              if (exp10 < 1000000000)
                exp10 = exp10 * 10 + (*q - '0');
              q++;
            }
          if (eneg)
            exp10 = -exp10;
          p = q;
        }
    }
  *end = p;

  /* The significant digits: the first 19 in w, then only whether any of
   * the others is non-zero. */
  DigitCursor c = { int_start, int_end, frac_start, frac_end };
  int64_t total = (int_end - int_start) + (frac_end - frac_start);
  int64_t i = 0, nd;
  uint64_t w = 0;
  bool tail = false;

  while (i < total && c.p != c.end1 && *c.p == '0')
    {
      c.p++;
      i++;
    }
  if (i < total && c.p == c.end1)
    {
      c.p = c.p2;
      c.end1 = c.end2;
      while (i < total && *c.p == '0')
        {
          c.p++;
          i++;
        }
    }
  DigitCursor first = c;
  nd = total - i;
  for (int64_t j = 0; j < nd; j++)
    {
      int digit = cursor_next (&c);

      if (j < 19)
        w = w * 10 + (uint64_t) digit;
      else
        tail |= digit != 0;
    }

  /* The value is D × 10^e10, D the nd digits; w × 10^e19 is D cut to
   * 19 digits. */
  int64_t e10 = exp10 - (frac_end - frac_start);
  int64_t e19 = e10 + (nd > 19 ? nd - 19 : 0);
  uint64_t bits;
  bool sure;

  /* The value is in [10^(e10 + nd - 1), 10^(e10 + nd)): below 10^-324
   * it rounds to zero, from 10^309 on to infinity.  In between, e19 is
   * within the table. */
  if (nd == 0 || e10 + nd <= -324)
    bits = 0;
  else if (e10 + nd > 309)
    bits = INF_BITS;
  else
    {
#if defined FLT_EVAL_METHOD && FLT_EVAL_METHOD == 0
      if (!tail && w <= ((uint64_t) 1 << 53) && e19 >= -22 && e19 <= 22)
        {
          /* Both operands are exact, so the one rounding is right. */
          double r = (double) w;

          r = e19 < 0 ? r / exact_pow10[-e19] : r * exact_pow10[e19];
          return neg ? -r : r;
        }
#endif
      bits = eisel_lemire (w, (int) e19, &sure);
      if (tail && sure)
        {
          /* D is between w and w + 1 times 10^e19. */
          bool sure1;
          uint64_t bits1 = eisel_lemire (w + 1, (int) e19, &sure1);

          sure = sure1 && bits1 == bits;
        }
      if (!sure)
        bits = strtod_exact (&first, nd, e10, bits);
    }
  return bits_double (bits | (neg ? SIGN_BIT : 0));
}

/* A correctly rounded double from top × 2^e2, top != 0, plus something
 * smaller than 2^e2 when sticky is set. */
static double
round_u64 (uint64_t top, bool sticky, int e2)
{
  int lz = clz64 (top);

  top <<= lz;
  e2 -= lz;

  uint64_t mant = top >> 11;
  bool round = (top >> 10) & 1;
  sticky |= (top & 0x3ff) != 0;
  if (round && (sticky || (mant & 1)))
    mant++;
  e2 += 11;
  if (mant >> 53)
    {
      mant >>= 1;
      e2++;
    }
  /* An integer: never subnormal. */
  int be = e2 + 1075;
  if (be >= 0x7ff)
    return bits_double (INF_BITS);
  return bits_double (((uint64_t) be << 52) | (mant & FRAC_MASK));
}

static inline int
radix_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  c |= 0x20;
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  return 99;
}

double
js_strtod_radix (const char *s, size_t len, int radix, const char **end)
{
  const char *p = s, *lim = s + len;
  uint64_t w = 0;
  Big b;
  bool big = false, huge = false;
  int d;

  while (p < lim && (d = radix_digit (*p)) < radix)
    {
      p++;
      if (!big)
        {
          if (w <= (UINT64_MAX - (uint64_t) d) / (uint64_t) radix)
            {
              w = w * (uint64_t) radix + (uint64_t) d;
              continue;
            }
          big_set_u64 (&b, w);
          big = true;
        }
      /* Past 2^1100 the value is infinite whatever follows. */
      if (!huge)
        {
          big_mul_add_small (&b, (uint32_t) radix, (uint32_t) d);
          huge = big_bitlen (&b) > 1100;
        }
    }
  *end = p;
  if (p == s)
    return bits_double (INF_BITS | ((uint64_t) 1 << 51));
  if (huge)
    return bits_double (INF_BITS);
  if (!big)
    return w ? round_u64 (w, false, 0) : 0.0;

  /* The top 64 bits, and whether anything below them is set. */
  int n = big_bitlen (&b) - 64;
  bool sticky = false;
  uint64_t top;

  for (int i = 0; i < n / 32; i++)
    sticky |= b.limb[i] != 0;
  sticky |= (b.limb[n / 32] & ((1u << (n % 32)) - 1)) != 0;
  big_shr (&b, n);
  top = b.limb[0] | ((uint64_t) b.limb[1] << 32);
  return round_u64 (top, sticky, n);
}
