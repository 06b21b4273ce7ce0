/* property.c — the objects' internal methods over object.c.
 *
 * Ordinary objects take the direct path: object.c finds the property in
 * the shape or the elements, and this file adds accessors, receivers and
 * lazily made function properties.  Exotic objects will hook in here, at
 * the top of each method.
 */
#include "config.h"

#include "property.h"

#include "api-native.h"
#include "builtins.h"
#include "function.h"
#include "module.h"
#include "realm.h"

void
js_resolve_lazy (JsContext *ctx, JsObject *o)
{
  if (G_UNLIKELY (o->shape->flags & JS_SHAPE_LAZY))
    function_resolve_lazy (ctx, o);
}

JsValue
prop_call_getter (JsContext *ctx, JsValue pair, JsValue receiver)
{
  JsAccessorPair *p = (JsAccessorPair *) js_get_cell (pair);
  if (js_is_undefined (p->getter))
    return JS_UNDEFINED;
  return js_call (ctx, p->getter, receiver, 0, NULL);
}

int
prop_get_own (JsContext *ctx, JsObject *o, JsKey key, JsValue *value,
              uint8_t *attrs)
{
  js_resolve_lazy (ctx, o);
  if (o->shape->cls->flags & JS_CLASS_EXOTIC)
    {
      int r = realm_exotic_get_own (ctx, o, key, value, attrs);
      if (r != 2)
        return r;
    }
  if (object_get_own (ctx->rt, o, key, value, attrs))
    return 1;
  if (G_UNLIKELY (o->shape->cls->flags & JS_CLASS_RESOLVE))
    {
      /* An embedder's object may make the property now. */
      int r = api_native_resolve (ctx, o, key);
      if (r <= 0)
        return r;
      return object_get_own (ctx->rt, o, key, value, attrs) ? 1 : 0;
    }
  return 0;
}

JsValue
prop_get_prototype_of (JsContext *ctx, JsObject *o)
{
  if (o->shape->cls == &js_proxy_class)
    return builtins_proxy_get_prototype_of (ctx, o);
  JsObject *p = object_get_proto (o);
  return p ? js_object_value (p) : JS_NULL;
}

JsValue
prop_get (JsContext *ctx, JsObject *o, JsKey key, JsValue receiver)
{
  for (;;)
    {
      JsValue v;
      uint8_t attrs;
      if (o->shape->cls->flags & JS_CLASS_EXOTIC)
        {
          int e = realm_exotic_get (ctx, o, key, receiver, &v);
          if (e != 2)
            return e < 0 ? JS_EXCEPTION : v;
        }
      int r = prop_get_own (ctx, o, key, &v, &attrs);
      if (r < 0)
        return JS_EXCEPTION;
      if (r > 0)
        {
          if (attrs & JS_ATTR_ACCESSOR)
            return prop_call_getter (ctx, v, receiver);
          return v;
        }
      JsValue p = prop_get_prototype_of (ctx, o);
      if (js_is_exception (p))
        return p;
      if (!js_is_object (p))
        return JS_UNDEFINED;
      o = js_get_object (p);
    }
}

/* ArraySetLength's conversions, for a [[Set]] of a writable array
 * length: *v becomes the new length as a number, or a RangeError.  As
 * the spec has it, ToNumber runs twice (ToUint32, then ToNumber). */
static bool
array_length_arg (JsContext *ctx, JsValue *v)
{
  if (js_is_number (*v))
    {
      double d = js_get_number (*v);
      if (d >= 0 && d <= 4294967295.0 && d == (double) (uint32_t) d)
        return true;
    }
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, *v);
  uint32_t len;
  double num;
  bool ok = js_to_uint32 (ctx, *pv, &len) && js_to_number (ctx, *pv, &num);
  rt_restore_roots (rt, saved);
  if (!ok)
    return false;
  if ((double) len != num)
    {
      js_throw_range_error (ctx, "Invalid array length");
      return false;
    }
  *v = js_number ((double) len);
  return true;
}

/* The receiver side of OrdinarySetWithOwnDescriptor, for a data
 * property found (or not) on the chain. */
static int
set_on_receiver (JsContext *ctx, JsKey key, JsValue v, JsValue receiver)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_object (receiver))
    return 0;
  JsObject *r = js_get_object (receiver);
  JsValue cur;
  uint8_t attrs;
  int h = prop_get_own (ctx, r, key, &cur, &attrs);
  if (h < 0)
    return -1;
  if (h > 0)
    {
      if ((attrs & JS_ATTR_ACCESSOR) || !(attrs & JS_ATTR_WRITABLE))
        return 0;
      if (object_is_array (r) && key == atom_common_key (rt, JS_ATOM_length))
        {
          JsValue *saved = rt_save_roots (rt);
          rt_push_root (rt, receiver);
          bool ok = array_length_arg (ctx, &v);
          rt_restore_roots (rt, saved);
          if (!ok)
            return -1;
          /* The conversions may have frozen the length. */
          if (object_set (rt, r, key, v, &cur) != JS_SET_DONE)
            return 0;
          return 1;
        }
      /* Receiver.[[DefineOwnProperty]] (key, { [[Value]]: v }). */
      if (realm_is_exotic (r))
        {
          int e = realm_exotic_define (ctx, r, key, v, attrs);
          if (e != 2)
            return e;
        }
      JsPropResult pr = object_define_own (rt, r, key, v, attrs);
      if (pr == JS_PROP_NO_MEMORY)
        {
          js_throw_out_of_memory (ctx);
          return -1;
        }
      return pr == JS_PROP_DONE;
    }
  return prop_define_data (ctx, r, key, v);
}

/* Classes whose own properties are not all in their shapes: exotic
 * ones, and embedders' classes that make properties on first use. */
#define NOT_ORDINARY (JS_CLASS_EXOTIC | JS_CLASS_RESOLVE)

/* Are o's prototypes all ordinary? */
static inline bool
ordinary_chain (JsObject *o)
{
  for (JsObject *p = object_get_proto (o); p; p = object_get_proto (p))
    if (p->shape->cls->flags & NOT_ORDINARY)
      return false;
  return true;
}

int
prop_set (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
          JsValue receiver)
{
  JsRuntime *rt = ctx->rt;
  /* A module namespace's [[Set]] always fails. */
  if (module_is_namespace (o))
    return 0;
  /* The common case: o is the receiver and it and its prototypes are
     ordinary (object_set walks the chain by itself). */
  if (js_is_object (receiver) && js_get_object (receiver) == o
      && !(o->shape->cls->flags & NOT_ORDINARY) && ordinary_chain (o))
    {
      js_resolve_lazy (ctx, o);
      JsValue pair;
      JsValue *saved = rt_save_roots (rt);
      rt_push_root (rt, receiver);
      rt_push_root (rt, v);
      if (object_is_array (o) && key == atom_common_key (rt, JS_ATOM_length))
        {
          /* A writable length converts its new value first (a read-only
             one rejects without looking at it). */
          uint32_t slot;
          uint8_t attrs;
          shape_lookup (o->shape, key, &slot, &attrs);
          if ((attrs & JS_ATTR_WRITABLE) && !array_length_arg (ctx, &v))
            {
              rt_restore_roots (rt, saved);
              return -1;
            }
        }
      JsSetResult sr = object_set (rt, o, key, v, &pair);
      rt_restore_roots (rt, saved);
      switch (sr)
        {
        case JS_SET_DONE:
          return 1;
        case JS_SET_REJECTED:
          return 0;
        case JS_SET_NO_MEMORY:
          js_throw_out_of_memory (ctx);
          return -1;
        case JS_SET_ACCESSOR:
          {
            JsAccessorPair *p = (JsAccessorPair *) js_get_cell (pair);
            if (js_is_undefined (p->setter))
              return 0;
            JsValue r = js_call (ctx, p->setter, receiver, 1, &v);
            return js_is_exception (r) ? -1 : 1;
          }
        }
    }
  /* OrdinarySet along the chain with a distinct receiver. */
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, receiver);
  rt_push_root (rt, v);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  int result;
  for (;;)
    {
      JsValue cur;
      uint8_t attrs;
      if (realm_is_exotic (js_get_object (*po)))
        {
          int e = realm_exotic_set (ctx, js_get_object (*po), key, v,
                                    receiver);
          if (e == 3)
            {
              result = set_on_receiver (ctx, key, v, receiver);
              break;
            }
          if (e != 2)
            {
              result = e;
              break;
            }
        }
      int h = prop_get_own (ctx, js_get_object (*po), key, &cur, &attrs);
      if (h < 0)
        {
          result = -1;
          break;
        }
      if (h > 0)
        {
          if (attrs & JS_ATTR_ACCESSOR)
            {
              JsAccessorPair *p = (JsAccessorPair *) js_get_cell (cur);
              if (js_is_undefined (p->setter))
                result = 0;
              else
                result = js_is_exception (js_call (ctx, p->setter, receiver,
                                                   1, &v))
                             ? -1
                             : 1;
              break;
            }
          if (!(attrs & JS_ATTR_WRITABLE))
            {
              result = 0;
              break;
            }
          result = set_on_receiver (ctx, key, v, receiver);
          break;
        }
      JsValue p = prop_get_prototype_of (ctx, js_get_object (*po));
      if (js_is_exception (p))
        {
          result = -1;
          break;
        }
      if (!js_is_object (p))
        {
          result = set_on_receiver (ctx, key, v, receiver);
          break;
        }
      *po = p;
    }
  rt_restore_roots (rt, saved);
  return result;
}

int
prop_delete (JsContext *ctx, JsObject *o, JsKey key)
{
  js_resolve_lazy (ctx, o);
  if (o->shape->cls->flags & JS_CLASS_EXOTIC)
    {
      int r = realm_exotic_delete (ctx, o, key);
      if (r != 2)
        return r;
    }
  JsPropResult r = object_delete (ctx->rt, o, key);
  if (r == JS_PROP_NO_MEMORY)
    {
      js_throw_out_of_memory (ctx);
      return -1;
    }
  return r == JS_PROP_DONE;
}

int
prop_has (JsContext *ctx, JsObject *o, JsKey key)
{
  for (;;)
    {
      JsValue v;
      uint8_t attrs;
      if (o->shape->cls->flags & JS_CLASS_EXOTIC)
        {
          int e = realm_exotic_has (ctx, o, key);
          if (e != 2)
            return e;
        }
      int r = prop_get_own (ctx, o, key, &v, &attrs);
      if (r != 0)
        return r;
      JsValue p = prop_get_prototype_of (ctx, o);
      if (js_is_exception (p))
        return -1;
      if (!js_is_object (p))
        return 0;
      o = js_get_object (p);
    }
}

int
prop_define_data (JsContext *ctx, JsObject *o, JsKey key, JsValue v)
{
  JsRuntime *rt = ctx->rt;
  if (o->shape->cls == &js_proxy_class)
    {
      /* CreateDataProperty is one [[DefineOwnProperty]] call. */
      JsPropertyDescriptor d = {
        .value = v, .get = JS_UNDEFINED, .set = JS_UNDEFINED,
        .has_value = true, .has_writable = true, .has_enumerable = true,
        .has_configurable = true, .writable = true, .enumerable = true,
        .configurable = true,
      };
      return builtins_proxy_define (ctx, o, key, &d);
    }
  JsValue cur;
  uint8_t attrs;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  rt_push_root (rt, v);
  int h = prop_get_own (ctx, o, key, &cur, &attrs);
  int result;
  if (h < 0)
    result = -1;
  else if (h > 0 && !(attrs & JS_ATTR_CONFIGURABLE))
    /* The new property would be configurable: a non-configurable one
       can never become that (ValidateAndApplyPropertyDescriptor). */
    result = 0;
  else if ((o->shape->cls->flags & JS_CLASS_EXOTIC)
           && (result = realm_exotic_define (ctx, o, key, v,
                                             JS_ATTR_DEFAULT)) != 2)
    ;
  else
    {
      JsPropResult pr = object_define_own (rt, o, key, v, JS_ATTR_DEFAULT);
      if (pr == JS_PROP_NO_MEMORY)
        {
          js_throw_out_of_memory (ctx);
          result = -1;
        }
      else
        result = pr == JS_PROP_DONE;
    }
  rt_restore_roots (rt, saved);
  return result;
}
