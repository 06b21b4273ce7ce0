/* bigint.c — arbitrary-precision integer arithmetic for BigInt.
 *
 * Values are sign and magnitude (value.h); the magnitude is an array of
 * 64-bit digits and the arithmetic uses 128-bit intermediates.  Every
 * operation computes into g_malloc'd scratch digits from views of its
 * operands' cells, and only then allocates the result cell: a collection
 * can happen only at that last step, when the operands are no longer
 * read, so no operation here needs to root anything.  Bitwise operators
 * work on two's complement copies, as the spec defines them.
 *
 * The algorithms are the schoolbook ones (Knuth's algorithm D for
 * division): quadratic, and fast enough for the sizes scripts use.
 * Results larger than JS_BIGINT_MAX_BITS are a RangeError, checked
 * before any scratch memory of that size is asked for.
 */
#include "config.h"

#include "bigint.h"

#include "jsstring.h"
#include "realm.h"
#include "shape.h"

#include <math.h>

typedef uint64_t Digit;
typedef unsigned __int128 Wide;

#define DIGIT_BITS 64
#define MAX_DIGITS (JS_BIGINT_MAX_BITS / DIGIT_BITS)

const JsCellClass js_bigint_class = {
  .name = "BigInt",
  .kind = JS_KIND_BIGINT,
};

bool
bigint_runtime_init (JsRuntime *rt)
{
  if (!rt->bigint_shape)
    rt->bigint_shape = shape_new_root (rt, &js_bigint_class, NULL, 0);
  return rt->bigint_shape != NULL;
}

/* ------------------------------------------------------------------ */
/* Scratch numbers                                                     */
/* ------------------------------------------------------------------ */

/* A number being computed (g_malloc'd digits) or a view of a cell. */
typedef struct
{
  Digit *d;   /* digits, least significant first */
  uint32_t n; /* digits in use */
  bool neg;   /* below zero */
  bool owned; /* d is g_malloc'd */
} Big;

static Big
view (JsValue v)
{
  JsBigInt *b = js_get_bigint (v);
  return (Big){ b->digits, b->len, b->negative != 0, false };
}

/* n zeroed digits (at least one, so that d is never NULL). */
static bool
big_alloc (Big *r, uint64_t n)
{
  r->d = n <= MAX_DIGITS + 2 ? g_try_malloc0 (MAX (n, 1) * sizeof (Digit))
                             : NULL;
  r->n = (uint32_t) n;
  r->neg = false;
  r->owned = true;
  return r->d != NULL;
}

static void
big_free (Big *r)
{
  if (r->owned)
    g_free (r->d);
  r->d = NULL;
  r->owned = false;
}

static void
trim (Big *r)
{
  while (r->n > 0 && r->d[r->n - 1] == 0)
    r->n--;
  if (r->n == 0)
    r->neg = false;
}

static uint64_t
bit_length (const Digit *d, uint32_t n)
{
  if (n == 0)
    return 0;
  return (uint64_t) n * DIGIT_BITS - (uint64_t) __builtin_clzll (d[n - 1]);
}

static JsValue
too_big (JsContext *ctx)
{
  return js_throw_range_error (ctx, "Maximum BigInt size exceeded");
}

/* The failure of a scratch allocation: too big for a BigInt, or memory
 * ran out. */
static JsValue
scratch_failed (JsContext *ctx, uint64_t digits)
{
  return digits > MAX_DIGITS ? too_big (ctx) : js_throw_out_of_memory (ctx);
}

/* The cell of a scratch number, which it frees. */
static JsValue
make (JsContext *ctx, Big *r)
{
  JsRuntime *rt = ctx->rt;
  trim (r);
  if (bit_length (r->d, r->n) > JS_BIGINT_MAX_BITS)
    {
      big_free (r);
      return too_big (ctx);
    }
  JsBigInt *b = (JsBigInt *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS,
      js_slots_for (sizeof (JsBigInt) + (size_t) r->n * sizeof (Digit)));
  if (!b)
    {
      big_free (r);
      return js_throw_out_of_memory (ctx);
    }
  b->shape = rt->bigint_shape;
  b->len = r->n;
  b->negative = r->neg;
  if (r->n)
    memcpy (b->digits, r->d, (size_t) r->n * sizeof (Digit));
  big_free (r);
  return js_bigint_value (b);
}

/* A copy of a view, with room for extra more digits. */
static bool
big_copy (Big *r, const Big *a, uint32_t extra)
{
  if (!big_alloc (r, (uint64_t) a->n + extra))
    return false;
  memcpy (r->d, a->d, (size_t) a->n * sizeof (Digit));
  r->n = a->n;
  r->neg = a->neg;
  return true;
}

JsValue
bigint_from_uint64 (JsContext *ctx, uint64_t v)
{
  Digit d = v;
  Big r = { &d, v != 0, false, false };
  return make (ctx, &r);
}

JsValue
bigint_from_int64 (JsContext *ctx, int64_t v)
{
  Digit d = v < 0 ? -(uint64_t) v : (uint64_t) v;
  Big r = { &d, v != 0, v < 0, false };
  return make (ctx, &r);
}

bool
bigint_is_zero (JsValue b)
{
  return js_get_bigint (b)->len == 0;
}

/* ------------------------------------------------------------------ */
/* Magnitudes                                                          */
/* ------------------------------------------------------------------ */

static int
mag_cmp (const Digit *a, uint32_t an, const Digit *b, uint32_t bn)
{
  if (an != bn)
    return an < bn ? -1 : 1;
  for (uint32_t i = an; i-- > 0;)
    if (a[i] != b[i])
      return a[i] < b[i] ? -1 : 1;
  return 0;
}

/* r = a + b; r has room for max (an, bn) + 1 digits. */
static uint32_t
mag_add (Digit *r, const Digit *a, uint32_t an, const Digit *b, uint32_t bn)
{
  if (an < bn)
    {
      const Digit *t = a;
      a = b;
      b = t;
      uint32_t tn = an;
      an = bn;
      bn = tn;
    }
  Digit c = 0;
  for (uint32_t i = 0; i < an; i++)
    {
      Wide s = (Wide) a[i] + (i < bn ? b[i] : 0) + c;
      r[i] = (Digit) s;
      c = (Digit) (s >> DIGIT_BITS);
    }
  r[an] = c;
  return an + 1;
}

/* r = a - b where a >= b; r has room for an digits (r may be a). */
static uint32_t
mag_sub (Digit *r, const Digit *a, uint32_t an, const Digit *b, uint32_t bn)
{
  Digit borrow = 0;
  for (uint32_t i = 0; i < an; i++)
    {
      Digit bi = i < bn ? b[i] : 0;
      Digit t = a[i] - bi;
      Digit b1 = a[i] < bi;
      r[i] = t - borrow;
      borrow = b1 | (t < borrow);
    }
  return an;
}

/* r += a * b; r has an + bn digits, zeroed by the caller. */
static void
mag_mul (Digit *r, const Digit *a, uint32_t an, const Digit *b, uint32_t bn)
{
  for (uint32_t i = 0; i < an; i++)
    {
      Digit c = 0;
      for (uint32_t j = 0; j < bn; j++)
        {
          Wide p = (Wide) a[i] * b[j] + r[i + j] + c;
          r[i + j] = (Digit) p;
          c = (Digit) (p >> DIGIT_BITS);
        }
      r[i + bn] = c;
    }
}

/* q = a / d for one digit d, returning the remainder; q may be a. */
static Digit
mag_div_small (Digit *q, const Digit *a, uint32_t n, Digit d)
{
  Wide rem = 0;
  for (uint32_t i = n; i-- > 0;)
    {
      Wide cur = (rem << DIGIT_BITS) | a[i];
      q[i] = (Digit) (cur / d);
      rem = cur % d;
    }
  return (Digit) rem;
}

/* Knuth's algorithm D: q = a / b and rem = a % b, for bn >= 2 and
 * an >= bn.  q has room for an - bn + 1 digits, rem for bn (either may
 * be NULL).  False if scratch memory ran out. */
static bool
mag_divmod (Digit *q, Digit *rem, const Digit *a, uint32_t an,
            const Digit *b, uint32_t bn)
{
  Digit *un = g_try_malloc0 (((size_t) an + 1 + bn) * sizeof (Digit));
  if (!un)
    return false;
  Digit *vn = un + an + 1;
  /* Normalize: the divisor's top bit set. */
  int s = __builtin_clzll (b[bn - 1]);
  for (uint32_t i = bn; i-- > 0;)
    vn[i] = (b[i] << s) | (s && i > 0 ? b[i - 1] >> (DIGIT_BITS - s) : 0);
  un[an] = s ? a[an - 1] >> (DIGIT_BITS - s) : 0;
  for (uint32_t i = an; i-- > 0;)
    un[i] = (a[i] << s) | (s && i > 0 ? a[i - 1] >> (DIGIT_BITS - s) : 0);

  for (uint32_t j = an - bn + 1; j-- > 0;)
    {
      Wide num = ((Wide) un[j + bn] << DIGIT_BITS) | un[j + bn - 1];
      Wide qhat = num / vn[bn - 1];
      Wide rhat = num % vn[bn - 1];
      while (qhat >> DIGIT_BITS
             || qhat * vn[bn - 2]
                    > ((rhat << DIGIT_BITS) | un[j + bn - 2]))
        {
          qhat--;
          rhat += vn[bn - 1];
          if (rhat >> DIGIT_BITS)
            break;
        }
      /* un[j .. j + bn] -= qhat * vn. */
      Digit carry = 0, borrow = 0;
      for (uint32_t i = 0; i < bn; i++)
        {
          Wide p = qhat * vn[i] + carry;
          carry = (Digit) (p >> DIGIT_BITS);
          Digit lo = (Digit) p;
          Digit t = un[i + j] - lo;
          Digit b1 = un[i + j] < lo;
          un[i + j] = t - borrow;
          borrow = b1 | (t < borrow);
        }
      Digit t = un[j + bn] - carry;
      Digit b1 = un[j + bn] < carry;
      un[j + bn] = t - borrow;
      borrow = b1 | (t < borrow);
      if (borrow)
        {
          /* qhat was one too large: add the divisor back. */
          qhat--;
          Digit c = 0;
          for (uint32_t i = 0; i < bn; i++)
            {
              Wide sum = (Wide) un[i + j] + vn[i] + c;
              un[i + j] = (Digit) sum;
              c = (Digit) (sum >> DIGIT_BITS);
            }
          un[j + bn] += c;
        }
      if (q)
        q[j] = (Digit) qhat;
    }
  if (rem)
    for (uint32_t i = 0; i < bn; i++)
      rem[i] = (un[i] >> s) | (s ? un[i + 1] << (DIGIT_BITS - s) : 0);
  g_free (un);
  return true;
}

/* ------------------------------------------------------------------ */
/* Signed arithmetic on scratch numbers                                */
/* ------------------------------------------------------------------ */

/* r = a + b (b negated if sub). */
static bool
big_add (Big *r, const Big *a, const Big *b, bool sub)
{
  bool bneg = b->neg != sub;
  if (a->neg == bneg)
    {
      if (!big_alloc (r, (uint64_t) MAX (a->n, b->n) + 1))
        return false;
      r->n = mag_add (r->d, a->d, a->n, b->d, b->n);
      r->neg = a->neg;
      return true;
    }
  int c = mag_cmp (a->d, a->n, b->d, b->n);
  const Big *big = c >= 0 ? a : b, *small = c >= 0 ? b : a;
  if (!big_alloc (r, big->n))
    return false;
  r->n = mag_sub (r->d, big->d, big->n, small->d, small->n);
  r->neg = c >= 0 ? a->neg : bneg;
  return true;
}

static bool
big_mul (Big *r, const Big *a, const Big *b)
{
  if (!big_alloc (r, (uint64_t) a->n + b->n))
    return false;
  mag_mul (r->d, a->d, a->n, b->d, b->n);
  r->neg = a->neg != b->neg;
  return true;
}

/* Truncating division: q = a / b and/or rem = a % b (signs as the
 * language's / and %). */
static bool
big_divmod (Big *q, Big *rem, const Big *a, const Big *b)
{
  if (a->n < b->n)
    {
      if (q && !big_alloc (q, 0))
        return false;
      if (rem && !big_copy (rem, a, 0))
        return false;
      if (q)
        q->n = 0;
      return true;
    }
  if (q && !big_alloc (q, (uint64_t) a->n - b->n + 1))
    return false;
  if (rem && !big_alloc (rem, b->n))
    return false;
  if (b->n == 1)
    {
      Digit *qd = q ? q->d : g_try_malloc (a->n * sizeof (Digit));
      if (!qd)
        return false;
      Digit r = mag_div_small (qd, a->d, a->n, b->d[0]);
      if (!q)
        g_free (qd);
      if (rem)
        rem->d[0] = r;
    }
  else if (!mag_divmod (q ? q->d : NULL, rem ? rem->d : NULL, a->d, a->n,
                        b->d, b->n))
    return false;
  if (q)
    q->neg = a->neg != b->neg;
  if (rem)
    rem->neg = a->neg;
  return true;
}

/* x as n digits of two's complement. */
static void
to_twos (Digit *out, const Big *x, uint32_t n)
{
  if (!x->neg)
    {
      for (uint32_t i = 0; i < n; i++)
        out[i] = i < x->n ? x->d[i] : 0;
      return;
    }
  /* -m is ~(m - 1). */
  Digit borrow = 1;
  for (uint32_t i = 0; i < n; i++)
    {
      Digit v = i < x->n ? x->d[i] : 0;
      Digit t = v - borrow;
      borrow = v < borrow;
      out[i] = ~t;
    }
}

/* r takes n digits of two's complement (its d) as a signed value. */
static void
from_twos (Big *r, uint32_t n)
{
  r->n = n;
  r->neg = false;
  if (n > 0 && r->d[n - 1] >> (DIGIT_BITS - 1))
    {
      /* The magnitude of a negative value is ~x + 1. */
      Digit carry = 1;
      for (uint32_t i = 0; i < n; i++)
        {
          Digit v = ~r->d[i] + carry;
          carry = carry && v == 0;
          r->d[i] = v;
        }
      r->neg = true;
    }
  trim (r);
}

static bool
big_bitwise (Big *r, int op, const Big *a, const Big *b)
{
  uint32_t n = MAX (a->n, b->n) + 1;
  Big t;
  if (!big_alloc (r, n) || !big_alloc (&t, n))
    {
      big_free (r);
      return false;
    }
  to_twos (r->d, a, n);
  to_twos (t.d, b, n);
  for (uint32_t i = 0; i < n; i++)
    r->d[i] = op == '&'   ? r->d[i] & t.d[i]
              : op == '|' ? r->d[i] | t.d[i]
                          : r->d[i] ^ t.d[i];
  big_free (&t);
  from_twos (r, n);
  return true;
}

/* r = a * 2^s (left) or floor (a / 2^s) (right). */
static JsValue
shift (JsContext *ctx, const Big *a, uint64_t s, bool left)
{
  Big r;
  if (a->n == 0)
    return make (ctx, &(Big){ NULL, 0, false, false });
  if (left)
    {
      if (s > JS_BIGINT_MAX_BITS)
        return too_big (ctx);
      uint32_t w = (uint32_t) (s / DIGIT_BITS), bits = (uint32_t) (s % 64);
      if (!big_alloc (&r, (uint64_t) a->n + w + 1))
        return scratch_failed (ctx, (uint64_t) a->n + w + 1);
      for (uint32_t i = 0; i < a->n; i++)
        {
          r.d[i + w] |= a->d[i] << bits;
          if (bits)
            r.d[i + w + 1] = a->d[i] >> (DIGIT_BITS - bits);
        }
      r.neg = a->neg;
      return make (ctx, &r);
    }
  if (s >= (uint64_t) a->n * DIGIT_BITS)
    {
      /* Everything shifts out: 0, or -1 for a negative value. */
      Digit one = 1;
      Big m = { &one, a->neg ? 1 : 0, a->neg, false };
      return make (ctx, &m);
    }
  uint32_t w = (uint32_t) (s / DIGIT_BITS), bits = (uint32_t) (s % 64);
  bool lost = bits && (a->d[w] << (DIGIT_BITS - bits)) != 0;
  for (uint32_t i = 0; i < w && !lost; i++)
    lost = a->d[i] != 0;
  if (!big_alloc (&r, (uint64_t) a->n - w + 1))
    return js_throw_out_of_memory (ctx);
  for (uint32_t i = w; i < a->n; i++)
    r.d[i - w] = (a->d[i] >> bits)
                 | (bits && i + 1 < a->n ? a->d[i + 1] << (DIGIT_BITS - bits)
                                         : 0);
  r.n = a->n - w;
  r.neg = a->neg;
  if (a->neg && lost)
    {
      /* Floor, not truncation: one more in magnitude. */
      Digit one = 1;
      r.n = mag_add (r.d, r.d, r.n, &one, 1);
    }
  return make (ctx, &r);
}

static JsValue
power (JsContext *ctx, const Big *a, const Big *b)
{
  if (b->neg)
    return js_throw_range_error (ctx, "Exponent must be non-negative");
  Digit one = 1;
  if (b->n == 0)
    return make (ctx, &(Big){ &one, 1, false, false });
  if (a->n == 0 || (a->n == 1 && a->d[0] == 1))
    {
      /* 0, 1 and -1 stay small whatever the exponent. */
      Big r = { a->d, a->n, a->neg && (b->d[0] & 1), false };
      return make (ctx, &r);
    }
  uint64_t abits = bit_length (a->d, a->n);
  if (b->n > 1 || (Wide) (abits - 1) * b->d[0] + 1 > JS_BIGINT_MAX_BITS)
    return too_big (ctx);
  uint64_t e = b->d[0];
  /* Room for the result and for each product on the way (a product of
     parts may take one digit more than its trimmed value). */
  uint64_t cap = (abits * e) / DIGIT_BITS + 4;
  Big r, base, t;
  if (!big_alloc (&r, cap))
    return scratch_failed (ctx, cap);
  if (!big_alloc (&base, cap) || !big_alloc (&t, cap))
    {
      big_free (&r);
      big_free (&base);
      return scratch_failed (ctx, cap);
    }
  r.d[0] = 1;
  r.n = 1;
  memcpy (base.d, a->d, a->n * sizeof (Digit));
  base.n = a->n;
  for (;;)
    {
      if (e & 1)
        {
          memset (t.d, 0, ((size_t) r.n + base.n) * sizeof (Digit));
          mag_mul (t.d, r.d, r.n, base.d, base.n);
          t.n = r.n + base.n;
          trim (&t);
          Big x = r;
          r = t;
          t = x;
        }
      e >>= 1;
      if (!e)
        break;
      memset (t.d, 0, (size_t) base.n * 2 * sizeof (Digit));
      mag_mul (t.d, base.d, base.n, base.d, base.n);
      t.n = base.n * 2;
      trim (&t);
      Big x = base;
      base = t;
      t = x;
    }
  big_free (&base);
  big_free (&t);
  r.neg = a->neg && (b->d[0] & 1);
  return make (ctx, &r);
}

/* ------------------------------------------------------------------ */
/* Operators                                                           */
/* ------------------------------------------------------------------ */

JsValue
bigint_arith (JsContext *ctx, int op, JsValue av, JsValue bv)
{
  Big a = view (av), b = view (bv), r;
  bool ok;
  switch (op)
    {
    case '+':
    case '-':
      ok = big_add (&r, &a, &b, op == '-');
      return ok ? make (ctx, &r) : scratch_failed (ctx, MAX (a.n, b.n));
    case '*':
      if ((uint64_t) a.n + b.n > MAX_DIGITS + 1)
        return too_big (ctx);
      ok = big_mul (&r, &a, &b);
      return ok ? make (ctx, &r) : js_throw_out_of_memory (ctx);
    case '/':
    case '%':
      if (b.n == 0)
        return js_throw_range_error (ctx, "Division by zero");
      ok = op == '/' ? big_divmod (&r, NULL, &a, &b)
                     : big_divmod (NULL, &r, &a, &b);
      return ok ? make (ctx, &r) : js_throw_out_of_memory (ctx);
    case 'e':
      return power (ctx, &a, &b);
    case '&':
    case '|':
    case '^':
      ok = big_bitwise (&r, op, &a, &b);
      return ok ? make (ctx, &r) : js_throw_out_of_memory (ctx);
    case '<':
    case '>':
      {
        /* A negative count shifts the other way; a count of more than
           one digit shifts everything out (or is too big). */
        bool left = (op == '<') != b.neg;
        uint64_t s = b.n == 0 ? 0 : b.n > 1 ? UINT64_MAX : b.d[0];
        return shift (ctx, &a, s, left);
      }
    case 'u':
      return js_throw_type_error (ctx, "BigInts have no unsigned right "
                                       "shift, use >> instead");
    default:
      g_assert_not_reached ();
    }
}

JsValue
bigint_unary (JsContext *ctx, int op, JsValue av)
{
  Big a = view (av), r;
  Digit one = 1;
  Big b = { &one, 1, false, false };
  switch (op)
    {
    case '-':
      if (!big_copy (&r, &a, 0))
        return js_throw_out_of_memory (ctx);
      r.neg = !a.neg;
      return make (ctx, &r);
    case '~':
      /* ~x is -x - 1. */
      a.neg = !a.neg;
      if (a.n == 0)
        a.neg = false;
      return big_add (&r, &a, &b, true) ? make (ctx, &r)
                                         : js_throw_out_of_memory (ctx);
    case 'i':
    case 'd':
      return big_add (&r, &a, &b, op == 'd') ? make (ctx, &r)
                                              : js_throw_out_of_memory (ctx);
    default:
      return av;
    }
}

JsValue
bigint_as_n (JsContext *ctx, uint64_t bits, JsValue v, bool is_signed)
{
  Big x = view (v);
  if (bits == 0 || x.n == 0)
    return make (ctx, &(Big){ NULL, 0, false, false });
  uint64_t len = bit_length (x.d, x.n);
  /* Values that already fit come back as they are. */
  if (!is_signed && !x.neg && len <= bits)
    return v;
  if (is_signed && len < bits)
    return v;
  if (is_signed && x.neg && len == bits)
    {
      /* -2^(bits-1) fits; any other magnitude of that length does not. */
      bool power_of_two = (x.d[x.n - 1] & (x.d[x.n - 1] - 1)) == 0;
      for (uint32_t i = 0; i + 1 < x.n && power_of_two; i++)
        power_of_two = x.d[i] == 0;
      if (power_of_two)
        return v;
    }
  if (bits > JS_BIGINT_MAX_BITS)
    return too_big (ctx);
  uint32_t n = (uint32_t) ((bits + DIGIT_BITS - 1) / DIGIT_BITS);
  Big r;
  if (!big_alloc (&r, n))
    return js_throw_out_of_memory (ctx);
  to_twos (r.d, &x, n);
  uint32_t rem = (uint32_t) (bits % DIGIT_BITS);
  Digit mask = rem ? (UINT64_C (1) << rem) - 1 : ~UINT64_C (0);
  r.d[n - 1] &= mask;
  bool top = (r.d[n - 1] >> ((bits - 1) % DIGIT_BITS)) & 1;
  if (is_signed && top)
    {
      r.d[n - 1] |= ~mask;
      from_twos (&r, n);
    }
  else
    {
      r.n = n;
      r.neg = false;
    }
  return make (ctx, &r);
}

/* ------------------------------------------------------------------ */
/* Comparisons                                                         */
/* ------------------------------------------------------------------ */

bool
bigint_equals (JsValue av, JsValue bv)
{
  Big a = view (av), b = view (bv);
  return a.neg == b.neg && mag_cmp (a.d, a.n, b.d, b.n) == 0;
}

int
bigint_compare (JsValue av, JsValue bv)
{
  Big a = view (av), b = view (bv);
  if (a.neg != b.neg)
    return a.neg ? -1 : 1;
  int c = mag_cmp (a.d, a.n, b.d, b.n);
  return a.neg ? -c : c;
}

int
bigint_compare_double (JsValue bv, double d)
{
  if (d != d)
    return 2;
  Big b = view (bv);
  if (isinf (d))
    return d > 0 ? -1 : 1;
  int sb = b.neg ? -1 : b.n ? 1 : 0;
  int sd = d < 0 ? -1 : d > 0 ? 1 : 0;
  if (sb != sd)
    return sb < sd ? -1 : 1;
  if (sb == 0)
    return 0;
  /* Same sign: compare |b| with the whole part of |d|, then the
     fraction breaks a tie. */
  double m = fabs (d), whole = floor (m);
  Digit w[17] = { 0 };
  uint32_t wn = 0;
  if (whole >= 1)
    {
      int e;
      double f = frexp (whole, &e); /* whole = f * 2^e, 0.5 <= f < 1 */
      uint64_t mant = (uint64_t) ldexp (f, 53);
      int s = e - 53;
      if (s <= 0)
        w[0] = mant >> -s;
      else
        {
          w[s / 64] = mant << (s % 64);
          if (s % 64)
            w[s / 64 + 1] = mant >> (64 - s % 64);
        }
      wn = 17;
      while (wn > 0 && w[wn - 1] == 0)
        wn--;
    }
  int c = mag_cmp (b.d, b.n, w, wn);
  if (c == 0 && m > whole)
    c = -1;
  return sb < 0 ? -c : c;
}

uint32_t
bigint_hash (JsValue v)
{
  Big b = view (v);
  uint32_t h = 2166136261u ^ (b.neg ? 0x9e3779b9u : 0);
  for (uint32_t i = 0; i < b.n; i++)
    {
      h = (h ^ (uint32_t) b.d[i]) * 16777619u;
      h = (h ^ (uint32_t) (b.d[i] >> 32)) * 16777619u;
    }
  return h;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */
/* ------------------------------------------------------------------ */

double
bigint_to_double (JsValue v)
{
  Big x = view (v);
  uint64_t bits = bit_length (x.d, x.n);
  double r;
  if (bits == 0)
    return 0;
  if (bits <= 64)
    r = (double) x.d[0];
  else if (bits > 1025)
    r = INFINITY;
  else
    {
      /* The top 64 bits, with a sticky bit for everything below: the
         conversion of that rounds exactly as the whole value would. */
      uint64_t sh = bits - 64;
      uint32_t w = (uint32_t) (sh / 64), b = (uint32_t) (sh % 64);
      Digit m = b ? (x.d[w] >> b) | (x.d[w + 1] << (64 - b)) : x.d[w];
      bool sticky = b && (x.d[w] << (64 - b)) != 0;
      for (uint32_t i = 0; i < w && !sticky; i++)
        sticky = x.d[i] != 0;
      if (sticky)
        m |= 1;
      r = ldexp ((double) m, (int) sh);
    }
  return x.neg ? -r : r;
}

JsValue
bigint_from_double (JsContext *ctx, double d)
{
  uint64_t u;
  memcpy (&u, &d, sizeof u);
  int e = (int) ((u >> 52) & 0x7FF);
  bool neg = d < 0;
  if (e == 0)
    return make (ctx, &(Big){ NULL, 0, false, false });
  uint64_t mant = (u & ((UINT64_C (1) << 52) - 1)) | (UINT64_C (1) << 52);
  int s = e - 1075;
  Big r;
  if (s <= 0)
    {
      Digit one = mant >> -s;
      r = (Big){ &one, 1, neg, false };
      return make (ctx, &r);
    }
  if (!big_alloc (&r, (uint64_t) s / 64 + 2))
    return js_throw_out_of_memory (ctx);
  r.d[s / 64] = mant << (s % 64);
  if (s % 64)
    r.d[s / 64 + 1] = mant >> (64 - s % 64);
  r.neg = neg;
  return make (ctx, &r);
}

JsValue
bigint_from_number (JsContext *ctx, double d)
{
  if (!isfinite (d) || d != trunc (d))
    {
      JsString *s = js_number_to_string (ctx->rt, d);
      const char *a = s ? string_peek_ascii (s) : NULL;
      return js_throw_range_error (ctx, "The number %s cannot be converted "
                                        "to a BigInt because it is not an "
                                        "integer", a ? a : "");
    }
  return bigint_from_double (ctx, d);
}

int64_t
bigint_get_int64 (JsValue v)
{
  return (int64_t) bigint_get_uint64 (v);
}

uint64_t
bigint_get_uint64 (JsValue v)
{
  Big x = view (v);
  Digit d = x.n ? x.d[0] : 0;
  return x.neg ? -d : d;
}

/* ------------------------------------------------------------------ */
/* Strings                                                             */
/* ------------------------------------------------------------------ */

static int
digit_value (uint16_t c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return 99;
}

/* Digits of s[0 .. len) in radix (all valid) into a scratch number. */
static bool
mag_from_digits (Big *r, JsContext *ctx, const uint16_t *s, size_t len,
                 int radix)
{
  static const uint8_t bits_per[37] = { 0, 0, 1, 2, 2, 3, 3, 3, 3, 4, 4,
                                        4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5,
                                        5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
                                        6, 6, 6, 6 };
  uint64_t cap = ((uint64_t) len * bits_per[radix]) / DIGIT_BITS + 2;
  if (cap > MAX_DIGITS + 2)
    {
      too_big (ctx);
      return false;
    }
  if (!big_alloc (r, cap))
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  r->n = 0;
  /* Chunks of k digits: multiply by radix^k, add the chunk. */
  int k = 1;
  Digit chunk_max = (Digit) radix;
  while (chunk_max <= UINT64_MAX / (Digit) radix)
    {
      chunk_max *= (Digit) radix;
      k++;
    }
  for (size_t i = 0; i < len;)
    {
      Digit mul = 1, add = 0;
      for (int j = 0; j < k && i < len; j++, i++)
        {
          mul *= (Digit) radix;
          add = add * (Digit) radix + (Digit) digit_value (s[i]);
        }
      Digit c = add;
      for (uint32_t j = 0; j < r->n; j++)
        {
          Wide p = (Wide) r->d[j] * mul + c;
          r->d[j] = (Digit) p;
          c = (Digit) (p >> DIGIT_BITS);
        }
      if (c)
        r->d[r->n++] = c;
    }
  return true;
}

JsValue
bigint_from_literal (JsContext *ctx, const uint16_t *digits, size_t len,
                     int radix)
{
  Big r;
  if (!mag_from_digits (&r, ctx, digits, len, radix))
    return JS_EXCEPTION;
  return make (ctx, &r);
}

/* StrWhiteSpaceChar: white space and line terminators. */
static bool
is_space (uint32_t c)
{
  return c == 9 || c == 10 || c == 11 || c == 12 || c == 13 || c == 32
         || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
         || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
         || c == 0x3000 || c == 0xFEFF;
}

JsValue
bigint_from_string (JsContext *ctx, JsString *s)
{
  JsRuntime *rt = ctx->rt;
  if (!string_flatten (rt, s))
    return js_throw_out_of_memory (ctx);
  uint32_t a = 0, b = s->length;
  while (a < b && is_space (string_flat_char_at (s, a)))
    a++;
  while (b > a && is_space (string_flat_char_at (s, b - 1)))
    b--;
  uint16_t *u = g_try_malloc (((size_t) (b - a) + 1) * sizeof (uint16_t));
  if (!u)
    return js_throw_out_of_memory (ctx);
  size_t n = b - a;
  for (size_t i = 0; i < n; i++)
    u[i] = string_flat_char_at (s, a + (uint32_t) i);
  const uint16_t *p = u;
  int radix = 10;
  bool neg = false;
  if (n > 2 && p[0] == '0' && (p[1] | 0x20) < 128
      && strchr ("xob", p[1] | 0x20) && (p[1] | 0x20) != 0)
    {
      int c = p[1] | 0x20;
      radix = c == 'x' ? 16 : c == 'o' ? 8 : 2;
      p += 2;
      n -= 2;
    }
  else if (n > 0 && (p[0] == '+' || p[0] == '-'))
    {
      neg = p[0] == '-';
      p++;
      n--;
      if (n == 0)
        {
          g_free (u);
          return JS_UNDEFINED;
        }
    }
  for (size_t i = 0; i < n; i++)
    if (digit_value (p[i]) >= radix)
      {
        g_free (u);
        return JS_UNDEFINED;
      }
  Big r;
  bool ok = mag_from_digits (&r, ctx, p, n, radix);
  g_free (u);
  if (!ok)
    return JS_EXCEPTION;
  r.neg = neg;
  return make (ctx, &r);
}

JsValue
bigint_to_string (JsContext *ctx, JsValue v, int radix)
{
  JsRuntime *rt = ctx->rt;
  Big x = view (v);
  if (x.n == 0)
    {
      JsString *z = atom_intern_latin1 (rt, (const uint8_t *) "0", 1);
      return z ? js_string_value (z) : js_throw_out_of_memory (ctx);
    }
  static const uint8_t min_bits[37] = { 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3,
                                        3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4,
                                        4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5,
                                        5, 5, 5, 5 };
  size_t cap = (size_t) (bit_length (x.d, x.n) / min_bits[radix]) + 2;
  char *buf = g_try_malloc (cap + 1);
  Big t;
  if (!buf || !big_copy (&t, &x, 0))
    {
      g_free (buf);
      return js_throw_out_of_memory (ctx);
    }
  int k = 1;
  Digit chunk = (Digit) radix;
  while (chunk <= UINT64_MAX / (Digit) radix)
    {
      chunk *= (Digit) radix;
      k++;
    }
  /* Digits come out least significant first, from the end of buf. */
  size_t pos = cap;
  while (t.n > 0)
    {
      Digit rem = mag_div_small (t.d, t.d, t.n, chunk);
      trim (&t);
      for (int j = 0; j < k && (t.n > 0 || rem); j++)
        {
          buf[--pos] = "0123456789abcdefghijklmnopqrstuvwxyz"[rem % radix];
          rem /= (Digit) radix;
        }
    }
  if (x.neg)
    buf[--pos] = '-';
  big_free (&t);
  JsString *s = string_new_latin1 (rt, (const uint8_t *) buf + pos,
                                   cap - pos);
  g_free (buf);
  return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
}

/* ------------------------------------------------------------------ */
/* Conversions that may run script                                     */
/* ------------------------------------------------------------------ */

JsValue
bigint_to_bigint (JsContext *ctx, JsValue v)
{
  JsValue p = js_to_primitive (ctx, v, JS_HINT_NUMBER);
  if (js_is_exception (p) || js_is_bigint (p))
    return p;
  if (js_is_bool (p))
    return bigint_from_uint64 (ctx, js_get_bool (p));
  if (js_is_string (p))
    {
      JsValue r = bigint_from_string (ctx, js_get_string (p));
      if (js_is_undefined (r))
        return js_throw_error (ctx, JS_ERR_SYNTAX, "Cannot convert %s to a "
                                                   "BigInt",
                               realm_describe (ctx, p));
      return r;
    }
  return js_throw_type_error (ctx, "Cannot convert %s to a BigInt",
                              js_is_symbol (p) ? "a Symbol"
                                               : realm_describe (ctx, p));
}

bool
bigint_to_big_int64 (JsContext *ctx, JsValue v, int64_t *out)
{
  JsValue b = bigint_to_bigint (ctx, v);
  if (js_is_exception (b))
    return false;
  *out = bigint_get_int64 (b);
  return true;
}

bool
bigint_to_big_uint64 (JsContext *ctx, JsValue v, uint64_t *out)
{
  JsValue b = bigint_to_bigint (ctx, v);
  if (js_is_exception (b))
    return false;
  *out = bigint_get_uint64 (b);
  return true;
}
