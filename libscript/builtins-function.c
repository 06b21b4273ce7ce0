/* builtins-function.c — Function.prototype: call, apply, toString and
 * Symbol.hasInstance.
 */
#include "config.h"

#include "builtins.h"

#include "property.h"

static JsValue
fn_call (const JsCallInfo *info)
{
  JsValue f = *info->this_arg;
  if (!js_is_callable (f))
    return js_throw_type_error (info->ctx, "Function.prototype.call called "
                                           "on a non-function");
  uint32_t n = info->argc ? info->argc - 1 : 0;
  return js_call (info->ctx, f, js_arg (info, 0), n, info->argv + 1);
}

static JsValue fn_apply (const JsCallInfo *info);

int64_t
builtins_copy_list (JsRuntime *rt, JsObject *o, JsValue *out, uint32_t max)
{
  if (o->shape->cls == &js_array_class
      && !(o->shape->flags & JS_SHAPE_HAS_INDEXED))
    {
      uint32_t n = object_array_length (o);
      if (n == 0)
        return 0;
      if (n > max || n > object_elem_len (o))
        return -1;
      const JsValue *elems = object_elements (o);
      for (uint32_t i = 0; i < n; i++)
        if (js_is_empty (elems[i]))
          return -1;
      memcpy (out, elems, n * sizeof (JsValue));
      return n;
    }
  return arguments_copy_list (rt, o, out, max);
}

int
builtins_function_call_kind (JsValue v)
{
  if (!js_is_object (v))
    return 0;
  JsCell *c = js_get_cell (v);
  if (c->shape->cls != &js_native_function_class)
    return 0;
  void *fn = ((JsNativeFunction *) c)->fn;
  return fn == (void *) fn_call ? 1 : fn == (void *) fn_apply ? 2 : 0;
}

/* CreateListFromArrayLike onto the value stack; returns the count or -1. */
static int64_t
push_array_like (JsContext *ctx, JsValue a)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_object (a))
    {
      js_throw_type_error (ctx, "CreateListFromArrayLike called on "
                                "non-object");
      return -1;
    }
  JsValue *base = rt->stack_top;
  rt_push_root (rt, a);
  /* Arrays and arguments objects whose elements are plain: copied at
     once (nothing they hold can run script). */
  size_t room = (size_t) (rt->stack_limit - rt->stack_top);
  if (room > 65535 + 64)
    {
      int64_t n = builtins_copy_list (rt, js_get_object (a), rt->stack_top,
                                      65535);
      if (n >= 0)
        {
          rt->stack_top += n;
          return n;
        }
    }
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
      JsValue v = js_get (ctx, *base, js_key_from_index (i));
      if (js_is_exception (v))
        return -1;
      rt_push_root (rt, v);
    }
  return (int64_t) len;
}

static JsValue
fn_apply (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue f = *info->this_arg;
  if (!js_is_callable (f))
    return js_throw_type_error (ctx, "Function.prototype.apply was called "
                                     "on a non-function");
  JsValue args = js_arg (info, 1);
  if (js_is_nullish (args))
    return js_call (ctx, f, js_arg (info, 0), 0, NULL);
  JsValue *saved = rt_save_roots (rt);
  int64_t n = push_array_like (ctx, args);
  JsValue r = n < 0 ? JS_EXCEPTION
                    : js_call (ctx, f, js_arg (info, 0), (uint32_t) n,
                               saved + 1);
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
fn_to_string (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue f = *info->this_arg;
  if (!js_is_callable (f))
    return js_throw_type_error (ctx, "Function.prototype.toString requires "
                                     "that 'this' be a Function");
  JsCell *c = js_get_cell (f);
  if (c->shape->cls == &js_function_class)
    {
      JsCode *code = ((JsFunction *) c)->code;
      if (code->source && code->src_end <= code->source->length)
        {
          JsString *s = string_new_utf8 (rt,
                                         code->source->text + code->src_start,
                                         code->src_end - code->src_start);
          return s ? js_string_value (s) : js_throw_out_of_memory (ctx);
        }
    }
  JsValue name = js_get (ctx, f, atom_common_key (rt, JS_ATOM_name));
  if (js_is_exception (name))
    return name;
  g_autofree char *n = js_is_string (name)
                           ? string_to_utf8 (rt, js_get_string (name), NULL)
                           : NULL;
  g_autofree char *s = g_strdup_printf ("function %s() { [native code] }",
                                        n ? n : "");
  JsString *r = string_new_utf8 (rt, s, -1);
  return r ? js_string_value (r) : js_throw_out_of_memory (ctx);
}

static JsValue
fn_has_instance (const JsCallInfo *info)
{
  return js_ordinary_has_instance (info->ctx, *info->this_arg,
                                   js_arg (info, 0));
}

bool
builtins_init_function (JsContext *ctx)
{
  static const JsMethodSpec methods[] = {
    { "call", fn_call, 1, 0 },
    { "apply", fn_apply, 2, 0 },
    { "toString", fn_to_string, 0, 0 },
  };
  JsRuntime *rt = ctx->rt;
  if (!builtins_define_methods (ctx, ctx->function_proto, methods,
                                G_N_ELEMENTS (methods)))
    return false;
  /* Function.prototype[@@hasInstance] is neither writable nor
     configurable. */
  JsValue f = function_new_builtin (ctx, "[Symbol.hasInstance]",
                                    fn_has_instance, 1, 0, 0);
  if (js_is_exception (f)
      || object_define_own (rt, ctx->function_proto,
                            symbol_key (rt->well_known[JS_SYM_hasInstance]),
                            f, 0)
             != JS_PROP_DONE)
    return false;
  /* AddRestrictedFunctionProperties: "caller" and "arguments" throw, on
     Function.prototype (so on every function that has none of its
     own: strict ones, methods, bound functions). */
  JsAccessorPair *p = object_new_accessor (rt, ctx->throw_type_error,
                                           ctx->throw_type_error);
  if (!p)
    return false;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_cell (rt, p);
  static const JsCommonAtom names[] = { JS_ATOM_caller, JS_ATOM_arguments };
  bool ok = true;
  for (int i = 0; ok && i < 2; i++)
    ok = object_define_own (rt, ctx->function_proto,
                            atom_common_key (rt, names[i]), *pp,
                            JS_ATTR_ACCESSOR | JS_ATTR_CONFIGURABLE)
         == JS_PROP_DONE;
  rt_restore_roots (rt, saved);
  return ok;
}
