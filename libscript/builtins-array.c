/* builtins-array.c — Array and Array.prototype. */
#include "config.h"

#include "builtins.h"

#include "property.h"


static JsValue
array_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue nt = js_is_undefined (info->new_target) ? info->callee
                                                  : info->new_target;
  JsValue proto = js_get (ctx, nt, atom_common_key (rt, JS_ATOM_prototype));
  if (js_is_exception (proto))
    return proto;
  JsCell *p = js_is_object (proto) ? js_get_cell (proto)
                                   : (JsCell *) ctx->array_proto;
  if (info->argc == 1 && js_is_number (info->argv[0]))
    {
      double d = js_get_number (info->argv[0]);
      if (d < 0 || d > 4294967295.0 || d != (uint32_t) d)
        return js_throw_range_error (ctx, "Invalid array length");
      JsObject *a = object_new_array (rt, p, (uint32_t) d);
      if (!a || object_array_set_length (rt, a, (uint32_t) d) != JS_PROP_DONE)
        return js_throw_out_of_memory (ctx);
      return js_object_value (a);
    }
  JsObject *a = object_new_array (rt, p, info->argc);
  if (!a)
    return js_throw_out_of_memory (ctx);
  for (uint32_t i = 0; i < info->argc; i++)
    if (object_array_push (rt, a, info->argv[i]) != JS_PROP_DONE)
      return js_throw_out_of_memory (ctx);
  return js_object_value (a);
}

static JsValue
array_is_array (const JsCallInfo *info)
{
  JsValue v = js_arg (info, 0);
  return js_bool (js_is_object (v) && object_is_array (js_get_object (v)));
}

static JsValue
array_push (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue o = js_to_object (ctx, *info->this_arg);
  if (js_is_exception (o))
    return o;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, o);
  JsValue r = JS_EXCEPTION;
  JsValue lv = js_get (ctx, o, atom_common_key (rt, JS_ATOM_length));
  double len;
  if (js_is_exception (lv) || !js_to_length (ctx, lv, &len))
    goto out;
  if (len + info->argc > 9007199254740991.0)
    {
      r = js_throw_type_error (ctx, "Pushing %u elements on an array-like "
                                    "of length %.0f is disallowed",
                               info->argc, len);
      goto out;
    }
  for (uint32_t i = 0; i < info->argc; i++, len++)
    {
      JsKey key;
      if (len < 4294967295.0)
        key = js_key_from_index ((uint32_t) len);
      else if (!js_to_property_key (ctx, js_number (len), &key))
        goto out;
      if (js_set (ctx, saved[0], key, info->argv[i], saved[0], true) < 0)
        goto out;
    }
  if (js_set (ctx, saved[0], atom_common_key (rt, JS_ATOM_length),
              js_number (len), saved[0], true) < 0)
    goto out;
  r = js_number (len);
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
array_iter (const JsCallInfo *info)
{
  JsValue o = js_to_object (info->ctx, *info->this_arg);
  if (js_is_exception (o))
    return o;
  return builtins_new_array_iterator (info->ctx, o, info->magic);
}

bool
builtins_init_array (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec statics[] = {
    { "isArray", array_is_array, 1, 0 },
  };
  static const JsMethodSpec methods[] = {
    { "push", array_push, 1, 0 },
    { "keys", array_iter, 0, 0 },
    { "entries", array_iter, 0, 2 },
    { "values", array_iter, 0, 1 },
  };
  JsObject *ctor = builtins_define_class (ctx, "Array", array_ctor, 1,
                                          ctx->array_proto, 0);
  if (!ctor
      || !builtins_define_methods (ctx, ctor, statics, G_N_ELEMENTS (statics))
      || !builtins_define_methods (ctx, ctx->array_proto, methods,
                                   G_N_ELEMENTS (methods)))
    return false;
  /* Array.prototype[@@iterator] is the same function as values. */
  JsValue values;
  uint8_t attrs;
  if (!object_get_own (rt, ctx->array_proto,
                       atom_key_from_utf8 (rt, "values"), &values, &attrs))
    return false;
  ctx->array_values = values;
  return object_define_own (rt, ctx->array_proto,
                            symbol_key (rt->well_known[JS_SYM_iterator]),
                            values, JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
         == JS_PROP_DONE;
}
