/* builtins-generator.c — %GeneratorFunction.prototype% and
 * %GeneratorPrototype%: next, return and throw resume the generator's
 * saved frame through the interpreter (js_generator_resume).
 */
#include "config.h"

#include "builtins.h"

static JsValue
generator_method (const JsCallInfo *info)
{
  JsValue t = *info->this_arg;
  static const char *const names[] = { "next", "throw", "return" };
  if (!js_is_object (t) || js_get_cell (t)->shape->cls != &js_generator_class)
    return js_throw_type_error (info->ctx, "Generator.prototype.%s called on "
                                           "incompatible receiver %s",
                                names[info->magic],
                                realm_describe (info->ctx, t));
  return js_generator_resume (info->ctx, t, (JsResumeKind) info->magic,
                              js_arg (info, 0));
}

bool
builtins_init_generator (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec methods[] = {
    { "next", generator_method, 1, JS_RESUME_NEXT },
    { "return", generator_method, 1, JS_RESUME_RETURN },
    { "throw", generator_method, 1, JS_RESUME_THROW },
  };
  ctx->generator_function_proto = object_new_with_proto (
      rt, (JsCell *) ctx->function_proto, 4);
  if (!ctx->generator_function_proto)
    return false;
  ctx->generator_proto = object_new_with_proto (
      rt, (JsCell *) ctx->iterator_proto, 4);
  if (!ctx->generator_proto
      || !builtins_define_methods (ctx, ctx->generator_proto, methods,
                                   G_N_ELEMENTS (methods)))
    return false;
  JsCell *gfp = (JsCell *) ctx->generator_function_proto;
  ctx->generator_function_shape = shape_root_for (rt, &js_function_class,
                                                  gfp, 0);
  ctx->generator_closure_shape = shape_new_root (rt, &js_function_class, gfp,
                                                 0);
  if (!ctx->generator_function_shape || !ctx->generator_closure_shape)
    return false;
  ctx->generator_closure_shape->flags |= JS_SHAPE_LAZY;
  /* The two prototypes point at each other; both carry a tag. */
  JsString *gen = atom_intern_utf8 (rt, "Generator", -1);
  if (!gen
      || object_define_own (rt, ctx->generator_proto,
                            symbol_key (rt->well_known[JS_SYM_toStringTag]),
                            js_string_value (gen), JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE)
    return false;
  JsString *genfn = atom_intern_utf8 (rt, "GeneratorFunction", -1);
  if (!genfn
      || object_define_own (rt, ctx->generator_function_proto,
                            symbol_key (rt->well_known[JS_SYM_toStringTag]),
                            js_string_value (genfn), JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE
      || object_define_own (rt, ctx->generator_function_proto,
                            atom_common_key (rt, JS_ATOM_prototype),
                            js_object_value (ctx->generator_proto),
                            JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE
      || object_define_own (rt, ctx->generator_proto,
                            atom_common_key (rt, JS_ATOM_constructor),
                            js_object_value (ctx->generator_function_proto),
                            JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE)
    return false;
  /* %AsyncFunction.prototype%: the prototype of async functions. */
  ctx->async_function_proto = object_new_with_proto (
      rt, (JsCell *) ctx->function_proto, 2);
  if (!ctx->async_function_proto)
    return false;
  JsCell *afp = (JsCell *) ctx->async_function_proto;
  ctx->async_function_shape = shape_root_for (rt, &js_function_class, afp, 0);
  ctx->async_closure_shape = shape_new_root (rt, &js_function_class, afp, 0);
  if (!ctx->async_function_shape || !ctx->async_closure_shape)
    return false;
  ctx->async_closure_shape->flags |= JS_SHAPE_LAZY;
  JsString *afn = atom_intern_utf8 (rt, "AsyncFunction", -1);
  return afn
         && object_define_own (rt, ctx->async_function_proto,
                               symbol_key (rt->well_known[JS_SYM_toStringTag]),
                               js_string_value (afn), JS_ATTR_CONFIGURABLE)
                == JS_PROP_DONE;
}
