/* builtins-math.c — the Math namespace.
 *
 * Most functions are the C library's, which agrees with the spec on
 * every special value it names (NaN, the zeros and infinities) except
 * where this file says otherwise: round (halves go up, and -0.5 ≤ x < 0
 * gives -0), pow (the spec's NaN cases), max and min (every argument is
 * converted before any is compared; -0 < +0), and hypot (an infinity
 * wins over NaN).  Math.random is xorshift128+ with a state per realm,
 * seeded from GLib's generator (urandom) when the realm is made.
 */
#include "config.h"

#include "builtins.h"

#include "property.h"

#include <math.h>

/* ------------------------------------------------------------------ */
/* Functions of one number                                             */
/* ------------------------------------------------------------------ */

static double
js_round (double x)
{
  if (!isfinite (x) || x == 0)
    return x;
  double r = floor (x);
  if (x - r >= 0.5)
    r += 1;
  /* -0.5 ≤ x < 0 rounds to -0. */
  if (r == 0 && x < 0)
    return -0.0;
  return r;
}

/* glibc's cbrt is off by an ulp even on exact cubes (cbrt (27) is not
 * 3): one Newton step in extended precision puts it right. */
static double
js_cbrt (double x)
{
  double r = cbrt (x);
  if (!isfinite (r) || r == 0)
    return r;
  long double y = r;
  y -= (y * y * y - x) / (3 * y * y);
  return (double) y;
}

static double
js_sign (double x)
{
  if (x != x || x == 0)
    return x;
  return x > 0 ? 1 : -1;
}

static double
js_fround (double x)
{
  return (double) (float) x;
}

typedef double (*UnaryFn) (double);

/* In the order of the table in builtins_init_math; magic indexes it. */
static const UnaryFn unary_fns[] = {
  fabs, acos, acosh, asin, asinh, atan, atanh, js_cbrt, ceil, cos, cosh,
  exp, expm1, floor, js_fround, log, log1p, log10, log2, js_round,
  js_sign, sin, sinh, sqrt, tan, tanh, trunc,
};

static JsValue
math_unary (const JsCallInfo *info)
{
  double x;
  if (!js_to_number (info->ctx, js_arg (info, 0), &x))
    return JS_EXCEPTION;
  return js_number (unary_fns[info->magic](x));
}

/* ------------------------------------------------------------------ */
/* Functions of two numbers                                            */
/* ------------------------------------------------------------------ */

static bool
two_numbers (const JsCallInfo *info, double *x, double *y)
{
  return js_to_number (info->ctx, js_arg (info, 0), x)
         && js_to_number (info->ctx, js_arg (info, 1), y);
}

static JsValue
math_atan2 (const JsCallInfo *info)
{
  double y, x;
  if (!two_numbers (info, &y, &x))
    return JS_EXCEPTION;
  return js_number (atan2 (y, x));
}

static JsValue
math_pow (const JsCallInfo *info)
{
  double x, y;
  if (!two_numbers (info, &x, &y))
    return JS_EXCEPTION;
  /* C's pow says 1 where the spec says NaN: pow (1, NaN) and
     pow (±1, ±Infinity). */
  if (y != y)
    return js_canonical_double (NAN);
  if ((x == 1 || x == -1) && isinf (y))
    return js_canonical_double (NAN);
  return js_number (pow (x, y));
}

static JsValue
math_imul (const JsCallInfo *info)
{
  uint32_t a, b;
  if (!js_to_uint32 (info->ctx, js_arg (info, 0), &a)
      || !js_to_uint32 (info->ctx, js_arg (info, 1), &b))
    return JS_EXCEPTION;
  return js_int32 ((int32_t) (a * b));
}

static JsValue
math_clz32 (const JsCallInfo *info)
{
  uint32_t n;
  if (!js_to_uint32 (info->ctx, js_arg (info, 0), &n))
    return JS_EXCEPTION;
  return js_int32 (n ? __builtin_clz (n) : 32);
}

/* ------------------------------------------------------------------ */
/* Functions of any count of numbers                                   */
/* ------------------------------------------------------------------ */

/* Math.max (magic 1) and Math.min (magic 0). */
static JsValue
math_max_min (const JsCallInfo *info)
{
  bool max = info->magic;
  double r = max ? -INFINITY : INFINITY;
  bool nan = false;
  for (uint32_t i = 0; i < info->argc; i++)
    {
      double x;
      if (!js_to_number (info->ctx, info->argv[i], &x))
        return JS_EXCEPTION;
      if (x != x)
        nan = true;
      else if (max ? (x > r || (x == 0 && r == 0 && !signbit (x)))
                   : (x < r || (x == 0 && r == 0 && signbit (x))))
        r = x;
    }
  return nan ? js_canonical_double (NAN) : js_number (r);
}

static JsValue
math_hypot (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  uint32_t n = info->argc;
  double small[8];
  double *xs = n <= G_N_ELEMENTS (small) ? small : g_try_new (double, n);
  if (!xs)
    return js_throw_out_of_memory (ctx);
  bool ok = true, inf = false, nan = false;
  double big = 0;
  for (uint32_t i = 0; i < n && ok; i++)
    {
      ok = js_to_number (ctx, info->argv[i], &xs[i]);
      double a = fabs (xs[i]);
      if (isinf (a))
        inf = true;
      else if (a != a)
        nan = true;
      else if (a > big)
        big = a;
    }
  double r;
  if (!ok || inf || nan || big == 0)
    r = inf ? INFINITY : nan ? NAN : 0;
  else
    {
      /* Scaled by the largest, so no square overflows or underflows; the
         sum is compensated (Kahan) so many terms keep their precision. */
      double sum = 0, comp = 0;
      for (uint32_t i = 0; i < n; i++)
        {
          double t = xs[i] / big;
          double y = t * t - comp;
          double s = sum + y;
          comp = (s - sum) - y;
          sum = s;
        }
      r = big * sqrt (sum);
    }
  if (xs != small)
    g_free (xs);
  return ok ? js_number (r) : JS_EXCEPTION;
}

/* ------------------------------------------------------------------ */
/* Math.random                                                         */
/* ------------------------------------------------------------------ */

static uint64_t
splitmix64 (uint64_t *x)
{
  uint64_t z = (*x += UINT64_C (0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * UINT64_C (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static JsValue
math_random (const JsCallInfo *info)
{
  uint64_t *s = info->ctx->random_state;
  uint64_t x = s[0];
  uint64_t const y = s[1];
  s[0] = y;
  x ^= x << 23;
  s[1] = x ^ y ^ (x >> 17) ^ (y >> 26);
  /* The top 53 bits of the sum, as a fraction in [0, 1). */
  return js_double ((double) ((s[1] + y) >> 11) * 0x1.0p-53);
}

bool
builtins_init_math (JsContext *ctx)
{
  static const JsMethodSpec fns[] = {
    { "abs", math_unary, 1, 0 },
    { "acos", math_unary, 1, 1 },
    { "acosh", math_unary, 1, 2 },
    { "asin", math_unary, 1, 3 },
    { "asinh", math_unary, 1, 4 },
    { "atan", math_unary, 1, 5 },
    { "atanh", math_unary, 1, 6 },
    { "atan2", math_atan2, 2, 0 },
    { "cbrt", math_unary, 1, 7 },
    { "ceil", math_unary, 1, 8 },
    { "clz32", math_clz32, 1, 0 },
    { "cos", math_unary, 1, 9 },
    { "cosh", math_unary, 1, 10 },
    { "exp", math_unary, 1, 11 },
    { "expm1", math_unary, 1, 12 },
    { "floor", math_unary, 1, 13 },
    { "fround", math_unary, 1, 14 },
    { "hypot", math_hypot, 2, 0 },
    { "imul", math_imul, 2, 0 },
    { "log", math_unary, 1, 15 },
    { "log1p", math_unary, 1, 16 },
    { "log10", math_unary, 1, 17 },
    { "log2", math_unary, 1, 18 },
    { "max", math_max_min, 2, 1 },
    { "min", math_max_min, 2, 0 },
    { "pow", math_pow, 2, 0 },
    { "random", math_random, 0, 0 },
    { "round", math_unary, 1, 19 },
    { "sign", math_unary, 1, 20 },
    { "sin", math_unary, 1, 21 },
    { "sinh", math_unary, 1, 22 },
    { "sqrt", math_unary, 1, 23 },
    { "tan", math_unary, 1, 24 },
    { "tanh", math_unary, 1, 25 },
    { "trunc", math_unary, 1, 26 },
  };
  static const struct
  {
    const char *name;
    double value;
  } constants[] = {
    { "E", M_E },         { "LN10", M_LN10 },       { "LN2", M_LN2 },
    { "LOG10E", M_LOG10E }, { "LOG2E", M_LOG2E },   { "PI", M_PI },
    { "SQRT1_2", M_SQRT1_2 }, { "SQRT2", M_SQRT2 },
  };
  JsRuntime *rt = ctx->rt;
  uint64_t seed = ((uint64_t) g_random_int () << 32) | g_random_int ();
  ctx->random_state[0] = splitmix64 (&seed);
  ctx->random_state[1] = splitmix64 (&seed);
  JsObject *math = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                          4);
  if (!math)
    return false;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pm = rt_push_root (rt, js_object_value (math));
  bool ok = builtins_define_methods (ctx, math, fns, G_N_ELEMENTS (fns));
  for (size_t i = 0; ok && i < G_N_ELEMENTS (constants); i++)
    {
      JsKey k = atom_key_from_utf8 (rt, constants[i].name);
      ok = k != JS_KEY_NONE
           && object_define_own (rt, js_get_object (*pm), k,
                                 js_double (constants[i].value), 0)
                  == JS_PROP_DONE;
    }
  JsString *tag = ok ? atom_intern_utf8 (rt, "Math", -1) : NULL;
  ok = tag
       && object_define_own (rt, js_get_object (*pm),
                             symbol_key (rt->well_known[JS_SYM_toStringTag]),
                             js_string_value (tag), JS_ATTR_CONFIGURABLE)
              == JS_PROP_DONE
       && realm_define_global (ctx, "Math", *pm);
  rt_restore_roots (rt, saved);
  return ok;
}
