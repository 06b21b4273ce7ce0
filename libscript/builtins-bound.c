/* builtins-bound.c — Function.prototype.bind and bound function exotic
 * objects.
 *
 * A bound function is a cell of its own class, [shape | storage | target
 * | this | argc | args...]: the function it calls, the this value and
 * the arguments it prepends, out of reach of properties.  Its length and
 * name are ordinary own properties made when it is created, so it never
 * has a lazy shape (function.c would take it for a native function).
 * Calling it goes through realm_call_exotic, which function_call_native
 * hands every callable that is not a plain native function.
 */
#include "config.h"

#include "builtins.h"

#include "property.h"

#include <math.h>

typedef struct
{
  JsShape *shape;     /* header: a bound function shape */
  JsStorage *storage; /* properties (length, name) */
  JsValue target;     /* [[BoundTargetFunction]] */
  JsValue this_arg;   /* [[BoundThis]] */
  uint64_t argc;      /* how many [[BoundArguments]] follow */
  JsValue args[];     /* [[BoundArguments]] */
} JsBoundFunction;

static void
bound_trace (JsTracer *trc, JsCell *cell)
{
  JsBoundFunction *b = (JsBoundFunction *) cell;
  gc_mark_cell (trc, (JsCell *) b->storage);
  gc_mark_value (trc, b->target);
  gc_mark_value (trc, b->this_arg);
  gc_mark_values (trc, b->args, (size_t) b->argc);
}

/* Of the native-function kind, so that every callable test sees it; the
 * class itself tells it apart from JsNativeFunction. */
const JsCellClass js_bound_function_class = {
  .name = "Function",
  .kind = JS_KIND_NATIVE_FUNCTION,
  .trace = bound_trace,
};

bool
builtins_is_bound_function (JsValue v)
{
  return js_is_object (v)
         && js_get_cell (v)->shape->cls == &js_bound_function_class;
}

JsValue
builtins_bound_target (JsValue v)
{
  return ((JsBoundFunction *) js_get_cell (v))->target;
}

bool
builtins_bound_is_constructor (JsValue v)
{
  return js_is_constructor (builtins_bound_target (v));
}

/* [[Call]] and [[Construct]]: the bound arguments, then the window's,
 * to the target.  base[0] is the bound function, base[1] this,
 * base[2 .. 2 + argc) the arguments. */
JsValue
builtins_bound_call (JsContext *ctx, JsValue *base, uint32_t argc,
                     JsValue new_target)
{
  JsRuntime *rt = ctx->rt;
  JsBoundFunction *b = (JsBoundFunction *) js_get_cell (base[0]);
  uint64_t n = b->argc + argc;
  /* A chain of bound functions recurses in C: count it as a native
     re-entry, like any call from C into script. */
  if (rt->native_depth >= JS_MAX_NATIVE_DEPTH)
    return js_throw_range_error (ctx, "Maximum call stack size exceeded");
  if ((uint64_t) (rt->stack_limit - rt->stack_top) < n + 64)
    return js_throw_range_error (ctx, "Maximum call stack size exceeded");
  JsValue *saved = rt_save_roots (rt);
  if (rt->stack_top < base + 2 + argc)
    rt->stack_top = base + 2 + argc;
  JsValue *argv = rt->stack_top;
  memcpy (argv, b->args, b->argc * sizeof (JsValue));
  memcpy (argv + b->argc, base + 2, argc * sizeof (JsValue));
  rt->stack_top += n;
  rt->native_depth++;
  JsValue r;
  if (js_is_undefined (new_target))
    r = js_call (ctx, b->target, b->this_arg, (uint32_t) n, argv);
  else
    {
      if (new_target == base[0])
        new_target = b->target;
      r = js_construct (ctx, b->target, (uint32_t) n, argv, new_target);
    }
  rt->native_depth--;
  rt_restore_roots (rt, saved);
  return r;
}

/* BoundFunctionCreate: the cell, with the target's prototype. */
static JsValue
bound_create (JsContext *ctx, JsValue *ptarget, JsValue this_arg,
              const JsValue *args, uint32_t argc)
{
  JsRuntime *rt = ctx->rt;
  JsValue proto = prop_get_prototype_of (ctx, js_get_object (*ptarget));
  if (js_is_exception (proto))
    return proto;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, proto);
  JsShape *s = shape_root_for (rt, &js_bound_function_class,
                               js_is_object (proto) ? js_get_cell (proto)
                                                    : NULL,
                               0);
  JsValue *ps = rt_push_cell (rt, s);
  size_t bytes = sizeof (JsBoundFunction) + (size_t) argc * sizeof (JsValue);
  JsBoundFunction *b = s ? (JsBoundFunction *) heap_alloc_slots (
                               &rt->heap, JS_SPACE_CELLS,
                               js_slots_for (bytes))
                         : NULL;
  JsValue r;
  if (!b)
    r = js_throw_out_of_memory (ctx);
  else
    {
      b->shape = (JsShape *) js_get_cell (*ps);
      b->storage = NULL;
      b->target = *ptarget;
      b->this_arg = this_arg;
      b->argc = argc;
      memcpy (b->args, args, (size_t) argc * sizeof (JsValue));
      gc_write_barrier (&rt->heap, (JsCell *) b);
      r = js_object_value ((JsObject *) b);
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* The bound function's length: the target's own numeric length less the
 * bound arguments, at least 0. */
static JsValue
bound_length (JsContext *ctx, JsValue target, uint32_t argc)
{
  JsRuntime *rt = ctx->rt;
  JsKey lk = atom_common_key (rt, JS_ATOM_length);
  JsValue v;
  uint8_t attrs;
  int h = prop_get_own (ctx, js_get_object (target), lk, &v, &attrs);
  if (h <= 0)
    return h < 0 ? JS_EXCEPTION : js_int32 (0);
  JsValue len = js_get (ctx, target, lk);
  if (js_is_exception (len) || !js_is_number (len))
    return js_is_exception (len) ? len : js_int32 (0);
  double d = js_get_number (len);
  if (d == INFINITY)
    return len;
  if (d == -INFINITY)
    return js_int32 (0);
  d = d != d ? 0 : trunc (d);
  d -= argc;
  return js_number (d > 0 ? d : 0);
}

static JsValue
fn_bind (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue target = *info->this_arg;
  if (!js_is_callable (target))
    return js_throw_type_error (ctx, "Bind must be called on a function");
  uint32_t argc = info->argc ? info->argc - 1 : 0;
  JsValue f = bound_create (ctx, info->this_arg, js_arg (info, 0),
                            info->argv + 1, argc);
  if (js_is_exception (f))
    return f;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pf = rt_push_root (rt, f);
  JsValue r = JS_EXCEPTION;
  JsValue len = bound_length (ctx, *info->this_arg, argc);
  if (js_is_exception (len))
    goto out;
  if (object_define_own (rt, js_get_object (*pf),
                         atom_common_key (rt, JS_ATOM_length), len,
                         JS_ATTR_CONFIGURABLE)
      != JS_PROP_DONE)
    {
      js_throw_out_of_memory (ctx);
      goto out;
    }
  JsValue name = js_get (ctx, *info->this_arg,
                         atom_common_key (rt, JS_ATOM_name));
  if (js_is_exception (name))
    goto out;
  if (!js_is_string (name))
    name = js_string_value (atom_common (rt, JS_ATOM_empty));
  if (function_set_name (ctx, *pf, name, "bound") < 0)
    goto out;
  r = *pf;
out:
  rt_restore_roots (rt, saved);
  return r;
}

bool
builtins_init_bound (JsContext *ctx)
{
  static const JsMethodSpec methods[] = {
    { "bind", fn_bind, 1, 0 },
  };
  return builtins_define_methods (ctx, ctx->function_proto, methods,
                                  G_N_ELEMENTS (methods));
}
