/* builtins-string-regexp.c — the String.prototype methods that hand
 * over to RegExp: match, matchAll, replace, replaceAll, search and
 * split, with their plain-string paths; GetSubstitution; the string
 * builder that replace and RegExp.prototype[@@replace] share; and the
 * RegExp String Iterator that matchAll returns.
 *
 * Each method first looks for the well-known symbol method on an object
 * argument (so a RegExp, or any object that defines Symbol.replace,
 * takes over), exactly as ECMA-262 22.1.3 orders the steps; only then
 * does it convert its arguments to strings.
 */
#include "config.h"

#include "builtins.h"

#include "property.h"
#include "regexp-private.h"

/* ------------------------------------------------------------------ */
/* The builder                                                         */
/* ------------------------------------------------------------------ */

void
regexp_builder_init (RegExpBuilder *b)
{
  memset (b, 0, sizeof *b);
}

void
regexp_builder_free (RegExpBuilder *b)
{
  g_free (b->c8);
  g_free (b->c16);
  b->c8 = NULL;
  b->c16 = NULL;
  b->len = b->cap = 0;
}

/* Room for n more units; false (and failed) when there is none. */
static bool
reserve (RegExpBuilder *b, uint32_t n)
{
  if (b->failed)
    return false;
  if ((uint64_t) b->len + n > JS_STRING_MAX_LENGTH)
    {
      b->failed = true;
      return false;
    }
  if (b->len + n <= b->cap)
    return true;
  uint32_t cap = MAX (b->len + n, MIN (b->cap * 2, JS_STRING_MAX_LENGTH));
  cap = MAX (cap, 32u);
  void *p = b->wide ? g_try_realloc (b->c16, (size_t) cap * 2)
                    : g_try_realloc (b->c8, cap);
  if (!p)
    {
      b->failed = true;
      return false;
    }
  if (b->wide)
    b->c16 = p;
  else
    b->c8 = p;
  b->cap = cap;
  return true;
}

/* Switches to UTF-16. */
static bool
widen (RegExpBuilder *b)
{
  if (b->failed)
    return false;
  uint16_t *u = g_try_new (uint16_t, MAX (b->cap, 32u));
  if (!u)
    {
      b->failed = true;
      return false;
    }
  for (uint32_t i = 0; i < b->len; i++)
    u[i] = b->c8[i];
  g_free (b->c8);
  b->c8 = NULL;
  b->c16 = u;
  b->cap = MAX (b->cap, 32u);
  b->wide = true;
  return true;
}

void
regexp_builder_append_unit (RegExpBuilder *b, uint16_t c)
{
  if (c > 255 && !b->wide && !widen (b))
    return;
  if (!reserve (b, 1))
    return;
  if (b->wide)
    b->c16[b->len++] = c;
  else
    b->c8[b->len++] = (uint8_t) c;
}

void
regexp_builder_append_ascii (RegExpBuilder *b, const char *s, size_t n)
{
  if (!reserve (b, (uint32_t) n))
    return;
  for (size_t i = 0; i < n; i++)
    if (b->wide)
      b->c16[b->len++] = (uint8_t) s[i];
    else
      b->c8[b->len++] = (uint8_t) s[i];
}

void
regexp_builder_append (JsRuntime *rt, RegExpBuilder *b, JsString *s,
                       uint32_t start, uint32_t end)
{
  if (end <= start || b->failed)
    return;
  if (!string_flatten (rt, s))
    {
      b->failed = true;
      return;
    }
  uint32_t n = end - start;
  if (string_is_latin1 (s))
    {
      const uint8_t *c = string_latin1_chars (s) + start;
      if (!reserve (b, n))
        return;
      if (b->wide)
        for (uint32_t i = 0; i < n; i++)
          b->c16[b->len++] = c[i];
      else
        {
          memcpy (b->c8 + b->len, c, n);
          b->len += n;
        }
      return;
    }
  const uint16_t *u = string_utf16_chars (s) + start;
  if (!b->wide)
    for (uint32_t i = 0; i < n; i++)
      if (u[i] > 255)
        {
          if (!widen (b))
            return;
          break;
        }
  if (!reserve (b, n))
    return;
  if (b->wide)
    {
      memcpy (b->c16 + b->len, u, (size_t) n * 2);
      b->len += n;
    }
  else
    for (uint32_t i = 0; i < n; i++)
      b->c8[b->len++] = (uint8_t) u[i];
}

JsValue
regexp_builder_finish (JsContext *ctx, RegExpBuilder *b)
{
  JsString *s = NULL;
  bool too_long = b->failed && b->len + 1 >= JS_STRING_MAX_LENGTH / 2;
  if (!b->failed)
    s = b->wide ? string_new_utf16 (ctx->rt, b->c16, b->len)
                : string_new_latin1 (ctx->rt, b->c8, b->len);
  bool failed = b->failed;
  regexp_builder_free (b);
  if (s)
    return js_string_value (s);
  if (failed && too_long)
    return js_throw_range_error (ctx, "Invalid string length");
  return js_throw_out_of_memory (ctx);
}

/* ------------------------------------------------------------------ */
/* GetSubstitution                                                     */
/* ------------------------------------------------------------------ */

static inline bool
is_digit (uint16_t c)
{
  return c >= '0' && c <= '9';
}

/* Appends capture i (1-based) of the substitution, if it is set. */
static void
append_capture (JsRuntime *rt, RegExpBuilder *out, const RegExpSubst *sub,
                JsString *str, uint32_t i)
{
  if (sub->raw)
    {
      int32_t a = sub->raw->caps[2 * i], b = sub->raw->caps[2 * i + 1];
      if (a >= 0 && b >= 0)
        regexp_builder_append (rt, out, str, (uint32_t) a, (uint32_t) b);
      return;
    }
  JsValue cap = sub->captures[i - 1];
  if (js_is_string (cap))
    regexp_builder_append (rt, out, js_get_string (cap), 0,
                           js_get_string (cap)->length);
}

/* $<name> of a raw match: the group's capture, or nothing when no group
 * has that name (the groups object would have no such property). */
static void
append_raw_named (JsRuntime *rt, RegExpBuilder *out, const RegExpSubst *sub,
                  JsString *str, JsString *r, uint32_t from, uint32_t to)
{
  const RegExpProgram *prog = sub->raw->prog;
  for (uint32_t k = 0; k < regexp_group_name_count (prog); k++)
    {
      const uint16_t *name;
      uint32_t len, index = regexp_group_name (prog, k, &name, &len);
      if (len != to - from)
        continue;
      uint32_t j = 0;
      while (j < len && string_flat_char_at (r, from + j) == name[j])
        j++;
      if (j == len)
        {
          append_capture (rt, out, sub, str, index);
          return;
        }
    }
}

int
regexp_get_substitution (JsContext *ctx, RegExpBuilder *out,
                         const RegExpSubst *sub, JsString *replacement)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *prepl = rt_push_root (rt, js_string_value (replacement));
  JsValue *pmatched = rt_push_root (rt, sub->matched
                                            ? js_string_value (sub->matched)
                                            : JS_UNDEFINED);
  JsValue *pstr = rt_push_root (rt, js_string_value (sub->str));
  JsValue *pnamed = rt_push_root (rt, sub->named);
  uint32_t position = sub->position, m = sub->m;
  bool has_named = sub->raw ? regexp_group_name_count (sub->raw->prog) > 0
                            : !js_is_undefined (sub->named);
  int ret = -1;

  if (!string_flatten (rt, replacement) || !string_flatten (rt, sub->str))
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  uint32_t len = replacement->length, str_len = sub->str->length;
  for (uint32_t i = 0; i < len;)
    {
      JsString *r = js_get_string (*prepl), *str = js_get_string (*pstr);
      uint32_t matched_len = sub->matched
                                 ? js_get_string (*pmatched)->length
                                 : sub->matched_len;
      uint16_t c = string_flat_char_at (r, i);
      uint16_t d = i + 1 < len ? string_flat_char_at (r, i + 1) : 0;
      if (c != '$' || i + 1 >= len)
        {
          /* A run of ordinary characters at once. */
          uint32_t j = i + 1;
          while (j < len && string_flat_char_at (r, j) != '$')
            j++;
          regexp_builder_append (rt, out, r, i, j);
          i = j;
          continue;
        }
      if (d == '$')
        {
          regexp_builder_append_unit (out, '$');
          i += 2;
        }
      else if (d == '`')
        {
          regexp_builder_append (rt, out, str, 0, MIN (position, str_len));
          i += 2;
        }
      else if (d == '&')
        {
          if (sub->matched)
            regexp_builder_append (rt, out, js_get_string (*pmatched), 0,
                                   matched_len);
          else
            regexp_builder_append (rt, out, str, position,
                                   position + matched_len);
          i += 2;
        }
      else if (d == '\'')
        {
          uint64_t tail = (uint64_t) position + matched_len;
          if (tail < str_len)
            regexp_builder_append (rt, out, str, (uint32_t) tail, str_len);
          i += 2;
        }
      else if (is_digit (d))
        {
          /* $n or $nn, the longer when that many captures exist. */
          uint32_t digits = 1, index = d - '0';
          if (i + 2 < len && is_digit (string_flat_char_at (r, i + 2)))
            {
              uint32_t two = index * 10 + (string_flat_char_at (r, i + 2)
                                           - '0');
              if (two <= m)
                {
                  digits = 2;
                  index = two;
                }
            }
          if (index >= 1 && index <= m)
            append_capture (rt, out, sub, str, index);
          else
            regexp_builder_append (rt, out, r, i, i + 1 + digits);
          i += 1 + digits;
        }
      else if (d == '<')
        {
          uint32_t gt = i + 2;
          while (gt < len && string_flat_char_at (r, gt) != '>')
            gt++;
          if (gt >= len || !has_named)
            {
              regexp_builder_append_ascii (out, "$<", 2);
              i += 2;
              continue;
            }
          if (sub->raw)
            {
              append_raw_named (rt, out, sub, str, r, i + 2, gt);
              i = gt + 1;
              continue;
            }
          JsString *name = string_substring (rt, r, i + 2, gt);
          JsKey k = name ? atom_key_from_string (rt, name) : JS_KEY_NONE;
          if (k == JS_KEY_NONE)
            {
              js_throw_out_of_memory (ctx);
              goto out;
            }
          JsValue cap = js_get (ctx, *pnamed, k);
          if (js_is_exception (cap))
            goto out;
          if (!js_is_undefined (cap))
            {
              cap = js_to_string (ctx, cap);
              if (js_is_exception (cap))
                goto out;
              regexp_builder_append (rt, out, js_get_string (cap), 0,
                                     js_get_string (cap)->length);
            }
          i = gt + 1;
        }
      else
        {
          regexp_builder_append_unit (out, '$');
          i++;
        }
    }
  ret = 0;
out:
  rt_restore_roots (rt, saved);
  return ret;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* RequireObjectCoercible (this value). */
static bool
this_coercible (const JsCallInfo *info, const char *method)
{
  if (js_is_nullish (*info->this_arg))
    {
      js_throw_type_error (info->ctx, "String.prototype.%s called on null "
                                      "or undefined", method);
      return false;
    }
  return true;
}

/* ToString, flattened. */
static JsValue
flat_string (JsContext *ctx, JsValue v)
{
  JsValue s = js_to_string (ctx, v);
  if (js_is_exception (s))
    return s;
  if (!string_flatten (ctx->rt, js_get_string (s)))
    return js_throw_out_of_memory (ctx);
  return s;
}

/* StringIndexOf (s, search, from) on flat strings: the index, or -1. */
static int64_t
index_of (const JsString *s, const JsString *search, uint32_t from)
{
  uint32_t n = s->length, k = search->length;
  if (k == 0)
    return from <= n ? (int64_t) from : -1;
  if (k > n)
    return -1;
  uint16_t first = string_flat_char_at (search, 0);
  for (uint32_t i = from; i + k <= n; i++)
    {
      if (string_flat_char_at (s, i) != first)
        continue;
      uint32_t j = 1;
      while (j < k && string_flat_char_at (s, i + j)
                          == string_flat_char_at (search, j))
        j++;
      if (j == k)
        return i;
    }
  return -1;
}

/* If v is an object with a method for the well-known symbol sym, calls
 * it with this v and argc arguments and returns 1 with *result set; 0
 * when there is none to call; -1 with an exception. */
static int
delegate (JsContext *ctx, JsValue v, JsWellKnownSymbol sym, uint32_t argc,
          const JsValue *argv, JsValue *result)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_object (v))
    return 0;
  JsValue f = js_get_method (ctx, v, symbol_key (rt->well_known[sym]));
  if (js_is_exception (f))
    return -1;
  if (js_is_undefined (f))
    return 0;
  *result = js_call (ctx, f, v, argc, argv);
  return js_is_exception (*result) ? -1 : 1;
}

/* Invoke (rx, sym, « s [, extra] »). */
static JsValue
invoke (JsContext *ctx, JsValue rx, JsWellKnownSymbol sym, uint32_t argc,
        const JsValue *argv)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *prx = rt_push_root (rt, rx);
  JsValue f = js_get (ctx, rx, symbol_key (rt->well_known[sym]));
  JsValue r = js_is_exception (f) ? f : js_call (ctx, f, *prx, argc, argv);
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* match, matchAll, search                                             */
/* ------------------------------------------------------------------ */

/* String.prototype.match (regexp) and .search (regexp): magic is the
 * symbol. */
static JsValue
string_match_or_search (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsWellKnownSymbol sym = (JsWellKnownSymbol) info->magic;
  if (!this_coercible (info, sym == JS_SYM_match ? "match" : "search"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  int d = delegate (ctx, js_arg (info, 0), sym, 1, info->this_arg, pr);
  if (d < 0)
    goto out;
  if (d > 0)
    {
      r = *pr;
      goto out;
    }
  JsValue *ps = rt_push_root (rt, js_to_string (ctx, *info->this_arg));
  if (js_is_exception (*ps))
    goto out;
  JsValue *prx = rt_push_root (rt, regexp_create (ctx, js_arg (info, 0),
                                                  JS_UNDEFINED));
  if (!js_is_exception (*prx))
    r = invoke (ctx, *prx, sym, 1, ps);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* Throws unless the flags of a RegExp-like argument contain "g"
 * (replaceAll and matchAll).  0, or -1 with an exception. */
static int
require_global (JsContext *ctx, JsValue v, const char *method)
{
  JsRuntime *rt = ctx->rt;
  int is_re = regexp_is_regexp (ctx, v);
  if (is_re <= 0)
    return is_re;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, v);
  JsValue f = js_get (ctx, v, atom_common_key (rt, JS_ATOM_flags));
  int ret = -1;
  if (js_is_exception (f))
    goto out;
  if (js_is_nullish (f))
    {
      js_throw_type_error (ctx, "String.prototype.%s: flags is %s", method,
                           js_is_null (f) ? "null" : "undefined");
      goto out;
    }
  JsValue fs = flat_string (ctx, f);
  if (js_is_exception (fs))
    goto out;
  JsString *s = js_get_string (fs);
  for (uint32_t i = 0; i < s->length; i++)
    if (string_flat_char_at (s, i) == 'g')
      {
        ret = 0;
        goto out;
      }
  js_throw_type_error (ctx, "String.prototype.%s called with a non-global "
                            "RegExp argument", method);
out:
  rt_restore_roots (rt, saved);
  return ret;
}

/* String.prototype.matchAll (regexp) */
static JsValue
string_match_all (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (!this_coercible (info, "matchAll"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  JsValue re = js_arg (info, 0);
  if (js_is_object (re) && require_global (ctx, re, "matchAll") < 0)
    goto out;
  int d = delegate (ctx, re, JS_SYM_matchAll, 1, info->this_arg, pr);
  if (d < 0)
    goto out;
  if (d > 0)
    {
      r = *pr;
      goto out;
    }
  JsValue *ps = rt_push_root (rt, js_to_string (ctx, *info->this_arg));
  if (js_is_exception (*ps))
    goto out;
  JsString *g = string_new_latin1 (rt, (const uint8_t *) "g", 1);
  if (!g)
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  JsValue *prx = rt_push_root (rt, regexp_create (ctx, re,
                                                  js_string_value (g)));
  if (!js_is_exception (*prx))
    r = invoke (ctx, *prx, JS_SYM_matchAll, 1, ps);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* replace and replaceAll                                              */
/* ------------------------------------------------------------------ */

/* The replacement for one occurrence of search at p in s: the function's
 * result or GetSubstitution, appended to out. */
static int
replace_at (JsContext *ctx, RegExpBuilder *out, const JsValue *ps,
            const JsValue *psearch, const JsValue *prepl, bool functional,
            uint32_t p)
{
  JsRuntime *rt = ctx->rt;
  if (!functional)
    {
      RegExpSubst sub = {
        .str = js_get_string (*ps),
        .position = p,
        .matched = js_get_string (*psearch),
        .named = JS_UNDEFINED,
      };
      return regexp_get_substitution (ctx, out, &sub, js_get_string (*prepl));
    }
  JsValue args[3] = { *psearch, js_int32 ((int32_t) p), *ps };
  JsValue v = js_call (ctx, *prepl, JS_UNDEFINED, 3, args);
  if (js_is_exception (v) || js_is_exception (v = js_to_string (ctx, v)))
    return -1;
  regexp_builder_append (rt, out, js_get_string (v), 0,
                         js_get_string (v)->length);
  return 0;
}

/* String.prototype.replace (searchValue, replaceValue) and replaceAll
 * (magic 1). */
static JsValue
string_replace (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  bool all = info->magic != 0;
  if (!this_coercible (info, all ? "replaceAll" : "replace"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, JS_UNDEFINED);
  JsValue *ps = rt_push_root (rt, JS_UNDEFINED);
  JsValue *psearch = rt_push_root (rt, js_arg (info, 0));
  JsValue *prepl = rt_push_root (rt, js_arg (info, 1));
  JsValue r = JS_EXCEPTION;
  RegExpBuilder b;

  regexp_builder_init (&b);
  if (all && js_is_object (*psearch)
      && require_global (ctx, *psearch, "replaceAll") < 0)
    goto out;
  JsValue args[2] = { *info->this_arg, *prepl };
  int d = delegate (ctx, *psearch, JS_SYM_replace, 2, args, pr);
  if (d < 0)
    goto out;
  if (d > 0)
    {
      r = *pr;
      goto out;
    }
  if (js_is_exception (*ps = flat_string (ctx, *info->this_arg))
      || js_is_exception (*psearch = flat_string (ctx, *psearch)))
    goto out;
  bool functional = js_is_callable (*prepl);
  if (!functional && js_is_exception (*prepl = js_to_string (ctx, *prepl)))
    goto out;
  JsString *s = js_get_string (*ps), *search = js_get_string (*psearch);
  uint32_t slen = search->length, advance = MAX (slen, 1u), end = 0;
  int64_t p = index_of (s, search, 0);
  if (p < 0)
    {
      r = *ps;
      goto out;
    }
  if (!all)
    {
      regexp_builder_append (rt, &b, s, 0, (uint32_t) p);
      if (replace_at (ctx, &b, ps, psearch, prepl, functional, (uint32_t) p)
          < 0)
        goto out;
      s = js_get_string (*ps);
      regexp_builder_append (rt, &b, s, (uint32_t) p + slen, s->length);
      r = regexp_builder_finish (ctx, &b);
      goto out;
    }
  /* replaceAll finds every position before it calls any function. */
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (uint32_t));
  for (; p >= 0; p = index_of (s, search, (uint32_t) p + advance))
    {
      uint32_t q = (uint32_t) p;
      g_array_append_val (positions, q);
      if ((uint64_t) p + advance > s->length)
        break;
    }
  for (guint i = 0; i < positions->len; i++)
    {
      uint32_t q = g_array_index (positions, uint32_t, i);
      regexp_builder_append (rt, &b, js_get_string (*ps), end, q);
      if (replace_at (ctx, &b, ps, psearch, prepl, functional, q) < 0)
        {
          g_array_free (positions, TRUE);
          goto out;
        }
      end = q + slen;
    }
  g_array_free (positions, TRUE);
  s = js_get_string (*ps);
  if (end < s->length)
    regexp_builder_append (rt, &b, s, end, s->length);
  r = regexp_builder_finish (ctx, &b);
out:
  regexp_builder_free (&b);
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* split                                                               */
/* ------------------------------------------------------------------ */

/* String.prototype.split (separator, limit) */
static JsValue
string_split (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (!this_coercible (info, "split"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, JS_UNDEFINED);
  JsValue *ps = rt_push_root (rt, JS_UNDEFINED);
  JsValue *psep = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue sep = js_arg (info, 0);
  JsValue r = JS_EXCEPTION;
  uint32_t lim = UINT32_MAX;

  JsValue args[2] = { *info->this_arg, js_arg (info, 1) };
  int d = delegate (ctx, sep, JS_SYM_split, 2, args, pr);
  if (d < 0)
    goto out;
  if (d > 0)
    {
      r = *pr;
      goto out;
    }
  if (js_is_exception (*ps = flat_string (ctx, *info->this_arg)))
    goto out;
  if (!js_is_undefined (js_arg (info, 1))
      && !js_to_uint32 (ctx, js_arg (info, 1), &lim))
    goto out;
  if (js_is_exception (*psep = flat_string (ctx, js_arg (info, 0))))
    goto out;
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, 0);
  if (!a)
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  *pa = js_object_value (a);
  if (lim == 0)
    {
      r = *pa;
      goto out;
    }
  JsString *s = js_get_string (*ps), *search = js_get_string (*psep);
  if (js_is_undefined (js_arg (info, 0)))
    {
      if (object_array_push (rt, js_get_object (*pa), *ps) != JS_PROP_DONE)
        js_throw_out_of_memory (ctx);
      else
        r = *pa;
      goto out;
    }
  if (search->length == 0)
    {
      uint32_t n = MIN (lim, s->length);
      for (uint32_t i = 0; i < n; i++)
        if (!regexp_push_substring (ctx, *pa, js_get_string (*ps), i, i + 1))
          goto out;
      r = *pa;
      goto out;
    }
  if (s->length == 0)
    {
      if (object_array_push (rt, js_get_object (*pa), *ps) != JS_PROP_DONE)
        js_throw_out_of_memory (ctx);
      else
        r = *pa;
      goto out;
    }
  uint32_t i = 0, count = 0;
  for (int64_t j = index_of (s, search, 0); j >= 0;
       j = index_of (js_get_string (*ps), js_get_string (*psep), i))
    {
      if (!regexp_push_substring (ctx, *pa, js_get_string (*ps), i, (uint32_t) j))
        goto out;
      if (++count == lim)
        {
          r = *pa;
          goto out;
        }
      i = (uint32_t) j + js_get_string (*psep)->length;
    }
  if (regexp_push_substring (ctx, *pa, js_get_string (*ps), i, js_get_string (*ps)->length))
    r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* The RegExp String Iterator                                          */
/* ------------------------------------------------------------------ */

/* The RegExp String Iterator: the matcher, the string and two flags. */
typedef struct
{
  JsShape *shape;     /* header */
  JsStorage *storage; /* properties, or NULL */
  JsValue matcher;    /* [[IteratingRegExp]], or undefined when done */
  JsValue string;     /* [[IteratedString]] */
  JsValue flags;      /* int32: 1 global, 2 full unicode */
} JsRegExpStringIterator;

static void
string_iterator_trace (JsTracer *trc, JsCell *cell)
{
  JsRegExpStringIterator *it = (JsRegExpStringIterator *) cell;
  gc_mark_cell (trc, (JsCell *) it->storage);
  gc_mark_value (trc, it->matcher);
  gc_mark_value (trc, it->string);
}

static const JsCellClass regexp_string_iterator_class = {
  .name = "RegExp String Iterator",
  .kind = JS_KIND_OBJECT,
  .trace = string_iterator_trace,
};

JsValue
regexp_new_string_iterator (JsContext *ctx, JsValue matcher, JsValue string,
                            bool global, bool unicode)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pm = rt_push_root (rt, matcher);
  JsValue *ps = rt_push_root (rt, string);
  JsShape *s = shape_root_for (rt, &regexp_string_iterator_class,
                               (JsCell *) ctx->regexp_string_iterator_proto,
                               0);
  rt_push_cell (rt, s);
  JsRegExpStringIterator *it
      = s ? (JsRegExpStringIterator *) heap_alloc_slots (
                &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *it))
          : NULL;
  JsValue r = JS_EXCEPTION;
  if (it)
    {
      it->shape = s;
      it->storage = NULL;
      it->matcher = *pm;
      it->string = *ps;
      it->flags = js_int32 ((global ? 1 : 0) | (unicode ? 2 : 0));
      r = js_object_value ((JsObject *) it);
    }
  else
    js_throw_out_of_memory (ctx);
  rt_restore_roots (rt, saved);
  return r;
}

/* %RegExpStringIteratorPrototype%.next () */
static JsValue
regexp_string_iterator_next (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue t = *info->this_arg;
  if (!js_is_object (t)
      || js_get_cell (t)->shape->cls != &regexp_string_iterator_class)
    return js_throw_type_error (ctx, "%%RegExpStringIteratorPrototype%%.next "
                                     "called on an incompatible receiver");
  JsRegExpStringIterator *it = (JsRegExpStringIterator *) js_get_cell (t);
  if (js_is_undefined (it->matcher))
    return builtins_iter_result (ctx, JS_UNDEFINED, true);
  JsValue *saved = rt_save_roots (rt);
  JsValue *prx = rt_push_root (rt, it->matcher);
  JsValue *ps = rt_push_root (rt, it->string);
  int32_t flags = js_get_int32 (it->flags);
  JsValue *pm = rt_push_root (rt, regexp_exec_abstract (ctx, *prx, *ps));
  JsValue r = JS_EXCEPTION;
  if (js_is_exception (*pm))
    goto out;
  it = (JsRegExpStringIterator *) js_get_cell (*info->this_arg);
  if (js_is_null (*pm))
    {
      it->matcher = JS_UNDEFINED;
      r = builtins_iter_result (ctx, JS_UNDEFINED, true);
      goto out;
    }
  if (!(flags & 1))
    {
      it->matcher = JS_UNDEFINED;
      r = builtins_iter_result (ctx, *pm, false);
      goto out;
    }
  JsValue str = js_get (ctx, *pm, js_key_from_index (0));
  if (js_is_exception (str) || js_is_exception (str = js_to_string (ctx, str)))
    goto out;
  if (js_get_string (str)->length == 0
      && !regexp_advance_after_empty (ctx, prx, ps, flags & 2))
    goto out;
  r = builtins_iter_result (ctx, *pm, false);
out:
  rt_restore_roots (rt, saved);
  return r;
}

bool
builtins_init_string_regexp (JsContext *ctx)
{
  static const JsMethodSpec methods[] = {
    { "match", string_match_or_search, 1, JS_SYM_match },
    { "matchAll", string_match_all, 1, 0 },
    { "replace", string_replace, 2, 0 },
    { "replaceAll", string_replace, 2, 1 },
    { "search", string_match_or_search, 1, JS_SYM_search },
    { "split", string_split, 2, 0 },
  };
  static const JsMethodSpec iter_methods[] = {
    { "next", regexp_string_iterator_next, 0, 0 },
  };
  JsRuntime *rt = ctx->rt;
  if (!builtins_define_methods (ctx, ctx->string_proto, methods,
                                G_N_ELEMENTS (methods)))
    return false;
  ctx->regexp_string_iterator_proto = object_new_with_proto (
      rt, (JsCell *) ctx->iterator_proto, 2);
  if (!ctx->regexp_string_iterator_proto
      || !builtins_define_methods (ctx, ctx->regexp_string_iterator_proto,
                                   iter_methods, 1))
    return false;
  JsString *tag = atom_intern_utf8 (rt, "RegExp String Iterator", -1);
  return tag
         && object_define_own (rt, ctx->regexp_string_iterator_proto,
                               symbol_key (rt->well_known[JS_SYM_toStringTag]),
                               js_string_value (tag), JS_ATTR_CONFIGURABLE)
                == JS_PROP_DONE;
}
