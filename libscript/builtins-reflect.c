/* builtins-reflect.c — the Reflect namespace.
 *
 * Each function is one internal method of its target, called as the
 * spec's Object operations call it but answering true or false where
 * Object would throw.  The internal methods themselves are property.c's
 * and builtins-object.c's, so that whatever hooks into them (exotic
 * objects, later proxies) is seen alike from Object and Reflect.
 */
#include "config.h"

#include "builtins.h"

#include "property.h"

/* The target argument, which every Reflect function but apply and
 * construct requires to be an object. */
static JsObject *
target_object (const JsCallInfo *info, const char *fn)
{
  JsValue t = js_arg (info, 0);
  if (!js_is_object (t))
    {
      js_throw_type_error (info->ctx, "Reflect.%s called on non-object: %s",
                           fn, realm_describe (info->ctx, t));
      return NULL;
    }
  return js_get_object (t);
}

/* CreateListFromArrayLike onto the value stack: returns the count, or
 * -1 with an exception.  The caller restores the stack. */
static int64_t
push_array_like (JsContext *ctx, JsValue a)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_object (a))
    {
      js_throw_type_error (ctx, "CreateListFromArrayLike called on "
                                "non-object: %s",
                           realm_describe (ctx, a));
      return -1;
    }
  JsValue *pa = rt_push_root (rt, a);
  JsValue lv = js_get (ctx, a, atom_common_key (rt, JS_ATOM_length));
  double len;
  if (js_is_exception (lv) || !js_to_length (ctx, lv, &len))
    return -1;
  if (len > 65535 || rt->stack_top + (size_t) len + 64 >= rt->stack_limit)
    {
      js_throw_range_error (ctx, "Too many arguments in function call");
      return -1;
    }
  for (uint32_t i = 0; i < (uint32_t) len; i++)
    {
      JsValue v = js_get (ctx, *pa, js_key_from_index (i));
      if (js_is_exception (v))
        return -1;
      rt_push_root (rt, v);
    }
  return (int64_t) len;
}

static JsValue
reflect_apply (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue f = js_arg (info, 0);
  if (!js_is_callable (f))
    return js_throw_type_error (ctx, "Reflect.apply: %s is not a function",
                                realm_describe (ctx, f));
  JsValue *saved = rt_save_roots (rt);
  int64_t n = push_array_like (ctx, js_arg (info, 2));
  JsValue r = n < 0 ? JS_EXCEPTION
                    : js_call (ctx, f, js_arg (info, 1), (uint32_t) n,
                               saved + 1);
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
reflect_construct (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue f = js_arg (info, 0);
  if (!js_is_constructor (f))
    return js_throw_type_error (ctx, "Reflect.construct: %s is not a "
                                     "constructor",
                                realm_describe (ctx, f));
  JsValue nt = info->argc > 2 ? info->argv[2] : f;
  if (!js_is_constructor (nt))
    return js_throw_type_error (ctx, "Reflect.construct: new target %s is "
                                     "not a constructor",
                                realm_describe (ctx, nt));
  JsValue *saved = rt_save_roots (rt);
  int64_t n = push_array_like (ctx, js_arg (info, 1));
  JsValue r = n < 0 ? JS_EXCEPTION
                    : js_construct (ctx, f, (uint32_t) n, saved + 1, nt);
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
reflect_define_property (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsObject *o = target_object (info, "defineProperty");
  JsKey key;
  if (!o || !js_to_property_key (ctx, js_arg (info, 1), &key))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, atom_key_to_value (key));
  JsValue *roots = builtins_push_descriptor_roots (rt);
  JsPropertyDescriptor d;
  JsValue r = JS_EXCEPTION;
  if (builtins_to_descriptor (ctx, js_arg (info, 2), &d, roots))
    {
      int h = builtins_define_property (ctx, js_get_object (info->argv[0]),
                                        key, &d);
      r = h < 0 ? JS_EXCEPTION : js_bool (h);
    }
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
reflect_delete_property (const JsCallInfo *info)
{
  JsObject *o = target_object (info, "deleteProperty");
  JsKey key;
  if (!o || !js_to_property_key (info->ctx, js_arg (info, 1), &key))
    return JS_EXCEPTION;
  int r = prop_delete (info->ctx, js_get_object (info->argv[0]), key);
  return r < 0 ? JS_EXCEPTION : js_bool (r);
}

static JsValue
reflect_get (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsObject *o = target_object (info, "get");
  JsKey key;
  if (!o || !js_to_property_key (ctx, js_arg (info, 1), &key))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (ctx->rt);
  rt_push_root (ctx->rt, atom_key_to_value (key));
  JsValue receiver = info->argc > 2 ? info->argv[2] : info->argv[0];
  JsValue r = prop_get (ctx, js_get_object (info->argv[0]), key, receiver);
  rt_restore_roots (ctx->rt, saved);
  return r;
}

static JsValue
reflect_get_own_property_descriptor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsObject *o = target_object (info, "getOwnPropertyDescriptor");
  JsKey key;
  if (!o || !js_to_property_key (ctx, js_arg (info, 1), &key))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (ctx->rt);
  rt_push_root (ctx->rt, atom_key_to_value (key));
  JsValue v;
  uint8_t attrs;
  int h = prop_get_own (ctx, js_get_object (info->argv[0]), key, &v, &attrs);
  JsValue r = h < 0    ? JS_EXCEPTION
              : h == 0 ? JS_UNDEFINED
                       : builtins_from_descriptor (ctx, v, attrs);
  rt_restore_roots (ctx->rt, saved);
  return r;
}

static JsValue
reflect_get_prototype_of (const JsCallInfo *info)
{
  JsObject *o = target_object (info, "getPrototypeOf");
  return o ? prop_get_prototype_of (info->ctx, o) : JS_EXCEPTION;
}

static JsValue
reflect_has (const JsCallInfo *info)
{
  JsObject *o = target_object (info, "has");
  JsKey key;
  if (!o || !js_to_property_key (info->ctx, js_arg (info, 1), &key))
    return JS_EXCEPTION;
  int r = prop_has (info->ctx, js_get_object (info->argv[0]), key);
  return r < 0 ? JS_EXCEPTION : js_bool (r);
}

static JsValue
reflect_is_extensible (const JsCallInfo *info)
{
  JsObject *o = target_object (info, "isExtensible");
  if (!o)
    return JS_EXCEPTION;
  int r = builtins_is_extensible (info->ctx, o);
  return r < 0 ? JS_EXCEPTION : js_bool (r);
}

static JsValue
reflect_own_keys (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsObject *o = target_object (info, "ownKeys");
  if (!o)
    return JS_EXCEPTION;
  uint32_t n;
  JsKey *keys = realm_own_keys (ctx, o, JS_KEYS_ALL, &n);
  JsValue r = !keys && n == UINT32_MAX ? JS_EXCEPTION
                                       : builtins_array_of_keys (ctx, keys,
                                                                 n);
  g_free (keys);
  return r;
}

static JsValue
reflect_prevent_extensions (const JsCallInfo *info)
{
  JsObject *o = target_object (info, "preventExtensions");
  if (!o)
    return JS_EXCEPTION;
  int r = builtins_prevent_extensions (info->ctx, o);
  return r < 0 ? JS_EXCEPTION : js_bool (r);
}

static JsValue
reflect_set (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsObject *o = target_object (info, "set");
  JsKey key;
  if (!o || !js_to_property_key (ctx, js_arg (info, 1), &key))
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (ctx->rt);
  rt_push_root (ctx->rt, atom_key_to_value (key));
  JsValue receiver = info->argc > 3 ? info->argv[3] : info->argv[0];
  int r = prop_set (ctx, js_get_object (info->argv[0]), key,
                    js_arg (info, 2), receiver);
  rt_restore_roots (ctx->rt, saved);
  return r < 0 ? JS_EXCEPTION : js_bool (r);
}

static JsValue
reflect_set_prototype_of (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsObject *o = target_object (info, "setPrototypeOf");
  if (!o)
    return JS_EXCEPTION;
  JsValue proto = js_arg (info, 1);
  if (!js_is_object (proto) && !js_is_null (proto))
    return js_throw_type_error (ctx, "Object prototype may only be an "
                                     "Object or null: %s",
                                realm_describe (ctx, proto));
  int r = builtins_set_prototype_of (ctx, o, proto);
  return r < 0 ? JS_EXCEPTION : js_bool (r);
}

bool
builtins_init_reflect (JsContext *ctx)
{
  static const JsMethodSpec fns[] = {
    { "apply", reflect_apply, 3, 0 },
    { "construct", reflect_construct, 2, 0 },
    { "defineProperty", reflect_define_property, 3, 0 },
    { "deleteProperty", reflect_delete_property, 2, 0 },
    { "get", reflect_get, 2, 0 },
    { "getOwnPropertyDescriptor", reflect_get_own_property_descriptor, 2,
      0 },
    { "getPrototypeOf", reflect_get_prototype_of, 1, 0 },
    { "has", reflect_has, 2, 0 },
    { "isExtensible", reflect_is_extensible, 1, 0 },
    { "ownKeys", reflect_own_keys, 1, 0 },
    { "preventExtensions", reflect_prevent_extensions, 1, 0 },
    { "set", reflect_set, 3, 0 },
    { "setPrototypeOf", reflect_set_prototype_of, 2, 0 },
  };
  JsRuntime *rt = ctx->rt;
  JsObject *reflect = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                             4);
  if (!reflect)
    return false;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, js_object_value (reflect));
  JsString *tag = atom_intern_utf8 (rt, "Reflect", -1);
  bool ok = tag
            && object_define_own (rt, js_get_object (*pr),
                                  symbol_key (rt->well_known
                                                  [JS_SYM_toStringTag]),
                                  js_string_value (tag), JS_ATTR_CONFIGURABLE)
                   == JS_PROP_DONE
            && builtins_define_methods (ctx, js_get_object (*pr), fns,
                                        G_N_ELEMENTS (fns))
            && realm_define_global (ctx, "Reflect", *pr);
  rt_restore_roots (rt, saved);
  return ok;
}
