/* builtins-object.c — Object, Object.prototype, and the internal
 * methods every object answers.
 *
 * Property descriptors cross between script and the engine here:
 * ToPropertyDescriptor reads one from an object, FromPropertyDescriptor
 * makes one, and ValidateAndApplyPropertyDescriptor decides whether a
 * definition may replace what is there.  The internal methods that
 * property.c does not provide ([[DefineOwnProperty]], [[SetPrototypeOf]],
 * [[PreventExtensions]], [[IsExtensible]]) live here too, so that Object
 * and Reflect share them and exotic objects have one place to hook in.
 *
 * Every function that runs script or allocates keeps the values it holds
 * on the value stack; descriptors' values are rooted by whoever made the
 * descriptor (builtins_push_descriptor_roots).
 */
#include "config.h"

#include "builtins.h"

#include "property.h"

#include <math.h>

typedef JsPropertyDescriptor Desc;

/* ------------------------------------------------------------------ */
/* Descriptors                                                         */
/* ------------------------------------------------------------------ */

JsValue *
builtins_push_descriptor_roots (JsRuntime *rt)
{
  JsValue *roots = rt->stack_top;
  for (int i = 0; i < 3; i++)
    rt_push_root (rt, JS_UNDEFINED);
  return roots;
}

/* Reads one optional field of a descriptor object: 1 present (*out set),
 * 0 absent, -1 exception. */
static int
descriptor_field (JsContext *ctx, JsValue *po, JsCommonAtom name,
                  JsValue *out)
{
  JsKey k = atom_common_key (ctx->rt, name);
  int h = js_has_property (ctx, js_get_object (*po), k);
  if (h <= 0)
    return h;
  JsValue v = js_get (ctx, *po, k);
  if (js_is_exception (v))
    return -1;
  *out = v;
  return 1;
}

bool
builtins_to_descriptor (JsContext *ctx, JsValue o, Desc *d, JsValue *roots)
{
  JsRuntime *rt = ctx->rt;
  memset (d, 0, sizeof *d);
  d->value = d->get = d->set = JS_UNDEFINED;
  if (!js_is_object (o))
    {
      js_throw_type_error (ctx, "Property description must be an object: %s",
                           realm_describe (ctx, o));
      return false;
    }
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, o);
  bool ok = false;
  JsValue v;
  int h;
  /* The spec's order: enumerable, configurable, value, writable, get,
     set; getters on the descriptor object see it. */
  if ((h = descriptor_field (ctx, po, JS_ATOM_enumerable, &v)) < 0)
    goto out;
  if (h)
    d->has_enumerable = true, d->enumerable = js_to_boolean (v);
  if ((h = descriptor_field (ctx, po, JS_ATOM_configurable, &v)) < 0)
    goto out;
  if (h)
    d->has_configurable = true, d->configurable = js_to_boolean (v);
  if ((h = descriptor_field (ctx, po, JS_ATOM_value, &roots[0])) < 0)
    goto out;
  d->has_value = h;
  if ((h = descriptor_field (ctx, po, JS_ATOM_writable, &v)) < 0)
    goto out;
  if (h)
    d->has_writable = true, d->writable = js_to_boolean (v);
  for (int i = 1; i < 3; i++)
    {
      JsCommonAtom name = i == 1 ? JS_ATOM_get : JS_ATOM_set;
      if ((h = descriptor_field (ctx, po, name, &roots[i])) < 0)
        goto out;
      if (h && !js_is_undefined (roots[i]) && !js_is_callable (roots[i]))
        {
          js_throw_type_error (ctx, "%s must be a function: %s",
                               i == 1 ? "Getter" : "Setter",
                               realm_describe (ctx, roots[i]));
          goto out;
        }
      if (i == 1)
        d->has_get = h;
      else
        d->has_set = h;
    }
  d->value = roots[0];
  d->get = roots[1];
  d->set = roots[2];
  if ((d->has_get || d->has_set) && (d->has_value || d->has_writable))
    {
      js_throw_type_error (ctx, "Invalid property descriptor. Cannot both "
                                "specify accessors and a value or writable "
                                "attribute");
      goto out;
    }
  ok = true;
out:
  rt_restore_roots (rt, saved);
  return ok;
}

JsValue
builtins_from_descriptor (JsContext *ctx, JsValue v, uint8_t attrs)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, v);
  JsObject *d = object_new_with_proto (rt, (JsCell *) ctx->object_proto, 4);
  if (!d)
    {
      rt_restore_roots (rt, saved);
      return js_throw_out_of_memory (ctx);
    }
  JsValue *pd = rt_push_root (rt, js_object_value (d));
  JsCommonAtom names[4];
  JsValue vals[4];
  if (attrs & JS_ATTR_ACCESSOR)
    {
      JsAccessorPair *p = (JsAccessorPair *) js_get_cell (*pv);
      names[0] = JS_ATOM_get;
      vals[0] = p->getter;
      names[1] = JS_ATOM_set;
      vals[1] = p->setter;
    }
  else
    {
      names[0] = JS_ATOM_value;
      vals[0] = *pv;
      names[1] = JS_ATOM_writable;
      vals[1] = js_bool (attrs & JS_ATTR_WRITABLE);
    }
  names[2] = JS_ATOM_enumerable;
  vals[2] = js_bool (attrs & JS_ATTR_ENUMERABLE);
  names[3] = JS_ATOM_configurable;
  vals[3] = js_bool (attrs & JS_ATTR_CONFIGURABLE);
  JsValue r = *pd;
  /* The pair (rooted through *pv) keeps vals[0..1] alive; a fresh
     ordinary object runs no script, so no define below can fail but for
     memory. */
  for (int i = 0; i < 4; i++)
    if (object_define_own (rt, js_get_object (*pd),
                           atom_common_key (rt, names[i]), vals[i],
                           JS_ATTR_DEFAULT)
        != JS_PROP_DONE)
      {
        r = js_throw_out_of_memory (ctx);
        break;
      }
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* [[DefineOwnProperty]]                                               */
/* ------------------------------------------------------------------ */

static bool
descriptor_is_accessor (const Desc *d)
{
  return d->has_get || d->has_set;
}

/* IsCompatiblePropertyDescriptor's checks against an existing property
 * (ValidateAndApplyPropertyDescriptor, steps 4-6): may d replace it? */
static bool
compatible (JsRuntime *rt, const Desc *d, JsValue cur, uint8_t attrs)
{
  if (attrs & JS_ATTR_CONFIGURABLE)
    return true;
  bool cur_accessor = (attrs & JS_ATTR_ACCESSOR) != 0;
  if (d->has_configurable && d->configurable)
    return false;
  if (d->has_enumerable
      && d->enumerable != ((attrs & JS_ATTR_ENUMERABLE) != 0))
    return false;
  bool generic = !descriptor_is_accessor (d) && !d->has_value
                 && !d->has_writable;
  if (!generic && descriptor_is_accessor (d) != cur_accessor)
    return false;
  if (cur_accessor)
    {
      JsAccessorPair *p = (JsAccessorPair *) js_get_cell (cur);
      return !(d->has_get && !js_same_value (rt, d->get, p->getter))
             && !(d->has_set && !js_same_value (rt, d->set, p->setter));
    }
  if (!(attrs & JS_ATTR_WRITABLE))
    {
      if (d->has_writable && d->writable)
        return false;
      if (d->has_value && !js_same_value (rt, d->value, cur))
        return false;
    }
  return true;
}

bool
builtins_is_compatible_descriptor (JsRuntime *rt, bool extensible,
                                   const Desc *d, bool found, JsValue cur,
                                   uint8_t attrs)
{
  return found ? compatible (rt, d, cur, attrs) : extensible;
}

JsValue
builtins_descriptor_object (JsContext *ctx, const Desc *d)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue vals[6] = { d->value, js_bool (d->writable), d->get, d->set,
                      js_bool (d->enumerable), js_bool (d->configurable) };
  for (int i = 0; i < 6; i++)
    rt_push_root (rt, vals[i]);
  const bool has[6] = { d->has_value, d->has_writable, d->has_get,
                        d->has_set, d->has_enumerable, d->has_configurable };
  static const JsCommonAtom names[6] = { JS_ATOM_value, JS_ATOM_writable,
                                         JS_ATOM_get, JS_ATOM_set,
                                         JS_ATOM_enumerable,
                                         JS_ATOM_configurable };
  JsObject *o = object_new_with_proto (rt, (JsCell *) ctx->object_proto, 4);
  JsValue r = o ? js_object_value (o) : js_throw_out_of_memory (ctx);
  JsValue *po = rt_push_root (rt, r);
  for (int i = 0; o && i < 6; i++)
    if (has[i]
        && object_define_own (rt, js_get_object (*po),
                              atom_common_key (rt, names[i]), saved[i],
                              JS_ATTR_DEFAULT)
               != JS_PROP_DONE)
      {
        r = js_throw_out_of_memory (ctx);
        break;
      }
  rt_restore_roots (rt, saved);
  return r;
}

/* The value and attributes a property gets when d is applied to it (or
 * creates it, when found is false).  An accessor's value is a new pair
 * cell; *v is then rooted by the caller before the next allocation.
 * False if memory ran out. */
static bool
merged_property (JsRuntime *rt, const Desc *d, bool found, JsValue cur,
                 uint8_t attrs, JsValue *v, uint8_t *out_attrs)
{
  bool cur_accessor = found && (attrs & JS_ATTR_ACCESSOR);
  uint8_t a = found ? attrs & (JS_ATTR_ENUMERABLE | JS_ATTR_CONFIGURABLE) : 0;
  if (d->has_enumerable)
    a = (a & ~JS_ATTR_ENUMERABLE) | (d->enumerable ? JS_ATTR_ENUMERABLE : 0);
  if (d->has_configurable)
    a = (a & ~JS_ATTR_CONFIGURABLE)
        | (d->configurable ? JS_ATTR_CONFIGURABLE : 0);
  bool accessor = descriptor_is_accessor (d)
                  || (cur_accessor && !d->has_value && !d->has_writable);
  if (accessor)
    {
      JsValue g = JS_UNDEFINED, s = JS_UNDEFINED;
      if (cur_accessor)
        {
          JsAccessorPair *p = (JsAccessorPair *) js_get_cell (cur);
          g = p->getter;
          s = p->setter;
        }
      JsAccessorPair *p = object_new_accessor (rt, d->has_get ? d->get : g,
                                               d->has_set ? d->set : s);
      if (!p)
        return false;
      *v = js_cell_value (JS_TAG_INTERNAL, p);
      *out_attrs = a | JS_ATTR_ACCESSOR;
      return true;
    }
  bool was_data = found && !cur_accessor;
  *v = d->has_value ? d->value : (was_data ? cur : JS_UNDEFINED);
  bool w = d->has_writable ? d->writable
                           : (was_data && (attrs & JS_ATTR_WRITABLE));
  *out_attrs = a | (w ? JS_ATTR_WRITABLE : 0);
  return true;
}

/* ArraySetLength's conversions: the descriptor's value becomes the new
 * length as a number, or a RangeError.  ToNumber runs twice, as the
 * spec has it (ToUint32, then ToNumber). */
static bool
array_length_value (JsContext *ctx, Desc *d)
{
  uint32_t len;
  double num;
  if (!js_to_uint32 (ctx, d->value, &len)
      || !js_to_number (ctx, d->value, &num))
    return false;
  if ((double) len != num)
    {
      js_throw_range_error (ctx, "Invalid array length");
      return false;
    }
  d->value = js_number ((double) len);
  return true;
}

int
builtins_define_property (JsContext *ctx, JsObject *o, JsKey key,
                          const Desc *din)
{
  JsRuntime *rt = ctx->rt;
  if (builtins_is_proxy (js_object_value (o)))
    return builtins_proxy_define (ctx, o, key, din);
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  rt_push_root (rt, atom_key_to_value (key));
  rt_push_root (rt, din->value);
  rt_push_root (rt, din->get);
  rt_push_root (rt, din->set);
  Desc d = *din;
  int result = -1;
  js_resolve_lazy (ctx, o);
  if (object_is_array (o) && key == atom_common_key (rt, JS_ATOM_length)
      && d.has_value && !array_length_value (ctx, &d))
    goto out;
  o = js_get_object (*po);
  /* Exotic objects whose own keys are not properties (typed arrays'
     elements) define them themselves. */
  if (realm_is_exotic (o))
    {
      int e = realm_exotic_define_property (ctx, o, key, &d);
      if (e != 2)
        {
          result = e;
          goto out;
        }
    }

  JsValue cur = JS_UNDEFINED;
  uint8_t attrs = 0;
  int h;
  bool exotic = false;
  if (realm_is_exotic (o))
    {
      h = realm_exotic_get_own (ctx, o, key, &cur, &attrs);
      exotic = h == 0 || h == 1;
      if (h == 2)
        h = prop_get_own (ctx, js_get_object (*po), key, &cur, &attrs);
    }
  else
    h = prop_get_own (ctx, o, key, &cur, &attrs);
  if (h < 0)
    goto out;
  o = js_get_object (*po);
  rt_push_root (rt, cur);
  if (!h)
    {
      if (exotic || !shape_is_extensible (o->shape))
        {
          result = 0;
          goto out;
        }
    }
  else
    {
      if (!compatible (rt, &d, cur, attrs))
        {
          result = 0;
          goto out;
        }
      /* The exotic object's own properties (a string's characters and
         length) never change: an compatible definition is a no-op. */
      if (exotic)
        {
          result = 1;
          goto out;
        }
    }
  JsValue v;
  uint8_t a;
  if (!merged_property (rt, &d, h > 0, cur, attrs, &v, &a))
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  JsPropResult r = object_define_own (rt, js_get_object (*po), key, v, a);
  if (r == JS_PROP_NO_MEMORY)
    js_throw_out_of_memory (ctx);
  else
    result = r == JS_PROP_DONE;
out:
  rt_restore_roots (rt, saved);
  return result;
}

/* DefinePropertyOrThrow. */
static bool
define_or_throw (JsContext *ctx, JsObject *o, JsKey key, const Desc *d)
{
  int r = builtins_define_property (ctx, o, key, d);
  if (r == 0)
    {
      JsValue kv = atom_key_to_value (key);
      js_throw_type_error (ctx, "Cannot redefine property: %s",
                           js_is_symbol (kv) ? "a symbol"
                                             : realm_describe (ctx, kv));
    }
  return r > 0;
}

/* ------------------------------------------------------------------ */
/* The other internal methods                                          */
/* ------------------------------------------------------------------ */

int
builtins_is_extensible (JsContext *ctx, JsObject *o)
{
  if (builtins_is_proxy (js_object_value (o)))
    return builtins_proxy_is_extensible (ctx, o);
  js_resolve_lazy (ctx, o);
  return shape_is_extensible (o->shape);
}

int
builtins_prevent_extensions (JsContext *ctx, JsObject *o)
{
  if (builtins_is_proxy (js_object_value (o)))
    return builtins_proxy_prevent_extensions (ctx, o);
  /* A lazy function's properties must be made first: once it cannot be
     extended they could no longer be added. */
  js_resolve_lazy (ctx, o);
  if (!shape_is_extensible (o->shape))
    return 1;
  if (object_prevent_extensions (ctx->rt, o) != JS_PROP_DONE)
    {
      js_throw_out_of_memory (ctx);
      return -1;
    }
  return 1;
}

/* Is o the %Object.prototype% of any realm (an immutable prototype
 * exotic object)? */
static bool
is_object_prototype (JsRuntime *rt, JsObject *o)
{
  for (guint i = 0; i < rt->contexts->len; i++)
    {
      JsContext *c = g_ptr_array_index (rt->contexts, i);
      if (c->object_proto == o)
        return true;
    }
  return false;
}

int
builtins_set_prototype_of (JsContext *ctx, JsObject *o, JsValue proto)
{
  JsRuntime *rt = ctx->rt;
  if (builtins_is_proxy (js_object_value (o)))
    return builtins_proxy_set_prototype_of (ctx, o, proto);
  JsCell *p = js_is_object (proto) ? js_get_cell (proto) : NULL;
  js_resolve_lazy (ctx, o);
  if (o->shape->proto == p)
    return 1;
  if (is_object_prototype (rt, o))
    return 0;
  JsPropResult r = object_set_proto (rt, o, p);
  if (r == JS_PROP_NO_MEMORY)
    {
      js_throw_out_of_memory (ctx);
      return -1;
    }
  return r == JS_PROP_DONE;
}

JsValue
builtins_prototype_from_constructor (JsContext *ctx, JsValue new_target,
                                     JsObject *fallback)
{
  if (!js_is_object (new_target))
    return js_object_value (fallback);
  JsValue p = js_get (ctx, new_target,
                      atom_common_key (ctx->rt, JS_ATOM_prototype));
  if (js_is_exception (p) || js_is_object (p))
    return p;
  /* GetFunctionRealm's intrinsic would be the right one across realms;
     the walk still throws for a revoked proxy. */
  if (!realm_of (ctx, new_target))
    return JS_EXCEPTION;
  return js_object_value (fallback);
}

JsValue
builtins_new_wrapper (JsContext *ctx, JsValue prim, JsValue new_target,
                      JsObject *fallback)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, prim);
  JsValue r = builtins_prototype_from_constructor (ctx, new_target, fallback);
  if (js_is_exception (r))
    goto out;
  JsValue *pp = rt_push_root (rt, r);
  r = realm_wrap_primitive (ctx, saved[0]);
  if (js_is_exception (r))
    goto out;
  /* The wrapper starts on the realm's prototype; a subclass's new.target
     gives another. */
  if (js_get_cell (*pp) != js_get_object (r)->shape->proto)
    {
      JsValue *pr = rt_push_root (rt, r);
      if (object_set_proto (rt, js_get_object (r), js_get_cell (*pp))
          != JS_PROP_DONE)
        r = js_throw_out_of_memory (ctx);
      else
        r = *pr;
    }
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Lists of keys and values                                            */
/* ------------------------------------------------------------------ */

/* A key as a property value: indices become their decimal strings. */
static JsValue
key_value (JsContext *ctx, JsKey key)
{
  JsValue v = atom_key_to_value (key);
  if (!js_is_number (v))
    return v;
  JsString *s = js_number_to_string (ctx->rt, js_get_number (v));
  return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
}

/* A new array holding the first n values at vals (rooted by the
 * caller). */
static JsValue
array_from_values (JsContext *ctx, const JsValue *vals, uint32_t n)
{
  JsRuntime *rt = ctx->rt;
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, n);
  if (!a)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, js_object_value (a));
  JsValue r = *pa;
  for (uint32_t i = 0; i < n; i++)
    if (object_array_push (rt, js_get_object (*pa), vals[i]) != JS_PROP_DONE)
      {
        r = js_throw_out_of_memory (ctx);
        break;
      }
  rt_restore_roots (rt, saved);
  return r;
}

JsValue
builtins_array_of_keys (JsContext *ctx, const JsKey *keys, uint32_t n)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *vals = rt->stack_top;
  JsValue r = JS_EXCEPTION;
  if ((size_t) (rt->stack_limit - rt->stack_top) < (size_t) n + 64)
    {
      r = js_throw_range_error (ctx, "Too many properties");
      goto out;
    }
  for (uint32_t i = 0; i < n; i++)
    {
      JsValue v = key_value (ctx, keys[i]);
      if (js_is_exception (v))
        goto out;
      rt_push_root (rt, v);
    }
  r = array_from_values (ctx, vals, n);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* Roots every key of a list as a value, so that the list outlives any
 * script a later step runs (a getter may delete the properties that
 * kept the atoms alive). */
static bool
root_keys (JsContext *ctx, const JsKey *keys, uint32_t n)
{
  JsRuntime *rt = ctx->rt;
  if ((size_t) (rt->stack_limit - rt->stack_top) < (size_t) n + 64)
    {
      js_throw_range_error (ctx, "Too many properties");
      return false;
    }
  for (uint32_t i = 0; i < n; i++)
    rt_push_root (rt, atom_key_to_value (keys[i]));
  return true;
}

/* The object's own keys (flags as realm_own_keys), each rooted; NULL
 * with *n = 0 and no exception when there are none. */
static JsKey *
own_keys_rooted (JsContext *ctx, JsObject *o, uint32_t flags, uint32_t *n,
                 bool *ok)
{
  JsKey *keys = realm_own_keys (ctx, o, flags, n);
  if (!keys && *n == UINT32_MAX)
    {
      *n = 0;
      *ok = false;
      return NULL;
    }
  *ok = root_keys (ctx, keys, *n);
  return keys;
}

/* EnumerableOwnProperties (O, kind): 0 keys, 1 values, 2 entries. */
static JsValue
enumerable_own (JsContext *ctx, JsValue arg, int kind)
{
  JsRuntime *rt = ctx->rt;
  JsValue o = js_to_object (ctx, arg);
  if (js_is_exception (o))
    return o;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, o);
  uint32_t n;
  bool ok;
  JsKey *keys = own_keys_rooted (ctx, js_get_object (o), JS_KEYS_STRINGS, &n,
                                 &ok);
  JsValue r = JS_EXCEPTION;
  if (!ok)
    goto out;
  if ((size_t) (rt->stack_limit - rt->stack_top) < (size_t) n + 64)
    {
      js_throw_range_error (ctx, "Too many properties");
      goto out;
    }
  JsValue *out = rt->stack_top;
  uint32_t count = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      JsValue v;
      uint8_t attrs;
      int h = prop_get_own (ctx, js_get_object (*po), keys[i], &v, &attrs);
      if (h < 0)
        goto out;
      if (!h || !(attrs & JS_ATTR_ENUMERABLE))
        continue;
      JsValue k = key_value (ctx, keys[i]);
      if (js_is_exception (k))
        goto out;
      if (kind == 0)
        {
          rt_push_root (rt, k);
          count++;
          continue;
        }
      JsValue *pk = rt_push_root (rt, k);
      v = prop_get (ctx, js_get_object (*po), keys[i], *po);
      if (js_is_exception (v))
        goto out;
      if (kind == 1)
        *pk = v;
      else
        {
          rt_push_root (rt, v);
          JsValue e = array_from_values (ctx, pk, 2);
          if (js_is_exception (e))
            goto out;
          *pk = e;
          rt->stack_top = pk + 1;
        }
      count++;
    }
  r = array_from_values (ctx, out, count);
out:
  g_free (keys);
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Iterators closed on an abrupt completion                            */
/* ------------------------------------------------------------------ */

/* IteratorClose with a throw completion: the pending exception stays
 * the one that is thrown, whatever return() does. */
static void
close_on_error (JsContext *ctx, JsValue iterator)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pe = rt_push_root (rt, js_take_exception (ctx));
  realm_iterator_close (ctx, iterator);
  js_take_exception (ctx);
  js_throw (ctx, *pe);
  rt_restore_roots (rt, saved);
}

/* ------------------------------------------------------------------ */
/* The constructor and its static methods                              */
/* ------------------------------------------------------------------ */

static JsValue
object_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue v = js_arg (info, 0);
  if (!js_is_undefined (info->new_target)
      && info->new_target != info->callee)
    return function_ordinary_create_this (ctx, info->new_target, NULL, 0);
  if (js_is_nullish (v))
    {
      JsObject *o = object_new_with_proto (ctx->rt,
                                           (JsCell *) ctx->object_proto, 4);
      return o ? js_object_value (o) : js_throw_out_of_memory (ctx);
    }
  return js_to_object (ctx, v);
}

static JsValue
object_assign (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue to = js_to_object (ctx, js_arg (info, 0));
  if (js_is_exception (to))
    return to;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pto = rt_push_root (rt, to);
  JsValue r = JS_EXCEPTION;
  for (uint32_t s = 1; s < info->argc; s++)
    {
      if (js_is_nullish (info->argv[s]))
        continue;
      JsValue *inner = rt_save_roots (rt);
      JsValue from = js_to_object (ctx, info->argv[s]);
      if (js_is_exception (from))
        goto out;
      JsValue *pf = rt_push_root (rt, from);
      uint32_t n;
      bool ok;
      JsKey *keys = own_keys_rooted (ctx, js_get_object (from), JS_KEYS_ALL,
                                     &n, &ok);
      for (uint32_t i = 0; ok && i < n; i++)
        {
          JsValue v;
          uint8_t attrs;
          int h = prop_get_own (ctx, js_get_object (*pf), keys[i], &v,
                                &attrs);
          if (h < 0)
            ok = false;
          else if (h && (attrs & JS_ATTR_ENUMERABLE))
            {
              v = prop_get (ctx, js_get_object (*pf), keys[i], *pf);
              ok = !js_is_exception (v)
                   && js_set (ctx, *pto, keys[i], v, *pto, true) >= 0;
            }
        }
      g_free (keys);
      if (!ok)
        goto out;
      rt_restore_roots (rt, inner);
    }
  r = *pto;
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ObjectDefineProperties: every descriptor is read before any is
 * applied. */
static bool
define_properties (JsContext *ctx, JsValue *po, JsValue props)
{
  JsRuntime *rt = ctx->rt;
  JsValue p = js_to_object (ctx, props);
  if (js_is_exception (p))
    return false;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, p);
  uint32_t n;
  bool ok;
  JsKey *keys = own_keys_rooted (ctx, js_get_object (p), JS_KEYS_ALL, &n,
                                 &ok);
  Desc *descs = ok && n ? g_try_new (Desc, n) : NULL;
  JsKey *dkeys = ok && n ? g_try_new (JsKey, n) : NULL;
  uint32_t count = 0;
  if (n && (!descs || !dkeys))
    {
      js_throw_out_of_memory (ctx);
      ok = false;
    }
  for (uint32_t i = 0; ok && i < n; i++)
    {
      JsValue v;
      uint8_t attrs;
      int h = prop_get_own (ctx, js_get_object (*pp), keys[i], &v, &attrs);
      if (h < 0)
        ok = false;
      else if (h && (attrs & JS_ATTR_ENUMERABLE))
        {
          v = prop_get (ctx, js_get_object (*pp), keys[i], *pp);
          JsValue *roots = builtins_push_descriptor_roots (rt);
          ok = !js_is_exception (v)
               && builtins_to_descriptor (ctx, v, &descs[count], roots);
          dkeys[count++] = keys[i];
        }
    }
  for (uint32_t i = 0; ok && i < count; i++)
    ok = define_or_throw (ctx, js_get_object (*po), dkeys[i], &descs[i]);
  g_free (keys);
  g_free (descs);
  g_free (dkeys);
  rt_restore_roots (rt, saved);
  return ok;
}

static JsValue
object_create (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue proto = js_arg (info, 0);
  if (!js_is_object (proto) && !js_is_null (proto))
    return js_throw_type_error (ctx, "Object prototype may only be an "
                                     "Object or null: %s",
                                realm_describe (ctx, proto));
  JsObject *o = object_new_with_proto (
      rt, js_is_null (proto) ? NULL : js_get_cell (proto), 4);
  if (!o)
    return js_throw_out_of_memory (ctx);
  JsValue props = js_arg (info, 1);
  if (js_is_undefined (props))
    return js_object_value (o);
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  JsValue r = define_properties (ctx, po, props) ? *po : JS_EXCEPTION;
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
object_define_properties (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue o = js_arg (info, 0);
  if (!js_is_object (o))
    return js_throw_type_error (ctx, "Object.defineProperties called on "
                                     "non-object");
  return define_properties (ctx, &info->argv[0], js_arg (info, 1))
             ? info->argv[0]
             : JS_EXCEPTION;
}

static JsValue
object_define_property (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue o = js_arg (info, 0);
  if (!js_is_object (o))
    return js_throw_type_error (ctx, "Object.defineProperty called on "
                                     "non-object");
  JsKey key;
  if (!js_to_property_key (ctx, js_arg (info, 1), &key))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, atom_key_to_value (key));
  JsValue *roots = builtins_push_descriptor_roots (rt);
  Desc d;
  JsValue r = JS_EXCEPTION;
  if (builtins_to_descriptor (ctx, js_arg (info, 2), &d, roots)
      && define_or_throw (ctx, js_get_object (info->argv[0]), key, &d))
    r = info->argv[0];
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
object_entries (const JsCallInfo *info)
{
  return enumerable_own (info->ctx, js_arg (info, 0), info->magic);
}

/* SetIntegrityLevel (magic 0 sealed, 1 frozen). */
static JsValue
object_seal_freeze (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue o = js_arg (info, 0);
  if (!js_is_object (o))
    return o;
  int s = builtins_prevent_extensions (ctx, js_get_object (o));
  if (s <= 0)
    return s < 0 ? JS_EXCEPTION
                 : js_throw_type_error (ctx, "Cannot prevent extensions");
  JsValue *saved = rt_save_roots (rt);
  uint32_t n;
  bool ok;
  JsKey *keys = own_keys_rooted (ctx, js_get_object (o), JS_KEYS_ALL, &n,
                                 &ok);
  for (uint32_t i = 0; ok && i < n; i++)
    {
      Desc d = { .value = JS_UNDEFINED, .get = JS_UNDEFINED,
                 .set = JS_UNDEFINED, .has_configurable = true };
      if (info->magic)
        {
          JsValue v;
          uint8_t attrs;
          int h = prop_get_own (ctx, js_get_object (info->argv[0]), keys[i],
                                &v, &attrs);
          if (h < 0)
            {
              ok = false;
              break;
            }
          if (!h)
            continue;
          if (!(attrs & JS_ATTR_ACCESSOR))
            d.has_writable = true;
        }
      ok = define_or_throw (ctx, js_get_object (info->argv[0]), keys[i], &d);
    }
  g_free (keys);
  rt_restore_roots (rt, saved);
  return ok ? info->argv[0] : JS_EXCEPTION;
}

/* TestIntegrityLevel (magic 0 sealed, 1 frozen). */
static JsValue
object_is_sealed_frozen (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue o = js_arg (info, 0);
  if (!js_is_object (o))
    return JS_TRUE;
  int e = builtins_is_extensible (ctx, js_get_object (o));
  if (e != 0)
    return e < 0 ? JS_EXCEPTION : JS_FALSE;
  JsValue *saved = rt_save_roots (rt);
  uint32_t n;
  bool ok;
  JsKey *keys = own_keys_rooted (ctx, js_get_object (o), JS_KEYS_ALL, &n,
                                 &ok);
  JsValue r = ok ? JS_TRUE : JS_EXCEPTION;
  for (uint32_t i = 0; ok && i < n; i++)
    {
      JsValue v;
      uint8_t attrs;
      int h = prop_get_own (ctx, js_get_object (info->argv[0]), keys[i], &v,
                            &attrs);
      if (h < 0)
        {
          r = JS_EXCEPTION;
          break;
        }
      if (h
          && ((attrs & JS_ATTR_CONFIGURABLE)
              || (info->magic && !(attrs & JS_ATTR_ACCESSOR)
                  && (attrs & JS_ATTR_WRITABLE))))
        {
          r = JS_FALSE;
          break;
        }
    }
  g_free (keys);
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
object_from_entries (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue iterable = js_arg (info, 0);
  if (js_is_nullish (iterable))
    return js_throw_type_error (ctx, "Object.fromEntries requires an "
                                     "iterable: %s",
                                realm_describe (ctx, iterable));
  JsObject *o = object_new_with_proto (rt, (JsCell *) ctx->object_proto, 4);
  if (!o)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  JsValue *it = rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue *entry = rt_push_root (rt, JS_UNDEFINED);
  JsValue *k = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (realm_get_iterator (ctx, iterable, it) < 0)
    goto out;
  for (;;)
    {
      bool done;
      JsValue next = realm_iterator_step (ctx, it, &done);
      if (js_is_exception (next))
        goto out;
      if (done)
        break;
      if (!js_is_object (next))
        {
          js_throw_type_error (ctx, "Iterator value %s is not an entry "
                                    "object",
                               realm_describe (ctx, next));
          close_on_error (ctx, it[0]);
          goto out;
        }
      *entry = next;
      *k = js_get (ctx, *entry, js_key_from_index (0));
      if (js_is_exception (*k))
        {
          close_on_error (ctx, it[0]);
          goto out;
        }
      JsValue v = js_get (ctx, *entry, js_key_from_index (1));
      if (js_is_exception (v))
        {
          close_on_error (ctx, it[0]);
          goto out;
        }
      *entry = v;
      JsKey key;
      if (!js_to_property_key (ctx, *k, &key))
        {
          close_on_error (ctx, it[0]);
          goto out;
        }
      *k = atom_key_to_value (key);
      if (js_define_data (ctx, js_get_object (*po), key, *entry, true) < 0)
        {
          close_on_error (ctx, it[0]);
          goto out;
        }
    }
  r = *po;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
object_get_own_property_descriptor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue o = js_to_object (ctx, js_arg (info, 0));
  if (js_is_exception (o))
    return o;
  JsValue *saved = rt_save_roots (ctx->rt);
  JsValue *po = rt_push_root (ctx->rt, o);
  JsKey key;
  JsValue r = JS_EXCEPTION;
  if (js_to_property_key (ctx, js_arg (info, 1), &key))
    {
      rt_push_root (ctx->rt, atom_key_to_value (key));
      JsValue v;
      uint8_t attrs;
      int h = prop_get_own (ctx, js_get_object (*po), key, &v, &attrs);
      r = h < 0    ? JS_EXCEPTION
          : h == 0 ? JS_UNDEFINED
                   : builtins_from_descriptor (ctx, v, attrs);
    }
  rt_restore_roots (ctx->rt, saved);
  return r;
}

static JsValue
object_get_own_property_descriptors (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue o = js_to_object (ctx, js_arg (info, 0));
  if (js_is_exception (o))
    return o;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, o);
  JsObject *res = object_new_with_proto (rt, (JsCell *) ctx->object_proto, 4);
  if (!res)
    {
      rt_restore_roots (rt, saved);
      return js_throw_out_of_memory (ctx);
    }
  JsValue *pr = rt_push_root (rt, js_object_value (res));
  uint32_t n;
  bool ok;
  JsKey *keys = own_keys_rooted (ctx, js_get_object (o), JS_KEYS_ALL, &n,
                                 &ok);
  for (uint32_t i = 0; ok && i < n; i++)
    {
      JsValue v;
      uint8_t attrs;
      int h = prop_get_own (ctx, js_get_object (*po), keys[i], &v, &attrs);
      if (h < 0)
        ok = false;
      else if (h)
        {
          JsValue d = builtins_from_descriptor (ctx, v, attrs);
          ok = !js_is_exception (d)
               && js_define_data (ctx, js_get_object (*pr), keys[i], d, true)
                      > 0;
        }
    }
  g_free (keys);
  JsValue r = ok ? *pr : JS_EXCEPTION;
  rt_restore_roots (rt, saved);
  return r;
}

/* GetOwnPropertyKeys (magic: the JS_KEYS_* kind). */
static JsValue
object_get_own_property_keys (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue o = js_to_object (ctx, js_arg (info, 0));
  if (js_is_exception (o))
    return o;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, o);
  uint32_t n;
  JsKey *keys = realm_own_keys (ctx, js_get_object (o),
                                (uint32_t) info->magic, &n);
  JsValue r = !keys && n == UINT32_MAX ? JS_EXCEPTION
                                       : builtins_array_of_keys (ctx, keys,
                                                                 n);
  g_free (keys);
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
object_get_prototype_of (const JsCallInfo *info)
{
  JsValue o = js_to_object (info->ctx, js_arg (info, 0));
  if (js_is_exception (o))
    return o;
  return prop_get_prototype_of (info->ctx, js_get_object (o));
}

static JsValue
object_group_by (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue items = js_arg (info, 0);
  if (js_is_nullish (items))
    return js_throw_type_error (ctx, "Object.groupBy called on %s",
                                realm_describe (ctx, items));
  if (!js_is_callable (js_arg (info, 1)))
    return js_throw_type_error (ctx, "%s is not a function",
                                realm_describe (ctx, js_arg (info, 1)));
  JsObject *o = object_new_with_proto (rt, NULL, 4);
  if (!o)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  JsValue *it = rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue *args = rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue *kv = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (realm_get_iterator (ctx, items, it) < 0)
    goto out;
  /* The groups are the result's own properties, made as keys first
     appear: an object orders its keys as the spec's list of groups would
     come out of CreateDataProperty anyway. */
  for (double k = 0;; k++)
    {
      bool done;
      JsValue v = realm_iterator_step (ctx, it, &done);
      if (js_is_exception (v))
        goto out;
      if (done)
        break;
      args[0] = v;
      args[1] = js_number (k);
      JsValue key = js_call (ctx, info->argv[1], JS_UNDEFINED, 2, args);
      JsKey pk;
      if (js_is_exception (key) || !js_to_property_key (ctx, key, &pk))
        {
          close_on_error (ctx, it[0]);
          goto out;
        }
      *kv = atom_key_to_value (pk);
      JsValue group;
      uint8_t attrs;
      if (!object_get_own (rt, js_get_object (*po), pk, &group, &attrs))
        {
          JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto,
                                          1);
          if (!a
              || object_define_own (rt, js_get_object (*po), pk,
                                    js_object_value (a), JS_ATTR_DEFAULT)
                     != JS_PROP_DONE)
            {
              js_throw_out_of_memory (ctx);
              close_on_error (ctx, it[0]);
              goto out;
            }
          group = js_object_value (a);
        }
      if (object_array_push (rt, js_get_object (group), args[0])
          != JS_PROP_DONE)
        {
          js_throw_out_of_memory (ctx);
          close_on_error (ctx, it[0]);
          goto out;
        }
    }
  r = *po;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
object_has_own (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue o = js_to_object (ctx, js_arg (info, 0));
  if (js_is_exception (o))
    return o;
  JsValue *saved = rt_save_roots (ctx->rt);
  JsValue *po = rt_push_root (ctx->rt, o);
  JsKey key;
  JsValue r = JS_EXCEPTION;
  if (js_to_property_key (ctx, js_arg (info, 1), &key))
    {
      JsValue v;
      uint8_t attrs;
      int h = prop_get_own (ctx, js_get_object (*po), key, &v, &attrs);
      r = h < 0 ? JS_EXCEPTION : js_bool (h);
    }
  rt_restore_roots (ctx->rt, saved);
  return r;
}

static JsValue
object_is (const JsCallInfo *info)
{
  return js_bool (js_same_value (info->ctx->rt, js_arg (info, 0),
                                 js_arg (info, 1)));
}

static JsValue
object_is_extensible (const JsCallInfo *info)
{
  JsValue o = js_arg (info, 0);
  if (!js_is_object (o))
    return JS_FALSE;
  int r = builtins_is_extensible (info->ctx, js_get_object (o));
  return r < 0 ? JS_EXCEPTION : js_bool (r);
}

static JsValue
object_prevent_extensions_fn (const JsCallInfo *info)
{
  JsValue o = js_arg (info, 0);
  if (!js_is_object (o))
    return o;
  int r = builtins_prevent_extensions (info->ctx, js_get_object (o));
  if (r < 0)
    return JS_EXCEPTION;
  if (!r)
    return js_throw_type_error (info->ctx, "Cannot prevent extensions");
  return o;
}

static JsValue
object_set_prototype_of (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue o = js_arg (info, 0);
  JsValue proto = js_arg (info, 1);
  if (js_is_nullish (o))
    return js_throw_type_error (ctx, "Object.setPrototypeOf called on %s",
                                realm_describe (ctx, o));
  if (!js_is_object (proto) && !js_is_null (proto))
    return js_throw_type_error (ctx, "Object prototype may only be an "
                                     "Object or null: %s",
                                realm_describe (ctx, proto));
  if (!js_is_object (o))
    return o;
  int r = builtins_set_prototype_of (ctx, js_get_object (o), proto);
  if (r < 0)
    return JS_EXCEPTION;
  if (!r)
    return js_throw_type_error (ctx, "Cannot set the prototype: the object "
                                     "is not extensible, or it would make a "
                                     "cycle");
  return o;
}

/* ------------------------------------------------------------------ */
/* Object.prototype                                                    */
/* ------------------------------------------------------------------ */

static JsValue
proto_has_own_property (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsKey key;
  if (!js_to_property_key (ctx, js_arg (info, 0), &key))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (ctx->rt);
  rt_push_root (ctx->rt, atom_key_to_value (key));
  JsValue o = js_to_object (ctx, *info->this_arg);
  JsValue r = o;
  if (!js_is_exception (o))
    {
      JsValue v;
      uint8_t attrs;
      int h = prop_get_own (ctx, js_get_object (o), key, &v, &attrs);
      r = h < 0 ? JS_EXCEPTION : js_bool (h);
    }
  rt_restore_roots (ctx->rt, saved);
  return r;
}

static JsValue
proto_is_prototype_of (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue v = js_arg (info, 0);
  if (!js_is_object (v))
    return JS_FALSE;
  JsValue o = js_to_object (ctx, *info->this_arg);
  if (js_is_exception (o))
    return o;
  JsValue *saved = rt_save_roots (ctx->rt);
  JsValue *po = rt_push_root (ctx->rt, o);
  JsValue *pv = rt_push_root (ctx->rt, v);
  JsValue r;
  for (;;)
    {
      *pv = prop_get_prototype_of (ctx, js_get_object (*pv));
      if (js_is_exception (*pv))
        {
          r = JS_EXCEPTION;
          break;
        }
      if (js_is_null (*pv) || *pv == *po)
        {
          r = js_bool (*pv == *po);
          break;
        }
    }
  rt_restore_roots (ctx->rt, saved);
  return r;
}

static JsValue
proto_property_is_enumerable (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsKey key;
  if (!js_to_property_key (ctx, js_arg (info, 0), &key))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (ctx->rt);
  rt_push_root (ctx->rt, atom_key_to_value (key));
  JsValue o = js_to_object (ctx, *info->this_arg);
  JsValue r = o;
  if (!js_is_exception (o))
    {
      JsValue v;
      uint8_t attrs;
      int h = prop_get_own (ctx, js_get_object (o), key, &v, &attrs);
      r = h < 0 ? JS_EXCEPTION
                : js_bool (h && (attrs & JS_ATTR_ENUMERABLE));
    }
  rt_restore_roots (ctx->rt, saved);
  return r;
}

static JsValue
proto_to_locale_string (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue t = *info->this_arg;
  JsValue f = js_get (ctx, t, atom_common_key (ctx->rt, JS_ATOM_toString));
  if (js_is_exception (f))
    return f;
  return js_call (ctx, f, *info->this_arg, 0, NULL);
}

static JsValue
proto_value_of (const JsCallInfo *info)
{
  return js_to_object (info->ctx, *info->this_arg);
}

/* "[object " + tag + "]", tag a string value. */
static JsValue
object_tag_string (JsContext *ctx, JsValue tag)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pt = rt_push_root (rt, tag);
  JsString *open = string_new_latin1 (rt, (const uint8_t *) "[object ", 8);
  JsValue *acc = rt_push_root (rt, open ? js_string_value (open)
                                        : JS_UNDEFINED);
  JsString *s = open ? string_concat (rt, js_get_string (*acc),
                                      js_get_string (*pt))
                     : NULL;
  if (s)
    {
      *acc = js_string_value (s);
      JsString *close = string_new_latin1 (rt, (const uint8_t *) "]", 1);
      s = close ? string_concat (rt, js_get_string (*acc), close) : NULL;
    }
  rt_restore_roots (rt, saved);
  return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
}

static JsValue
proto_to_string (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue t = *info->this_arg;
  const char *tag;
  if (js_is_undefined (t))
    tag = "Undefined";
  else if (js_is_null (t))
    tag = "Null";
  else
    {
      JsValue o = js_to_object (ctx, t);
      if (js_is_exception (o))
        return o;
      int isa = builtins_array_is_array (ctx, o);
      if (isa < 0)
        return JS_EXCEPTION;
      JsObject *obj = js_get_object (o);
      JsValue pv = realm_wrapper_value (obj);
      if (isa)
        tag = "Array";
      else if (js_is_callable (o))
        tag = "Function";
      else if (arguments_is_arguments (obj))
        tag = "Arguments";
      else if (js_is_string (pv))
        tag = "String";
      else if (js_is_number (pv))
        tag = "Number";
      else if (js_is_bool (pv))
        tag = "Boolean";
      else
        tag = realm_builtin_tag (obj);
      JsValue *saved = rt_save_roots (rt);
      rt_push_root (rt, o);
      JsValue st = js_get (ctx, o, symbol_key (rt->well_known
                                                   [JS_SYM_toStringTag]));
      rt_restore_roots (rt, saved);
      if (js_is_exception (st))
        return st;
      if (js_is_string (st))
        return object_tag_string (ctx, st);
    }
  JsString *ts = atom_intern_utf8 (rt, tag, -1);
  if (!ts)
    return js_throw_out_of_memory (ctx);
  return object_tag_string (ctx, js_string_value (ts));
}

static JsValue
proto_get_proto (const JsCallInfo *info)
{
  JsValue o = js_to_object (info->ctx, *info->this_arg);
  if (js_is_exception (o))
    return o;
  return prop_get_prototype_of (info->ctx, js_get_object (o));
}

static JsValue
proto_set_proto (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue t = *info->this_arg;
  JsValue proto = js_arg (info, 0);
  if (js_is_nullish (t))
    return js_throw_type_error (ctx, "Object.prototype.__proto__ called on "
                                     "%s",
                                realm_describe (ctx, t));
  if ((!js_is_object (proto) && !js_is_null (proto)) || !js_is_object (t))
    return JS_UNDEFINED;
  int r = builtins_set_prototype_of (ctx, js_get_object (t), proto);
  if (r < 0)
    return JS_EXCEPTION;
  if (!r)
    return js_throw_type_error (ctx, "Cannot set the prototype: the object "
                                     "is not extensible, or it would make a "
                                     "cycle");
  return JS_UNDEFINED;
}

/* __defineGetter__ (magic 0) and __defineSetter__ (magic 1), annex B's
 * old spelling of defineProperty with an enumerable, configurable
 * accessor. */
static JsValue
proto_define_accessor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue o = js_to_object (ctx, *info->this_arg);
  if (js_is_exception (o))
    return o;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, o);
  JsValue f = js_arg (info, 1);
  JsValue r = JS_EXCEPTION;
  JsKey key;
  if (!js_is_callable (f))
    js_throw_type_error (ctx, "Object.prototype.%s: expecting function",
                         info->magic ? "__defineSetter__"
                                     : "__defineGetter__");
  else if (js_to_property_key (ctx, js_arg (info, 0), &key))
    {
      rt_push_root (rt, atom_key_to_value (key));
      Desc d = { .value = JS_UNDEFINED, .get = JS_UNDEFINED,
                 .set = JS_UNDEFINED, .has_enumerable = true,
                 .enumerable = true, .has_configurable = true,
                 .configurable = true };
      if (info->magic)
        d.has_set = true, d.set = f;
      else
        d.has_get = true, d.get = f;
      if (define_or_throw (ctx, js_get_object (*po), key, &d))
        r = JS_UNDEFINED;
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* __lookupGetter__ (magic 0) and __lookupSetter__ (magic 1): the nearest
 * property of the chain decides. */
static JsValue
proto_lookup_accessor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue o = js_to_object (ctx, *info->this_arg);
  if (js_is_exception (o))
    return o;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, o);
  JsValue r = JS_EXCEPTION;
  JsKey key;
  if (js_to_property_key (ctx, js_arg (info, 0), &key))
    {
      rt_push_root (rt, atom_key_to_value (key));
      for (;;)
        {
          JsValue v;
          uint8_t attrs;
          int h = prop_get_own (ctx, js_get_object (*po), key, &v, &attrs);
          if (h < 0)
            break;
          if (h)
            {
              JsAccessorPair *p = (JsAccessorPair *) js_get_cell (v);
              r = !(attrs & JS_ATTR_ACCESSOR) ? JS_UNDEFINED
                  : info->magic               ? p->setter
                                              : p->getter;
              break;
            }
          *po = prop_get_prototype_of (ctx, js_get_object (*po));
          if (js_is_exception (*po))
            break;
          if (js_is_null (*po))
            {
              r = JS_UNDEFINED;
              break;
            }
        }
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* Object.prototype.__proto__, an accessor (annex B, but every engine
 * has it and scripts rely on it). */
static bool
define_proto_accessor (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *g = rt_push_root (rt, function_new_builtin (
                                     ctx, "get __proto__", proto_get_proto,
                                     0, 0, 0));
  JsValue *s = rt_push_root (rt, function_new_builtin (
                                     ctx, "set __proto__", proto_set_proto,
                                     1, 0, 0));
  bool ok = false;
  if (!js_is_exception (*g) && !js_is_exception (*s))
    {
      JsAccessorPair *p = object_new_accessor (rt, *g, *s);
      ok = p
           && object_define_own (rt, ctx->object_proto,
                                 atom_common_key (rt, JS_ATOM_proto),
                                 js_cell_value (JS_TAG_INTERNAL, p),
                                 JS_ATTR_ACCESSOR | JS_ATTR_CONFIGURABLE)
                  == JS_PROP_DONE;
    }
  rt_restore_roots (rt, saved);
  return ok;
}

bool
builtins_init_object (JsContext *ctx)
{
  static const JsMethodSpec statics[] = {
    { "assign", object_assign, 2, 0 },
    { "create", object_create, 2, 0 },
    { "defineProperties", object_define_properties, 2, 0 },
    { "defineProperty", object_define_property, 3, 0 },
    { "entries", object_entries, 1, 2 },
    { "freeze", object_seal_freeze, 1, 1 },
    { "fromEntries", object_from_entries, 1, 0 },
    { "getOwnPropertyDescriptor", object_get_own_property_descriptor, 2, 0 },
    { "getOwnPropertyDescriptors", object_get_own_property_descriptors, 1,
      0 },
    { "getOwnPropertyNames", object_get_own_property_keys, 1,
      JS_KEYS_STRINGS },
    { "getOwnPropertySymbols", object_get_own_property_keys, 1,
      JS_KEYS_SYMBOLS },
    { "getPrototypeOf", object_get_prototype_of, 1, 0 },
    { "groupBy", object_group_by, 2, 0 },
    { "hasOwn", object_has_own, 2, 0 },
    { "is", object_is, 2, 0 },
    { "isExtensible", object_is_extensible, 1, 0 },
    { "isFrozen", object_is_sealed_frozen, 1, 1 },
    { "isSealed", object_is_sealed_frozen, 1, 0 },
    { "keys", object_entries, 1, 0 },
    { "preventExtensions", object_prevent_extensions_fn, 1, 0 },
    { "seal", object_seal_freeze, 1, 0 },
    { "setPrototypeOf", object_set_prototype_of, 2, 0 },
    { "values", object_entries, 1, 1 },
  };
  static const JsMethodSpec methods[] = {
    { "hasOwnProperty", proto_has_own_property, 1, 0 },
    { "isPrototypeOf", proto_is_prototype_of, 1, 0 },
    { "propertyIsEnumerable", proto_property_is_enumerable, 1, 0 },
    { "toLocaleString", proto_to_locale_string, 0, 0 },
    { "toString", proto_to_string, 0, 0 },
    { "valueOf", proto_value_of, 0, 0 },
    { "__defineGetter__", proto_define_accessor, 2, 0 },
    { "__defineSetter__", proto_define_accessor, 2, 1 },
    { "__lookupGetter__", proto_lookup_accessor, 1, 0 },
    { "__lookupSetter__", proto_lookup_accessor, 1, 1 },
  };
  JsObject *ctor = builtins_define_class (ctx, "Object", object_ctor, 1,
                                          ctx->object_proto, 0);
  return ctor
         && builtins_define_methods (ctx, ctor, statics,
                                     G_N_ELEMENTS (statics))
         && builtins_define_methods (ctx, ctx->object_proto, methods,
                                     G_N_ELEMENTS (methods))
         && define_proto_accessor (ctx);
}
