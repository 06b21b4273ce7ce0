/* builtins-regexp.c — RegExp, RegExp.prototype and the RegExp String
 * Iterator.
 *
 * A RegExp object (JsRegExp, regexp.h) owns a reference to a compiled
 * program.  Programs are immutable, so the runtime keeps the last few
 * compiled ones by (source, flags) and hands them out again: a literal
 * evaluated in a loop, or the sticky copy @@split makes, costs one
 * compilation, not one per object.
 *
 * The methods follow ECMA-262 22.2.6 step by step, because every Get and
 * Set of lastIndex, exec and flags is observable.  What is not observable
 * is the result array of the built-in exec: when RegExpExec finds that
 * exec is the original %RegExp.prototype.exec%, @@replace, @@split,
 * @@match and test take the match as captures straight from the matcher
 * (a Match) and never build the array.
 *
 * Rooting.  Nearly every step here may run script.  Values live in slots
 * of the value stack for as long as they are used, and a JsRegExp's
 * program is read again after each call that may have run script.
 */
#include "config.h"

#include "builtins.h"

#include "property.h"
#include "regexp-private.h"

#include <math.h>

/* ------------------------------------------------------------------ */
/* The cell                                                            */
/* ------------------------------------------------------------------ */

static void
regexp_trace (JsTracer *trc, JsCell *cell)
{
  JsRegExp *re = (JsRegExp *) cell;
  gc_mark_cell (trc, (JsCell *) re->storage);
  gc_mark_value (trc, re->last_index);
  gc_mark_cell (trc, (JsCell *) re->source);
  gc_mark_cell (trc, (JsCell *) re->flags);
}

/* Drops a reference to a program.  A program counts as unmanaged memory
 * once, from its compilation until its last holder lets go, however many
 * RegExp objects share it. */
static void
release_program (JsHeap *heap, RegExpProgram *prog)
{
  int64_t size = (int64_t) regexp_program_size (prog);
  if (regexp_program_unref (prog) && heap)
    heap_add_unmanaged (heap, -size);
}

static void
regexp_finalize (JsHeap *heap, JsCell *cell)
{
  JsRegExp *re = (JsRegExp *) cell;
  if (re->prog)
    release_program (heap, re->prog);
}

const JsCellClass js_regexp_class = {
  .name = "RegExp",
  .kind = JS_KIND_OBJECT,
  .trace = regexp_trace,
  .finalize = regexp_finalize,
};

/* ------------------------------------------------------------------ */
/* The compile cache                                                   */
/* ------------------------------------------------------------------ */

#define CACHE_SIZE 64u

typedef struct
{
  uint16_t *pattern;   /* g_malloc'd copy, or NULL for an empty entry */
  uint32_t len;        /* its code units */
  uint32_t flags;      /* RE_FLAG_* */
  uint32_t hash;       /* of pattern and flags */
  RegExpProgram *prog; /* one reference */
} CacheEntry;

struct RegExpCache
{
  CacheEntry entries[CACHE_SIZE];
};

void
regexp_cache_free (JsRuntime *rt)
{
  RegExpCache *cache = rt->regexp_cache;
  if (!cache)
    return;
  for (uint32_t i = 0; i < CACHE_SIZE; i++)
    {
      g_free (cache->entries[i].pattern);
      /* The heap is gone: nothing to count any more. */
      if (cache->entries[i].prog)
        release_program (NULL, cache->entries[i].prog);
    }
  g_free (cache);
  rt->regexp_cache = NULL;
}

/* The units of a flat string as UTF-16: its own when it is UTF-16, else
 * a g_try_malloc'd copy in *copy. */
static const uint16_t *
utf16_of (const JsString *s, uint16_t **copy)
{
  *copy = NULL;
  if (!string_is_latin1 (s))
    return string_utf16_chars (s);
  uint16_t *u = g_try_new (uint16_t, s->length + 1);
  if (!u)
    return NULL;
  const uint8_t *c = string_latin1_chars (s);
  for (uint32_t i = 0; i < s->length; i++)
    u[i] = c[i];
  *copy = u;
  return u;
}

/* The program for a pattern (a flat string) and flags: from the cache or
 * compiled.  NULL with *error set for a SyntaxError, or NULL with *error
 * NULL when memory ran out.  The cache is looked up without copying the
 * pattern, so a literal evaluated again costs a hash and a compare. */
static RegExpProgram *
get_program (JsRuntime *rt, const JsString *p, uint32_t flags,
             const char **error)
{
  uint32_t len = p->length, h = 2166136261u ^ flags, error_pos;
  for (uint32_t i = 0; i < len; i++)
    h = (h ^ string_flat_char_at (p, i)) * 16777619u;
  if (!rt->regexp_cache)
    rt->regexp_cache = g_try_new0 (RegExpCache, 1);
  RegExpCache *cache = rt->regexp_cache;
  CacheEntry *e = cache ? &cache->entries[h % CACHE_SIZE] : NULL;
  if (e && e->prog && e->hash == h && e->len == len && e->flags == flags)
    {
      uint32_t i = 0;
      while (i < len && e->pattern[i] == string_flat_char_at (p, i))
        i++;
      if (i == len)
        return regexp_program_ref (e->prog);
    }
  uint16_t *copy;
  const uint16_t *units = utf16_of (p, &copy);
  if (!units)
    {
      *error = NULL;
      return NULL;
    }
  RegExpProgram *prog = regexp_compile (units, len, flags, error,
                                        &error_pos);
  if (prog)
    heap_add_unmanaged (&rt->heap, (int64_t) regexp_program_size (prog));
  /* Keep short patterns only: a long one is seldom compiled twice, and
     the copy would cost as much as the hit saves. */
  if (prog && e && len <= 1024)
    {
      uint16_t *keep = g_try_new (uint16_t, len + 1);
      if (keep)
        {
          g_free (e->pattern);
          if (e->prog)
            release_program (&rt->heap, e->prog);
          memcpy (keep, units, len * sizeof *units);
          e->pattern = keep;
          e->len = len;
          e->flags = flags;
          e->hash = h;
          e->prog = regexp_program_ref (prog);
        }
    }
  g_free (copy);
  return prog;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static JsKey
key (JsContext *ctx, JsCommonAtom id)
{
  return atom_common_key (ctx->rt, id);
}

static JsValue
get (JsContext *ctx, JsValue o, JsCommonAtom id)
{
  return js_get (ctx, o, key (ctx, id));
}

/* Set (o, "lastIndex", v, true). */
static bool
set_last_index (JsContext *ctx, JsValue o, JsValue v)
{
  return js_set (ctx, o, key (ctx, JS_ATOM_lastIndex), v, o, true) >= 0;
}

uint32_t
regexp_advance_index (JsString *s, uint32_t index, bool unicode)
{
  if (!unicode || index + 1 >= s->length || string_is_latin1 (s))
    return index + 1;
  const uint16_t *u = string_utf16_chars (s);
  if (re_is_lead (u[index]) && re_is_trail (u[index + 1]))
    return index + 2;
  return index + 1;
}

/* ToString (v), flattened: the methods read its characters. */
static JsValue
to_flat_string (JsContext *ctx, JsValue v)
{
  JsValue s = js_to_string (ctx, v);
  if (js_is_exception (s))
    return s;
  if (!string_flatten (ctx->rt, js_get_string (s)))
    return js_throw_out_of_memory (ctx);
  return s;
}

/* The this value as a JsRegExp with a matcher, or a TypeError. */
static JsRegExp *
this_regexp (const JsCallInfo *info, const char *method)
{
  JsValue t = *info->this_arg;
  if (!regexp_is_regexp_object (t) || !((JsRegExp *) js_get_cell (t))->prog)
    {
      js_throw_type_error (info->ctx, "%s called on an incompatible receiver",
                           method);
      return NULL;
    }
  return (JsRegExp *) js_get_cell (t);
}

/* SpeciesConstructor (o, %RegExp%). */
static JsValue
species_constructor (JsContext *ctx, JsValue o)
{
  JsRuntime *rt = ctx->rt;
  JsValue c = get (ctx, o, JS_ATOM_constructor);
  if (js_is_exception (c))
    return c;
  if (js_is_undefined (c))
    return js_object_value (ctx->regexp_ctor);
  if (!js_is_object (c))
    return js_throw_type_error (ctx, "object.constructor is not an object");
  JsValue s = js_get (ctx, c, symbol_key (rt->well_known[JS_SYM_species]));
  if (js_is_exception (s))
    return s;
  if (js_is_nullish (s))
    return js_object_value (ctx->regexp_ctor);
  if (js_is_constructor (s))
    return s;
  return js_throw_type_error (ctx, "object.constructor[Symbol.species] is "
                                   "not a constructor");
}

/* ------------------------------------------------------------------ */
/* RegExpAlloc and RegExpInitialize                                    */
/* ------------------------------------------------------------------ */

/* The shape of RegExp objects with this prototype: lastIndex first. */
static JsShape *
regexp_shape (JsContext *ctx, JsCell *proto)
{
  JsRuntime *rt = ctx->rt;
  if (proto == (JsCell *) ctx->regexp_proto && ctx->regexp_shape)
    return ctx->regexp_shape;
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, proto);
  JsShape *root = shape_root_for (rt, &js_regexp_class, proto, 1);
  JsShape *s = root ? shape_add_property (rt, root,
                                          key (ctx, JS_ATOM_lastIndex),
                                          JS_ATTR_WRITABLE)
                    : NULL;
  rt_restore_roots (rt, saved);
  if (s && proto == (JsCell *) ctx->regexp_proto)
    ctx->regexp_shape = s;
  return s;
}

/* RegExpAlloc with a prototype already found. */
static JsValue
regexp_alloc_proto (JsContext *ctx, JsCell *proto)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, proto);
  JsShape *s = regexp_shape (ctx, proto);
  rt_push_cell (rt, s);
  JsRegExp *re = s ? (JsRegExp *) heap_alloc_slots (
                       &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *re))
                   : NULL;
  rt_restore_roots (rt, saved);
  if (!re)
    return js_throw_out_of_memory (ctx);
  re->shape = s;
  re->storage = NULL;
  re->last_index = JS_UNDEFINED;
  re->source = NULL;
  re->flags = NULL;
  re->prog = NULL;
  heap_set_finalize ((JsCell *) re, true);
  return js_object_value ((JsObject *) re);
}

/* RegExpAlloc (newTarget). */
static JsValue
regexp_alloc (JsContext *ctx, JsValue new_target)
{
  if (new_target == js_object_value (ctx->regexp_ctor))
    return regexp_alloc_proto (ctx, (JsCell *) ctx->regexp_proto);
  JsValue proto = js_get (ctx, new_target, key (ctx, JS_ATOM_prototype));
  if (js_is_exception (proto))
    return proto;
  if (js_is_object (proto))
    return regexp_alloc_proto (ctx, js_get_cell (proto));
  JsContext *realm = realm_of (ctx, new_target);
  if (!realm)
    return JS_EXCEPTION;
  return regexp_alloc_proto (ctx, (JsCell *) realm->regexp_proto);
}

/* Throws the SyntaxError of a pattern that does not compile. */
static JsValue
throw_pattern_error (JsContext *ctx, JsString *p, JsString *f,
                     const char *error)
{
  g_autofree char *ps = string_to_utf8 (ctx->rt, p, NULL);
  g_autofree char *fs = string_to_utf8 (ctx->rt, f, NULL);
  return js_throw_error (ctx, JS_ERR_SYNTAX,
                         "Invalid regular expression: /%s/%s: %s",
                         ps ? ps : "", fs ? fs : "", error);
}

/* RegExpInitialize (obj, pattern, flags), obj in *slot. */
static JsValue
regexp_initialize (JsContext *ctx, JsValue *slot, JsValue pattern,
                   JsValue flags)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pf = rt_push_root (rt, flags);
  JsValue *pp = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;

  *pp = js_is_undefined (pattern)
            ? js_string_value (atom_common (rt, JS_ATOM_empty))
            : js_to_string (ctx, pattern);
  if (js_is_exception (*pp))
    goto out;
  *pf = js_is_undefined (*pf)
            ? js_string_value (atom_common (rt, JS_ATOM_empty))
            : js_to_string (ctx, *pf);
  if (js_is_exception (*pf))
    goto out;
  JsString *p = js_get_string (*pp), *f = js_get_string (*pf);
  if (!string_flatten (rt, p) || !string_flatten (rt, f))
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  uint32_t fl;
  uint16_t fbuf[8];
  bool ok = f->length <= G_N_ELEMENTS (fbuf);
  for (uint32_t i = 0; ok && i < f->length; i++)
    fbuf[i] = string_flat_char_at (f, i);
  if (!ok || !regexp_parse_flags (fbuf, f->length, &fl))
    {
      g_autofree char *fs = string_to_utf8 (rt, f, NULL);
      js_throw_error (ctx, JS_ERR_SYNTAX,
                      "Invalid regular expression flags '%s'", fs ? fs : "");
      goto out;
    }
  const char *error = NULL;
  RegExpProgram *prog = get_program (rt, p, fl, &error);
  if (!prog)
    {
      if (error)
        throw_pattern_error (ctx, p, f, error);
      else
        js_throw_out_of_memory (ctx);
      goto out;
    }
  JsRegExp *re = (JsRegExp *) js_get_cell (*slot);
  if (re->prog)
    release_program (&rt->heap, re->prog);
  re->prog = prog;
  re->source = p;
  re->flags = f;
  re->last_index = js_int32 (0);
  gc_write_barrier (&rt->heap, (JsCell *) re);
  r = *slot;
out:
  rt_restore_roots (rt, saved);
  return r;
}

JsValue
regexp_create (JsContext *ctx, JsValue p, JsValue f)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, p);
  JsValue *pf = rt_push_root (rt, f);
  JsValue *po = rt_push_root (rt, regexp_alloc_proto (
                                      ctx, (JsCell *) ctx->regexp_proto));
  JsValue r = js_is_exception (*po)
                  ? JS_EXCEPTION
                  : regexp_initialize (ctx, po, *pp, *pf);
  rt_restore_roots (rt, saved);
  return r;
}

JsValue
regexp_create_from_literal (JsContext *ctx, JsString *pattern,
                            JsString *flags)
{
  return regexp_create (ctx, js_string_value (pattern),
                        js_string_value (flags));
}

int
regexp_is_regexp (JsContext *ctx, JsValue v)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_object (v))
    return 0;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, v);
  JsValue m = js_get (ctx, v, symbol_key (rt->well_known[JS_SYM_match]));
  int r;
  if (js_is_exception (m))
    r = -1;
  else if (!js_is_undefined (m))
    r = js_to_boolean (m);
  else
    r = regexp_is_regexp_object (*pv);
  rt_restore_roots (rt, saved);
  return r;
}

/* RegExp (pattern, flags) */
static JsValue
regexp_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, js_arg (info, 0));
  JsValue *pf = rt_push_root (rt, js_arg (info, 1));
  JsValue *pt = rt_push_root (rt, info->new_target);
  JsValue *pp2 = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pf2 = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;

  int is_re = regexp_is_regexp (ctx, *pp);
  if (is_re < 0)
    goto out;
  if (js_is_undefined (*pt))
    {
      *pt = info->callee;
      if (is_re && js_is_undefined (*pf))
        {
          JsValue c = get (ctx, *pp, JS_ATOM_constructor);
          if (js_is_exception (c))
            goto out;
          if (js_same_value (rt, *pt, c))
            {
              r = *pp;
              goto out;
            }
        }
    }
  if (regexp_is_regexp_object (*pp)
      && ((JsRegExp *) js_get_cell (*pp))->source)
    {
      JsRegExp *re = (JsRegExp *) js_get_cell (*pp);
      *pp2 = js_string_value (re->source);
      *pf2 = js_is_undefined (*pf) ? js_string_value (re->flags) : *pf;
    }
  else if (is_re)
    {
      *pp2 = get (ctx, *pp, JS_ATOM_source);
      if (js_is_exception (*pp2))
        goto out;
      if (js_is_undefined (*pf))
        {
          *pf2 = get (ctx, *pp, JS_ATOM_flags);
          if (js_is_exception (*pf2))
            goto out;
        }
      else
        *pf2 = *pf;
    }
  else
    {
      *pp2 = *pp;
      *pf2 = *pf;
    }
  JsValue *po = rt_push_root (rt, regexp_alloc (ctx, *pt));
  if (js_is_exception (*po))
    goto out;
  r = regexp_initialize (ctx, po, *pp2, *pf2);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* get RegExp [@@species] */
static JsValue
regexp_species (const JsCallInfo *info)
{
  return *info->this_arg;
}

/* ------------------------------------------------------------------ */
/* RegExpBuiltinExec                                                   */
/* ------------------------------------------------------------------ */

/* Does r have the shape RegExp objects start with: lastIndex alone, a
 * writable data property in slot 0, and %RegExp.prototype%?  Then its
 * lastIndex is read and written in place, which is what Get and Set
 * would do. */
static inline bool
plain_shape (JsContext *ctx, JsValue r)
{
  return js_get_object (r)->shape == ctx->regexp_shape;
}

/* Is Get (r, "exec") the original exec, found with no getter run?  True
 * for a RegExp of the plain shape while %RegExp.prototype%.exec is the
 * built-in data property. */
static bool
plain_exec (JsContext *ctx, JsValue r)
{
  JsRuntime *rt = ctx->rt;
  JsObject *proto = ctx->regexp_proto;
  if (!plain_shape (ctx, r))
    return false;
  /* %RegExp.prototype% is a guarded prototype: while the epoch stands,
     exec is the data property in the slot found last time. */
  if (ctx->regexp_exec_epoch != rt->proto_epoch + 1)
    {
      uint32_t slot;
      uint8_t attrs;
      if (!shape_lookup (proto->shape, key (ctx, JS_ATOM_exec), &slot, &attrs)
          || (attrs & JS_ATTR_ACCESSOR))
        return false;
      ctx->regexp_exec_slot = slot;
      ctx->regexp_exec_epoch = rt->proto_epoch + 1;
    }
  return *object_slot_ptr (proto, ctx->regexp_exec_slot) == ctx->regexp_exec;
}

static JsValue
get_last_index (JsContext *ctx, JsValue r)
{
  if (plain_shape (ctx, r))
    return ((JsRegExp *) js_get_cell (r))->last_index;
  return get (ctx, r, JS_ATOM_lastIndex);
}

static bool
put_last_index (JsContext *ctx, JsValue r, JsValue v)
{
  if (plain_shape (ctx, r) && !js_is_cell (v))
    {
      ((JsRegExp *) js_get_cell (r))->last_index = v;
      return true;
    }
  return set_last_index (ctx, r, v);
}

/* The exception of a match that did not finish: the interrupt hook
 * stopped it, as the interpreter's loops are stopped, or its backtrack
 * stack could not grow. */
static void
throw_exec_failure (JsContext *ctx, RegExpResult res)
{
  if (res == RE_INTERRUPTED)
    js_throw_error (ctx, JS_ERR_ERROR, "interrupted");
  else
    js_throw_range_error (ctx, "regular expression too complex to match");
}

/* The matcher half of RegExpBuiltinExec: reads and writes lastIndex as
 * the spec does and leaves the captures in m.  1 on a match, 0 on none,
 * -1 with an exception.  *r and *s are rooted by the caller. */
static int
builtin_exec_raw (JsContext *ctx, const JsValue *r, const JsValue *s,
                  RegExpMatch *m)
{
  JsRuntime *rt = ctx->rt;
  double li;
  JsValue v = get_last_index (ctx, *r);
  if (js_is_int32 (v))
    li = MAX (js_get_int32 (v), 0);
  else if (js_is_exception (v) || !js_to_length (ctx, v, &li))
    return -1;
  JsRegExp *re = (JsRegExp *) js_get_cell (*r);
  const RegExpProgram *prog = re->prog;
  uint32_t flags = regexp_program_flags (prog);
  bool global = flags & RE_FLAG_GLOBAL, sticky = flags & RE_FLAG_STICKY;
  JsString *str = js_get_string (*s);

  if (!global && !sticky)
    li = 0;
  if (!string_flatten (rt, str))
    {
      js_throw_out_of_memory (ctx);
      return -1;
    }
  m->prog = prog;
  m->ncaps = regexp_capture_count (prog);
  if (m->ncaps > G_N_ELEMENTS (m->local) / 2)
    {
      m->caps = g_try_new (int32_t, 2 * m->ncaps);
      if (!m->caps)
        {
          js_throw_out_of_memory (ctx);
          return -1;
        }
    }
  else
    m->caps = m->local;
  RegExpResult res = RE_FAILURE;
  if (li <= str->length)
    res = regexp_exec (prog, string_chars (str), string_is_latin1 (str),
                       str->length, (uint32_t) li, m->caps, rt);
  if (res < 0)
    {
      throw_exec_failure (ctx, res);
      return -1;
    }
  if (res == RE_FAILURE)
    {
      if ((global || sticky) && !put_last_index (ctx, *r, js_int32 (0)))
        return -1;
      return 0;
    }
  /* With u, a lastIndex inside a surrogate pair starts the match at the
     pair, but the match is reported from lastIndex. */
  if (m->caps[0] < li)
    m->caps[0] = (int32_t) li;
  if ((global || sticky)
      && !put_last_index (ctx, *r, js_int32 (m->caps[1])))
    return -1;
  return 1;
}

void
regexp_match_free (RegExpMatch *m)
{
  if (m->caps && m->caps != m->local)
    g_free (m->caps);
  m->caps = NULL;
}

/* Capture i of a match as a value: a substring or undefined. */
static JsValue
capture_value (JsContext *ctx, const RegExpMatch *m, JsString *s, uint32_t i)
{
  int32_t a = m->caps[2 * i], b = m->caps[2 * i + 1];
  if (a < 0 || b < 0)
    return JS_UNDEFINED;
  JsString *sub = string_substring (ctx->rt, s, (uint32_t) a, (uint32_t) b);
  return sub ? js_string_value (sub) : js_throw_out_of_memory (ctx);
}

/* A fresh [a, b] array. */
static JsValue
index_pair (JsContext *ctx, int32_t a, int32_t b)
{
  JsRuntime *rt = ctx->rt;
  JsObject *arr = object_new_array (rt, (JsCell *) ctx->array_proto, 2);
  if (!arr)
    return js_throw_out_of_memory (ctx);
  object_array_push (rt, arr, js_int32 (a));
  object_array_push (rt, arr, js_int32 (b));
  return js_object_value (arr);
}

/* Appends v to the array a; false with a RangeError when memory ran
 * out. */
static bool
push (JsContext *ctx, JsValue a, JsValue v)
{
  if (object_array_push (ctx->rt, js_get_object (a), v) == JS_PROP_DONE)
    return true;
  js_throw_out_of_memory (ctx);
  return false;
}

/* The key of group name i. */
static JsKey
group_key (JsRuntime *rt, const RegExpProgram *prog, uint32_t i,
           uint32_t *index)
{
  const uint16_t *name;
  uint32_t len;
  *index = regexp_group_name (prog, i, &name, &len);
  JsString *a = atom_intern_utf16 (rt, name, len);
  return a ? atom_key (a) : JS_KEY_NONE;
}

/* A null-prototype object with each named group's value (from values,
 * capture index i at values[i]). */
static JsValue
groups_object (JsContext *ctx, const RegExpProgram *prog,
               const JsValue *values)
{
  JsRuntime *rt = ctx->rt;
  uint32_t n = regexp_group_name_count (prog);
  JsObject *g = object_new_with_proto (rt, NULL, MIN (n, 16u));
  if (!g)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pg = rt_push_root (rt, js_object_value (g));
  JsValue r = *pg;
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t index;
      JsKey k = group_key (rt, prog, i, &index);
      if (k == JS_KEY_NONE
          || object_define_own (rt, js_get_object (*pg), k, values[index],
                                JS_ATTR_DEFAULT) != JS_PROP_DONE)
        {
          r = js_throw_out_of_memory (ctx);
          break;
        }
    }
  rt_restore_roots (rt, saved);
  return r;
}

static bool
define (JsContext *ctx, JsValue o, JsCommonAtom id, JsValue v)
{
  if (object_define_own (ctx->rt, js_get_object (o), key (ctx, id), v,
                         JS_ATTR_DEFAULT) != JS_PROP_DONE)
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  return true;
}

/* The indices array of a /d match (MakeMatchIndicesIndexPairArray). */
static JsValue
indices_array (JsContext *ctx, const RegExpMatch *m)
{
  JsRuntime *rt = ctx->rt;
  uint32_t n = m->ncaps;
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, n);
  if (!a)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, js_object_value (a));
  JsValue *vals = rt->stack_top;
  JsValue r = JS_EXCEPTION;
  for (uint32_t i = 0; i < n; i++)
    rt_push_root (rt, JS_UNDEFINED);
  for (uint32_t i = 0; i < n; i++)
    if (m->caps[2 * i] >= 0 && m->caps[2 * i + 1] >= 0)
      {
        vals[i] = index_pair (ctx, m->caps[2 * i], m->caps[2 * i + 1]);
        if (js_is_exception (vals[i]))
          goto out;
      }
  for (uint32_t i = 0; i < n; i++)
    if (!push (ctx, *pa, vals[i]))
      goto out;
  JsValue groups = JS_UNDEFINED;
  if (regexp_group_name_count (m->prog))
    {
      groups = groups_object (ctx, m->prog, vals);
      if (js_is_exception (groups))
        goto out;
    }
  if (define (ctx, *pa, JS_ATOM_groups, groups))
    r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* The result array of RegExpBuiltinExec for a match on *s. */
static JsValue
match_array (JsContext *ctx, const RegExpMatch *m, const JsValue *s)
{
  JsRuntime *rt = ctx->rt;
  uint32_t n = m->ncaps;
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, n);
  if (!a)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, js_object_value (a));
  JsValue *vals = rt->stack_top;
  JsValue r = JS_EXCEPTION;
  for (uint32_t i = 0; i < n; i++)
    rt_push_root (rt, JS_UNDEFINED);
  for (uint32_t i = 0; i < n; i++)
    {
      vals[i] = capture_value (ctx, m, js_get_string (*s), i);
      if (js_is_exception (vals[i]))
        goto out;
    }
  if (!define (ctx, *pa, JS_ATOM_index, js_int32 (m->caps[0]))
      || !define (ctx, *pa, JS_ATOM_input, *s))
    goto out;
  for (uint32_t i = 0; i < n; i++)
    if (!push (ctx, *pa, vals[i]))
      goto out;
  JsValue groups = JS_UNDEFINED;
  if (regexp_group_name_count (m->prog))
    {
      groups = groups_object (ctx, m->prog, vals);
      if (js_is_exception (groups))
        goto out;
    }
  if (!define (ctx, *pa, JS_ATOM_groups, groups))
    goto out;
  if (regexp_program_flags (m->prog) & RE_FLAG_HAS_INDICES)
    {
      JsValue ind = indices_array (ctx, m);
      if (js_is_exception (ind) || !define (ctx, *pa, JS_ATOM_indices, ind))
        goto out;
    }
  r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* RegExpBuiltinExec (R, S), with R a RegExp; *r and *s rooted. */
static JsValue
builtin_exec (JsContext *ctx, const JsValue *r, const JsValue *s)
{
  RegExpMatch m;
  m.caps = NULL;
  int found = builtin_exec_raw (ctx, r, s, &m);
  JsValue result = found < 0 ? JS_EXCEPTION
                   : found ? match_array (ctx, &m, s)
                           : JS_NULL;
  regexp_match_free (&m);
  return result;
}

int
regexp_exec_step (JsContext *ctx, const JsValue *r, const JsValue *s,
                  RegExpMatch *m, JsValue *result)
{
  JsRuntime *rt = ctx->rt;
  *result = JS_EMPTY;
  if (plain_exec (ctx, *r))
    return builtin_exec_raw (ctx, r, s, m);
  JsValue exec = get (ctx, *r, JS_ATOM_exec);
  if (js_is_exception (exec))
    return -1;
  if (exec == ctx->regexp_exec || !js_is_callable (exec))
    {
      if (!regexp_is_regexp_object (*r)
          || !((JsRegExp *) js_get_cell (*r))->prog)
        {
          js_throw_type_error (ctx, "RegExp.prototype.exec called on an "
                                    "incompatible receiver");
          return -1;
        }
      return builtin_exec_raw (ctx, r, s, m);
    }
  JsValue *saved = rt_save_roots (rt);
  JsValue v = js_call (ctx, exec, *r, 1, s);
  rt_restore_roots (rt, saved);
  if (js_is_exception (v))
    return -1;
  if (!js_is_object (v) && !js_is_null (v))
    {
      js_throw_type_error (ctx, "the result of exec must be an object or "
                                "null");
      return -1;
    }
  *result = v;
  return !js_is_null (v);
}

JsValue
regexp_exec_abstract (JsContext *ctx, JsValue r, JsValue s)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, r);
  JsValue *ps = rt_push_root (rt, s);
  JsValue *pres = rt_push_root (rt, JS_UNDEFINED);
  RegExpMatch m;
  m.caps = NULL;
  JsValue out = JS_EXCEPTION;
  int found = regexp_exec_step (ctx, pr, ps, &m, pres);
  if (found == 0)
    out = JS_NULL;
  else if (found > 0)
    out = js_is_empty (*pres) ? match_array (ctx, &m, ps) : *pres;
  regexp_match_free (&m);
  rt_restore_roots (rt, saved);
  return out;
}

/* ------------------------------------------------------------------ */
/* exec, test, toString and the accessors                              */
/* ------------------------------------------------------------------ */

/* RegExp.prototype.exec (string) */
static JsValue
regexp_proto_exec (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (!this_regexp (info, "RegExp.prototype.exec"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, to_flat_string (ctx, js_arg (info, 0)));
  JsValue r = js_is_exception (*ps) ? JS_EXCEPTION
                                    : builtin_exec (ctx, info->this_arg, ps);
  rt_restore_roots (rt, saved);
  return r;
}

/* RegExp.prototype.test (S) */
static JsValue
regexp_proto_test (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsObject *o = builtins_this_object (info, "RegExp.prototype.test");
  if (!o)
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, to_flat_string (ctx, js_arg (info, 0)));
  JsValue *pres = rt_push_root (rt, JS_UNDEFINED);
  RegExpMatch m;
  m.caps = NULL;
  JsValue r = JS_EXCEPTION;
  if (!js_is_exception (*ps))
    {
      int found = regexp_exec_step (ctx, info->this_arg, ps, &m, pres);
      if (found >= 0)
        r = js_bool (found);
    }
  regexp_match_free (&m);
  rt_restore_roots (rt, saved);
  return r;
}

/* The flag characters in the order of the flags getter, with the
 * property each one reads. */
static const struct
{
  char letter;
  JsCommonAtom name;
  uint32_t bit;
} flag_table[] = {
  { 'd', JS_ATOM_hasIndices, RE_FLAG_HAS_INDICES },
  { 'g', JS_ATOM_global, RE_FLAG_GLOBAL },
  { 'i', JS_ATOM_ignoreCase, RE_FLAG_IGNORE_CASE },
  { 'm', JS_ATOM_multiline, RE_FLAG_MULTILINE },
  { 's', JS_ATOM_dotAll, RE_FLAG_DOT_ALL },
  { 'u', JS_ATOM_unicode, RE_FLAG_UNICODE },
  { 'v', JS_ATOM_unicodeSets, RE_FLAG_UNICODE_SETS },
  { 'y', JS_ATOM_sticky, RE_FLAG_STICKY },
};

/* get RegExp.prototype.flags */
static JsValue
regexp_get_flags (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  char buf[16];
  size_t n = 0;
  if (!builtins_this_object (info, "RegExp.prototype.flags getter"))
    return JS_EXCEPTION;
  for (size_t i = 0; i < G_N_ELEMENTS (flag_table); i++)
    {
      JsValue v = get (ctx, *info->this_arg, flag_table[i].name);
      if (js_is_exception (v))
        return v;
      if (js_to_boolean (v))
        buf[n++] = flag_table[i].letter;
    }
  JsString *s = string_new_latin1 (ctx->rt, (const uint8_t *) buf, n);
  return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
}

/* get RegExp.prototype.global and the other flags (magic: the bit). */
static JsValue
regexp_get_flag (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue t = *info->this_arg;
  if (!js_is_object (t))
    return js_throw_type_error (ctx, "RegExp flag getter called on a "
                                     "non-object");
  if (!regexp_is_regexp_object (t) || !((JsRegExp *) js_get_cell (t))->prog)
    {
      if (t == js_object_value (ctx->regexp_proto))
        return JS_UNDEFINED;
      return js_throw_type_error (ctx, "RegExp flag getter called on an "
                                       "incompatible receiver");
    }
  uint32_t flags = regexp_program_flags (((JsRegExp *) js_get_cell (t))->prog);
  return js_bool ((flags & (uint32_t) info->magic) != 0);
}

/* EscapeRegExpPattern: "/" and line terminators escaped so that
 * "/" + S + "/" + flags is a literal of the same RegExp. */
static JsValue
escape_pattern (JsContext *ctx, JsString *src)
{
  JsRuntime *rt = ctx->rt;
  RegExpBuilder b;
  bool in_class = false, escaped = false;

  if (src->length == 0)
    {
      JsString *s = string_new_latin1 (rt, (const uint8_t *) "(?:)", 4);
      return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
    }
  if (!string_flatten (rt, src))
    return js_throw_out_of_memory (ctx);
  regexp_builder_init (&b);
  for (uint32_t i = 0; i < src->length; i++)
    {
      uint16_t c = string_flat_char_at (src, i);
      const char *rep = NULL;
      if (c == '\n')
        rep = escaped ? "n" : "\\n";
      else if (c == '\r')
        rep = escaped ? "r" : "\\r";
      else if (c == 0x2028)
        rep = escaped ? "u2028" : "\\u2028";
      else if (c == 0x2029)
        rep = escaped ? "u2029" : "\\u2029";
      else if (c == '/' && !escaped && !in_class)
        rep = "\\/";
      if (rep)
        regexp_builder_append_ascii (&b, rep, strlen (rep));
      else
        regexp_builder_append_unit (&b, c);
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '[')
        in_class = true;
      else if (c == ']')
        in_class = false;
    }
  return regexp_builder_finish (ctx, &b);
}

/* get RegExp.prototype.source */
static JsValue
regexp_get_source (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue t = *info->this_arg;
  if (!js_is_object (t))
    return js_throw_type_error (ctx, "RegExp.prototype.source getter "
                                     "called on a non-object");
  if (!regexp_is_regexp_object (t) || !((JsRegExp *) js_get_cell (t))->source)
    {
      if (t == js_object_value (ctx->regexp_proto))
        {
          JsString *s = string_new_latin1 (ctx->rt, (const uint8_t *) "(?:)",
                                           4);
          return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
        }
      return js_throw_type_error (ctx, "RegExp.prototype.source getter "
                                       "called on an incompatible receiver");
    }
  return escape_pattern (ctx, ((JsRegExp *) js_get_cell (t))->source);
}

/* RegExp.prototype.toString () */
static JsValue
regexp_proto_to_string (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (!builtins_this_object (info, "RegExp.prototype.toString"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, get (ctx, *info->this_arg, JS_ATOM_source));
  JsValue *pf = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  RegExpBuilder b;
  if (js_is_exception (*pp)
      || js_is_exception (*pp = js_to_string (ctx, *pp))
      || js_is_exception (*pf = get (ctx, *info->this_arg, JS_ATOM_flags))
      || js_is_exception (*pf = js_to_string (ctx, *pf)))
    goto out;
  regexp_builder_init (&b);
  regexp_builder_append_unit (&b, '/');
  regexp_builder_append (rt, &b, js_get_string (*pp), 0,
                         js_get_string (*pp)->length);
  regexp_builder_append_unit (&b, '/');
  regexp_builder_append (rt, &b, js_get_string (*pf), 0,
                         js_get_string (*pf)->length);
  r = regexp_builder_finish (ctx, &b);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* @@match, @@matchAll, @@search                                        */
/* ------------------------------------------------------------------ */

/* The flags of rx as a string, ToString (Get (rx, "flags")); false with
 * an exception. *has_g and *has_u get whether g and u (or v) are in. */
static bool
read_flags (JsContext *ctx, JsValue rx, JsValue *out, bool *has_g,
            bool *has_u, bool *has_y)
{
  JsRuntime *rt = ctx->rt;
  JsValue f = get (ctx, rx, JS_ATOM_flags);
  if (js_is_exception (f) || js_is_exception (f = js_to_string (ctx, f)))
    return false;
  *out = f;
  JsString *s = js_get_string (f);
  if (!string_flatten (rt, s))
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  *has_g = *has_u = false;
  if (has_y)
    *has_y = false;
  for (uint32_t i = 0; i < s->length; i++)
    {
      uint16_t c = string_flat_char_at (s, i);
      *has_g |= c == 'g';
      *has_u |= c == 'u' || c == 'v';
      if (has_y)
        *has_y |= c == 'y';
    }
  return true;
}

/* Moves lastIndex past an empty match:
 * Set (rx, "lastIndex", AdvanceStringIndex (S, ToLength (lastIndex))). */
bool
regexp_advance_after_empty (JsContext *ctx, const JsValue *rx,
                            const JsValue *s, bool unicode)
{
  double li;
  JsValue v = get_last_index (ctx, *rx);
  if (js_is_exception (v) || !js_to_length (ctx, v, &li))
    return false;
  JsString *str = js_get_string (*s);
  double next = li + 1;
  if (unicode && li + 1 < str->length)
    next = regexp_advance_index (str, (uint32_t) li, true);
  return put_last_index (ctx, *rx, js_number (next));
}

/* The matched string of a step's result: ToString (Get (result, "0")),
 * or the substring for a raw match. */
static JsValue
matched_string (JsContext *ctx, const RegExpMatch *m, JsValue result,
                JsString *s)
{
  if (js_is_empty (result))
    return capture_value (ctx, m, s, 0);
  JsValue v = js_get (ctx, result, js_key_from_index (0));
  return js_is_exception (v) ? v : js_to_string (ctx, v);
}

/* RegExp.prototype [@@match] (string) */
static JsValue
regexp_symbol_match (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (!builtins_this_object (info, "RegExp.prototype[Symbol.match]"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  const JsValue *rx = info->this_arg;
  JsValue *ps = rt_push_root (rt, to_flat_string (ctx, js_arg (info, 0)));
  JsValue *pf = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pres = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  bool g, u;
  RegExpMatch m;
  m.caps = NULL;

  if (js_is_exception (*ps) || !read_flags (ctx, *rx, pf, &g, &u, NULL))
    goto out;
  if (!g)
    {
      r = regexp_exec_abstract (ctx, *rx, *ps);
      goto out;
    }
  if (!set_last_index (ctx, *rx, js_int32 (0)))
    goto out;
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, 0);
  if (!a)
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  *pa = js_object_value (a);
  for (uint32_t n = 0;; n++)
    {
      regexp_match_free (&m);
      int found = regexp_exec_step (ctx, rx, ps, &m, pres);
      if (found < 0)
        goto out;
      if (!found)
        {
          r = n == 0 ? JS_NULL : *pa;
          goto out;
        }
      JsValue str = matched_string (ctx, &m, *pres, js_get_string (*ps));
      if (js_is_exception (str))
        goto out;
      if (!push (ctx, *pa, str))
        goto out;
      if (js_get_string (str)->length == 0
          && !regexp_advance_after_empty (ctx, rx, ps, u))
        goto out;
    }
out:
  regexp_match_free (&m);
  rt_restore_roots (rt, saved);
  return r;
}

/* RegExp.prototype [@@matchAll] (string) */
static JsValue
regexp_symbol_match_all (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (!builtins_this_object (info, "RegExp.prototype[Symbol.matchAll]"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  const JsValue *rx = info->this_arg;
  JsValue *ps = rt_push_root (rt, to_flat_string (ctx, js_arg (info, 0)));
  JsValue *pc = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pf = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pm = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  bool g, u;
  double li;

  if (js_is_exception (*ps)
      || js_is_exception (*pc = species_constructor (ctx, *rx))
      || !read_flags (ctx, *rx, pf, &g, &u, NULL))
    goto out;
  JsValue args[2] = { *rx, *pf };
  *pm = js_construct (ctx, *pc, 2, args, *pc);
  if (js_is_exception (*pm))
    goto out;
  JsValue v = get (ctx, *rx, JS_ATOM_lastIndex);
  if (js_is_exception (v) || !js_to_length (ctx, v, &li)
      || !set_last_index (ctx, *pm, js_number (li)))
    goto out;
  r = regexp_new_string_iterator (ctx, *pm, *ps, g, u);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* RegExp.prototype [@@search] (string) */
static JsValue
regexp_symbol_search (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (!builtins_this_object (info, "RegExp.prototype[Symbol.search]"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  const JsValue *rx = info->this_arg;
  JsValue *ps = rt_push_root (rt, to_flat_string (ctx, js_arg (info, 0)));
  JsValue *pprev = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pres = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (js_is_exception (*ps)
      || js_is_exception (*pprev = get (ctx, *rx, JS_ATOM_lastIndex)))
    goto out;
  if (!js_same_value (rt, *pprev, js_int32 (0))
      && !set_last_index (ctx, *rx, js_int32 (0)))
    goto out;
  *pres = regexp_exec_abstract (ctx, *rx, *ps);
  if (js_is_exception (*pres))
    goto out;
  JsValue cur = get (ctx, *rx, JS_ATOM_lastIndex);
  if (js_is_exception (cur))
    goto out;
  if (!js_same_value (rt, cur, *pprev)
      && !set_last_index (ctx, *rx, *pprev))
    goto out;
  r = js_is_null (*pres) ? js_int32 (-1) : get (ctx, *pres, JS_ATOM_index);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* @@replace                                                           */
/* ------------------------------------------------------------------ */

/* The results of the exec loop of @@replace and @@split: arrays from a
 * user's exec, or raw matches whose captures sit in one buffer. */
typedef struct
{
  int32_t *caps;                /* 2 * ncaps per raw match, in order */
  size_t ncaps_used;            /* words in use */
  size_t caps_cap;              /* words allocated */
  const RegExpProgram *prog;    /* the program of every raw match */
  uint32_t ncaps;               /* its captures */
} RawMatches;

static bool
raw_push (RawMatches *rm, const RegExpMatch *m)
{
  size_t need = rm->ncaps_used + 2 * (size_t) m->ncaps;
  if (need > rm->caps_cap)
    {
      size_t cap = MAX (need, rm->caps_cap * 2);
      int32_t *c = g_try_realloc (rm->caps, cap * sizeof *c);
      if (!c)
        return false;
      rm->caps = c;
      rm->caps_cap = cap;
    }
  memcpy (rm->caps + rm->ncaps_used, m->caps, 2 * m->ncaps * sizeof *m->caps);
  rm->ncaps_used = need;
  rm->prog = m->prog;
  rm->ncaps = m->ncaps;
  return true;
}

/* One replacement with a template, for a raw match: nothing it does is
 * observable, so the captures are read in place and nothing is built
 * for a match that an earlier one overlaps. */
static int
replace_raw (JsContext *ctx, RegExpBuilder *acc, const JsValue *ps,
             const RegExpMatch *raw, const JsValue *prepl, uint32_t *next_pos)
{
  JsString *s = js_get_string (*ps);
  uint32_t position = (uint32_t) raw->caps[0];
  uint32_t end = (uint32_t) raw->caps[1];
  if (position < *next_pos)
    return 0;
  regexp_builder_append (ctx->rt, acc, s, *next_pos, position);
  RegExpSubst sub = {
    .str = s,
    .position = position,
    .matched_len = end - position,
    .m = raw->ncaps - 1,
    .raw = raw,
    .named = JS_UNDEFINED,
  };
  if (regexp_get_substitution (ctx, acc, &sub, js_get_string (*prepl)) < 0)
    return -1;
  *next_pos = end;
  return 0;
}

/* One replacement: the spec's steps 14.a to 14.n for a result (an array
 * from a user's exec) or a raw match, appended to *acc. */
static int
replace_one (JsContext *ctx, RegExpBuilder *acc, const JsValue *ps,
             JsValue result, const RegExpMatch *raw, const JsValue *prepl,
             bool functional, uint32_t *next_pos)
{
  JsRuntime *rt = ctx->rt;
  if (raw && !functional)
    return replace_raw (ctx, acc, ps, raw, prepl, next_pos);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pres = rt_push_root (rt, result);
  JsValue *pmatched = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pnamed = rt_push_root (rt, JS_UNDEFINED);
  JsValue *prep = rt_push_root (rt, JS_UNDEFINED);
  JsString *s = js_get_string (*ps);
  uint32_t len_s = s->length, ncaps, position;
  JsValue *caps;
  int ret = -1;

  if (raw)
    {
      ncaps = raw->ncaps - 1;
      position = (uint32_t) raw->caps[0];
      *pmatched = capture_value (ctx, raw, s, 0);
      if (js_is_exception (*pmatched))
        goto out;
      caps = rt->stack_top;
      for (uint32_t i = 1; i <= ncaps; i++)
        rt_push_root (rt, JS_UNDEFINED);
      for (uint32_t i = 1; i <= ncaps; i++)
        if (js_is_exception (caps[i - 1] = capture_value (ctx, raw, s, i)))
          goto out;
      if (regexp_group_name_count (raw->prog))
        {
          JsValue *all = rt_push_root (rt, *pmatched);
          for (uint32_t i = 1; i <= ncaps; i++)
            rt_push_root (rt, caps[i - 1]);
          *pnamed = groups_object (ctx, raw->prog, all);
          if (js_is_exception (*pnamed))
            goto out;
        }
    }
  else
    {
      double n, pos;
      JsValue v = get (ctx, *pres, JS_ATOM_length);
      if (js_is_exception (v) || !js_to_length (ctx, v, &n))
        goto out;
      ncaps = n > 1 ? (uint32_t) MIN (n - 1, (double) UINT32_MAX / 4) : 0;
      v = js_get (ctx, *pres, js_key_from_index (0));
      if (js_is_exception (v)
          || js_is_exception (*pmatched = js_to_string (ctx, v)))
        goto out;
      v = get (ctx, *pres, JS_ATOM_index);
      if (js_is_exception (v) || !js_to_integer (ctx, v, &pos))
        goto out;
      position = (uint32_t) CLAMP (pos, 0, (double) len_s);
      caps = rt->stack_top;
      if ((size_t) (rt->stack_limit - rt->stack_top) < (size_t) ncaps + 64)
        {
          js_throw_range_error (ctx, "Maximum call stack size exceeded");
          goto out;
        }
      for (uint32_t i = 1; i <= ncaps; i++)
        rt_push_root (rt, JS_UNDEFINED);
      for (uint32_t i = 1; i <= ncaps; i++)
        {
          v = js_get (ctx, *pres, js_key_from_index (i));
          if (js_is_exception (v))
            goto out;
          if (!js_is_undefined (v)
              && js_is_exception (v = js_to_string (ctx, v)))
            goto out;
          caps[i - 1] = v;
        }
      *pnamed = get (ctx, *pres, JS_ATOM_groups);
      if (js_is_exception (*pnamed))
        goto out;
    }
  if (functional)
    {
      /* matched, captures..., position, S[, groups] */
      uint32_t argc = ncaps + 3 + !js_is_undefined (*pnamed);
      JsValue *args = rt->stack_top;
      rt_push_root (rt, *pmatched);
      for (uint32_t i = 0; i < ncaps; i++)
        rt_push_root (rt, caps[i]);
      rt_push_root (rt, js_int32 ((int32_t) position));
      rt_push_root (rt, *ps);
      if (!js_is_undefined (*pnamed))
        rt_push_root (rt, *pnamed);
      JsValue v = js_call (ctx, *prepl, JS_UNDEFINED, argc, args);
      if (js_is_exception (v)
          || js_is_exception (*prep = js_to_string (ctx, v)))
        goto out;
    }
  else
    {
      if (!js_is_undefined (*pnamed)
          && js_is_exception (*pnamed = js_to_object (ctx, *pnamed)))
        goto out;
      RegExpBuilder b;
      RegExpSubst sub = {
        .str = s,
        .position = position,
        .matched = js_get_string (*pmatched),
        .m = ncaps,
        .captures = caps,
        .named = *pnamed,
      };
      regexp_builder_init (&b);
      if (regexp_get_substitution (ctx, &b, &sub, js_get_string (*prepl)) < 0)
        {
          regexp_builder_free (&b);
          goto out;
        }
      *prep = regexp_builder_finish (ctx, &b);
      if (js_is_exception (*prep))
        goto out;
    }
  if (position >= *next_pos)
    {
      regexp_builder_append (rt, acc, s, *next_pos, position);
      regexp_builder_append (rt, acc, js_get_string (*prep), 0,
                             js_get_string (*prep)->length);
      *next_pos = position + js_get_string (*pmatched)->length;
    }
  ret = 0;
out:
  rt_restore_roots (rt, saved);
  return ret;
}

/* RegExp.prototype [@@replace] (string, replaceValue) */
static JsValue
regexp_symbol_replace (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (!builtins_this_object (info, "RegExp.prototype[Symbol.replace]"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  const JsValue *rx = info->this_arg;
  JsValue *ps = rt_push_root (rt, to_flat_string (ctx, js_arg (info, 0)));
  JsValue *prepl = rt_push_root (rt, js_arg (info, 1));
  JsValue *pf = rt_push_root (rt, JS_UNDEFINED);
  JsValue *presults = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pres = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  RawMatches raw = { 0 };
  RegExpMatch m;
  m.caps = NULL;
  RegExpBuilder acc;
  bool g, u, functional;
  uint32_t next_pos = 0, nresults = 0;

  regexp_builder_init (&acc);
  if (js_is_exception (*ps))
    goto out;
  functional = js_is_callable (*prepl);
  if (!functional && js_is_exception (*prepl = js_to_string (ctx, *prepl)))
    goto out;
  if (!read_flags (ctx, *rx, pf, &g, &u, NULL))
    goto out;
  if (g && !set_last_index (ctx, *rx, js_int32 (0)))
    goto out;
  JsObject *results = object_new_array (rt, (JsCell *) ctx->array_proto, 0);
  if (!results)
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  *presults = js_object_value (results);
  /* The exec loop first: every match is found before any replacement
     runs, as the spec orders it. */
  for (;;)
    {
      regexp_match_free (&m);
      int found = regexp_exec_step (ctx, rx, ps, &m, pres);
      if (found < 0)
        goto out;
      if (!found)
        break;
      bool is_raw = js_is_empty (*pres);
      if (is_raw && !raw_push (&raw, &m))
        {
          js_throw_out_of_memory (ctx);
          goto out;
        }
      if (!push (ctx, *presults, is_raw ? JS_UNDEFINED : *pres))
        goto out;
      nresults++;
      if (!g)
        break;
      JsValue str = matched_string (ctx, &m, *pres, js_get_string (*ps));
      if (js_is_exception (str))
        goto out;
      if (js_get_string (str)->length == 0
          && !regexp_advance_after_empty (ctx, rx, ps, u))
        goto out;
    }
  size_t raw_at = 0;
  for (uint32_t i = 0; i < nresults; i++)
    {
      JsValue res = object_elements (js_get_object (*presults))[i];
      RegExpMatch rm;
      rm.caps = NULL;
      if (js_is_undefined (res))
        {
          /* A raw match: its captures follow in the buffer.  Only the
             built-in exec of rx itself makes raw matches, so they share
             rx's program, which rx (rooted as this) keeps alive. */
          rm.caps = raw.caps + raw_at;
          rm.prog = raw.prog;
          rm.ncaps = raw.ncaps;
          raw_at += 2 * raw.ncaps;
        }
      if (replace_one (ctx, &acc, ps, js_is_undefined (res) ? JS_EMPTY : res,
                       js_is_undefined (res) ? &rm : NULL, prepl, functional,
                       &next_pos)
          < 0)
        goto out;
    }
  JsString *s = js_get_string (*ps);
  if (next_pos < s->length)
    regexp_builder_append (rt, &acc, s, next_pos, s->length);
  r = regexp_builder_finish (ctx, &acc);
out:
  regexp_builder_free (&acc);
  regexp_match_free (&m);
  g_free (raw.caps);
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* @@split                                                             */
/* ------------------------------------------------------------------ */

bool
regexp_push_substring (JsContext *ctx, JsValue a, JsString *s,
                       uint32_t from, uint32_t to)
{
  JsString *t = string_substring (ctx->rt, s, from, to);
  if (!t)
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  return push (ctx, a, js_string_value (t));
}

/* The loop of @@split for a splitter that is a plain RegExp with the
 * built-in exec: nothing in it can be observed, so instead of a sticky
 * attempt at every position it searches for the next match, which finds
 * the same one.  s is not empty. */
static JsValue
split_plain (JsContext *ctx, const JsValue *psplitter, const JsValue *ps,
             const JsValue *pa, uint32_t lim, bool unicode)
{
  JsRuntime *rt = ctx->rt;
  JsString *s = js_get_string (*ps);
  uint32_t size = s->length, p = 0, q = 0, length_a = 0;
  const RegExpProgram *prog = ((JsRegExp *) js_get_cell (*psplitter))->prog;
  RegExpMatch m = { .prog = prog, .ncaps = regexp_capture_count (prog) };
  JsValue r = JS_EXCEPTION;

  m.caps = m.ncaps > G_N_ELEMENTS (m.local) / 2
               ? g_try_new (int32_t, 2 * m.ncaps)
               : m.local;
  if (!m.caps)
    return js_throw_out_of_memory (ctx);
  while (q < size)
    {
      s = js_get_string (*ps);
      RegExpResult res = regexp_search (prog, string_chars (s),
                                        string_is_latin1 (s), size, q, m.caps,
                                        rt);
      if (res < 0)
        {
          throw_exec_failure (ctx, res);
          goto out;
        }
      if (res == RE_FAILURE || (uint32_t) m.caps[0] >= size)
        break;
      /* Every sticky attempt before the match failed. */
      q = (uint32_t) m.caps[0];
      uint32_t e = MIN ((uint32_t) m.caps[1], size);
      if (e == p)
        {
          q = regexp_advance_index (s, q, unicode);
          continue;
        }
      if (!regexp_push_substring (ctx, *pa, s, p, q))
        goto out;
      if (++length_a == lim)
        {
          r = *pa;
          goto out;
        }
      p = e;
      for (uint32_t i = 1; i < m.ncaps; i++)
        {
          JsValue v = capture_value (ctx, &m, js_get_string (*ps), i);
          if (js_is_exception (v))
            goto out;
          if (!push (ctx, *pa, v))
            goto out;
          if (++length_a == lim)
            {
              r = *pa;
              goto out;
            }
        }
      q = p;
    }
  if (regexp_push_substring (ctx, *pa, js_get_string (*ps), p, size))
    r = *pa;
out:
  regexp_match_free (&m);
  return r;
}

/* RegExp.prototype [@@split] (string, limit) */
static JsValue
regexp_symbol_split (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (!builtins_this_object (info, "RegExp.prototype[Symbol.split]"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  const JsValue *rx = info->this_arg;
  JsValue *ps = rt_push_root (rt, to_flat_string (ctx, js_arg (info, 0)));
  JsValue *pc = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pf = rt_push_root (rt, JS_UNDEFINED);
  JsValue *psplitter = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pres = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  RegExpMatch m;
  m.caps = NULL;
  bool g, u, y;
  uint32_t lim = UINT32_MAX, length_a = 0;

  if (js_is_exception (*ps)
      || js_is_exception (*pc = species_constructor (ctx, *rx))
      || !read_flags (ctx, *rx, pf, &g, &u, &y))
    goto out;
  if (!y)
    {
      JsString *yy = string_new_latin1 (rt, (const uint8_t *) "y", 1);
      JsString *nf = yy ? string_concat (rt, js_get_string (*pf), yy) : NULL;
      if (!nf)
        {
          js_throw_out_of_memory (ctx);
          goto out;
        }
      *pf = js_string_value (nf);
    }
  JsValue args[2] = { *rx, *pf };
  *psplitter = js_construct (ctx, *pc, 2, args, *pc);
  if (js_is_exception (*psplitter))
    goto out;
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, 0);
  if (!a)
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  *pa = js_object_value (a);
  if (!js_is_undefined (js_arg (info, 1))
      && !js_to_uint32 (ctx, js_arg (info, 1), &lim))
    goto out;
  if (lim == 0)
    {
      r = *pa;
      goto out;
    }
  JsString *s = js_get_string (*ps);
  uint32_t size = s->length;
  if (size == 0)
    {
      int found = regexp_exec_step (ctx, psplitter, ps, &m, pres);
      if (found < 0)
        goto out;
      if (!found && object_array_push (rt, js_get_object (*pa), *ps)
                        != JS_PROP_DONE)
        {
          js_throw_out_of_memory (ctx);
          goto out;
        }
      r = *pa;
      goto out;
    }
  if (plain_exec (ctx, *psplitter))
    {
      r = split_plain (ctx, psplitter, ps, pa, lim, u);
      goto out;
    }
  uint32_t p = 0, q = 0;
  while (q < size)
    {
      if (!set_last_index (ctx, *psplitter, js_number (q)))
        goto out;
      regexp_match_free (&m);
      int found = regexp_exec_step (ctx, psplitter, ps, &m, pres);
      if (found < 0)
        goto out;
      if (!found)
        {
          q = regexp_advance_index (js_get_string (*ps), q, u);
          continue;
        }
      double e;
      JsValue v = get (ctx, *psplitter, JS_ATOM_lastIndex);
      if (js_is_exception (v) || !js_to_length (ctx, v, &e))
        goto out;
      e = MIN (e, (double) size);
      if (e == p)
        {
          q = regexp_advance_index (js_get_string (*ps), q, u);
          continue;
        }
      if (!regexp_push_substring (ctx, *pa, js_get_string (*ps), p, q))
        goto out;
      if (++length_a == lim)
        {
          r = *pa;
          goto out;
        }
      p = (uint32_t) e;
      uint32_t ncaps;
      if (js_is_empty (*pres))
        ncaps = m.ncaps - 1;
      else
        {
          double n;
          v = get (ctx, *pres, JS_ATOM_length);
          if (js_is_exception (v) || !js_to_length (ctx, v, &n))
            goto out;
          ncaps = n > 1 ? (uint32_t) MIN (n - 1, (double) UINT32_MAX) : 0;
        }
      for (uint32_t i = 1; i <= ncaps; i++)
        {
          v = js_is_empty (*pres)
                  ? capture_value (ctx, &m, js_get_string (*ps), i)
                  : js_get (ctx, *pres, js_key_from_index (i));
          if (js_is_exception (v))
            goto out;
          if (!push (ctx, *pa, v))
            goto out;
          if (++length_a == lim)
            {
              r = *pa;
              goto out;
            }
        }
      q = p;
    }
  if (regexp_push_substring (ctx, *pa, js_get_string (*ps), p, size))
    r = *pa;
out:
  regexp_match_free (&m);
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* The realm                                                           */
/* ------------------------------------------------------------------ */

/* Defines an accessor with a getter only on o. */
static bool
define_getter (JsContext *ctx, JsObject *o, JsKey k, const char *fname,
               JsNativeFn fn, int magic)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  rt_push_root (rt, js_cell_value (JS_TAG_INTERNAL, js_key_cell (k)));
  JsValue f = function_new_builtin (ctx, fname, fn, 0, magic, 0);
  bool ok = false;
  if (!js_is_exception (f))
    {
      rt_push_root (rt, f);
      JsAccessorPair *p = object_new_accessor (rt, f, JS_UNDEFINED);
      ok = p
           && object_define_own (rt, js_get_object (*po), k,
                                 js_cell_value (JS_TAG_INTERNAL, p),
                                 JS_ATTR_CONFIGURABLE | JS_ATTR_ACCESSOR)
                  == JS_PROP_DONE;
    }
  rt_restore_roots (rt, saved);
  return ok;
}

bool
builtins_init_regexp (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec proto_methods[] = {
    { "exec", regexp_proto_exec, 1, 0 },
    { "test", regexp_proto_test, 1, 0 },
    { "toString", regexp_proto_to_string, 0, 0 },
    { "@@match", regexp_symbol_match, 1, 0 },
    { "@@matchAll", regexp_symbol_match_all, 1, 0 },
    { "@@replace", regexp_symbol_replace, 2, 0 },
    { "@@search", regexp_symbol_search, 1, 0 },
    { "@@split", regexp_symbol_split, 2, 0 },
  };

  ctx->regexp_proto = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                             4);
  if (!ctx->regexp_proto
      || !builtins_define_methods (ctx, ctx->regexp_proto, proto_methods,
                                   G_N_ELEMENTS (proto_methods)))
    return false;
  ctx->regexp_ctor = builtins_define_class (ctx, "RegExp", regexp_ctor, 2,
                                            ctx->regexp_proto, 0);
  if (!ctx->regexp_ctor)
    return false;
  JsValue exec;
  if (object_get (rt, ctx->regexp_proto, key (ctx, JS_ATOM_exec), &exec)
      != JS_GET_VALUE)
    return false;
  ctx->regexp_exec = exec;
  /* A guarded prototype from the start: changes to its layout bump the
     epoch, which plain_exec watches. */
  if (!realm_make_prototype (rt, ctx->regexp_proto))
    return false;
  if (!define_getter (ctx, ctx->regexp_ctor,
                      symbol_key (rt->well_known[JS_SYM_species]),
                      "get [Symbol.species]", regexp_species, 0)
      || !define_getter (ctx, ctx->regexp_proto, key (ctx, JS_ATOM_flags),
                         "get flags", regexp_get_flags, 0)
      || !define_getter (ctx, ctx->regexp_proto, key (ctx, JS_ATOM_source),
                         "get source", regexp_get_source, 0))
    return false;
  for (size_t i = 0; i < G_N_ELEMENTS (flag_table); i++)
    {
      char fname[32];
      JsKey k = key (ctx, flag_table[i].name);
      g_snprintf (fname, sizeof fname, "get %s",
                  string_peek_ascii (atom_key_string (k)));
      if (!define_getter (ctx, ctx->regexp_proto, k, fname, regexp_get_flag,
                          (int) flag_table[i].bit))
        return false;
    }

  return builtins_init_string_regexp (ctx);
}
