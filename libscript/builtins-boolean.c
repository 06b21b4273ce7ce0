/* builtins-boolean.c — Boolean and Boolean.prototype.
 *
 * Boolean.prototype is itself a Boolean object holding false (realm_init
 * makes it a wrapper before any built-in exists).
 */
#include "config.h"

#include "builtins.h"

#include "property.h"

/* thisBooleanValue. */
static JsValue
this_boolean (const JsCallInfo *info, const char *method)
{
  JsValue t = *info->this_arg;
  if (js_is_bool (t))
    return t;
  if (js_is_object (t))
    {
      JsValue v = realm_wrapper_value (js_get_object (t));
      if (js_is_bool (v))
        return v;
    }
  return js_throw_type_error (info->ctx, "Boolean.prototype.%s requires "
                                         "that 'this' be a Boolean",
                              method);
}

static JsValue
boolean_ctor (const JsCallInfo *info)
{
  JsValue b = js_bool (js_to_boolean (js_arg (info, 0)));
  if (js_is_undefined (info->new_target))
    return b;
  return builtins_new_wrapper (info->ctx, b, info->new_target,
                               info->ctx->boolean_proto);
}

static JsValue
boolean_to_string (const JsCallInfo *info)
{
  JsValue b = this_boolean (info, "toString");
  if (js_is_exception (b))
    return b;
  return js_string_value (atom_common (info->ctx->rt, js_get_bool (b)
                                                          ? JS_ATOM_true
                                                          : JS_ATOM_false));
}

static JsValue
boolean_value_of (const JsCallInfo *info)
{
  return this_boolean (info, "valueOf");
}

bool
builtins_init_boolean (JsContext *ctx)
{
  static const JsMethodSpec methods[] = {
    { "toString", boolean_to_string, 0, 0 },
    { "valueOf", boolean_value_of, 0, 0 },
  };
  JsObject *ctor = builtins_define_class (ctx, "Boolean", boolean_ctor, 1,
                                          ctx->boolean_proto, 0);
  return ctor
         && builtins_define_methods (ctx, ctx->boolean_proto, methods,
                                     G_N_ELEMENTS (methods));
}
