/* ops.c — conversions, operators and property access on any value.
 *
 * The spec's abstract operations, in the order ECMA-262 section 7 gives
 * them.  The interpreter handles the common cases inline (int32
 * arithmetic, cached property loads) and calls here for the rest.
 */
#include "config.h"

#include "ops.h"

#include "bigint.h"
#include "dtoa.h"
#include "function.h"
#include "property.h"
#include "realm.h"

#include <math.h>

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

JsValue
js_throw (JsContext *ctx, JsValue exception)
{
  ctx->pending_exception = exception;
  return JS_EXCEPTION;
}

JsValue
js_take_exception (JsContext *ctx)
{
  JsValue e = ctx->pending_exception;
  ctx->pending_exception = JS_EMPTY;
  return e;
}

static JsValue
new_error_v (JsContext *ctx, JsErrorType type, const char *fmt, va_list ap)
{
  JsRuntime *rt = ctx->rt;
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  JsString *s = string_new_utf8 (rt, msg, -1);
  if (!s)
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *sv = rt_push_root (rt, js_string_value (s));
  JsObject *e = realm_new_error_object (ctx,
                                        (JsCell *) ctx->error_protos[type]);
  if (!e)
    {
      rt_restore_roots (rt, saved);
      return JS_EXCEPTION;
    }
  JsValue *ev = rt_push_root (rt, js_object_value (e));
  object_define_own (rt, e, atom_common_key (rt, JS_ATOM_message), *sv,
                     JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE);
  js_capture_stack (ctx, js_get_object (*ev));
  JsValue r = *ev;
  rt_restore_roots (rt, saved);
  return r;
}

JsValue
js_new_error (JsContext *ctx, JsErrorType type, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  JsValue e = new_error_v (ctx, type, fmt, ap);
  va_end (ap);
  return e;
}

JsValue
js_throw_error (JsContext *ctx, JsErrorType type, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  JsValue e = new_error_v (ctx, type, fmt, ap);
  va_end (ap);
  if (js_is_exception (e))
    return js_throw_out_of_memory (ctx);
  return js_throw (ctx, e);
}

JsValue
js_throw_out_of_memory (JsContext *ctx)
{
  /* Preallocated: making an error needs memory too. */
  return js_throw (ctx, js_object_value (ctx->out_of_memory));
}

/* ------------------------------------------------------------------ */
/* Conversions                                                         */
/* ------------------------------------------------------------------ */

bool
js_to_boolean (JsValue v)
{
  if (js_is_bool (v))
    return js_get_bool (v);
  if (js_is_int32 (v))
    return js_get_int32 (v) != 0;
  if (js_is_double (v))
    {
      double d = js_get_double (v);
      return d == d && d != 0;
    }
  if (js_is_nullish (v))
    return false;
  if (js_is_string (v))
    return js_get_string (v)->length != 0;
  if (js_is_bigint (v))
    return !bigint_is_zero (v);
  return true;
}

int32_t
js_double_to_int32 (double d)
{
  if (!isfinite (d))
    return 0;
  if (d >= -2147483648.0 && d <= 2147483647.0)
    return (int32_t) d;
  double m = fmod (trunc (d), 4294967296.0);
  if (m < 0)
    m += 4294967296.0;
  return (int32_t) (uint32_t) m;
}

static bool
is_space (uint32_t c)
{
  return c == 9 || c == 10 || c == 11 || c == 12 || c == 13 || c == 32
         || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
         || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
         || c == 0x3000 || c == 0xFEFF;
}

double
js_string_to_number (JsRuntime *rt, JsString *s)
{
  uint32_t len = s->length;
  if (!string_flatten (rt, s))
    return NAN;
  uint32_t a = 0, b = len;
  while (a < b && is_space (string_flat_char_at (s, a)))
    a++;
  while (b > a && is_space (string_flat_char_at (s, b - 1)))
    b--;
  if (a == b)
    return 0;
  /* Copy to ASCII; anything else makes it NaN. */
  size_t n = b - a;
  char small[128];
  char *buf = n < sizeof small ? small : g_try_malloc (n + 1);
  if (!buf)
    return NAN;
  for (size_t i = 0; i < n; i++)
    {
      uint16_t c = string_flat_char_at (s, a + (uint32_t) i);
      if (c >= 128)
        {
          if (buf != small)
            g_free (buf);
          return NAN;
        }
      buf[i] = (char) c;
    }
  buf[n] = 0;
  double r = NAN;
  const char *p = buf, *end = buf + n, *stop;
  if (n > 2 && p[0] == '0' && (p[1] | 0x20) != 0 && strchr ("xob", p[1] | 0x20))
    {
      int radix = (p[1] | 0x20) == 'x' ? 16 : (p[1] | 0x20) == 'o' ? 8 : 2;
      r = js_strtod_radix (p + 2, n - 2, radix, &stop);
      if (stop != end)
        r = NAN;
    }
  else
    {
      const char *q = p;
      bool neg = false;
      if (*q == '+' || *q == '-')
        neg = *q++ == '-';
      if ((size_t) (end - q) == 8 && memcmp (q, "Infinity", 8) == 0)
        r = neg ? -INFINITY : INFINITY;
      else
        {
          r = js_strtod (q, (size_t) (end - q), &stop);
          if (stop != end || stop == q)
            r = NAN;
          else if (neg)
            r = -r;
        }
    }
  if (buf != small)
    g_free (buf);
  return r;
}

bool
js_to_number (JsContext *ctx, JsValue v, double *out)
{
  for (;;)
    {
      if (js_is_int32 (v))
        {
          *out = js_get_int32 (v);
          return true;
        }
      if (js_is_double (v))
        {
          *out = js_get_double (v);
          return true;
        }
      if (js_is_undefined (v))
        {
          *out = NAN;
          return true;
        }
      if (js_is_null (v) || js_is_bool (v))
        {
          *out = js_is_bool (v) && js_get_bool (v) ? 1 : 0;
          return true;
        }
      if (js_is_string (v))
        {
          *out = js_string_to_number (ctx->rt, js_get_string (v));
          return true;
        }
      if (js_is_symbol (v))
        {
          js_throw_type_error (ctx, "Cannot convert a Symbol value to a "
                                    "number");
          return false;
        }
      if (js_is_bigint (v))
        {
          js_throw_type_error (ctx, "Cannot convert a BigInt value to a "
                                    "number");
          return false;
        }
      v = js_to_primitive (ctx, v, JS_HINT_NUMBER);
      if (js_is_exception (v))
        return false;
    }
}

JsValue
js_to_number_value (JsContext *ctx, JsValue v)
{
  if (js_is_number (v))
    return v;
  double d;
  if (!js_to_number (ctx, v, &d))
    return JS_EXCEPTION;
  return js_number (d);
}

JsValue
js_to_numeric (JsContext *ctx, JsValue v)
{
  if (js_is_number (v) || js_is_bigint (v))
    return v;
  JsValue p = js_to_primitive (ctx, v, JS_HINT_NUMBER);
  if (js_is_exception (p) || js_is_bigint (p))
    return p;
  return js_to_number_value (ctx, p);
}

JsString *
js_number_to_string (JsRuntime *rt, double d)
{
  char buf[JS_DTOA_BUFSIZE];
  size_t n;
  if (d >= 0 && d < 10 && d == (int) d && !(d == 0 && 1 / d < 0))
    {
      /* Small integers are common keys: skip the general printer. */
      buf[0] = (char) ('0' + (int) d);
      n = 1;
    }
  else
    n = js_dtoa (d, buf);
  return atom_intern_latin1 (rt, (const uint8_t *) buf, n);
}

JsValue
js_to_string (JsContext *ctx, JsValue v)
{
  JsRuntime *rt = ctx->rt;
  for (;;)
    {
      if (js_is_string (v))
        return v;
      if (js_is_number (v))
        {
          JsString *s = js_number_to_string (rt, js_get_number (v));
          return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
        }
      if (js_is_undefined (v))
        return js_string_value (atom_common (rt, JS_ATOM_undefined));
      if (js_is_null (v))
        return js_string_value (atom_common (rt, JS_ATOM_null));
      if (js_is_bool (v))
        return js_string_value (atom_common (rt, js_get_bool (v)
                                                     ? JS_ATOM_true
                                                     : JS_ATOM_false));
      if (js_is_symbol (v))
        return js_throw_type_error (ctx, "Cannot convert a Symbol value to "
                                         "a string");
      if (js_is_bigint (v))
        return bigint_to_string (ctx, v, 10);
      v = js_to_primitive (ctx, v, JS_HINT_STRING);
      if (js_is_exception (v))
        return v;
    }
}

static JsValue
call_method_named (JsContext *ctx, JsValue o, JsCommonAtom name, bool *found)
{
  JsValue f = js_get (ctx, o, atom_common_key (ctx->rt, name));
  *found = false;
  if (js_is_exception (f))
    return f;
  if (!js_is_callable (f))
    return JS_UNDEFINED;
  *found = true;
  return js_call (ctx, f, o, 0, NULL);
}

JsValue
js_to_primitive (JsContext *ctx, JsValue v, JsHint hint)
{
  if (!js_is_object (v))
    return v;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, v);
  JsValue exotic = js_get_method (ctx, v,
                                  symbol_key (rt->well_known[JS_SYM_toPrimitive]));
  if (js_is_exception (exotic))
    goto out;
  if (!js_is_undefined (exotic))
    {
      JsCommonAtom hint_name = hint == JS_HINT_STRING   ? JS_ATOM_string
                         : hint == JS_HINT_NUMBER ? JS_ATOM_number
                                                  : JS_ATOM_default;
      JsValue arg = js_string_value (atom_common (rt, hint_name));
      JsValue r = js_call (ctx, exotic, v, 1, &arg);
      if (!js_is_exception (r) && js_is_object (r))
        r = js_throw_type_error (ctx, "Cannot convert object to primitive "
                                      "value");
      exotic = r;
      goto out;
    }
  JsCommonAtom order[2] = { JS_ATOM_valueOf, JS_ATOM_toString };
  if (hint == JS_HINT_STRING)
    {
      order[0] = JS_ATOM_toString;
      order[1] = JS_ATOM_valueOf;
    }
  for (int i = 0; i < 2; i++)
    {
      bool found;
      JsValue r = call_method_named (ctx, v, order[i], &found);
      if (js_is_exception (r) || (found && !js_is_object (r)))
        {
          exotic = r;
          goto out;
        }
    }
  exotic = js_throw_type_error (ctx, "Cannot convert object to primitive "
                                     "value");
out:
  rt_restore_roots (rt, saved);
  return exotic;
}

JsValue
js_to_object (JsContext *ctx, JsValue v)
{
  if (js_is_object (v))
    return v;
  if (js_is_nullish (v))
    return js_throw_type_error (ctx, "Cannot convert %s to object",
                                js_is_null (v) ? "null" : "undefined");
  return realm_wrap_primitive (ctx, v);
}

bool
js_to_property_key (JsContext *ctx, JsValue v, JsKey *key)
{
  JsRuntime *rt = ctx->rt;
  if (js_is_int32 (v) && js_get_int32 (v) >= 0)
    {
      *key = js_key_from_index ((uint32_t) js_get_int32 (v));
      return true;
    }
  if (js_is_symbol (v))
    {
      *key = symbol_key (js_get_symbol (v));
      return true;
    }
  if (!js_is_string (v))
    {
      v = js_to_primitive (ctx, v, JS_HINT_STRING);
      if (js_is_exception (v))
        return false;
      if (js_is_symbol (v))
        {
          *key = symbol_key (js_get_symbol (v));
          return true;
        }
      v = js_to_string (ctx, v);
      if (js_is_exception (v))
        return false;
    }
  *key = atom_key_from_string (rt, js_get_string (v));
  if (*key == JS_KEY_NONE)
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  return true;
}

JsValue
js_to_property_key_value (JsContext *ctx, JsValue v)
{
  if (js_is_string (v) || js_is_symbol (v))
    return v;
  JsValue p = js_to_primitive (ctx, v, JS_HINT_STRING);
  if (js_is_exception (p) || js_is_symbol (p))
    return p;
  return js_to_string (ctx, p);
}

bool
js_to_int32 (JsContext *ctx, JsValue v, int32_t *out)
{
  if (js_is_int32 (v))
    {
      *out = js_get_int32 (v);
      return true;
    }
  double d;
  if (!js_to_number (ctx, v, &d))
    return false;
  *out = js_double_to_int32 (d);
  return true;
}

bool
js_to_uint32 (JsContext *ctx, JsValue v, uint32_t *out)
{
  int32_t i;
  if (!js_to_int32 (ctx, v, &i))
    return false;
  *out = (uint32_t) i;
  return true;
}

bool
js_to_integer (JsContext *ctx, JsValue v, double *out)
{
  double d;
  if (!js_to_number (ctx, v, &d))
    return false;
  if (d != d)
    d = 0;
  else if (isfinite (d))
    d = trunc (d) + 0.0;
  *out = d;
  return true;
}

bool
js_to_length (JsContext *ctx, JsValue v, double *out)
{
  double d;
  if (!js_to_integer (ctx, v, &d))
    return false;
  *out = d <= 0 ? 0 : MIN (d, 9007199254740991.0);
  return true;
}

/* ------------------------------------------------------------------ */
/* Equality and comparison                                             */
/* ------------------------------------------------------------------ */

bool
js_strict_equals (JsRuntime *rt, JsValue a, JsValue b)
{
  if (js_is_number (a) && js_is_number (b))
    return js_get_number (a) == js_get_number (b);
  if (js_is_string (a) && js_is_string (b))
    return a == b || string_equals (rt, js_get_string (a), js_get_string (b));
  if (js_is_bigint (a) && js_is_bigint (b))
    return bigint_equals (a, b);
  return a == b;
}

/* StringToBigInt (s) compared with the BigInt a: <0, 0 or >0, 2 if s is
 * no integer, 3 with an exception pending. */
static int
bigint_compare_string (JsContext *ctx, JsValue a, JsValue s)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, a);
  JsValue n = bigint_from_string (ctx, js_get_string (s));
  int r = js_is_exception (n)   ? 3
          : js_is_undefined (n) ? 2
                                : bigint_compare (*pa, n);
  rt_restore_roots (rt, saved);
  return r;
}

bool
js_same_value_zero (JsRuntime *rt, JsValue a, JsValue b)
{
  if (js_is_number (a) && js_is_number (b))
    {
      double x = js_get_number (a), y = js_get_number (b);
      return x == y || (x != x && y != y);
    }
  return js_strict_equals (rt, a, b);
}

bool
js_same_value (JsRuntime *rt, JsValue a, JsValue b)
{
  if (js_is_number (a) && js_is_number (b))
    {
      double x = js_get_number (a), y = js_get_number (b);
      if (x != x)
        return y != y;
      return x == y && signbit (x) == signbit (y);
    }
  return js_strict_equals (rt, a, b);
}

int
js_loose_equals (JsContext *ctx, JsValue a, JsValue b)
{
  JsRuntime *rt = ctx->rt;
  for (;;)
    {
      if ((js_is_number (a) && js_is_number (b))
          || (js_is_string (a) && js_is_string (b))
          || (js_is_bigint (a) && js_is_bigint (b))
          || js_tag (a) == js_tag (b))
        return js_strict_equals (rt, a, b);
      if (js_is_nullish (a) && js_is_nullish (b))
        return 1;
      if (js_is_nullish (a) || js_is_nullish (b))
        return 0;
      if (js_is_number (a) && js_is_string (b))
        return js_get_number (a)
               == js_string_to_number (rt, js_get_string (b));
      if (js_is_string (a) && js_is_number (b))
        return js_string_to_number (rt, js_get_string (a))
               == js_get_number (b);
      if (js_is_bigint (a) && js_is_string (b))
        {
          int c = bigint_compare_string (ctx, a, b);
          return c == 3 ? -1 : c == 0;
        }
      if (js_is_string (a) && js_is_bigint (b))
        {
          int c = bigint_compare_string (ctx, b, a);
          return c == 3 ? -1 : c == 0;
        }
      if (js_is_bigint (a) && js_is_number (b))
        return bigint_compare_double (a, js_get_number (b)) == 0;
      if (js_is_number (a) && js_is_bigint (b))
        return bigint_compare_double (b, js_get_number (a)) == 0;
      if (js_is_bool (a))
        {
          a = js_int32 (js_get_bool (a));
          continue;
        }
      if (js_is_bool (b))
        {
          b = js_int32 (js_get_bool (b));
          continue;
        }
      if (js_is_object (b) && !js_is_object (a))
        {
          JsValue t = a;
          a = b;
          b = t;
        }
      if (js_is_object (a) && !js_is_object (b))
        {
          JsValue *saved = rt_save_roots (rt);
          rt_push_root (rt, b);
          a = js_to_primitive (ctx, a, JS_HINT_DEFAULT);
          b = *(saved);
          rt_restore_roots (rt, saved);
          if (js_is_exception (a))
            return -1;
          continue;
        }
      return 0;
    }
}

int
js_less_than (JsContext *ctx, JsValue a, JsValue b, bool left_first,
              bool or_equal)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, a), *pb = rt_push_root (rt, b);
  int r = -1;
  if (left_first)
    {
      if (js_is_exception (*pa = js_to_primitive (ctx, *pa, JS_HINT_NUMBER))
          || js_is_exception (*pb = js_to_primitive (ctx, *pb,
                                                     JS_HINT_NUMBER)))
        goto out;
    }
  else
    {
      if (js_is_exception (*pb = js_to_primitive (ctx, *pb, JS_HINT_NUMBER))
          || js_is_exception (*pa = js_to_primitive (ctx, *pa,
                                                     JS_HINT_NUMBER)))
        goto out;
    }
  a = *pa;
  b = *pb;
  if (js_is_string (a) && js_is_string (b))
    {
      int c = string_compare (rt, js_get_string (a), js_get_string (b));
      r = or_equal ? c <= 0 : c < 0;
      goto out;
    }
  if (js_is_bigint (a) || js_is_bigint (b))
    {
      /* BigInt against a string, a number or a BigInt; an answer of
         "undefined" (NaN, or a string that is no integer) is false. */
      int c;
      if (js_is_string (b) || js_is_string (a))
        {
          bool swap = js_is_string (a);
          c = bigint_compare_string (ctx, swap ? b : a, swap ? a : b);
          if (c == 3)
            goto out;
          if (swap && c != 2)
            c = -c;
        }
      else
        {
          if (js_is_exception (*pa = js_to_numeric (ctx, a))
              || js_is_exception (*pb = js_to_numeric (ctx, *pb)))
            goto out;
          a = *pa;
          b = *pb;
          if (js_is_bigint (a) && js_is_bigint (b))
            c = bigint_compare (a, b);
          else if (js_is_bigint (a))
            c = bigint_compare_double (a, js_get_number (b));
          else
            {
              c = bigint_compare_double (b, js_get_number (a));
              if (c != 2)
                c = -c;
            }
        }
      r = c == 2 ? 0 : or_equal ? c <= 0 : c < 0;
      goto out;
    }
  double x, y;
  if (!js_to_number (ctx, a, &x) || !js_to_number (ctx, b, &y))
    goto out;
  r = or_equal ? x <= y : x < y;
out:
  rt_restore_roots (rt, saved);
  return r;
}

JsValue
js_typeof (JsContext *ctx, JsValue v)
{
  JsRuntime *rt = ctx->rt;
  JsCommonAtom a;
  if (js_is_number (v))
    a = JS_ATOM_number;
  else if (js_is_string (v))
    a = JS_ATOM_string;
  else if (js_is_undefined (v))
    a = JS_ATOM_undefined;
  else if (js_is_bool (v))
    a = JS_ATOM_boolean;
  else if (js_is_symbol (v))
    a = JS_ATOM_symbol;
  else if (js_is_bigint (v))
    a = JS_ATOM_bigint;
  else if (js_is_callable (v))
    a = JS_ATOM_function;
  else
    a = JS_ATOM_object;
  return js_string_value (atom_common (rt, a));
}

/* ------------------------------------------------------------------ */
/* Arithmetic                                                          */
/* ------------------------------------------------------------------ */

JsValue
js_add (JsContext *ctx, JsValue a, JsValue b)
{
  JsRuntime *rt = ctx->rt;
  if (js_is_number (a) && js_is_number (b))
    return js_number (js_get_number (a) + js_get_number (b));
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, a), *pb = rt_push_root (rt, b);
  JsValue r = JS_EXCEPTION;
  if (js_is_exception (*pa = js_to_primitive (ctx, *pa, JS_HINT_DEFAULT))
      || js_is_exception (*pb = js_to_primitive (ctx, *pb, JS_HINT_DEFAULT)))
    goto out;
  if (js_is_string (*pa) || js_is_string (*pb))
    {
      if (js_is_exception (*pa = js_to_string (ctx, *pa))
          || js_is_exception (*pb = js_to_string (ctx, *pb)))
        goto out;
      JsString *s = string_concat (rt, js_get_string (*pa),
                                   js_get_string (*pb));
      r = s ? js_string_value (s)
            : js_throw_range_error (ctx, "Invalid string length");
      goto out;
    }
  r = js_arith (ctx, '+', *pa, *pb);
out:
  rt_restore_roots (rt, saved);
  return r;
}

static double
js_fmod (double x, double y)
{
  if (y != y || x != x || isinf (x) || y == 0)
    return NAN;
  if (isinf (y) || x == 0)
    return x;
  return fmod (x, y);
}

static double
js_pow (double x, double y)
{
  if (y != y)
    return NAN;
  if (y == 0)
    return 1;
  if ((x == 1 || x == -1) && isinf (y))
    return NAN;
  return pow (x, y);
}

JsValue
js_arith (JsContext *ctx, int op, JsValue a, JsValue b)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, a), *pb = rt_push_root (rt, b);
  JsValue r = JS_EXCEPTION;
  if (js_is_exception (*pa = js_to_numeric (ctx, *pa))
      || js_is_exception (*pb = js_to_numeric (ctx, *pb)))
    goto out;
  if (js_is_bigint (*pa) || js_is_bigint (*pb))
    {
      r = js_is_bigint (*pa) && js_is_bigint (*pb)
              ? bigint_arith (ctx, op, *pa, *pb)
              : js_throw_type_error (ctx, "Cannot mix BigInt and other "
                                          "types, use explicit "
                                          "conversions");
      goto out;
    }
  double x = js_get_number (*pa), y = js_get_number (*pb);
  switch (op)
    {
    case '+': r = js_number (x + y); break;
    case '-': r = js_number (x - y); break;
    case '*': r = js_number (x * y); break;
    case '/': r = js_number (x / y); break;
    case '%': r = js_number (js_fmod (x, y)); break;
    case 'e': r = js_number (js_pow (x, y)); break;
    case '&':
      r = js_int32 (js_double_to_int32 (x) & js_double_to_int32 (y));
      break;
    case '|':
      r = js_int32 (js_double_to_int32 (x) | js_double_to_int32 (y));
      break;
    case '^':
      r = js_int32 (js_double_to_int32 (x) ^ js_double_to_int32 (y));
      break;
    case '<':
      r = js_int32 ((int32_t) ((uint32_t) js_double_to_int32 (x)
                               << (js_double_to_int32 (y) & 31)));
      break;
    case '>':
      r = js_int32 (js_double_to_int32 (x) >> (js_double_to_int32 (y) & 31));
      break;
    case 'u':
      r = js_number ((double) ((uint32_t) js_double_to_int32 (x)
                               >> (js_double_to_int32 (y) & 31)));
      break;
    default:
      g_assert_not_reached ();
    }
out:
  rt_restore_roots (rt, saved);
  return r;
}

JsValue
js_unary (JsContext *ctx, int op, JsValue v)
{
  JsValue n = js_to_numeric (ctx, v);
  if (js_is_exception (n))
    return n;
  if (js_is_bigint (n))
    return bigint_unary (ctx, op, n);
  double d = js_get_number (n);
  switch (op)
    {
    case '-': return js_number (-d);
    case '~': return js_int32 (~js_double_to_int32 (d));
    case 'i': return js_number (d + 1);
    case 'd': return js_number (d - 1);
    default: return n;
    }
}

/* ------------------------------------------------------------------ */
/* instanceof and in                                                   */
/* ------------------------------------------------------------------ */

JsValue
js_ordinary_has_instance (JsContext *ctx, JsValue c, JsValue o)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_callable (c))
    return JS_FALSE;
  if (function_is_bound (c))
    return js_instance_of (ctx, o, function_bound_target (c));
  if (!js_is_object (o))
    return JS_FALSE;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, o);
  JsValue proto = js_get (ctx, c, atom_common_key (rt, JS_ATOM_prototype));
  JsValue r = JS_FALSE;
  if (js_is_exception (proto))
    r = proto;
  else if (!js_is_object (proto))
    r = js_throw_type_error (ctx, "Function has non-object prototype in "
                                  "instanceof check");
  else
    {
      JsObject *p = js_get_object (proto);
      for (JsObject *x = js_get_object (*po);;)
        {
          JsValue next = prop_get_prototype_of (ctx, x);
          if (js_is_exception (next))
            {
              r = next;
              break;
            }
          if (!js_is_object (next))
            break;
          x = js_get_object (next);
          if (x == p)
            {
              r = JS_TRUE;
              break;
            }
        }
    }
  rt_restore_roots (rt, saved);
  return r;
}

JsValue
js_instance_of (JsContext *ctx, JsValue v, JsValue target)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_object (target))
    return js_throw_type_error (ctx, "Right-hand side of 'instanceof' is "
                                     "not an object");
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, v);
  rt_push_root (rt, target);
  JsValue h = js_get_method (ctx, target,
                             symbol_key (rt->well_known[JS_SYM_hasInstance]));
  JsValue r;
  if (js_is_exception (h))
    r = h;
  else if (!js_is_undefined (h))
    {
      r = js_call (ctx, h, target, 1, &v);
      if (!js_is_exception (r))
        r = js_bool (js_to_boolean (r));
    }
  else if (!js_is_callable (target))
    r = js_throw_type_error (ctx, "Right-hand side of 'instanceof' is not "
                                  "callable");
  else
    r = js_ordinary_has_instance (ctx, target, v);
  rt_restore_roots (rt, saved);
  return r;
}

JsValue
js_in (JsContext *ctx, JsValue key, JsValue obj)
{
  if (!js_is_object (obj))
    return js_throw_type_error (ctx, "Cannot use 'in' operator to search "
                                     "for a key in a non-object");
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, obj);
  JsKey k;
  JsValue r = JS_EXCEPTION;
  if (js_to_property_key (ctx, key, &k))
    {
      int h = js_has_property (ctx, js_get_object (obj), k);
      r = h < 0 ? JS_EXCEPTION : js_bool (h);
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Property access on any value                                        */
/* ------------------------------------------------------------------ */

JsObject *
js_primitive_proto (JsContext *ctx, JsValue v)
{
  if (js_is_string (v))
    return ctx->string_proto;
  if (js_is_number (v))
    return ctx->number_proto;
  if (js_is_bool (v))
    return ctx->boolean_proto;
  if (js_is_symbol (v))
    return ctx->symbol_proto;
  if (js_is_bigint (v))
    return ctx->bigint_proto;
  return NULL;
}

JsValue
js_get_with_receiver (JsContext *ctx, JsValue obj, JsKey key,
                      JsValue receiver)
{
  JsRuntime *rt = ctx->rt;
  JsObject *o;
  if (js_is_object (obj))
    o = js_get_object (obj);
  else
    {
      if (js_is_string (obj))
        {
          /* Strings' own properties: length and the code units. */
          JsString *s = js_get_string (obj);
          if (key == atom_common_key (rt, JS_ATOM_length))
            return js_int32 ((int32_t) s->length);
          if (js_key_is_index (key) && js_key_index (key) < s->length)
            return realm_string_char (ctx, s, js_key_index (key));
        }
      o = js_primitive_proto (ctx, obj);
      if (!o)
        return js_throw_type_error (ctx, "Cannot read properties of %s",
                                    js_is_null (obj) ? "null" : "undefined");
    }
  return prop_get (ctx, o, key, receiver);
}

JsValue
js_get (JsContext *ctx, JsValue obj, JsKey key)
{
  return js_get_with_receiver (ctx, obj, key, obj);
}

int
js_set (JsContext *ctx, JsValue obj, JsKey key, JsValue v, JsValue receiver,
        bool strict)
{
  JsObject *o;
  if (js_is_object (obj))
    o = js_get_object (obj);
  else
    {
      if (js_is_nullish (obj))
        {
          js_throw_type_error (ctx, "Cannot set properties of %s",
                               js_is_null (obj) ? "null" : "undefined");
          return -1;
        }
      o = js_primitive_proto (ctx, obj);
      if (js_is_string (obj)
          && (key == atom_common_key (ctx->rt, JS_ATOM_length)
              || (js_key_is_index (key)
                  && js_key_index (key) < js_get_string (obj)->length)))
        {
          if (strict)
            js_throw_type_error (ctx, "Cannot assign to read only property "
                                      "of string");
          return strict ? -1 : 0;
        }
    }
  int r = prop_set (ctx, o, key, v, receiver);
  if (r == 0 && strict)
    {
      js_throw_type_error (ctx, "Cannot assign to read only property");
      return -1;
    }
  return r;
}

int
js_delete (JsContext *ctx, JsValue obj, JsKey key, bool strict)
{
  JsValue o = js_to_object (ctx, obj);
  if (js_is_exception (o))
    return -1;
  int r = prop_delete (ctx, js_get_object (o), key);
  if (r == 0 && strict)
    {
      js_throw_type_error (ctx, "Cannot delete property");
      return -1;
    }
  return r;
}

int
js_has_property (JsContext *ctx, JsObject *o, JsKey key)
{
  return prop_has (ctx, o, key);
}

int
js_define_data (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                bool throw_on_fail)
{
  int r = prop_define_data (ctx, o, key, v);
  if (r == 0 && throw_on_fail)
    {
      js_throw_type_error (ctx, "Cannot define property");
      return -1;
    }
  return r;
}

JsValue
js_get_method (JsContext *ctx, JsValue v, JsKey key)
{
  JsValue f = js_get (ctx, v, key);
  if (js_is_exception (f) || js_is_nullish (f))
    return js_is_exception (f) ? f : JS_UNDEFINED;
  if (!js_is_callable (f))
    return js_throw_type_error (ctx, "%s is not a function",
                                "the method");
  return f;
}
