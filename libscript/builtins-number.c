/* builtins-number.c — Number, Number.prototype, and the global number
 * functions (parseInt, parseFloat, isNaN, isFinite).
 *
 * Every conversion between numbers and text goes through dtoa.h, never
 * libc: the output is the shortest round trip (or the exact digits
 * toFixed and friends ask for) and the input is correctly rounded, in
 * any locale.  Number.parseInt and Number.parseFloat are the very same
 * function objects as the globals, as the spec requires.
 */
#include "config.h"

#include "builtins.h"

#include "bigint.h"

#include "dtoa.h"
#include "property.h"

#include <math.h>

#define MAX_SAFE_INTEGER 9007199254740991.0

/* thisNumberValue. */
static bool
this_number (const JsCallInfo *info, const char *method, double *out)
{
  JsValue t = *info->this_arg;
  if (!js_is_number (t) && js_is_object (t))
    t = realm_wrapper_value (js_get_object (t));
  if (js_is_number (t))
    {
      *out = js_get_number (t);
      return true;
    }
  js_throw_type_error (info->ctx, "Number.prototype.%s requires that 'this' "
                                  "be a Number",
                       method);
  return false;
}

static JsValue
ascii_result (JsContext *ctx, const char *buf, size_t n)
{
  JsString *s = string_new_latin1 (ctx->rt, (const uint8_t *) buf, n);
  return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
}

/* ------------------------------------------------------------------ */
/* The constructor and its statics                                     */
/* ------------------------------------------------------------------ */

static JsValue
number_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue n = js_int32 (0);
  if (info->argc > 0)
    {
      n = js_to_numeric (ctx, info->argv[0]);
      if (js_is_exception (n))
        return n;
      /* Number (bigint) converts, rounding to nearest. */
      if (js_is_bigint (n))
        n = js_number (bigint_to_double (n));
    }
  if (js_is_undefined (info->new_target))
    return n;
  return builtins_new_wrapper (ctx, n, info->new_target, ctx->number_proto);
}

static JsValue
number_is_finite (const JsCallInfo *info)
{
  JsValue v = js_arg (info, 0);
  return js_bool (js_is_number (v) && isfinite (js_get_number (v)));
}

static JsValue
number_is_nan (const JsCallInfo *info)
{
  JsValue v = js_arg (info, 0);
  return js_bool (js_is_number (v) && isnan (js_get_number (v)));
}

/* Number.isInteger (magic 0) and Number.isSafeInteger (magic 1). */
static JsValue
number_is_integer (const JsCallInfo *info)
{
  JsValue v = js_arg (info, 0);
  if (!js_is_number (v))
    return JS_FALSE;
  double d = js_get_number (v);
  if (!isfinite (d) || trunc (d) != d)
    return JS_FALSE;
  return js_bool (!info->magic || fabs (d) <= MAX_SAFE_INTEGER);
}

/* ------------------------------------------------------------------ */
/* Number.prototype                                                    */
/* ------------------------------------------------------------------ */

static JsValue
number_to_string (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  double x, radix = 10;
  if (!this_number (info, "toString", &x))
    return JS_EXCEPTION;
  JsValue r = js_arg (info, 0);
  if (!js_is_undefined (r) && !js_to_integer (ctx, r, &radix))
    return JS_EXCEPTION;
  if (radix < 2 || radix > 36)
    return js_throw_range_error (ctx, "toString() radix must be between 2 "
                                      "and 36");
  if (radix == 10)
    {
      JsString *s = js_number_to_string (ctx->rt, x);
      return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
    }
  char buf[JS_DTOA_BUFSIZE];
  size_t n = js_dtoa_radix (x, (int) radix, buf);
  return ascii_result (ctx, buf, n);
}

static JsValue
number_to_locale_string (const JsCallInfo *info)
{
  double x;
  if (!this_number (info, "toLocaleString", &x))
    return JS_EXCEPTION;
  JsString *s = js_number_to_string (info->ctx->rt, x);
  return s ? js_string_value (s) : js_throw_out_of_memory (info->ctx);
}

static JsValue
number_value_of (const JsCallInfo *info)
{
  double x;
  if (!this_number (info, "valueOf", &x))
    return JS_EXCEPTION;
  return js_number (x);
}

static JsValue
number_to_fixed (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  double x, f;
  if (!this_number (info, "toFixed", &x)
      || !js_to_integer (ctx, js_arg (info, 0), &f))
    return JS_EXCEPTION;
  if (!(f >= 0 && f <= 100))
    return js_throw_range_error (ctx, "toFixed() digits argument must be "
                                      "between 0 and 100");
  char buf[JS_DTOA_BUFSIZE];
  size_t n = js_dtoa_fixed (x, (int) f, buf);
  return ascii_result (ctx, buf, n);
}

static JsValue
number_to_exponential (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  double x, f;
  JsValue fd = js_arg (info, 0);
  if (!this_number (info, "toExponential", &x)
      || !js_to_integer (ctx, fd, &f))
    return JS_EXCEPTION;
  char buf[JS_DTOA_BUFSIZE];
  if (isfinite (x) && !(f >= 0 && f <= 100))
    return js_throw_range_error (ctx, "toExponential() argument must be "
                                      "between 0 and 100");
  /* Digits do not matter for NaN and the infinities, whatever f is. */
  int digits = js_is_undefined (fd) || !isfinite (x) ? -1 : (int) f;
  size_t n = js_dtoa_exponential (x, digits, buf);
  return ascii_result (ctx, buf, n);
}

static JsValue
number_to_precision (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  double x, p;
  JsValue pv = js_arg (info, 0);
  if (!this_number (info, "toPrecision", &x))
    return JS_EXCEPTION;
  if (js_is_undefined (pv))
    {
      JsString *s = js_number_to_string (ctx->rt, x);
      return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
    }
  if (!js_to_integer (ctx, pv, &p))
    return JS_EXCEPTION;
  char buf[JS_DTOA_BUFSIZE];
  if (!isfinite (x))
    return ascii_result (ctx, buf, js_dtoa (x, buf));
  if (!(p >= 1 && p <= 100))
    return js_throw_range_error (ctx, "toPrecision() argument must be "
                                      "between 1 and 100");
  return ascii_result (ctx, buf, js_dtoa_precision (x, (int) p, buf));
}

/* ------------------------------------------------------------------ */
/* The global functions                                                */
/* ------------------------------------------------------------------ */

/* StrWhiteSpaceChar: white space and line terminators. */
static bool
is_str_space (uint32_t c)
{
  return c == 9 || c == 10 || c == 11 || c == 12 || c == 13 || c == 32
         || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
         || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
         || c == 0x3000 || c == 0xFEFF;
}

static int
digit_value (uint32_t c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 'a' && c <= 'z')
    return (int) (c - 'a' + 10);
  if (c >= 'A' && c <= 'Z')
    return (int) (c - 'A' + 10);
  return 99;
}

/* ToString of the argument, flattened, with the index of its first
 * character that is not white space. */
static JsString *
trimmed_start (JsContext *ctx, JsValue v, uint32_t *start)
{
  JsValue s = js_to_string (ctx, v);
  if (js_is_exception (s))
    return NULL;
  JsString *str = js_get_string (s);
  if (!string_flatten (ctx->rt, str))
    {
      js_throw_out_of_memory (ctx);
      return NULL;
    }
  uint32_t i = 0;
  while (i < str->length && is_str_space (string_flat_char_at (str, i)))
    i++;
  *start = i;
  return str;
}

static JsValue
global_parse_int (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  uint32_t i;
  JsString *s = trimmed_start (ctx, js_arg (info, 0), &i);
  if (!s)
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_string_value (s));
  int32_t radix;
  bool ok = js_to_int32 (ctx, js_arg (info, 1), &radix);
  s = js_get_string (saved[0]);
  rt_restore_roots (rt, saved);
  if (!ok)
    return JS_EXCEPTION;
  /* The string is rooted by the arguments window or was made from a
     primitive: nothing below allocates in the heap. */
  uint32_t len = s->length;
  bool neg = false;
  if (i < len && (string_flat_char_at (s, i) == '+'
                  || string_flat_char_at (s, i) == '-'))
    neg = string_flat_char_at (s, i++) == '-';
  bool strip = true;
  if (radix != 0)
    {
      if (radix < 2 || radix > 36)
        return js_canonical_double (NAN);
      strip = radix == 16;
    }
  else
    radix = 10;
  if (strip && i + 1 < len && string_flat_char_at (s, i) == '0'
      && (string_flat_char_at (s, i + 1) | 0x20) == 'x')
    {
      i += 2;
      radix = 16;
    }
  uint32_t end = i;
  while (end < len && digit_value (string_flat_char_at (s, end)) < radix)
    end++;
  if (end == i)
    return js_canonical_double (NAN);
  size_t n = end - i;
  char small[128];
  char *buf = n < sizeof small ? small : g_try_malloc (n);
  if (!buf)
    return js_throw_out_of_memory (ctx);
  for (size_t k = 0; k < n; k++)
    buf[k] = (char) string_flat_char_at (s, i + (uint32_t) k);
  const char *stop;
  double d = radix == 10 ? js_strtod (buf, n, &stop)
                         : js_strtod_radix (buf, n, radix, &stop);
  if (buf != small)
    g_free (buf);
  return js_number (neg ? -d : d);
}

static JsValue
global_parse_float (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  uint32_t i;
  JsString *s = trimmed_start (ctx, js_arg (info, 0), &i);
  if (!s)
    return JS_EXCEPTION;
  /* The longest prefix that can belong to a StrDecimalLiteral is made of
     these characters; js_strtod then takes the longest valid one. */
  uint32_t len = s->length, end = i;
  while (end < len)
    {
      uint16_t c = string_flat_char_at (s, end);
      if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E'
            || c == '+' || c == '-'))
        break;
      end++;
    }
  size_t n = end - i;
  char small[128];
  char *buf = n < sizeof small ? small : g_try_malloc (n + 1);
  if (!buf)
    return js_throw_out_of_memory (ctx);
  for (size_t k = 0; k < n; k++)
    buf[k] = (char) string_flat_char_at (s, i + (uint32_t) k);
  const char *stop;
  double d = js_strtod (buf, n, &stop);
  if (stop == buf)
    {
      /* No digits: perhaps [+-]Infinity. */
      static const char inf[] = "Infinity";
      uint32_t k = i;
      bool neg = false;
      if (k < len && (string_flat_char_at (s, k) == '+'
                      || string_flat_char_at (s, k) == '-'))
        neg = string_flat_char_at (s, k++) == '-';
      d = NAN;
      if (len - k >= 8)
        {
          uint32_t j = 0;
          while (j < 8 && string_flat_char_at (s, k + j) == inf[j])
            j++;
          if (j == 8)
            d = neg ? -INFINITY : INFINITY;
        }
    }
  if (buf != small)
    g_free (buf);
  return js_number (d);
}

/* isNaN (magic 0) and isFinite (magic 1). */
static JsValue
global_is_nan_finite (const JsCallInfo *info)
{
  double d;
  if (!js_to_number (info->ctx, js_arg (info, 0), &d))
    return JS_EXCEPTION;
  return js_bool (info->magic ? isfinite (d) : isnan (d));
}

/* Defines name on o as the global function of the same name. */
static bool
share_global (JsContext *ctx, JsObject *o, const char *name)
{
  JsRuntime *rt = ctx->rt;
  JsKey k = atom_key_from_utf8 (rt, name);
  JsValue f;
  uint8_t attrs;
  return k != JS_KEY_NONE && object_get_own (rt, ctx->global, k, &f, &attrs)
         && object_define_own (rt, o, k, f,
                               JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
                == JS_PROP_DONE;
}

bool
builtins_init_number (JsContext *ctx)
{
  static const JsMethodSpec statics[] = {
    { "isFinite", number_is_finite, 1, 0 },
    { "isInteger", number_is_integer, 1, 0 },
    { "isNaN", number_is_nan, 1, 0 },
    { "isSafeInteger", number_is_integer, 1, 1 },
  };
  static const JsMethodSpec methods[] = {
    { "toExponential", number_to_exponential, 1, 0 },
    { "toFixed", number_to_fixed, 1, 0 },
    { "toLocaleString", number_to_locale_string, 0, 0 },
    { "toPrecision", number_to_precision, 1, 0 },
    { "toString", number_to_string, 1, 0 },
    { "valueOf", number_value_of, 0, 0 },
  };
  static const JsMethodSpec globals[] = {
    { "isFinite", global_is_nan_finite, 1, 1 },
    { "isNaN", global_is_nan_finite, 1, 0 },
    { "parseFloat", global_parse_float, 1, 0 },
    { "parseInt", global_parse_int, 2, 0 },
  };
  static const struct
  {
    const char *name;
    double value;
  } constants[] = {
    { "EPSILON", 2.220446049250313e-16 },
    { "MAX_SAFE_INTEGER", MAX_SAFE_INTEGER },
    { "MAX_VALUE", 1.7976931348623157e308 },
    { "MIN_SAFE_INTEGER", -MAX_SAFE_INTEGER },
    { "MIN_VALUE", 5e-324 },
    { "NaN", NAN },
    { "NEGATIVE_INFINITY", -INFINITY },
    { "POSITIVE_INFINITY", INFINITY },
  };
  JsRuntime *rt = ctx->rt;
  JsObject *ctor = builtins_define_class (ctx, "Number", number_ctor, 1,
                                          ctx->number_proto, 0);
  if (!ctor
      || !builtins_define_methods (ctx, ctor, statics, G_N_ELEMENTS (statics))
      || !builtins_define_methods (ctx, ctx->number_proto, methods,
                                   G_N_ELEMENTS (methods))
      || !builtins_define_methods (ctx, ctx->global, globals,
                                   G_N_ELEMENTS (globals))
      || !share_global (ctx, ctor, "parseFloat")
      || !share_global (ctx, ctor, "parseInt"))
    return false;
  for (size_t i = 0; i < G_N_ELEMENTS (constants); i++)
    {
      JsKey k = atom_key_from_utf8 (rt, constants[i].name);
      if (k == JS_KEY_NONE
          || object_define_own (rt, ctor, k, js_double (constants[i].value),
                                0)
                 != JS_PROP_DONE)
        return false;
    }
  return true;
}
