/* builtins-array.c — Array, Array.prototype, and Array.prototype.join's
 * loop, which the typed arrays share (the other shared algorithms are in
 * builtins-array-algo.c).
 *
 * Every method is generic: it works on ToObject (this) through [[Get]],
 * [[Set]], [[HasProperty]], [[Delete]] and CreateDataProperty, in the
 * order the spec gives, so array-likes, subclasses and proxies see
 * exactly the operations they should.  Shortcuts are taken only where no
 * one can tell:
 *
 *   - an element present in an ordinary object's elements is a plain
 *     writable, enumerable, configurable data property (object.h), so
 *     reading, testing or overwriting it needs nothing else (peek);
 *   - a "fast array" is an ordinary, extensible array with a writable
 *     length whose index properties are all elements and whose
 *     prototype chain has no index property at all: a hole in it reads
 *     as undefined and tests absent with nobody watching, so the bulk
 *     paths (sort, reverse, shift, unshift, splice) may move its
 *     elements with memmove.
 *
 * Sorting copies the values out into a hidden array the collector
 * traces and merge-sorts them between it and a second one (or, when the
 * keys are strings made from the values, a C array of indices into
 * them): the comparator may run any script and collect, but neither
 * hidden array grows, so nothing moves under the sort.
 */
#include "config.h"

#include "builtins.h"

#include "dtoa.h"
#include "property.h"

#include <math.h>

#define MAX_SAFE_INTEGER 9007199254740991.0
/* 2^32 - 1: the largest array length, one past the largest index. */
#define MAX_ARRAY_LENGTH 4294967295.0
/* ArrayCreate preallocates at most this many elements: arrays made with
   a huge length are usually sparse. */
#define ARRAY_CREATE_PREALLOC (1u << 16)

/* ------------------------------------------------------------------ */
/* Index access                                                        */
/* ------------------------------------------------------------------ */

/* The slot of element i of o, if o is ordinary and holds it in its
 * elements: then it is a plain data property and the only one there. */
static inline JsValue *
peek (JsValue o, double i)
{
  if (!js_is_object (o))
    return NULL;
  JsObject *obj = js_get_object (o);
  if (!(i < (double) object_elem_len (obj)) || realm_is_exotic (obj))
    return NULL;
  JsValue *p = &object_elements (obj)[(uint32_t) i];
  return js_is_empty (*p) ? NULL : p;
}

/* The key of index i (0 <= i < 2^53).  Indices past 2^32 - 2 are atoms,
 * pushed on the value stack to keep them alive: the caller restores. */
static bool
index_key (JsContext *ctx, double i, JsKey *key)
{
  if (i < MAX_ARRAY_LENGTH)
    {
      *key = js_key_from_index ((uint32_t) i);
      return true;
    }
  JsString *s = js_number_to_string (ctx->rt, i);
  if (!s)
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  rt_push_root (ctx->rt, js_string_value (s));
  *key = atom_key (s);
  return true;
}

/* Get (o, i). */
static JsValue
get_index (JsContext *ctx, JsValue o, double i)
{
  JsValue *p = peek (o, i);
  if (p)
    return *p;
  if (i < MAX_ARRAY_LENGTH)
    return js_get (ctx, o, js_key_from_index ((uint32_t) i));
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, o);
  JsKey key;
  JsValue r = index_key (ctx, i, &key) ? js_get (ctx, saved[0], key)
                                       : JS_EXCEPTION;
  rt_restore_roots (rt, saved);
  return r;
}

/* HasProperty (o, i) for an object o: 1, 0 or -1. */
static int
has_index (JsContext *ctx, JsValue o, double i)
{
  if (peek (o, i))
    return 1;
  if (i < MAX_ARRAY_LENGTH)
    return js_has_property (ctx, js_get_object (o),
                            js_key_from_index ((uint32_t) i));
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, o);
  JsKey key;
  int r = index_key (ctx, i, &key)
              ? js_has_property (ctx, js_get_object (saved[0]), key)
              : -1;
  rt_restore_roots (rt, saved);
  return r;
}

/* Set (o, i, v, true): 1 or -1. */
static int
set_index (JsContext *ctx, JsValue o, double i, JsValue v)
{
  JsRuntime *rt = ctx->rt;
  JsValue *p = peek (o, i);
  if (p)
    {
      *p = v;
      gc_write_barrier (&rt->heap, (JsCell *) js_get_object (o)->storage);
      return 1;
    }
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, o);
  rt_push_root (rt, v);
  JsKey key;
  int r = index_key (ctx, i, &key)
              ? js_set (ctx, saved[0], key, saved[1], saved[0], true)
              : -1;
  rt_restore_roots (rt, saved);
  return r < 0 ? -1 : 1;
}

/* DeletePropertyOrThrow (o, i): 1 or -1. */
static int
delete_index (JsContext *ctx, JsValue o, double i)
{
  JsRuntime *rt = ctx->rt;
  if (peek (o, i))
    {
      /* An element is configurable: it just goes. */
      object_delete (rt, js_get_object (o), js_key_from_index ((uint32_t) i));
      return 1;
    }
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, o);
  JsKey key;
  int r = index_key (ctx, i, &key) ? js_delete (ctx, saved[0], key, true)
                                   : -1;
  rt_restore_roots (rt, saved);
  return r < 0 ? -1 : 1;
}

/* CreateDataPropertyOrThrow (o, i, v) for an object o: 1 or -1. */
static int
define_index (JsContext *ctx, JsValue o, double i, JsValue v)
{
  JsRuntime *rt = ctx->rt;
  JsObject *obj = js_get_object (o);
  /* An ordinary object with no index property outside its elements: the
     index is absent or a plain element, and object_define_own does what
     ValidateAndApplyPropertyDescriptor would. */
  if (i < MAX_ARRAY_LENGTH && !realm_is_exotic (obj)
      && (!(obj->shape->flags & JS_SHAPE_HAS_INDEXED) || peek (o, i)))
    {
      JsPropResult pr = object_define_own (rt, obj,
                                           js_key_from_index ((uint32_t) i),
                                           v, JS_ATTR_DEFAULT);
      if (pr == JS_PROP_DONE)
        return 1;
      if (pr == JS_PROP_NO_MEMORY)
        js_throw_out_of_memory (ctx);
      else
        js_throw_type_error (ctx, "Cannot add property %.0f, object is "
                                  "not extensible", i);
      return -1;
    }
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, o);
  rt_push_root (rt, v);
  JsKey key;
  int r = index_key (ctx, i, &key)
              ? js_define_data (ctx, js_get_object (saved[0]), key,
                                saved[1], true)
              : -1;
  rt_restore_roots (rt, saved);
  return r < 0 ? -1 : 1;
}

/* LengthOfArrayLike (o). */
static bool
length_of (JsContext *ctx, JsValue o, double *len)
{
  if (js_is_object (o) && object_is_array (js_get_object (o)))
    {
      *len = object_array_length (js_get_object (o));
      return true;
    }
  JsValue v = js_get (ctx, o, atom_common_key (ctx->rt, JS_ATOM_length));
  return !js_is_exception (v) && js_to_length (ctx, v, len);
}

/* Set (o, "length", len, true). */
static bool
set_length (JsContext *ctx, JsValue o, double len)
{
  if (js_is_object (o) && object_is_array (js_get_object (o))
      && len < MAX_ARRAY_LENGTH + 1)
    {
      /* An array's own length, set to a valid length: ArraySetLength is
         all [[Set]] would do, once a read-only length has refused. */
      JsObject *a = js_get_object (o);
      uint32_t slot;
      uint8_t attrs = 0;
      shape_lookup (a->shape, atom_common_key (ctx->rt, JS_ATOM_length),
                    &slot, &attrs);
      switch (!(attrs & JS_ATTR_WRITABLE)
                  ? JS_PROP_REJECTED
                  : object_array_set_length (ctx->rt, a, (uint32_t) len))
        {
        case JS_PROP_DONE:
          return true;
        case JS_PROP_NO_MEMORY:
          js_throw_out_of_memory (ctx);
          return false;
        default:
          js_throw_type_error (ctx, "Cannot assign to read only property "
                                    "'length' of array");
          return false;
        }
    }
  return js_set (ctx, o, atom_common_key (ctx->rt, JS_ATOM_length),
                 js_number (len), o, true)
         >= 0;
}

/* May o's index properties be treated as its elements, holes reading as
 * undefined?  (See the top of the file.) */
static bool
fast_array (JsRuntime *rt, JsValue v)
{
  if (!js_is_object (v))
    return false;
  JsObject *o = js_get_object (v);
  if (!object_is_array (o) || (o->shape->flags & JS_SHAPE_HAS_INDEXED)
      || !shape_is_extensible (o->shape))
    return false;
  uint32_t slot;
  uint8_t attrs;
  if (!shape_lookup (o->shape, atom_common_key (rt, JS_ATOM_length), &slot,
                     &attrs)
      || !(attrs & JS_ATTR_WRITABLE))
    return false;
  for (JsObject *p = object_get_proto (o); p; p = object_get_proto (p))
    if (realm_is_exotic (p) || (p->shape->flags & JS_SHAPE_HAS_INDEXED)
        || object_elem_len (p) != 0)
      return false;
  return true;
}

/* The argument helpers (builtins-array-algo.c). */
#define relative_index builtins_array_relative_index
#define check_callable builtins_array_check_callable

/* ------------------------------------------------------------------ */
/* Creation                                                            */
/* ------------------------------------------------------------------ */

/* ArrayCreate (len) with %Array.prototype% (or proto). */
static JsValue
array_create (JsContext *ctx, double len, JsCell *proto)
{
  JsRuntime *rt = ctx->rt;
  if (len > MAX_ARRAY_LENGTH)
    return js_throw_range_error (ctx, "Invalid array length");
  JsObject *a = object_new_array (rt, proto ? proto
                                            : (JsCell *) ctx->array_proto,
                                  (uint32_t) MIN (len, ARRAY_CREATE_PREALLOC));
  if (!a)
    return js_throw_out_of_memory (ctx);
  if (len > 0)
    object_array_set_length (rt, a, (uint32_t) len);
  return js_object_value (a);
}

int
builtins_array_is_array (JsContext *ctx, JsValue v)
{
  (void) ctx;
  if (!js_is_object (v))
    return 0;
  /* A proxy answers for its target, and throws once revoked. */
  if (builtins_is_proxy (v))
    return builtins_proxy_is_array (ctx, js_get_object (v));
  return object_is_array (js_get_object (v));
}

/* ArraySpeciesCreate (o, len). */
static JsValue
species_create (JsContext *ctx, JsValue o, double len)
{
  JsRuntime *rt = ctx->rt;
  int isa = builtins_array_is_array (ctx, o);
  if (isa < 0)
    return JS_EXCEPTION;
  if (!isa)
    return array_create (ctx, len, NULL);
  JsValue *saved = rt_save_roots (rt);
  JsKey ckey = atom_common_key (rt, JS_ATOM_constructor);
  JsValue *pc = rt_push_root (rt, js_get (ctx, o, ckey));
  JsValue r = JS_EXCEPTION;
  if (js_is_exception (*pc))
    goto out;
  if (js_is_constructor (*pc))
    {
      /* Another realm's Array makes this realm's arrays. */
      JsContext *other = realm_of (ctx, *pc);
      if (!other)
        goto out;
      if (other != ctx && *pc == js_object_value (other->array_ctor))
        *pc = JS_UNDEFINED;
    }
  if (js_is_object (*pc))
    {
      *pc = js_get (ctx, *pc,
                    symbol_key (rt->well_known[JS_SYM_species]));
      if (js_is_exception (*pc))
        goto out;
      if (js_is_null (*pc))
        *pc = JS_UNDEFINED;
    }
  if (js_is_undefined (*pc))
    r = array_create (ctx, len, NULL);
  else if (!js_is_constructor (*pc))
    r = js_throw_type_error (ctx, "object.constructor[Symbol.species] is "
                                  "not a constructor");
  else
    {
      JsValue arg = js_number (len);
      r = js_construct (ctx, *pc, 1, &arg, *pc);
    }
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* new Array (...) and Array (...). */
static JsValue
array_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue nt = js_is_undefined (info->new_target) ? info->callee
                                                  : info->new_target;
  JsCell *p = (JsCell *) ctx->array_proto;
  if (nt != js_object_value (ctx->array_ctor))
    {
      /* GetPrototypeFromConstructor: a subclass, or Reflect.construct. */
      JsValue proto = js_get (ctx, nt, atom_common_key (rt,
                                                        JS_ATOM_prototype));
      if (js_is_exception (proto))
        return proto;
      if (js_is_object (proto))
        p = js_get_cell (proto);
      else
        {
          JsContext *realm = realm_of (ctx, nt);
          if (!realm)
            return JS_EXCEPTION;
          p = (JsCell *) realm->array_proto;
        }
    }
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, p);
  JsValue r = JS_EXCEPTION;
  if (info->argc == 1)
    {
      JsValue len = info->argv[0];
      if (!js_is_number (len))
        {
          r = array_create (ctx, 0, p);
          if (!js_is_exception (r)
              && object_array_push (rt, js_get_object (r), len)
                     != JS_PROP_DONE)
            r = js_throw_out_of_memory (ctx);
          goto out;
        }
      double d = js_get_number (len);
      if (!(d >= 0 && d <= MAX_ARRAY_LENGTH) || d != floor (d))
        {
          r = js_throw_range_error (ctx, "Invalid array length");
          goto out;
        }
      r = array_create (ctx, d, p);
      goto out;
    }
  r = array_create (ctx, info->argc, p);
  if (js_is_exception (r))
    goto out;
  object_array_set_length (rt, js_get_object (r), 0);
  for (uint32_t i = 0; i < info->argc; i++)
    if (object_array_push (rt, js_get_object (r), info->argv[i])
        != JS_PROP_DONE)
      {
        r = js_throw_out_of_memory (ctx);
        break;
      }
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
array_is_array (const JsCallInfo *info)
{
  int r = builtins_array_is_array (info->ctx, js_arg (info, 0));
  return r < 0 ? JS_EXCEPTION : js_bool (r);
}

/* Construct (c, len) if c is a constructor, else ArrayCreate (len): the
 * start of Array.from and Array.of.  len < 0: no argument. */
static JsValue
construct_this (JsContext *ctx, JsValue c, double len)
{
  if (!js_is_constructor (c))
    return array_create (ctx, MAX (len, 0), NULL);
  JsValue arg = js_number (len);
  return js_construct (ctx, c, len < 0 ? 0 : 1, &arg, c);
}

/* IteratorClose after a throw completion: the original exception wins
 * over anything return () does. */
static void
close_after_throw (JsContext *ctx, JsValue iterator)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pe = rt_push_root (rt, js_take_exception (ctx));
  JsValue m = js_get (ctx, iterator, atom_common_key (rt, JS_ATOM_return));
  if (!js_is_exception (m) && !js_is_nullish (m))
    js_call (ctx, m, iterator, 0, NULL);
  js_take_exception (ctx);
  js_throw (ctx, *pe);
  rt_restore_roots (rt, saved);
}

/* IteratorStepValue with the iterator in *pi and its next method in
 * *pn: *done, else the value in *pv. */
static bool
step_value (JsContext *ctx, JsValue *pi, JsValue *pn, JsValue *pv,
            bool *done)
{
  JsRuntime *rt = ctx->rt;
  JsValue res = js_call (ctx, *pn, *pi, 0, NULL);
  if (js_is_exception (res))
    return false;
  if (!js_is_object (res))
    {
      js_throw_type_error (ctx, "Iterator result %s is not an object",
                           realm_describe (ctx, res));
      return false;
    }
  *pv = res;
  JsValue d = js_get (ctx, res, atom_common_key (rt, JS_ATOM_done));
  if (js_is_exception (d))
    return false;
  *done = js_to_boolean (d);
  if (*done)
    return true;
  *pv = js_get (ctx, *pv, atom_common_key (rt, JS_ATOM_value));
  return !js_is_exception (*pv);
}

/* IteratorClose after a throw in Array.from: when the iteration was
 * emulated (*pi is the array), a real iterator about to read index is
 * made for it, so that a return method found on the chain sees one. */
static void
from_close (JsContext *ctx, bool emulate, JsValue *pi, double index)
{
  if (emulate)
    {
      JsValue *saved = rt_save_roots (ctx->rt);
      JsValue *pe = rt_push_root (ctx->rt, js_take_exception (ctx));
      JsValue it = builtins_array_iterator_at (ctx, *pi, index);
      js_throw (ctx, *pe);
      rt_restore_roots (ctx->rt, saved);
      if (js_is_exception (it))
        return;
      *pi = it;
    }
  close_after_throw (ctx, *pi);
}

/* Array.from (items, mapfn, thisArg). */
static JsValue
array_from (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue items = js_arg (info, 0), mapfn = js_arg (info, 1);
  JsValue this_arg = js_arg (info, 2);
  bool mapping = !js_is_undefined (mapfn);
  if (mapping && !check_callable (ctx, mapfn, "Array.from"))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue r = JS_EXCEPTION;
  JsKey ikey = symbol_key (rt->well_known[JS_SYM_iterator]);
  JsValue method = js_get_method (ctx, items, ikey);
  if (js_is_exception (method))
    goto out;
  JsValue *pm = rt_push_root (rt, method);
  if (!js_is_undefined (method))
    {
      JsValue *pa = rt_push_root (rt, construct_this (ctx, *info->this_arg,
                                                      -1));
      if (js_is_exception (*pa))
        goto out;
      /* An array iterated by the untouched array iterator: each step
         is LengthOfArrayLike and Get, which the loop does itself
         (neither the iterator nor its results can be seen). */
      bool emulate = js_is_object (items)
                     && object_is_array (js_get_object (items))
                     && builtins_array_iterator_pristine (ctx, *pm);
      /* GetIteratorFromMethod. */
      JsValue *pi = rt_push_root (rt, emulate ? items
                                              : js_call (ctx, *pm, items, 0,
                                                         NULL));
      if (js_is_exception (*pi))
        goto out;
      if (!js_is_object (*pi))
        {
          js_throw_type_error (ctx, "Result of the Symbol.iterator method "
                                    "is not an object");
          goto out;
        }
      JsValue *pn = rt_push_root (rt, JS_UNDEFINED);
      if (!emulate)
        {
          *pn = js_get (ctx, *pi, atom_common_key (rt, JS_ATOM_next));
          if (js_is_exception (*pn))
            goto out;
        }
      JsValue *pv = rt_push_root (rt, JS_UNDEFINED);
      for (double k = 0;; k++)
        {
          if (k >= MAX_SAFE_INTEGER)
            {
              js_throw_type_error (ctx, "Array.from: too many elements");
              from_close (ctx, emulate, pi, k);
              goto out;
            }
          /* IteratorStepValue: errors here do not close the iterator. */
          bool done;
          if (emulate)
            {
              double len;
              if (!length_of (ctx, *pi, &len))
                goto out;
              done = k >= len;
              if (!done)
                {
                  *pv = get_index (ctx, *pi, k);
                  if (js_is_exception (*pv))
                    goto out;
                }
            }
          else if (!step_value (ctx, pi, pn, pv, &done))
            goto out;
          if (done)
            {
              if (set_length (ctx, *pa, k))
                r = *pa;
              goto out;
            }
          if (mapping)
            {
              JsValue args[2] = { *pv, js_number (k) };
              *pv = js_call (ctx, mapfn, this_arg, 2, args);
              if (js_is_exception (*pv))
                {
                  from_close (ctx, emulate, pi, k + 1);
                  goto out;
                }
            }
          if (define_index (ctx, *pa, k, *pv) < 0)
            {
              from_close (ctx, emulate, pi, k + 1);
              goto out;
            }
        }
    }
  /* An array-like. */
  JsValue *po = rt_push_root (rt, js_to_object (ctx, items));
  if (js_is_exception (*po))
    goto out;
  double len;
  if (!length_of (ctx, *po, &len))
    goto out;
  JsValue *pa = rt_push_root (rt, construct_this (ctx, *info->this_arg,
                                                  len));
  if (js_is_exception (*pa))
    goto out;
  JsValue *pv = rt_push_root (rt, JS_UNDEFINED);
  for (double k = 0; k < len; k++)
    {
      *pv = get_index (ctx, *po, k);
      if (js_is_exception (*pv))
        goto out;
      if (mapping)
        {
          JsValue args[2] = { *pv, js_number (k) };
          *pv = js_call (ctx, mapfn, this_arg, 2, args);
          if (js_is_exception (*pv))
            goto out;
        }
      if (define_index (ctx, *pa, k, *pv) < 0)
        goto out;
    }
  if (set_length (ctx, *pa, len))
    r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* Array.of (...items). */
static JsValue
array_of (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, construct_this (ctx, *info->this_arg,
                                                  info->argc));
  JsValue r = JS_EXCEPTION;
  if (js_is_exception (*pa))
    goto out;
  for (uint32_t k = 0; k < info->argc; k++)
    if (define_index (ctx, *pa, k, info->argv[k]) < 0)
      goto out;
  if (set_length (ctx, *pa, info->argc))
    r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* get Array [@@species]: the constructor itself. */
static JsValue
array_species (const JsCallInfo *info)
{
  return *info->this_arg;
}

/* ------------------------------------------------------------------ */
/* Strings                                                             */
/* ------------------------------------------------------------------ */

/* A string under construction: Latin-1 while every unit fits. */
typedef struct
{
  uint8_t *b8;   /* the Latin-1 form, or NULL */
  uint16_t *b16; /* the UTF-16 form once a unit needs it, or NULL */
  size_t len;    /* units written */
  size_t cap;    /* units allocated */
} StrBuf;

static bool
sb_fail (JsContext *ctx, StrBuf *sb, bool too_long)
{
  g_free (sb->b8);
  g_free (sb->b16);
  sb->b8 = NULL;
  sb->b16 = NULL;
  if (too_long)
    js_throw_range_error (ctx, "Invalid string length");
  else
    js_throw_out_of_memory (ctx);
  return false;
}

/* Room for n more units, and 16-bit ones if wide. */
static bool
sb_reserve (JsContext *ctx, StrBuf *sb, size_t n, bool wide)
{
  if (sb->len + n > JS_STRING_MAX_LENGTH)
    return sb_fail (ctx, sb, true);
  if (wide && !sb->b16)
    {
      size_t cap = MAX (sb->cap, sb->len + n);
      uint16_t *b = g_try_new (uint16_t, cap + 1);
      if (!b)
        return sb_fail (ctx, sb, false);
      for (size_t i = 0; i < sb->len; i++)
        b[i] = sb->b8[i];
      g_free (sb->b8);
      sb->b8 = NULL;
      sb->b16 = b;
      sb->cap = cap;
    }
  if (sb->len + n <= sb->cap && (sb->b8 || sb->b16))
    return true;
  size_t cap = MAX (sb->len + n, sb->cap + sb->cap / 2 + 16);
  if (sb->b16)
    {
      uint16_t *b = g_try_realloc (sb->b16, (cap + 1) * sizeof *b);
      if (!b)
        return sb_fail (ctx, sb, false);
      sb->b16 = b;
    }
  else
    {
      uint8_t *b = g_try_realloc (sb->b8, cap + 1);
      if (!b)
        return sb_fail (ctx, sb, false);
      sb->b8 = b;
    }
  sb->cap = cap;
  return true;
}

static bool
sb_append_ascii (JsContext *ctx, StrBuf *sb, const char *s, size_t n)
{
  if (!sb_reserve (ctx, sb, n, false))
    return false;
  if (sb->b16)
    for (size_t i = 0; i < n; i++)
      sb->b16[sb->len + i] = (uint8_t) s[i];
  else
    memcpy (sb->b8 + sb->len, s, n);
  sb->len += n;
  return true;
}

static bool
sb_append_string (JsContext *ctx, StrBuf *sb, JsString *s)
{
  size_t n = s->length;
  if (n == 0)
    return true;
  if (!string_flatten (ctx->rt, s))
    return sb_fail (ctx, sb, false);
  bool latin1 = string_is_latin1 (s);
  if (!sb_reserve (ctx, sb, n, !latin1))
    return false;
  if (latin1)
    {
      const uint8_t *c = string_latin1_chars (s);
      if (sb->b16)
        for (size_t i = 0; i < n; i++)
          sb->b16[sb->len + i] = c[i];
      else
        memcpy (sb->b8 + sb->len, c, n);
    }
  else
    memcpy (sb->b16 + sb->len, string_utf16_chars (s), n * 2);
  sb->len += n;
  return true;
}

static bool
sb_append_number (JsContext *ctx, StrBuf *sb, double d)
{
  char buf[JS_DTOA_BUFSIZE];
  size_t n = js_dtoa (d, buf);
  return sb_append_ascii (ctx, sb, buf, n);
}

/* The string built; the buffer is freed either way. */
static JsValue
sb_finish (JsContext *ctx, StrBuf *sb)
{
  JsRuntime *rt = ctx->rt;
  JsString *s;
  if (sb->b16)
    s = string_new_utf16 (rt, sb->b16, sb->len);
  else if (sb->len)
    s = string_new_latin1 (rt, sb->b8, sb->len);
  else
    s = atom_common (rt, JS_ATOM_empty);
  g_free (sb->b8);
  g_free (sb->b16);
  return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
}

/* The arrays whose join is running, innermost first: joining one of them
 * again (a cycle) gives the empty string, as other engines do, rather
 * than recursing until the stack runs out. */
typedef struct JoinFrame JoinFrame;
struct JoinFrame
{
  JoinFrame *next; /* the enclosing join */
  JsValue object;  /* the object being joined (rooted by the caller) */
};

/* o[0 .. len) ToString'd and separated by sep (a string); nullish
 * elements are empty.  locale: call each element's toLocaleString. */
static JsValue
join_values (JsContext *ctx, JsValue o, double len, JsValue sep, bool locale)
{
  JsRuntime *rt = ctx->rt;
  for (JoinFrame *f = ctx->join_stack; f; f = f->next)
    if (f->object == o)
      return js_string_value (atom_common (rt, JS_ATOM_empty));
  JoinFrame frame = { ctx->join_stack, o };
  ctx->join_stack = &frame;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, o);
  JsValue *ps = rt_push_root (rt, sep);
  StrBuf sb = { 0 };
  JsValue r = JS_EXCEPTION;
  for (double k = 0; k < len; k++)
    {
      if (k > 0 && !sb_append_string (ctx, &sb, js_get_string (*ps)))
        goto out;
      JsValue e = get_index (ctx, *po, k);
      if (js_is_exception (e))
        goto fail;
      if (js_is_nullish (e))
        continue;
      if (locale)
        {
          JsValue *pe = rt_push_root (rt, e);
          JsValue f = js_get (ctx, e, atom_key_from_utf8 (rt,
                                                          "toLocaleString"));
          e = js_is_exception (f) ? f : js_call (ctx, f, *pe, 0, NULL);
          rt_restore_roots (rt, pe);
          if (js_is_exception (e))
            goto fail;
        }
      if (js_is_number (e))
        {
          if (!sb_append_number (ctx, &sb, js_get_number (e)))
            goto out;
          continue;
        }
      e = js_to_string (ctx, e);
      if (js_is_exception (e))
        goto fail;
      if (!sb_append_string (ctx, &sb, js_get_string (e)))
        goto out;
    }
  r = sb_finish (ctx, &sb);
  goto out;
fail:
  g_free (sb.b8);
  g_free (sb.b16);
out:
  ctx->join_stack = frame.next;
  rt_restore_roots (rt, saved);
  return r;
}

JsValue
builtins_array_join (JsContext *ctx, JsValue o, double len, JsValue sep,
                     bool locale)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, o);
  JsValue r;
  /* The list separator of toLocaleString is the implementation's: a
     comma, as the other engines use outside a locale library. */
  if (js_is_undefined (sep) || locale)
    {
      JsString *comma = atom_intern_latin1 (rt, (const uint8_t *) ",", 1);
      sep = comma ? js_string_value (comma) : js_throw_out_of_memory (ctx);
    }
  else
    sep = js_to_string (ctx, sep);
  r = js_is_exception (sep) ? sep
                            : join_values (ctx, *po, len, sep, locale);
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Sorting                                                             */
/* ------------------------------------------------------------------ */

#define list_new builtins_array_list_new
#define list_push builtins_array_list_push
#define list_len builtins_array_list_len
#define list_get builtins_array_list_get

/* The comparator of a sort without one: by ToString, keys that are not
 * strings yet being converted at each comparison, as the spec does. */
static int
compare_strings (JsContext *ctx, JsValue a, JsValue b, void *data, int *out)
{
  (void) data;
  JsRuntime *rt = ctx->rt;
  if (!js_is_string (a) || !js_is_string (b))
    {
      JsValue *saved = rt_save_roots (rt);
      JsValue *pa = rt_push_root (rt, a), *pb = rt_push_root (rt, b);
      *pa = js_to_string (ctx, *pa);
      if (!js_is_exception (*pa))
        *pb = js_to_string (ctx, *pb);
      a = *pa;
      b = *pb;
      rt_restore_roots (rt, saved);
      if (js_is_exception (a) || js_is_exception (b))
        return -1;
    }
  *out = string_compare (rt, js_get_string (a), js_get_string (b));
  return 0;
}

/* The sort key of a value when there is no comparator: its string when
 * making it can run no script (nor throw), else the value itself. */
static JsValue
sort_key (JsContext *ctx, JsValue v)
{
  JsRuntime *rt = ctx->rt;
  if (js_is_string (v) || js_is_object (v) || js_is_symbol (v))
    return v;
  if (js_is_number (v))
    {
      /* Not through the atom table: a million numbers make a million
         strings nobody will look up. */
      char buf[JS_DTOA_BUFSIZE];
      size_t n = js_dtoa (js_get_number (v), buf);
      JsString *s = string_new_latin1 (rt, (const uint8_t *) buf, n);
      return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
    }
  return js_to_string (ctx, v);
}

/* SortIndexedProperties (o, len) and the sort: fills the list *out with
 * the values of o[0 .. len) in order, undefined ones last.  holes: skip
 * absent indices (sort) rather than read them as undefined (toSorted). */
static bool
sort_values (JsContext *ctx, JsValue o, double len, JsValue *comparefn,
             bool holes, JsValue *out)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, o);
  JsValue *pv = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pk = rt_push_root (rt, JS_UNDEFINED);
  bool ok = false;
  if (!list_new (ctx, pv, (uint32_t) MIN (len, 1u << 20)))
    goto out;
  double undefs = 0;
  if (holes && fast_array (rt, *po))
    {
      /* Nothing observable happens while the elements are copied. */
      uint32_t n = MIN ((uint32_t) len, object_elem_len (js_get_object (*po)));
      for (uint32_t k = 0; k < n; k++)
        {
          JsValue v = object_elements (js_get_object (*po))[k];
          if (js_is_empty (v))
            continue;
          if (js_is_undefined (v))
            undefs++;
          else if (!list_push (ctx, pv, v))
            goto out;
        }
    }
  else
    for (double k = 0; k < len; k++)
      {
        if (holes)
          {
            int h = has_index (ctx, *po, k);
            if (h < 0)
              goto out;
            if (!h)
              continue;
          }
        JsValue v = get_index (ctx, *po, k);
        if (js_is_exception (v))
          goto out;
        if (js_is_undefined (v))
          undefs++;
        else if (!list_push (ctx, pv, v))
          goto out;
      }
  uint32_t n = list_len (pv);
  JsValue *keys = pv;
  if (js_is_undefined (*comparefn) && n > 1)
    {
      if (!list_new (ctx, pk, n))
        goto out;
      for (uint32_t i = 0; i < n; i++)
        {
          JsValue key = sort_key (ctx, list_get (pv, i));
          if (js_is_exception (key) || !list_push (ctx, pk, key))
            goto out;
        }
      keys = pk;
    }
  /* The result: the values sorted, then the undefined ones. */
  if (!builtins_array_sort_list (ctx, pv, keys,
                                 js_is_undefined (*comparefn)
                                     ? compare_strings
                                     : builtins_array_compare_fn,
                                 comparefn, out))
    goto out;
  for (double u = 0; u < undefs; u++)
    if (!list_push (ctx, out, JS_UNDEFINED))
      goto out;
  ok = true;
out:
  rt_restore_roots (rt, saved);
  return ok;
}

/* Array.prototype.sort (comparefn). */
static JsValue
proto_sort (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue comparefn = js_arg (info, 0);
  if (!js_is_undefined (comparefn) && !js_is_callable (comparefn))
    return js_throw_type_error (ctx, "The comparison function must be "
                                     "either a function or undefined");
  JsValue *saved = rt_save_roots (rt);
  JsValue *pf = rt_push_root (rt, comparefn);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pl = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double len;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len)
      || !sort_values (ctx, *po, len, pf, true, pl))
    goto out;
  uint32_t n = list_len (pl);
  for (uint32_t j = 0; j < n; j++)
    if (set_index (ctx, *po, j, list_get (pl, j)) < 0)
      goto out;
  /* The holes the sort skipped go to the end. */
  for (double j = n; j < len; j++)
    {
      if (fast_array (rt, *po) && j >= object_elem_len (js_get_object (*po)))
        break;
      if (delete_index (ctx, *po, j) < 0)
        goto out;
    }
  r = *po;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* Array.prototype.toSorted (comparefn). */
static JsValue
proto_to_sorted (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue comparefn = js_arg (info, 0);
  if (!js_is_undefined (comparefn) && !js_is_callable (comparefn))
    return js_throw_type_error (ctx, "The comparison function must be "
                                     "either a function or undefined");
  JsValue *saved = rt_save_roots (rt);
  JsValue *pf = rt_push_root (rt, comparefn);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pl = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double len;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len))
    goto out;
  *pa = array_create (ctx, len, NULL);
  if (js_is_exception (*pa) || !sort_values (ctx, *po, len, pf, false, pl))
    goto out;
  object_array_set_length (rt, js_get_object (*pa), 0);
  uint32_t n = list_len (pl);
  for (uint32_t j = 0; j < n; j++)
    if (define_index (ctx, *pa, j, list_get (pl, j)) < 0)
      goto out;
  r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* The callback methods (shared with %TypedArray%.prototype)           */
/* ------------------------------------------------------------------ */

/* An array-like's elements: HasProperty, then Get. */
static int
each_get (JsContext *ctx, JsValue o, double k, bool skip_holes, JsValue *out)
{
  if (skip_holes)
    {
      int h = has_index (ctx, o, k);
      if (h <= 0)
        return h;
    }
  *out = get_index (ctx, o, k);
  return js_is_exception (*out) ? -1 : 1;
}

/* map and filter define their results on the species array. */
static bool
each_keep (JsContext *ctx, JsEachKind kind, JsValue *pa, double k, JsValue v)
{
  (void) kind;
  return define_index (ctx, *pa, k, v) >= 0;
}

static const JsEachOps array_each_ops = { each_get, each_keep };

static const char *const each_names[] = {
  [JS_EACH_EVERY] = "Array.prototype.every",
  [JS_EACH_SOME] = "Array.prototype.some",
  [JS_EACH_FOR_EACH] = "Array.prototype.forEach",
  [JS_EACH_MAP] = "Array.prototype.map",
  [JS_EACH_FILTER] = "Array.prototype.filter",
  [JS_EACH_FIND] = "Array.prototype.find",
  [JS_EACH_FIND_INDEX] = "Array.prototype.findIndex",
  [JS_EACH_FIND_LAST] = "Array.prototype.findLast",
  [JS_EACH_FIND_LAST_INDEX] = "Array.prototype.findLastIndex",
};

/* every, some, forEach, map, filter and the finds: magic is the kind. */
static JsValue
proto_each (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsEachKind kind = (JsEachKind) info->magic;
  JsValue fn = js_arg (info, 0);
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double len;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len)
      || !check_callable (ctx, fn, each_names[kind]))
    goto out;
  if (kind == JS_EACH_MAP || kind == JS_EACH_FILTER)
    {
      *pa = species_create (ctx, *po, kind == JS_EACH_MAP ? len : 0);
      if (js_is_exception (*pa))
        goto out;
    }
  r = builtins_array_each (ctx, kind, po, len, fn, js_arg (info, 1), pa,
                           &array_each_ops);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* reduce and reduceRight (magic 1). */
static JsValue
proto_reduce (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  bool right = info->magic;
  JsValue fn = js_arg (info, 0);
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue r = JS_EXCEPTION;
  double len;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len)
      || !check_callable (ctx, fn, right ? "Array.prototype.reduceRight"
                                         : "Array.prototype.reduce"))
    goto out;
  r = builtins_array_reduce (ctx, po, len, fn,
                             info->argc >= 2 ? &info->argv[1] : NULL, right,
                             &array_each_ops);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* FlattenIntoArray: the index in target after the last element written,
 * or -1.  mapper (flatMap) is undefined for flat. */
static double
flatten (JsContext *ctx, JsValue target, JsValue source, double len,
         double start, double depth, JsValue mapper, JsValue this_arg)
{
  JsRuntime *rt = ctx->rt;
  if (rt->native_depth >= JS_MAX_NATIVE_DEPTH)
    {
      js_throw_range_error (ctx, "Maximum call stack size exceeded");
      return -1;
    }
  rt->native_depth++;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pt = rt_push_root (rt, target);
  JsValue *ps = rt_push_root (rt, source);
  JsValue *pv = rt_push_root (rt, JS_UNDEFINED);
  double index = start, result = -1;
  for (double k = 0; k < len; k++)
    {
      int h = has_index (ctx, *ps, k);
      if (h < 0)
        goto out;
      if (!h)
        continue;
      *pv = get_index (ctx, *ps, k);
      if (js_is_exception (*pv))
        goto out;
      if (!js_is_undefined (mapper))
        {
          JsValue args[3] = { *pv, js_number (k), *ps };
          *pv = js_call (ctx, mapper, this_arg, 3, args);
          if (js_is_exception (*pv))
            goto out;
        }
      int isa = 0;
      if (depth > 0)
        {
          isa = builtins_array_is_array (ctx, *pv);
          if (isa < 0)
            goto out;
        }
      if (isa)
        {
          double elen;
          if (!length_of (ctx, *pv, &elen))
            goto out;
          index = flatten (ctx, *pt, *pv, elen, index, depth - 1,
                           JS_UNDEFINED, JS_UNDEFINED);
          if (index < 0)
            goto out;
        }
      else
        {
          if (index >= MAX_SAFE_INTEGER)
            {
              js_throw_type_error (ctx, "Array too long");
              goto out;
            }
          if (define_index (ctx, *pt, index++, *pv) < 0)
            goto out;
        }
    }
  result = index;
out:
  rt->native_depth--;
  rt_restore_roots (rt, saved);
  return result;
}

/* flat (depth) and flatMap (mapper, thisArg) (magic 1). */
static JsValue
proto_flat (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  bool map = info->magic;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double len, depth = 1;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len))
    goto out;
  if (map)
    {
      if (!check_callable (ctx, js_arg (info, 0),
                           "Array.prototype.flatMap"))
        goto out;
    }
  else if (!js_is_undefined (js_arg (info, 0)))
    {
      if (!js_to_integer (ctx, js_arg (info, 0), &depth))
        goto out;
      if (depth < 0)
        depth = 0;
    }
  *pa = species_create (ctx, *po, 0);
  if (js_is_exception (*pa))
    goto out;
  if (flatten (ctx, *pa, *po, len, 0, depth,
               map ? js_arg (info, 0) : JS_UNDEFINED, js_arg (info, 1))
      >= 0)
    r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Array.prototype: searching                                          */
/* ------------------------------------------------------------------ */

/* indexOf (magic 0), includes (1), lastIndexOf (2). */
static JsValue
proto_index_of (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  int kind = info->magic;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue target = js_arg (info, 0);
  JsValue r = JS_EXCEPTION;
  JsValue none = kind == 1 ? JS_FALSE : js_int32 (-1);
  double len, n;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len))
    goto out;
  if (len == 0)
    {
      r = none;
      goto out;
    }
  if (kind == 2)
    {
      n = len - 1;
      if (info->argc > 1 && !js_to_integer (ctx, info->argv[1], &n))
        goto out;
      double k = n >= 0 ? MIN (n, len - 1) : len + n;
      for (; k >= 0; k--)
        {
          int h = has_index (ctx, *po, k);
          if (h < 0)
            goto out;
          if (!h)
            continue;
          JsValue v = get_index (ctx, *po, k);
          if (js_is_exception (v))
            goto out;
          if (js_strict_equals (rt, v, target))
            {
              r = js_number (k);
              goto out;
            }
        }
      r = none;
      goto out;
    }
  if (!js_to_integer (ctx, js_arg (info, 1), &n))
    goto out;
  double k = n >= 0 ? n : MAX (len + n, 0);
  for (; k < len; k++)
    {
      JsValue v;
      JsValue *p = peek (*po, k);
      if (p)
        v = *p;
      else
        {
          if (kind == 0)
            {
              int h = has_index (ctx, *po, k);
              if (h < 0)
                goto out;
              if (!h)
                continue;
            }
          v = get_index (ctx, *po, k);
          if (js_is_exception (v))
            goto out;
        }
      if (kind == 1 ? js_same_value_zero (rt, v, target)
                    : js_strict_equals (rt, v, target))
        {
          r = kind == 1 ? JS_TRUE : js_number (k);
          goto out;
        }
    }
  r = none;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* at (index). */
static JsValue
proto_at (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue r = JS_EXCEPTION;
  double len, k;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len)
      || !js_to_integer (ctx, js_arg (info, 0), &k))
    goto out;
  if (k < 0)
    k += len;
  r = k < 0 || k >= len ? JS_UNDEFINED : get_index (ctx, *po, k);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Array.prototype: stack and queue operations                         */
/* ------------------------------------------------------------------ */

static JsValue
proto_push (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue r = JS_EXCEPTION;
  double len;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len))
    goto out;
  if (len + info->argc > MAX_SAFE_INTEGER)
    {
      js_throw_type_error (ctx, "Pushing %u elements on an array-like of "
                                "length %.0f is disallowed",
                           info->argc, len);
      goto out;
    }
  for (uint32_t i = 0; i < info->argc; i++, len++)
    {
      JsObject *o = js_get_object (*po);
      /* Appending to an ordinary array whose length is its elements'
         count is what [[Set]] would end up doing. */
      if (object_is_array (o) && len == object_elem_len (o)
          && !(o->shape->flags & JS_SHAPE_HAS_INDEXED) && len < 4294967295.0
          && fast_array (rt, *po))
        {
          JsPropResult pr = object_array_push (rt, o, info->argv[i]);
          if (pr == JS_PROP_NO_MEMORY)
            {
              js_throw_out_of_memory (ctx);
              goto out;
            }
          if (pr == JS_PROP_DONE)
            continue;
        }
      if (set_index (ctx, *po, len, info->argv[i]) < 0)
        goto out;
    }
  if (set_length (ctx, *po, len))
    r = js_number (len);
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_pop (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pv = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double len;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len))
    goto out;
  if (len == 0)
    {
      if (set_length (ctx, *po, 0))
        r = JS_UNDEFINED;
      goto out;
    }
  *pv = get_index (ctx, *po, len - 1);
  if (js_is_exception (*pv) || delete_index (ctx, *po, len - 1) < 0
      || !set_length (ctx, *po, len - 1))
    goto out;
  r = *pv;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* Moves the count elements at from to to (either direction) in a fast
 * array whose storage has room: holes move as holes. */
static void
move_elements (JsRuntime *rt, JsObject *o, uint32_t to, uint32_t from,
               uint32_t count)
{
  JsStorage *st = o->storage;
  JsValue *e = object_elements (o);
  uint32_t elen = st->elem_len;
  /* Elements past elem_len are holes that are not stored. */
  uint32_t have = from < elen ? MIN (count, elen - from) : 0;
  memmove (e + to, e + from, have * sizeof (JsValue));
  for (uint32_t i = to + have; i < to + count && i < MAX (elen, to + have);
       i++)
    e[i] = JS_EMPTY;
  if (to + have > elen)
    elen = to + have;
  st->elem_len = elen;
  if (have < count)
    st->flags |= JS_STORAGE_HOLEY;
  gc_write_barrier (&rt->heap, (JsCell *) st);
}

/* Shrinks a fast array's stored elements to at most len, dropping
 * trailing holes. */
static void
trim_elements (JsObject *o, uint32_t len)
{
  JsStorage *st = o->storage;
  if (!st)
    return;
  if (st->elem_len > len)
    st->elem_len = len;
  while (st->elem_len > 0 && js_is_empty (object_elements (o)[st->elem_len
                                                               - 1]))
    st->elem_len--;
}

static JsValue
proto_shift (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pv = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double len;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len))
    goto out;
  if (len == 0)
    {
      if (set_length (ctx, *po, 0))
        r = JS_UNDEFINED;
      goto out;
    }
  *pv = get_index (ctx, *po, 0);
  if (js_is_exception (*pv))
    goto out;
  if (fast_array (rt, *po))
    {
      JsObject *o = js_get_object (*po);
      if (object_elem_len (o) > 0)
        {
          move_elements (rt, o, 0, 1, object_elem_len (o) - 1);
          trim_elements (o, object_elem_len (o) - 1);
        }
      object_array_set_length (rt, o, (uint32_t) len - 1);
      r = js_is_empty (*pv) ? JS_UNDEFINED : *pv;
      goto out;
    }
  for (double k = 1; k < len; k++)
    {
      int h = has_index (ctx, *po, k);
      if (h < 0)
        goto out;
      if (h)
        {
          JsValue v = get_index (ctx, *po, k);
          if (js_is_exception (v) || set_index (ctx, *po, k - 1, v) < 0)
            goto out;
        }
      else if (delete_index (ctx, *po, k - 1) < 0)
        goto out;
    }
  if (delete_index (ctx, *po, len - 1) < 0 || !set_length (ctx, *po, len - 1))
    goto out;
  r = *pv;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_unshift (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  uint32_t argc = info->argc;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue r = JS_EXCEPTION;
  double len;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len))
    goto out;
  if (argc > 0)
    {
      if (len + argc > MAX_SAFE_INTEGER)
        {
          js_throw_type_error (ctx, "Unshifting %u elements on an "
                                    "array-like of length %.0f is "
                                    "disallowed", argc, len);
          goto out;
        }
      JsObject *o = js_get_object (*po);
      if (fast_array (rt, *po) && len + argc <= MAX_ARRAY_LENGTH - 1
          && (double) object_elem_len (o) + argc < JS_STORAGE_MAX_VALUES / 2)
        {
          if (!object_reserve (rt, o, 0, object_elem_len (o) + argc))
            {
              js_throw_out_of_memory (ctx);
              goto out;
            }
          o = js_get_object (*po);
          move_elements (rt, o, argc, 0, object_elem_len (o));
          JsValue *e = object_elements (o);
          for (uint32_t j = 0; j < argc; j++)
            e[j] = info->argv[j];
          if (o->storage->elem_len < argc)
            o->storage->elem_len = argc;
          gc_write_barrier (&rt->heap, (JsCell *) o->storage);
          object_array_set_length (rt, o, (uint32_t) len + argc);
          r = js_number (len + argc);
          goto out;
        }
      for (double k = len; k > 0; k--)
        {
          double from = k - 1, to = k + argc - 1;
          int h = has_index (ctx, *po, from);
          if (h < 0)
            goto out;
          if (h)
            {
              JsValue v = get_index (ctx, *po, from);
              if (js_is_exception (v) || set_index (ctx, *po, to, v) < 0)
                goto out;
            }
          else if (delete_index (ctx, *po, to) < 0)
            goto out;
        }
      for (uint32_t j = 0; j < argc; j++)
        if (set_index (ctx, *po, j, info->argv[j]) < 0)
          goto out;
    }
  if (set_length (ctx, *po, len + argc))
    r = js_number (len + argc);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Array.prototype: copying and rearranging                            */
/* ------------------------------------------------------------------ */

/* IsConcatSpreadable (v): 1, 0 or -1. */
static int
concat_spreadable (JsContext *ctx, JsValue v)
{
  if (!js_is_object (v))
    return 0;
  JsValue s = js_get (ctx, v, symbol_key (ctx->rt->well_known
                                              [JS_SYM_isConcatSpreadable]));
  if (js_is_exception (s))
    return -1;
  if (!js_is_undefined (s))
    return js_to_boolean (s);
  return builtins_array_is_array (ctx, v);
}

static JsValue
proto_concat (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double n = 0;
  if (js_is_exception (*po))
    goto out;
  *pa = species_create (ctx, *po, 0);
  if (js_is_exception (*pa))
    goto out;
  for (uint32_t i = 0; i <= info->argc; i++)
    {
      JsValue e = i == 0 ? *po : info->argv[i - 1];
      int sp = concat_spreadable (ctx, e);
      if (sp < 0)
        goto out;
      if (!sp)
        {
          if (n >= MAX_SAFE_INTEGER)
            {
              js_throw_type_error (ctx, "Array too long");
              goto out;
            }
          if (define_index (ctx, *pa, n++, e) < 0)
            goto out;
          continue;
        }
      double len;
      if (!length_of (ctx, e, &len))
        goto out;
      if (n + len > MAX_SAFE_INTEGER)
        {
          js_throw_type_error (ctx, "Array too long");
          goto out;
        }
      for (double k = 0; k < len; k++, n++)
        {
          e = i == 0 ? *po : info->argv[i - 1];
          if (fast_array (rt, e)
              && k >= object_elem_len (js_get_object (e)))
            {
              /* The rest of a fast array is holes. */
              n += len - k;
              break;
            }
          int h = has_index (ctx, e, k);
          if (h < 0)
            goto out;
          if (!h)
            continue;
          JsValue v = get_index (ctx, e, k);
          if (js_is_exception (v) || define_index (ctx, *pa, n, v) < 0)
            goto out;
        }
    }
  if (set_length (ctx, *pa, n))
    r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_slice (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double len, k, end;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len)
      || !relative_index (ctx, js_arg (info, 0), len, 0, &k)
      || !relative_index (ctx, js_arg (info, 1), len, len, &end))
    goto out;
  *pa = species_create (ctx, *po, MAX (end - k, 0));
  if (js_is_exception (*pa))
    goto out;
  double n = 0;
  for (; k < end; k++, n++)
    {
      int h = has_index (ctx, *po, k);
      if (h < 0)
        goto out;
      if (!h)
        continue;
      JsValue v = get_index (ctx, *po, k);
      if (js_is_exception (v) || define_index (ctx, *pa, n, v) < 0)
        goto out;
    }
  if (set_length (ctx, *pa, n))
    r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* Moves count properties from..from+count to to..to+count, one by one
 * (Set or Delete), ascending or descending so as not to overwrite what
 * is still to be read. */
static bool
move_properties (JsContext *ctx, JsValue *po, double to, double from,
                 double count)
{
  bool down = from < to && to < from + count;
  for (double i = 0; i < count; i++)
    {
      double off = down ? count - 1 - i : i;
      int h = has_index (ctx, *po, from + off);
      if (h < 0)
        return false;
      if (h)
        {
          JsValue v = get_index (ctx, *po, from + off);
          if (js_is_exception (v) || set_index (ctx, *po, to + off, v) < 0)
            return false;
        }
      else if (delete_index (ctx, *po, to + off) < 0)
        return false;
    }
  return true;
}

static JsValue
proto_splice (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double len, start, del;
  uint32_t items = info->argc > 2 ? info->argc - 2 : 0;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len)
      || !relative_index (ctx, js_arg (info, 0), len, 0, &start))
    goto out;
  if (info->argc == 0)
    del = 0;
  else if (info->argc == 1)
    del = len - start;
  else
    {
      if (!js_to_integer (ctx, info->argv[1], &del))
        goto out;
      del = MIN (MAX (del, 0), len - start);
    }
  if (len + items - del > MAX_SAFE_INTEGER)
    {
      js_throw_type_error (ctx, "Array too long");
      goto out;
    }
  *pa = species_create (ctx, *po, del);
  if (js_is_exception (*pa))
    goto out;
  for (double k = 0; k < del; k++)
    {
      int h = has_index (ctx, *po, start + k);
      if (h < 0)
        goto out;
      if (!h)
        continue;
      JsValue v = get_index (ctx, *po, start + k);
      if (js_is_exception (v) || define_index (ctx, *pa, k, v) < 0)
        goto out;
    }
  if (!set_length (ctx, *pa, del))
    goto out;
  double new_len = len - del + items;
  JsObject *o = js_get_object (*po);
  if (items != del && fast_array (rt, *po) && new_len < MAX_ARRAY_LENGTH
      && (double) object_elem_len (o) + items < JS_STORAGE_MAX_VALUES / 2)
    {
      /* The tail moves in one go; then what it left behind is cut. */
      uint32_t s = (uint32_t) start, d = (uint32_t) del;
      uint32_t elen = object_elem_len (o);
      if (s + d < elen)
        {
          if (items > del
              && !object_reserve (rt, o, 0, elen - d + items))
            {
              js_throw_out_of_memory (ctx);
              goto out;
            }
          o = js_get_object (*po);
          move_elements (rt, o, s + items, s + d, elen - s - d);
          trim_elements (o, elen - d + items);
        }
      else
        trim_elements (o, MIN (s, elen));
    }
  else if (items < del)
    {
      if (!move_properties (ctx, po, start + items, start + del,
                            len - start - del))
        goto out;
      for (double k = len; k > new_len; k--)
        if (delete_index (ctx, *po, k - 1) < 0)
          goto out;
    }
  else if (items > del
           && !move_properties (ctx, po, start + items, start + del,
                                len - start - del))
    goto out;
  for (uint32_t j = 0; j < items; j++)
    if (set_index (ctx, *po, start + j, info->argv[j + 2]) < 0)
      goto out;
  if (set_length (ctx, *po, new_len))
    r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_reverse (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pl = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double len;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len))
    goto out;
  if (len < 2)
    {
      r = *po;
      goto out;
    }
  if (fast_array (rt, *po) && len == object_elem_len (js_get_object (*po)))
    {
      JsValue *e = object_elements (js_get_object (*po));
      for (uint32_t lo = 0, hi = (uint32_t) len; lo + 1 < hi; lo++, hi--)
        {
          JsValue t = e[lo];
          e[lo] = e[hi - 1];
          e[hi - 1] = t;
        }
      trim_elements (js_get_object (*po), (uint32_t) len);
      r = *po;
      goto out;
    }
  double middle = floor (len / 2);
  for (double lower = 0; lower != middle; lower++)
    {
      double upper = len - lower - 1;
      int hl = has_index (ctx, *po, lower);
      if (hl < 0)
        goto out;
      JsValue lv = JS_UNDEFINED;
      if (hl)
        {
          lv = get_index (ctx, *po, lower);
          if (js_is_exception (lv))
            goto out;
        }
      *pl = lv;
      int hu = has_index (ctx, *po, upper);
      if (hu < 0)
        goto out;
      JsValue uv = JS_UNDEFINED;
      if (hu)
        {
          uv = get_index (ctx, *po, upper);
          if (js_is_exception (uv))
            goto out;
        }
      if (hu)
        {
          if (set_index (ctx, *po, lower, uv) < 0)
            goto out;
        }
      else if (hl && delete_index (ctx, *po, lower) < 0)
        goto out;
      if (hl)
        {
          if (set_index (ctx, *po, upper, *pl) < 0)
            goto out;
        }
      else if (hu && delete_index (ctx, *po, upper) < 0)
        goto out;
    }
  r = *po;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_copy_within (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue r = JS_EXCEPTION;
  double len, to, from, end;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len)
      || !relative_index (ctx, js_arg (info, 0), len, 0, &to)
      || !relative_index (ctx, js_arg (info, 1), len, 0, &from)
      || !relative_index (ctx, js_arg (info, 2), len, len, &end))
    goto out;
  double count = MIN (end - from, len - to);
  if (count > 0 && !move_properties (ctx, po, to, from, count))
    goto out;
  r = *po;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_fill (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue r = JS_EXCEPTION;
  double len, k, end;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len)
      || !relative_index (ctx, js_arg (info, 1), len, 0, &k)
      || !relative_index (ctx, js_arg (info, 2), len, len, &end))
    goto out;
  for (; k < end; k++)
    if (set_index (ctx, *po, k, js_arg (info, 0)) < 0)
      goto out;
  r = *po;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Array.prototype: the copying methods of ES2023                      */
/* ------------------------------------------------------------------ */

static JsValue
proto_to_reversed (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double len;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len))
    goto out;
  *pa = array_create (ctx, len, NULL);
  if (js_is_exception (*pa))
    goto out;
  object_array_set_length (rt, js_get_object (*pa), 0);
  for (double k = 0; k < len; k++)
    {
      JsValue v = get_index (ctx, *po, len - k - 1);
      if (js_is_exception (v) || define_index (ctx, *pa, k, v) < 0)
        goto out;
    }
  r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_to_spliced (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double len, start, skip;
  uint32_t items = info->argc > 2 ? info->argc - 2 : 0;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len)
      || !relative_index (ctx, js_arg (info, 0), len, 0, &start))
    goto out;
  if (info->argc == 0)
    skip = 0;
  else if (info->argc == 1)
    skip = len - start;
  else
    {
      if (!js_to_integer (ctx, info->argv[1], &skip))
        goto out;
      skip = MIN (MAX (skip, 0), len - start);
    }
  double new_len = len + items - skip;
  if (new_len > MAX_SAFE_INTEGER)
    {
      js_throw_type_error (ctx, "Array too long");
      goto out;
    }
  *pa = array_create (ctx, new_len, NULL);
  if (js_is_exception (*pa))
    goto out;
  object_array_set_length (rt, js_get_object (*pa), 0);
  double i = 0;
  for (; i < start; i++)
    {
      JsValue v = get_index (ctx, *po, i);
      if (js_is_exception (v) || define_index (ctx, *pa, i, v) < 0)
        goto out;
    }
  for (uint32_t j = 0; j < items; j++, i++)
    if (define_index (ctx, *pa, i, info->argv[j + 2]) < 0)
      goto out;
  for (double from = start + skip; i < new_len; i++, from++)
    {
      JsValue v = get_index (ctx, *po, from);
      if (js_is_exception (v) || define_index (ctx, *pa, i, v) < 0)
        goto out;
    }
  r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_with (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue *pa = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  double len, index;
  if (js_is_exception (*po) || !length_of (ctx, *po, &len)
      || !js_to_integer (ctx, js_arg (info, 0), &index))
    goto out;
  if (index < 0)
    index += len;
  if (index >= len || index < 0)
    {
      js_throw_range_error (ctx, "Invalid index");
      goto out;
    }
  *pa = array_create (ctx, len, NULL);
  if (js_is_exception (*pa))
    goto out;
  object_array_set_length (rt, js_get_object (*pa), 0);
  for (double k = 0; k < len; k++)
    {
      JsValue v = k == index ? js_arg (info, 1) : get_index (ctx, *po, k);
      if (js_is_exception (v) || define_index (ctx, *pa, k, v) < 0)
        goto out;
    }
  r = *pa;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Array.prototype: strings and iterators                              */
/* ------------------------------------------------------------------ */

static JsValue
proto_join (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue r = JS_EXCEPTION;
  double len;
  if (!js_is_exception (*po) && length_of (ctx, *po, &len))
    r = builtins_array_join (ctx, *po, len, js_arg (info, 0), false);
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_to_locale_string (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue r = JS_EXCEPTION;
  double len;
  if (!js_is_exception (*po) && length_of (ctx, *po, &len))
    r = builtins_array_join (ctx, *po, len, JS_UNDEFINED, true);
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
proto_to_string (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_to_object (ctx, *info->this_arg));
  JsValue r = JS_EXCEPTION;
  if (!js_is_exception (*po))
    {
      JsValue f = js_get (ctx, *po, atom_key_from_utf8 (rt, "join"));
      if (!js_is_exception (f))
        r = js_call (ctx, js_is_callable (f) ? f : ctx->object_to_string,
                     *po, 0, NULL);
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* keys (magic 0), values (1), entries (2). */
static JsValue
proto_iterator (const JsCallInfo *info)
{
  JsValue o = js_to_object (info->ctx, *info->this_arg);
  if (js_is_exception (o))
    return o;
  return builtins_new_array_iterator (info->ctx, o, info->magic);
}

/* ------------------------------------------------------------------ */
/* Shared with the other families                                      */
/* ------------------------------------------------------------------ */

bool
builtins_array_define_getter (JsContext *ctx, JsObject *o, const char *name,
                              JsNativeFn fn)
{
  JsRuntime *rt = ctx->rt;
  char fname[64];
  const char *key_name = name;
  if (name[0] == '@' && name[1] == '@')
    g_snprintf (fname, sizeof fname, "get [Symbol.%s]", name + 2);
  else
    g_snprintf (fname, sizeof fname, "get %s", name);
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  JsValue f = function_new_builtin (ctx, fname, fn, 0, 0, 0);
  bool ok = false;
  if (!js_is_exception (f))
    {
      JsValue *pf = rt_push_root (rt, f);
      JsAccessorPair *pair = object_new_accessor (rt, *pf, JS_UNDEFINED);
      if (pair)
        {
          rt_push_cell (rt, pair);
          JsKey key = JS_KEY_NONE;
          if (key_name[0] == '@' && key_name[1] == '@')
            {
              for (int i = 0; i < JS_SYM_COUNT; i++)
                if (strcmp (key_name + 2, js_well_known_names[i]) == 0)
                  key = symbol_key (rt->well_known[i]);
            }
          else
            key = atom_key_from_utf8 (rt, key_name);
          ok = key != JS_KEY_NONE
               && object_define_own (rt, js_get_object (saved[0]), key,
                                     js_cell_value (JS_TAG_INTERNAL, pair),
                                     JS_ATTR_ACCESSOR | JS_ATTR_CONFIGURABLE)
                      == JS_PROP_DONE;
        }
    }
  rt_restore_roots (rt, saved);
  return ok;
}

JsValue
builtins_array_from_list (JsContext *ctx, const JsValue *values, uint32_t n)
{
  JsRuntime *rt = ctx->rt;
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, n);
  if (!a)
    return js_throw_out_of_memory (ctx);
  for (uint32_t i = 0; i < n; i++)
    if (object_array_push (rt, a, values[i]) != JS_PROP_DONE)
      return js_throw_out_of_memory (ctx);
  return js_object_value (a);
}

/* ------------------------------------------------------------------ */
/* The family                                                          */
/* ------------------------------------------------------------------ */

/* Array.prototype[@@unscopables]: a null-prototype object naming the
 * methods a with statement must not see. */
static bool
define_unscopables (JsContext *ctx)
{
  static const char *const names[] = {
    "at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast",
    "findLastIndex", "flat", "flatMap", "includes", "keys", "toReversed",
    "toSorted", "toSpliced", "values",
  };
  JsRuntime *rt = ctx->rt;
  JsObject *u = object_new_with_proto (rt, NULL, G_N_ELEMENTS (names));
  if (!u)
    return false;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (u));
  bool ok = true;
  for (size_t i = 0; i < G_N_ELEMENTS (names) && ok; i++)
    {
      JsKey key = atom_key_from_utf8 (rt, names[i]);
      ok = key != JS_KEY_NONE
           && object_define_own (rt, js_get_object (saved[0]), key, JS_TRUE,
                                 JS_ATTR_DEFAULT)
                  == JS_PROP_DONE;
    }
  ok = ok
       && object_define_own (rt, ctx->array_proto,
                             symbol_key (rt->well_known[JS_SYM_unscopables]),
                             saved[0], JS_ATTR_CONFIGURABLE)
              == JS_PROP_DONE;
  rt_restore_roots (rt, saved);
  return ok;
}

bool
builtins_init_array (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec statics[] = {
    { "isArray", array_is_array, 1, 0 },
    { "from", array_from, 1, 0 },
    { "of", array_of, 0, 0 },
  };
  static const JsMethodSpec methods[] = {
    { "at", proto_at, 1, 0 },
    { "concat", proto_concat, 1, 0 },
    { "copyWithin", proto_copy_within, 2, 0 },
    { "entries", proto_iterator, 0, 2 },
    { "every", proto_each, 1, JS_EACH_EVERY },
    { "fill", proto_fill, 1, 0 },
    { "filter", proto_each, 1, JS_EACH_FILTER },
    { "find", proto_each, 1, JS_EACH_FIND },
    { "findIndex", proto_each, 1, JS_EACH_FIND_INDEX },
    { "findLast", proto_each, 1, JS_EACH_FIND_LAST },
    { "findLastIndex", proto_each, 1,
      JS_EACH_FIND_LAST_INDEX },
    { "flat", proto_flat, 0, 0 },
    { "flatMap", proto_flat, 1, 1 },
    { "forEach", proto_each, 1, JS_EACH_FOR_EACH },
    { "includes", proto_index_of, 1, 1 },
    { "indexOf", proto_index_of, 1, 0 },
    { "join", proto_join, 1, 0 },
    { "keys", proto_iterator, 0, 0 },
    { "lastIndexOf", proto_index_of, 1, 2 },
    { "map", proto_each, 1, JS_EACH_MAP },
    { "pop", proto_pop, 0, 0 },
    { "push", proto_push, 1, 0 },
    { "reduce", proto_reduce, 1, 0 },
    { "reduceRight", proto_reduce, 1, 1 },
    { "reverse", proto_reverse, 0, 0 },
    { "shift", proto_shift, 0, 0 },
    { "slice", proto_slice, 2, 0 },
    { "some", proto_each, 1, JS_EACH_SOME },
    { "sort", proto_sort, 1, 0 },
    { "splice", proto_splice, 2, 0 },
    { "toLocaleString", proto_to_locale_string, 0, 0 },
    { "toReversed", proto_to_reversed, 0, 0 },
    { "toSorted", proto_to_sorted, 1, 0 },
    { "toSpliced", proto_to_spliced, 2, 0 },
    { "toString", proto_to_string, 0, 0 },
    { "unshift", proto_unshift, 1, 0 },
    { "values", proto_iterator, 0, 1 },
    { "with", proto_with, 2, 0 },
  };
  /* %Object.prototype.toString%, which Array.prototype.toString falls
     back on, whatever Object.prototype holds later. */
  uint8_t attrs;
  if (!object_get_own (rt, ctx->object_proto,
                       atom_common_key (rt, JS_ATOM_toString),
                       &ctx->object_to_string, &attrs))
    return false;
  JsObject *ctor = builtins_define_class (ctx, "Array", array_ctor, 1,
                                          ctx->array_proto, 0);
  if (!ctor)
    return false;
  ctx->array_ctor = ctor;
  if (!builtins_define_methods (ctx, ctor, statics, G_N_ELEMENTS (statics))
      || !builtins_array_define_getter (ctx, ctor, "@@species",
                                        array_species)
      || !builtins_define_methods (ctx, ctx->array_proto, methods,
                                   G_N_ELEMENTS (methods)))
    return false;
  /* Array.prototype[@@iterator] is the same function as values. */
  JsValue values;
  if (!object_get_own (rt, ctx->array_proto,
                       atom_key_from_utf8 (rt, "values"), &values, &attrs))
    return false;
  ctx->array_values = values;
  return object_define_own (rt, ctx->array_proto,
                            symbol_key (rt->well_known[JS_SYM_iterator]),
                            values, JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
             == JS_PROP_DONE
         && define_unscopables (ctx);
}
