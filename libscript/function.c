/* function.c — function cells, and calling them from C.
 *
 * A call from C copies this and the arguments into a window of the value
 * stack, so the callee's view of them is rooted, and counts its depth so
 * that native cleanup queued by a GC (weak callbacks, object releases)
 * runs at the outermost return to C, never in the middle of script.
 */
#include "config.h"

#include "function.h"

static void
native_trace (JsTracer *trc, JsCell *cell)
{
  JsNativeFunction *f = (JsNativeFunction *) cell;
  gc_mark_cell (trc, (JsCell *) f->storage);
  gc_mark_value (trc, f->data);
  gc_mark_cell (trc, (JsCell *) f->name);
}

const JsCellClass js_native_function_class = {
  .name = "Function",
  .kind = JS_KIND_NATIVE_FUNCTION,
  .trace = native_trace,
};

JsNativeFunction *
function_new_native (JsContext *ctx, JsNativeCall call, void *fn,
                     JsString *name, uint32_t length, JsValue data)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, name);
  rt_push_root (rt, data);
  if (!ctx->native_function_shape)
    {
      JsShape *s = shape_new_root (rt, &js_native_function_class,
                                   (JsCell *) ctx->function_proto, 0);
      if (!s)
        goto fail;
      ctx->native_function_shape = s;
    }
  JsNativeFunction *f = (JsNativeFunction *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *f));
  if (!f)
    goto fail;
  rt_restore_roots (rt, saved);
  f->shape = ctx->native_function_shape;
  f->storage = NULL;
  f->call = call;
  f->fn = fn;
  f->data = data;
  f->name = name;
  f->length = length;
  f->flags = 0;
  return f;

fail:
  rt_restore_roots (rt, saved);
  return NULL;
}

bool
function_is_callable (JsValue v)
{
  if (!js_is_object (v))
    return false;
  JsKind k = js_get_cell (v)->shape->cls->kind;
  return k == JS_KIND_FUNCTION || k == JS_KIND_NATIVE_FUNCTION;
}

JsValue
function_call (JsContext *ctx, JsValue fn, JsValue this_arg, uint32_t argc,
               const JsValue *argv)
{
  JsRuntime *rt = ctx->rt;
  if (!function_is_callable (fn))
    return JS_EXCEPTION;
  /* The window: [fn, this, args..., undefined]. */
  if ((size_t) (rt->stack_limit - rt->stack_top) < (size_t) argc + 3)
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *fslot = rt_push_root (rt, fn);
  JsValue *tslot = rt_push_root (rt, this_arg);
  JsValue *args = rt->stack_top;
  for (uint32_t i = 0; i < argc; i++)
    rt_push_root (rt, argv[i]);
  JsValue *undef = rt_push_root (rt, JS_UNDEFINED);

  JsValue result = JS_EXCEPTION;
  rt->call_depth++;
  JsNativeFunction *f = (JsNativeFunction *) js_get_cell (*fslot);
  if (f->shape->cls->kind == JS_KIND_NATIVE_FUNCTION)
    {
      JsCallInfo info = { ctx, tslot, args, argc, &f->data, undef };
      result = f->call (&info, f->fn);
    }
  rt->call_depth--;
  rt_restore_roots (rt, saved);
  if (rt->call_depth == 0)
    {
      /* Cleanup may allocate and collect: keep the result alive. */
      JsValue *r = rt_push_root (rt, result);
      runtime_run_cleanups (rt);
      result = *r;
      rt_restore_roots (rt, saved);
    }
  return result;
}
