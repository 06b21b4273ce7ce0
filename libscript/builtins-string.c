/* builtins-string.c — String, String.prototype and the string iterator.
 *
 * Every String.prototype method but the six that belong to RegExp
 * (match, matchAll, replace, replaceAll, search, split).  Methods begin
 * as the spec does, RequireObjectCoercible (this) then ToString, and
 * convert their arguments in the spec's order, since each conversion may
 * run script that the next can observe.
 *
 * Strings a method reads are flattened first: flattening a rope is the
 * one step that can fail for a size the script chose, and after it the
 * characters can be read directly, Latin-1 or UTF-16.  Results are built
 * with a JsStringBuilder (jsstring.h) or cut with string_substring.
 */
#include "config.h"

#include "builtins.h"

#include "property.h"
#include "regexp.h"
#include "unicode-normalize.h"
#include "unicode-tables.h"

#include <math.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* RequireObjectCoercible (this), then ToString. */
static JsValue
this_string (const JsCallInfo *info, const char *method)
{
  JsValue t = *info->this_arg;
  if (js_is_string (t))
    return t;
  if (js_is_nullish (t))
    return js_throw_type_error (info->ctx, "String.prototype.%s called on "
                                           "null or undefined", method);
  return js_to_string (info->ctx, t);
}

/* Flattens s, or throws the RangeError of memory that ran out. */
static bool
flat (JsContext *ctx, JsString *s)
{
  if (string_flatten (ctx->rt, s))
    return true;
  js_throw_out_of_memory (ctx);
  return false;
}

static JsValue
finish (JsContext *ctx, JsStringBuilder *b)
{
  JsString *s = string_builder_finish (ctx->rt, b);
  return s ? js_string_value (s)
           : js_throw_range_error (ctx, "Invalid string length");
}

static JsValue
substring (JsContext *ctx, JsString *s, uint32_t start, uint32_t end)
{
  if (end - start == 1)
    return realm_string_char (ctx, s, start);
  JsString *r = string_substring (ctx->rt, s, start, end);
  return r ? js_string_value (r) : js_throw_out_of_memory (ctx);
}

static inline bool
is_lead (uint32_t u)
{
  return u >= 0xD800 && u <= 0xDBFF;
}

static inline bool
is_trail (uint32_t u)
{
  return u >= 0xDC00 && u <= 0xDFFF;
}

/* CodePointAt (s, i) of a flat string: the code point, and in *units how
 * many code units it takes. */
static uint32_t
code_point_at (const JsString *s, uint32_t i, uint32_t *units)
{
  uint32_t c = string_flat_char_at (s, i);
  *units = 1;
  if (is_lead (c) && i + 1 < s->length)
    {
      uint32_t d = string_flat_char_at (s, i + 1);
      if (is_trail (d))
        {
          *units = 2;
          return 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        }
    }
  return c;
}

/* The code point that ends just before unit i (i > 0). */
static uint32_t
code_point_before (const JsString *s, uint32_t i, uint32_t *units)
{
  uint32_t c = string_flat_char_at (s, i - 1);
  *units = 1;
  if (is_trail (c) && i >= 2)
    {
      uint32_t d = string_flat_char_at (s, i - 2);
      if (is_lead (d))
        {
          *units = 2;
          return 0x10000 + ((d - 0xD800) << 10) + (c - 0xDC00);
        }
    }
  return c;
}

/* ToIntegerOrInfinity (v) clamped to [0, len]. */
static bool
to_position (JsContext *ctx, JsValue v, uint32_t len, uint32_t *out)
{
  double d;
  if (!js_to_integer (ctx, v, &d))
    return false;
  *out = d <= 0 ? 0 : d >= len ? len : (uint32_t) d;
  return true;
}

/* A relative index as slice takes it: negative counts from the end. */
static bool
to_relative (JsContext *ctx, JsValue v, uint32_t len, uint32_t *out)
{
  double d;
  if (!js_to_integer (ctx, v, &d))
    return false;
  if (d < 0)
    d = MAX (len + d, 0);
  *out = d >= len ? len : (uint32_t) d;
  return true;
}

/* ------------------------------------------------------------------ */
/* Searching                                                           */
/* ------------------------------------------------------------------ */

/* True if pat occurs in s at unit i (both flat, i + |pat| <= |s|). */
static bool
matches_at (const JsString *s, const JsString *pat, uint32_t i)
{
  uint32_t m = pat->length;
  if (string_is_latin1 (s) && string_is_latin1 (pat))
    return memcmp (string_latin1_chars (s) + i, string_latin1_chars (pat),
                   m) == 0;
  if (!string_is_latin1 (s) && !string_is_latin1 (pat))
    return memcmp (string_utf16_chars (s) + i, string_utf16_chars (pat),
                   (size_t) m * 2) == 0;
  for (uint32_t k = 0; k < m; k++)
    if (string_flat_char_at (s, i + k) != string_flat_char_at (pat, k))
      return false;
  return true;
}

/* StringIndexOf: the first i >= from where pat occurs in s, or -1. */
static int64_t
index_of (const JsString *s, const JsString *pat, uint32_t from)
{
  uint32_t n = s->length, m = pat->length;
  if (from > n || m > n - from)
    return -1;
  if (m == 0)
    return from;
  /* A UTF-16 string holds a unit of 256 or more, which Latin-1 lacks. */
  if (string_is_latin1 (s) && !string_is_latin1 (pat))
    return -1;
  uint32_t last = n - m;
  if (string_is_latin1 (s))
    {
      const uint8_t *h = string_latin1_chars (s);
      const uint8_t *p = string_latin1_chars (pat);
      const uint8_t *q = h + from, *end = h + last + 1;
      while (q < end)
        {
          q = memchr (q, p[0], (size_t) (end - q));
          if (!q)
            return -1;
          if (memcmp (q + 1, p + 1, m - 1) == 0)
            return q - h;
          q++;
        }
      return -1;
    }
  uint16_t first = string_flat_char_at (pat, 0);
  const uint16_t *h = string_utf16_chars (s);
  for (uint32_t i = from; i <= last; i++)
    if (h[i] == first && matches_at (s, pat, i))
      return i;
  return -1;
}

/* The last i <= from where pat occurs in s, or -1. */
static int64_t
last_index_of (const JsString *s, const JsString *pat, uint32_t from)
{
  uint32_t n = s->length, m = pat->length;
  if (m > n)
    return -1;
  for (int64_t i = MIN (from, n - m); i >= 0; i--)
    if (matches_at (s, pat, (uint32_t) i))
      return i;
  return -1;
}

/* ------------------------------------------------------------------ */
/* The constructor and its functions                                   */
/* ------------------------------------------------------------------ */

/* SymbolDescriptiveString: "Symbol(description)". */
static JsValue
symbol_descriptive_string (JsContext *ctx, JsValue sym)
{
  JsString *d = js_get_symbol (sym)->description;
  JsStringBuilder b;
  string_builder_init (&b);
  string_builder_append_latin1 (&b, (const uint8_t *) "Symbol(", 7);
  if (d)
    string_builder_append_string (ctx->rt, &b, d, 0, d->length);
  string_builder_append_unit (&b, ')');
  return finish (ctx, &b);
}

static JsValue
str_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue s = js_string_value (atom_common (rt, JS_ATOM_empty));
  if (info->argc > 0)
    {
      JsValue v = info->argv[0];
      if (js_is_undefined (info->new_target) && js_is_symbol (v))
        return symbol_descriptive_string (ctx, v);
      s = js_to_string (ctx, v);
      if (js_is_exception (s))
        return s;
    }
  if (js_is_undefined (info->new_target))
    return s;
  /* StringCreate (s, GetPrototypeFromConstructor (newTarget)). */
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, s);
  JsValue r = js_get (ctx, info->new_target,
                      atom_common_key (rt, JS_ATOM_prototype));
  if (js_is_exception (r))
    goto out;
  JsValue *pp = rt_push_root (rt, r);
  r = realm_wrap_primitive (ctx, *ps);
  if (js_is_exception (r) || !js_is_object (*pp)
      || js_get_object (*pp) == ctx->string_proto)
    goto out;
  if (object_set_proto (rt, js_get_object (r), js_get_cell (*pp))
      != JS_PROP_DONE)
    r = js_throw_out_of_memory (ctx);
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
str_from_char_code (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsStringBuilder b;
  string_builder_init (&b);
  for (uint32_t i = 0; i < info->argc; i++)
    {
      uint32_t u;
      if (!js_to_uint32 (ctx, info->argv[i], &u))
        {
          string_builder_free (&b);
          return JS_EXCEPTION;
        }
      string_builder_append_unit (&b, (uint16_t) u);
    }
  return finish (ctx, &b);
}

static JsValue
str_from_code_point (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsStringBuilder b;
  string_builder_init (&b);
  for (uint32_t i = 0; i < info->argc; i++)
    {
      double d;
      if (!js_to_number (ctx, info->argv[i], &d))
        {
          string_builder_free (&b);
          return JS_EXCEPTION;
        }
      if (!(d >= 0 && d <= 0x10FFFF && d == trunc (d)))
        {
          string_builder_free (&b);
          JsString *s = js_number_to_string (ctx->rt, d);
          const char *a = s ? string_peek_ascii (s) : NULL;
          return js_throw_range_error (ctx, "Invalid code point %s",
                                       a ? a : "");
        }
      string_builder_append_code_point (&b, (uint32_t) d);
    }
  return finish (ctx, &b);
}

/* String.raw (template, ...substitutions). */
static JsValue
str_raw (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsStringBuilder b;
  string_builder_init (&b);
  JsValue r = JS_EXCEPTION;
  JsValue cooked = js_to_object (ctx, js_arg (info, 0));
  if (js_is_exception (cooked))
    goto out;
  JsValue raw = js_get (ctx, cooked, atom_key_from_utf8 (rt, "raw"));
  if (js_is_exception (raw))
    goto out;
  raw = js_to_object (ctx, raw);
  if (js_is_exception (raw))
    goto out;
  JsValue *praw = rt_push_root (rt, raw);
  JsValue lv = js_get (ctx, raw, atom_common_key (rt, JS_ATOM_length));
  double count;
  if (js_is_exception (lv) || !js_to_length (ctx, lv, &count))
    goto out;
  uint32_t subs = info->argc > 0 ? info->argc - 1 : 0;
  for (double i = 0; i < count; i++)
    {
      JsKey key;
      if (i <= JS_MAX_INDEX)
        key = js_key_from_index ((uint32_t) i);
      else if (!js_to_property_key (ctx, js_number (i), &key))
        goto out;
      JsValue seg = js_get (ctx, *praw, key);
      if (js_is_exception (seg))
        goto out;
      seg = js_to_string (ctx, seg);
      if (js_is_exception (seg))
        goto out;
      JsString *ss = js_get_string (seg);
      if (!string_builder_append_string (rt, &b, ss, 0, ss->length))
        break;
      if (i + 1 >= count)
        break;
      if (i < subs)
        {
          JsValue sub = js_to_string (ctx, info->argv[(uint32_t) i + 1]);
          if (js_is_exception (sub))
            goto out;
          ss = js_get_string (sub);
          if (!string_builder_append_string (rt, &b, ss, 0, ss->length))
            break;
        }
    }
  r = finish (ctx, &b);
out:
  string_builder_free (&b);
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Characters                                                          */
/* ------------------------------------------------------------------ */

/* thisStringValue: a string, or a String object's string. */
static JsValue
this_string_value (const JsCallInfo *info, const char *method)
{
  JsValue t = *info->this_arg;
  if (js_is_string (t))
    return t;
  if (js_is_object (t)
      && js_get_object (t)->shape->cls == &js_string_wrapper_class)
    return realm_wrapper_value (js_get_object (t));
  return js_throw_type_error (info->ctx, "String.prototype.%s requires "
                                         "that 'this' be a String", method);
}

static JsValue
str_value_of (const JsCallInfo *info)
{
  return this_string_value (info, info->magic ? "toString" : "valueOf");
}

/* The unit index a method names (ToIntegerOrInfinity of pos), or -1 if
 * it lies outside the string.  *sv gets the string, flat. */
static int64_t
position_of (const JsCallInfo *info, const char *method, JsValue *sv,
             bool relative)
{
  JsContext *ctx = info->ctx;
  JsValue s = this_string (info, method);
  if (js_is_exception (s))
    return -2;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, s);
  double d;
  bool ok = js_to_integer (ctx, js_arg (info, 0), &d);
  *sv = *ps;
  rt_restore_roots (rt, saved);
  if (!ok || !flat (ctx, js_get_string (*sv)))
    return -2;
  uint32_t len = js_get_string (*sv)->length;
  if (relative && d < 0)
    d += len;
  return d < 0 || d >= len ? -1 : (int64_t) d;
}

static JsValue
str_char_at (const JsCallInfo *info)
{
  JsValue s;
  int64_t i = position_of (info, "charAt", &s, false);
  if (i == -2)
    return JS_EXCEPTION;
  if (i < 0)
    return js_string_value (atom_common (info->ctx->rt, JS_ATOM_empty));
  return realm_string_char (info->ctx, js_get_string (s), (uint32_t) i);
}

static JsValue
str_at (const JsCallInfo *info)
{
  JsValue s;
  int64_t i = position_of (info, "at", &s, true);
  if (i == -2)
    return JS_EXCEPTION;
  if (i < 0)
    return JS_UNDEFINED;
  return realm_string_char (info->ctx, js_get_string (s), (uint32_t) i);
}

static JsValue
str_char_code_at (const JsCallInfo *info)
{
  JsValue s;
  int64_t i = position_of (info, "charCodeAt", &s, false);
  if (i == -2)
    return JS_EXCEPTION;
  if (i < 0)
    return js_canonical_double (NAN);
  return js_int32 (string_flat_char_at (js_get_string (s), (uint32_t) i));
}

static JsValue
str_code_point_at (const JsCallInfo *info)
{
  JsValue s;
  int64_t i = position_of (info, "codePointAt", &s, false);
  if (i == -2)
    return JS_EXCEPTION;
  if (i < 0)
    return JS_UNDEFINED;
  uint32_t units;
  return js_int32 ((int32_t) code_point_at (js_get_string (s), (uint32_t) i,
                                            &units));
}

/* ------------------------------------------------------------------ */
/* Pieces                                                              */
/* ------------------------------------------------------------------ */

static JsValue
str_concat (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue s = this_string (info, "concat");
  if (js_is_exception (s))
    return s;
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, s);
  for (uint32_t i = 0; i < info->argc; i++)
    {
      JsValue t = js_to_string (ctx, info->argv[i]);
      if (js_is_exception (t))
        {
          *ps = t;
          break;
        }
      JsString *r = string_concat (rt, js_get_string (*ps),
                                           js_get_string (t));
      if (!r)
        {
          *ps = js_throw_range_error (ctx, "Invalid string length");
          break;
        }
      *ps = js_string_value (r);
    }
  s = *ps;
  rt_restore_roots (rt, saved);
  return s;
}

/* slice (magic 0), substring (1). */
static JsValue
str_slice (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  bool sub = info->magic == 1;
  JsValue s = this_string (info, sub ? "substring" : "slice");
  if (js_is_exception (s))
    return s;
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, s);
  uint32_t len = js_get_string (s)->length, start, end = len;
  JsValue r = JS_EXCEPTION;
  bool ok = sub ? to_position (ctx, js_arg (info, 0), len, &start)
                : to_relative (ctx, js_arg (info, 0), len, &start);
  if (ok && !js_is_undefined (js_arg (info, 1)))
    ok = sub ? to_position (ctx, js_arg (info, 1), len, &end)
             : to_relative (ctx, js_arg (info, 1), len, &end);
  if (ok)
    {
      if (sub && start > end)
        {
          uint32_t t = start;
          start = end;
          end = t;
        }
      if (start >= end)
        r = js_string_value (atom_common (rt, JS_ATOM_empty));
      else
        r = substring (ctx, js_get_string (*ps), start, end);
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* repeat (count). */
static JsValue
str_repeat (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue s = this_string (info, "repeat");
  if (js_is_exception (s))
    return s;
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, s);
  double n;
  JsValue r = JS_EXCEPTION;
  if (!js_to_integer (ctx, js_arg (info, 0), &n))
    goto out;
  if (n < 0 || isinf (n))
    {
      JsString *c = js_number_to_string (rt, n);
      const char *a = c ? string_peek_ascii (c) : NULL;
      r = js_throw_range_error (ctx, "Invalid count value: %s", a ? a : "");
      goto out;
    }
  JsString *str = js_get_string (*ps);
  uint32_t len = str->length;
  if (n == 0 || len == 0)
    {
      r = js_string_value (atom_common (rt, JS_ATOM_empty));
      goto out;
    }
  if (n * len > JS_STRING_MAX_LENGTH)
    {
      r = js_throw_range_error (ctx, "Invalid string length");
      goto out;
    }
  if (!flat (ctx, str))
    goto out;
  /* Doubling what was built copies log(n) times, not n. */
  JsStringBuilder b;
  string_builder_init (&b);
  size_t total = (size_t) n * len;
  if (string_builder_reserve (&b, total)
      && string_builder_append_string (rt, &b, str, 0, len))
    while (b.len < total)
      {
        size_t k = MIN (b.len, total - b.len);
        if (b.latin1)
          memcpy ((uint8_t *) b.chars + b.len, b.chars, k);
        else
          memcpy ((uint16_t *) b.chars + b.len, b.chars, k * 2);
        b.len += k;
      }
  r = finish (ctx, &b);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* padStart (magic 0), padEnd (1). */
static JsValue
str_pad (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  bool at_end = info->magic == 1;
  JsValue s = this_string (info, at_end ? "padEnd" : "padStart");
  if (js_is_exception (s))
    return s;
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, s);
  JsValue *pf = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double max;
  if (!js_to_length (ctx, js_arg (info, 0), &max))
    goto out;
  uint32_t len = js_get_string (*ps)->length;
  if (max <= len)
    {
      r = *ps;
      goto out;
    }
  JsValue fill = js_arg (info, 1);
  if (js_is_undefined (fill))
    {
      static const uint8_t space = ' ';
      JsString *sp = atom_intern_latin1 (rt, &space, 1);
      if (!sp)
        {
          r = js_throw_out_of_memory (ctx);
          goto out;
        }
      fill = js_string_value (sp);
    }
  else
    {
      fill = js_to_string (ctx, fill);
      if (js_is_exception (fill))
        goto out;
    }
  *pf = fill;
  JsString *f = js_get_string (fill);
  if (f->length == 0)
    {
      r = *ps;
      goto out;
    }
  if (max > JS_STRING_MAX_LENGTH)
    {
      r = js_throw_range_error (ctx, "Invalid string length");
      goto out;
    }
  JsString *str = js_get_string (*ps);
  if (!flat (ctx, f) || !flat (ctx, str))
    goto out;
  uint32_t pad = (uint32_t) max - len;
  JsStringBuilder b;
  string_builder_init (&b);
  string_builder_reserve (&b, (size_t) max);
  if (at_end)
    string_builder_append_string (rt, &b, str, 0, len);
  for (uint32_t done = 0; done < pad && !b.failed; done += f->length)
    string_builder_append_string (rt, &b, f, 0, MIN (f->length, pad - done));
  if (!at_end)
    string_builder_append_string (rt, &b, str, 0, len);
  r = finish (ctx, &b);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* The units trim removes: WhiteSpace and LineTerminator. */
static bool
is_trimmed (uint32_t c)
{
  if (c < 128)
    return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return c == 0x2028 || c == 0x2029 || uni_is_space (c);
}

/* trim (magic 3), trimStart (1), trimEnd (2). */
static JsValue
str_trim (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  static const char *const names[] = { "", "trimStart", "trimEnd", "trim" };
  JsValue s = this_string (info, names[info->magic]);
  if (js_is_exception (s))
    return s;
  JsString *str = js_get_string (s);
  if (!flat (ctx, str))
    return JS_EXCEPTION;
  uint32_t start = 0, end = str->length;
  if (info->magic & 1)
    while (start < end && is_trimmed (string_flat_char_at (str, start)))
      start++;
  if (info->magic & 2)
    while (end > start && is_trimmed (string_flat_char_at (str, end - 1)))
      end--;
  if (start == end)
    return js_string_value (atom_common (ctx->rt, JS_ATOM_empty));
  return substring (ctx, str, start, end);
}

/* ------------------------------------------------------------------ */
/* Searching                                                           */
/* ------------------------------------------------------------------ */

/* The string this and the search string a search method works on,
 * rooted at roots[0] and roots[1]: RequireObjectCoercible and ToString
 * of this, the IsRegExp check (for includes, startsWith and endsWith),
 * then ToString of the argument. */
static bool
search_strings (const JsCallInfo *info, const char *method, bool no_regexp,
                JsValue *roots)
{
  JsContext *ctx = info->ctx;
  roots[0] = this_string (info, method);
  if (js_is_exception (roots[0]))
    return false;
  if (no_regexp)
    {
      int r = regexp_is_regexp (ctx, js_arg (info, 0));
      if (r < 0)
        return false;
      if (r)
        {
          js_throw_type_error (ctx, "First argument to String.prototype.%s "
                                    "must not be a regular expression",
                               method);
          return false;
        }
    }
  roots[1] = js_to_string (ctx, js_arg (info, 0));
  return !js_is_exception (roots[1]);
}

/* indexOf (magic 0), includes (1). */
static JsValue
str_index_of (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  bool includes = info->magic == 1;
  JsValue *saved = rt_save_roots (rt);
  JsValue *roots = rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  uint32_t from;
  if (!search_strings (info, includes ? "includes" : "indexOf", includes,
                       roots)
      || !to_position (ctx, js_arg (info, 1),
                       js_get_string (roots[0])->length, &from)
      || !flat (ctx, js_get_string (roots[0]))
      || !flat (ctx, js_get_string (roots[1])))
    goto out;
  int64_t i = index_of (js_get_string (roots[0]), js_get_string (roots[1]),
                        from);
  r = includes ? js_bool (i >= 0) : js_number ((double) i);
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
str_last_index_of (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *roots = rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double pos;
  if (!search_strings (info, "lastIndexOf", false, roots)
      || !js_to_number (ctx, js_arg (info, 1), &pos)
      || !flat (ctx, js_get_string (roots[0]))
      || !flat (ctx, js_get_string (roots[1])))
    goto out;
  /* A position of NaN means the end; else ToIntegerOrInfinity. */
  uint32_t len = js_get_string (roots[0])->length;
  uint32_t from = isnan (pos) || pos >= len ? len : pos <= 0 ? 0
                                                             : (uint32_t) pos;
  r = js_number ((double) last_index_of (js_get_string (roots[0]),
                                         js_get_string (roots[1]), from));
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* startsWith (magic 0), endsWith (1). */
static JsValue
str_starts_with (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  bool ends = info->magic == 1;
  JsValue *saved = rt_save_roots (rt);
  JsValue *roots = rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (!search_strings (info, ends ? "endsWith" : "startsWith", true, roots))
    goto out;
  uint32_t len = js_get_string (roots[0])->length, pos = ends ? len : 0;
  if (!(ends && js_is_undefined (js_arg (info, 1)))
      && !to_position (ctx, js_arg (info, 1), len, &pos))
    goto out;
  JsString *s = js_get_string (roots[0]), *pat = js_get_string (roots[1]);
  if (!flat (ctx, s) || !flat (ctx, pat))
    goto out;
  uint32_t m = pat->length;
  if (ends)
    r = js_bool (m <= pos && matches_at (s, pat, pos - m));
  else
    r = js_bool (m <= len - pos && matches_at (s, pat, pos));
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Case                                                                */
/* ------------------------------------------------------------------ */

/* Final_Sigma: the capital sigma at unit i ends a word, that is it
 * follows a cased letter (case-ignorable characters between) and no
 * cased letter follows it (likewise).  A character both cased and
 * case-ignorable (U+0345) counts as case-ignorable, as test262 and the
 * other engines read the rule. */
static bool
is_final_sigma (const JsString *s, uint32_t i)
{
  uint32_t units, k = i;
  bool after_cased = false;
  while (k > 0)
    {
      uint32_t c = code_point_before (s, k, &units);
      k -= units;
      if (uni_has_property (UNI_PROP_Case_Ignorable, c))
        continue;
      after_cased = uni_has_property (UNI_PROP_Cased, c);
      break;
    }
  if (!after_cased)
    return false;
  for (k = i + 1; k < s->length; k += units)
    {
      uint32_t c = code_point_at (s, k, &units);
      if (!uni_has_property (UNI_PROP_Case_Ignorable, c))
        return !uni_has_property (UNI_PROP_Cased, c);
    }
  return true;
}

/* ASCII strings map unit by unit, and often not at all. */
static JsValue
convert_ascii (JsContext *ctx, JsString *s, bool upper)
{
  const uint8_t *c = string_latin1_chars (s);
  uint32_t n = s->length, i = 0;
  uint8_t lo = upper ? 'a' : 'A';
  while (i < n && (c[i] < lo || c[i] > lo + 25))
    i++;
  if (i == n)
    return js_string_value (s);
  JsStringBuilder b;
  string_builder_init (&b);
  if (string_builder_reserve (&b, n))
    {
      uint8_t *d = b.chars;
      for (uint32_t k = 0; k < n; k++)
        d[k] = c[k] >= lo && c[k] <= lo + 25 ? c[k] ^ 0x20 : c[k];
      b.len = n;
    }
  return finish (ctx, &b);
}

/* toLowerCase and toUpperCase of a flat string: the full mappings of
 * the root locale, with Final_Sigma. */
static JsValue
convert_case (JsContext *ctx, JsString *s, bool upper)
{
  if (string_is_ascii (s) && string_is_latin1 (s))
    return convert_ascii (ctx, s, upper);
  JsStringBuilder b;
  string_builder_init (&b);
  string_builder_reserve (&b, s->length);
  bool changed = false;
  uint32_t units;
  for (uint32_t i = 0; i < s->length && !b.failed; i += units)
    {
      uint32_t c = code_point_at (s, i, &units);
      uint32_t out[UNI_MAX_CASE_EXPANSION];
      int n;
      if (!upper && c == 0x03A3 && is_final_sigma (s, i))
        out[0] = 0x03C2, n = 1;
      else
        n = upper ? uni_to_upper_full (c, out) : uni_to_lower_full (c, out);
      if (n != 1 || out[0] != c)
        changed = true;
      for (int k = 0; k < n; k++)
        string_builder_append_code_point (&b, out[k]);
    }
  if (!changed && !b.failed)
    {
      string_builder_free (&b);
      return js_string_value (s);
    }
  return finish (ctx, &b);
}

/* toLowerCase (magic 0), toUpperCase (1), toLocaleLowerCase (2),
 * toLocaleUpperCase (3).  The locale forms are the root locale's: the
 * engine carries no locale data. */
static JsValue
str_to_case (const JsCallInfo *info)
{
  static const char *const names[] = { "toLowerCase", "toUpperCase",
                                       "toLocaleLowerCase",
                                       "toLocaleUpperCase" };
  JsValue s = this_string (info, names[info->magic]);
  if (js_is_exception (s) || !flat (info->ctx, js_get_string (s)))
    return JS_EXCEPTION;
  JsRuntime *rt = info->ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, s);
  JsValue r = convert_case (info->ctx, js_get_string (s), info->magic & 1);
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Unicode                                                             */
/* ------------------------------------------------------------------ */

/* The units of a flat string as UTF-16, in a g_malloc'd copy when the
 * string is Latin-1 (*copy says which); NULL if memory ran out. */
static const uint16_t *
utf16_units (const JsString *s, bool *copy)
{
  *copy = string_is_latin1 (s);
  if (!*copy)
    return string_utf16_chars (s);
  uint16_t *u = g_try_malloc (((size_t) s->length + 1) * 2);
  if (u)
    for (uint32_t i = 0; i < s->length; i++)
      u[i] = string_latin1_chars (s)[i];
  return u;
}

/* s in a normalization form, as a new g_malloc'd buffer or (when it
 * is already in that form by a quick look) NULL with *same set. */
static uint16_t *
normalized (const JsString *s, UniNormForm form, size_t *len, bool *same,
            bool *oom)
{
  bool copy;
  *same = false;
  *oom = false;
  if (string_is_latin1 (s) && form == UNI_NFC)
    {
      *same = true;
      return NULL;
    }
  const uint16_t *u = utf16_units (s, &copy);
  if (!u)
    {
      *oom = true;
      return NULL;
    }
  uint16_t *r = NULL;
  if (uni_normalize_is_trivial (u, s->length, form))
    *same = true;
  else if (!(r = uni_normalize (u, s->length, form, len)))
    *oom = true;
  if (copy)
    g_free ((uint16_t *) u);
  return r;
}

static JsValue
str_normalize (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue s = this_string (info, "normalize");
  if (js_is_exception (s))
    return s;
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, s);
  JsValue r = JS_EXCEPTION;
  UniNormForm form = UNI_NFC;
  JsValue f = js_arg (info, 0);
  if (!js_is_undefined (f))
    {
      f = js_to_string (ctx, f);
      if (js_is_exception (f))
        goto out;
      static const char *const forms[] = { "NFC", "NFD", "NFKC", "NFKD" };
      if (!flat (ctx, js_get_string (f)))
        goto out;
      const char *a = string_peek_ascii (js_get_string (f));
      int k = 0;
      while (k < 4 && !(a && strcmp (a, forms[k]) == 0))
        k++;
      if (k == 4)
        {
          r = js_throw_range_error (ctx, "The normalization form should be "
                                         "one of NFC, NFD, NFKC, NFKD.");
          goto out;
        }
      form = (UniNormForm) k;
    }
  JsString *str = js_get_string (*ps);
  if (!flat (ctx, str))
    goto out;
  size_t len;
  bool same, oom;
  uint16_t *u = normalized (str, form, &len, &same, &oom);
  if (same)
    r = *ps;
  else if (oom)
    r = js_throw_out_of_memory (ctx);
  else
    {
      JsString *n = string_new_utf16 (rt, u, len);
      r = n ? js_string_value (n)
            : js_throw_range_error (ctx, "Invalid string length");
    }
  g_free (u);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* Compares the code points of two UTF-16 buffers. */
static int
compare_code_points (const uint16_t *a, size_t na, const uint16_t *b,
                     size_t nb)
{
  size_t i = 0, j = 0;
  while (i < na && j < nb)
    {
      uint32_t ca = a[i++], cb = b[j++];
      if (is_lead (ca) && i < na && is_trail (a[i]))
        ca = 0x10000 + ((ca - 0xD800) << 10) + (a[i++] - 0xDC00);
      if (is_lead (cb) && j < nb && is_trail (b[j]))
        cb = 0x10000 + ((cb - 0xD800) << 10) + (b[j++] - 0xDC00);
      if (ca != cb)
        return ca < cb ? -1 : 1;
    }
  return i < na ? 1 : j < nb ? -1 : 0;
}

/* localeCompare (that): without locale data, the order of code points
 * in the canonical decompositions, so canonically equivalent strings
 * compare equal as the spec requires. */
static JsValue
str_locale_compare (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *roots = rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (!search_strings (info, "localeCompare", false, roots))
    goto out;
  JsString *a = js_get_string (roots[0]), *b = js_get_string (roots[1]);
  if (!flat (ctx, a) || !flat (ctx, b))
    goto out;
  if (string_is_ascii (a) && string_is_ascii (b))
    {
      r = js_int32 (string_compare (rt, a, b));
      goto out;
    }
  size_t la, lb;
  bool sa, sb, oa, ob, ca = false, cb = false;
  const uint16_t *ua = normalized (a, UNI_NFD, &la, &sa, &oa);
  const uint16_t *ub = normalized (b, UNI_NFD, &lb, &sb, &ob);
  bool fa = ua != NULL, fb = ub != NULL;
  if (sa)
    ua = utf16_units (a, &ca), la = a->length;
  if (sb)
    ub = utf16_units (b, &cb), lb = b->length;
  if (!ua || !ub || oa || ob)
    r = js_throw_out_of_memory (ctx);
  else
    r = js_int32 (compare_code_points (ua, la, ub, lb));
  if (fa || ca)
    g_free ((uint16_t *) ua);
  if (fb || cb)
    g_free ((uint16_t *) ub);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* The first lone surrogate of a flat string at or after from, or -1. */
static int64_t
lone_surrogate (const JsString *s, uint32_t from)
{
  if (string_is_latin1 (s))
    return -1;
  const uint16_t *u = string_utf16_chars (s);
  for (uint32_t i = from; i < s->length; i++)
    {
      if (is_lead (u[i]) && i + 1 < s->length && is_trail (u[i + 1]))
        i++;
      else if (is_lead (u[i]) || is_trail (u[i]))
        return i;
    }
  return -1;
}

static JsValue
str_is_well_formed (const JsCallInfo *info)
{
  JsValue s = this_string (info, "isWellFormed");
  if (js_is_exception (s) || !flat (info->ctx, js_get_string (s)))
    return JS_EXCEPTION;
  return js_bool (lone_surrogate (js_get_string (s), 0) < 0);
}

static JsValue
str_to_well_formed (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue s = this_string (info, "toWellFormed");
  if (js_is_exception (s) || !flat (ctx, js_get_string (s)))
    return JS_EXCEPTION;
  JsString *str = js_get_string (s);
  if (lone_surrogate (str, 0) < 0)
    return s;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, s);
  JsStringBuilder b;
  string_builder_init (&b);
  string_builder_append_string (rt, &b, str, 0, str->length);
  if (!b.failed)
    {
      uint16_t *u = b.chars;
      for (int64_t i = 0; (i = lone_surrogate (str, (uint32_t) i)) >= 0; i++)
        u[i] = 0xFFFD;
    }
  JsValue r = finish (ctx, &b);
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* The string iterator                                                 */
/* ------------------------------------------------------------------ */

/* [shape | storage | string | position]: the string iterated (undefined
 * once done) and the next code unit, out of reach of properties. */
typedef struct
{
  JsShape *shape;
  JsStorage *storage;
  JsValue string;   /* a string, or undefined when exhausted */
  JsValue position; /* an int32 */
} JsStringIterator;

static void
str_iterator_trace (JsTracer *trc, JsCell *cell)
{
  JsStringIterator *it = (JsStringIterator *) cell;
  gc_mark_cell (trc, (JsCell *) it->storage);
  gc_mark_value (trc, it->string);
}

static const JsCellClass str_iterator_class = {
  .name = "String Iterator",
  .kind = JS_KIND_OBJECT,
  .trace = str_iterator_trace,
};

static JsValue
str_iterator (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue s = this_string (info, "[Symbol.iterator]");
  if (js_is_exception (s))
    return s;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, s);
  JsShape *shape = shape_root_for (rt, &str_iterator_class,
                                   (JsCell *) ctx->string_iterator_proto, 0);
  rt_push_cell (rt, shape);
  JsStringIterator *it = shape ? (JsStringIterator *) heap_alloc_slots (
                             &rt->heap, JS_SPACE_CELLS,
                             js_slots_for (sizeof *it))
                               : NULL;
  s = saved[0];
  rt_restore_roots (rt, saved);
  if (!it)
    return js_throw_out_of_memory (ctx);
  it->shape = shape;
  it->storage = NULL;
  it->string = s;
  it->position = js_int32 (0);
  return js_object_value ((JsObject *) it);
}

static JsValue
str_iterator_next (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue t = *info->this_arg;
  if (!js_is_object (t)
      || js_get_cell (t)->shape->cls != &str_iterator_class)
    return js_throw_type_error (ctx, "next method called on an "
                                     "incompatible receiver");
  JsStringIterator *it = (JsStringIterator *) js_get_cell (t);
  if (js_is_undefined (it->string))
    return builtins_iter_result (ctx, JS_UNDEFINED, true);
  JsString *s = js_get_string (it->string);
  uint32_t i = (uint32_t) js_get_int32 (it->position);
  if (i >= s->length)
    {
      it->string = JS_UNDEFINED;
      return builtins_iter_result (ctx, JS_UNDEFINED, true);
    }
  if (!flat (ctx, s))
    return JS_EXCEPTION;
  uint32_t units;
  code_point_at (s, i, &units);
  it->position = js_int32 ((int32_t) (i + units));
  JsValue c = substring (ctx, s, i, i + units);
  if (js_is_exception (c))
    return c;
  return builtins_iter_result (ctx, c, false);
}

/* ------------------------------------------------------------------ */
/* The family                                                          */
/* ------------------------------------------------------------------ */

bool
builtins_init_string (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec statics[] = {
    { "fromCharCode", str_from_char_code, 1, 0 },
    { "fromCodePoint", str_from_code_point, 1, 0 },
    { "raw", str_raw, 1, 0 },
  };
  static const JsMethodSpec methods[] = {
    { "at", str_at, 1, 0 },
    { "charAt", str_char_at, 1, 0 },
    { "charCodeAt", str_char_code_at, 1, 0 },
    { "codePointAt", str_code_point_at, 1, 0 },
    { "concat", str_concat, 1, 0 },
    { "endsWith", str_starts_with, 1, 1 },
    { "includes", str_index_of, 1, 1 },
    { "indexOf", str_index_of, 1, 0 },
    { "isWellFormed", str_is_well_formed, 0, 0 },
    { "lastIndexOf", str_last_index_of, 1, 0 },
    { "localeCompare", str_locale_compare, 1, 0 },
    { "normalize", str_normalize, 0, 0 },
    { "padEnd", str_pad, 1, 1 },
    { "padStart", str_pad, 1, 0 },
    { "repeat", str_repeat, 1, 0 },
    { "slice", str_slice, 2, 0 },
    { "startsWith", str_starts_with, 1, 0 },
    { "substring", str_slice, 2, 1 },
    { "toLocaleLowerCase", str_to_case, 0, 2 },
    { "toLocaleUpperCase", str_to_case, 0, 3 },
    { "toLowerCase", str_to_case, 0, 0 },
    { "toString", str_value_of, 0, 1 },
    { "toUpperCase", str_to_case, 0, 1 },
    { "toWellFormed", str_to_well_formed, 0, 0 },
    { "trim", str_trim, 0, 3 },
    { "trimEnd", str_trim, 0, 2 },
    { "trimStart", str_trim, 0, 1 },
    { "valueOf", str_value_of, 0, 0 },
    { "@@iterator", str_iterator, 0, 0 },
  };
  static const JsMethodSpec iter_methods[] = {
    { "next", str_iterator_next, 0, 0 },
  };
  JsObject *ctor = builtins_define_class (ctx, "String", str_ctor, 1,
                                          ctx->string_proto, 0);
  if (!ctor
      || !builtins_define_methods (ctx, ctor, statics, G_N_ELEMENTS (statics))
      || !builtins_define_methods (ctx, ctx->string_proto, methods,
                                   G_N_ELEMENTS (methods)))
    return false;
  ctx->string_iterator_proto = object_new_with_proto (
      rt, (JsCell *) ctx->iterator_proto, 2);
  if (!ctx->string_iterator_proto
      || !builtins_define_methods (ctx, ctx->string_iterator_proto,
                                   iter_methods, 1))
    return false;
  JsString *tag = atom_intern_utf8 (rt, "String Iterator", -1);
  return tag
         && object_define_own (rt, ctx->string_iterator_proto,
                               symbol_key (rt->well_known[JS_SYM_toStringTag]),
                               js_string_value (tag), JS_ATTR_CONFIGURABLE)
                == JS_PROP_DONE;
}
