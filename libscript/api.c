/* api.c — the public embedding API over the engine's internals.
 *
 * Handles are slots of the runtime's value stack: a GsValue* is a
 * JsValue* in disguise, and a handle scope is a saved stack top.  Nothing
 * here keeps a hidden persistent root: a value reachable only from a
 * closed scope's handles is garbage.
 */
#include "config.h"

#include <gscript/gscript.h>

#include "compiler.h"
#include "function.h"
#include "module.h"
#include "heap.h"
#include "ops.h"
#include "promise.h"
#include "runtime.h"

static inline JsValue *
slot_of (GsValue *v)
{
  return (JsValue *) v;
}

static inline GsValue *
handle_of (JsValue *slot)
{
  return (GsValue *) slot;
}

/* A new handle in the innermost scope. */
static GsValue *
new_handle (JsRuntime *rt, JsValue v)
{
  if (G_UNLIKELY (rt->scope_depth == 0))
    g_critical ("gscript: a handle was made with no handle scope open; "
                "it will live until the runtime dies");
  return handle_of (rt_push_root (rt, v));
}

/* ------------------------------------------------------------------ */
/* Runtimes and contexts                                               */
/* ------------------------------------------------------------------ */

GsRuntime *
gs_runtime_new (void)
{
  return runtime_new ();
}

void
gs_runtime_free (GsRuntime *rt)
{
  g_return_if_fail (rt != NULL);
  runtime_free (rt);
}

/* The engine's hook returns bool, the API's gboolean: this calls one
 * through the other. */
static bool
call_api_interrupt (void *data)
{
  JsRuntime *rt = data;
  return rt->api_interrupt (rt->api_interrupt_data) != FALSE;
}

void
gs_runtime_set_interrupt_handler (GsRuntime *rt, GsInterruptFunc func,
                                  gpointer user_data)
{
  g_return_if_fail (rt != NULL);
  rt->api_interrupt = func;
  rt->api_interrupt_data = user_data;
  rt->interrupt_handler = func ? call_api_interrupt : NULL;
  rt->interrupt_data = func ? rt : NULL;
}

void
gs_runtime_request_interrupt (GsRuntime *rt)
{
  g_return_if_fail (rt != NULL);
  rt->interrupt_pending = true;
}

GsContext *
gs_context_new (GsRuntime *rt)
{
  g_return_val_if_fail (rt != NULL, NULL);
  return runtime_context_new (rt);
}

void
gs_context_free (GsContext *ctx)
{
  g_return_if_fail (ctx != NULL);
  runtime_context_free (ctx);
}

GsRuntime *
gs_context_get_runtime (GsContext *ctx)
{
  g_return_val_if_fail (ctx != NULL, NULL);
  return ctx->rt;
}

/* ------------------------------------------------------------------ */
/* Memory                                                              */
/* ------------------------------------------------------------------ */

/* Native cleanup may run only when no script is on the stack. */
static void
run_cleanups_if_safe (JsRuntime *rt)
{
  if (rt->call_depth == 0)
    runtime_run_cleanups (rt);
}

void
gs_runtime_collect_garbage (GsRuntime *rt)
{
  g_return_if_fail (rt != NULL);
  gc_collect (&rt->heap, JS_GC_REASON_EXPLICIT);
  run_cleanups_if_safe (rt);
}

void
gs_runtime_run_jobs (GsRuntime *rt)
{
  g_return_if_fail (rt != NULL);
  runtime_safe_point (rt);
}

guint
gs_runtime_report_unhandled_rejections (GsRuntime *rt)
{
  g_return_val_if_fail (rt != NULL, 0);
  return promise_report_unhandled (rt);
}

gint64
gs_runtime_adjust_external_memory (GsRuntime *rt, gint64 change_in_bytes)
{
  g_return_val_if_fail (rt != NULL, 0);
  rt->external_bytes += change_in_bytes;
  heap_add_unmanaged (&rt->heap, change_in_bytes);
  if (rt->heap.gc_requested && rt->heap.no_gc_depth == 0
      && !rt->heap.in_gc)
    {
      gc_collect (&rt->heap, JS_GC_REASON_UNMANAGED);
      run_cleanups_if_safe (rt);
    }
  return rt->external_bytes;
}

void
gs_runtime_memory_pressure_notification (GsRuntime *rt,
                                         GsMemoryPressure level)
{
  g_return_if_fail (rt != NULL);
  switch (level)
    {
    case GS_MEMORY_PRESSURE_NONE:
      break;
    case GS_MEMORY_PRESSURE_MODERATE:
      rt->heap.gc_requested = true;
      break;
    case GS_MEMORY_PRESSURE_CRITICAL:
      gc_collect_full (&rt->heap, JS_GC_REASON_PRESSURE, true);
      run_cleanups_if_safe (rt);
      break;
    default:
      g_return_if_reached ();
    }
}

void
gs_runtime_get_heap_statistics (GsRuntime *rt, GsHeapStatistics *stats)
{
  g_return_if_fail (rt != NULL && stats != NULL);
  JsHeap *heap = &rt->heap;
  memset (stats, 0, sizeof *stats);
  stats->reserved_bytes = heap->reserved_bytes;
  stats->committed_bytes = heap->committed_bytes;
  stats->used_bytes = heap->used_bytes;
  stats->huge_bytes = heap->huge_bytes;
  stats->free_chunks_decommitted = heap->decommitted_chunks;
  stats->unmanaged_bytes = heap->unmanaged_bytes;
  stats->external_bytes = rt->external_bytes;
  G_STATIC_ASSERT (GS_HEAP_SIZE_CLASSES == JS_BIN_COUNT);
  for (int i = 0; i < GS_HEAP_SIZE_CLASSES; i++)
    stats->cells_allocated[i] = heap->counters.allocated_cells[i + 1];
  stats->gc_count = heap->counters.gc_count;
  stats->last_pause_us = heap->counters.last_pause_us;
  stats->total_pause_us = heap->counters.total_pause_us;
  stats->longest_pause_us = heap->counters.longest_pause_us;
}

/* ------------------------------------------------------------------ */
/* Handle scopes                                                       */
/* ------------------------------------------------------------------ */

void
gs_handle_scope_open (GsHandleScope *scope, GsRuntime *rt)
{
  g_return_if_fail (scope != NULL && rt != NULL);
  scope->rt = rt;
  scope->saved = rt_save_roots (rt);
  rt->scope_depth++;
}

void
gs_handle_scope_close (GsHandleScope *scope)
{
  g_return_if_fail (scope != NULL && scope->rt != NULL);
  JsRuntime *rt = scope->rt;
  g_return_if_fail ((JsValue *) scope->saved <= rt->stack_top);
  rt_restore_roots (rt, scope->saved);
  rt->scope_depth--;
  scope->rt = NULL;
}

void
gs_escapable_handle_scope_open (GsEscapableHandleScope *scope, GsRuntime *rt)
{
  g_return_if_fail (scope != NULL && rt != NULL);
  /* The escape slot belongs to the enclosing scope: it is pushed before
     this scope's saved top. */
  scope->escape_slot = rt_push_root (rt, JS_UNDEFINED);
  scope->escaped = FALSE;
  gs_handle_scope_open (&scope->scope, rt);
}

GsValue *
gs_escapable_handle_scope_escape (GsEscapableHandleScope *scope,
                                  GsValue *value)
{
  g_return_val_if_fail (scope != NULL && value != NULL, NULL);
  g_return_val_if_fail (!scope->escaped, NULL);
  scope->escaped = TRUE;
  JsValue *slot = scope->escape_slot;
  *slot = *slot_of (value);
  return handle_of (slot);
}

void
gs_escapable_handle_scope_close (GsEscapableHandleScope *scope)
{
  g_return_if_fail (scope != NULL);
  gs_handle_scope_close (&scope->scope);
}

/* ------------------------------------------------------------------ */
/* Values                                                              */
/* ------------------------------------------------------------------ */

GsValue *
gs_value_new_undefined (GsContext *ctx)
{
  return new_handle (ctx->rt, JS_UNDEFINED);
}

GsValue *
gs_value_new_null (GsContext *ctx)
{
  return new_handle (ctx->rt, JS_NULL);
}

GsValue *
gs_value_new_boolean (GsContext *ctx, gboolean b)
{
  return new_handle (ctx->rt, js_bool (b));
}

GsValue *
gs_value_new_number (GsContext *ctx, double d)
{
  return new_handle (ctx->rt, js_number (d));
}

GsValue *
gs_value_new_object (GsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  JsObject *o = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                       JS_OBJECT_DEFAULT_INLINE);
  if (!o)
    {
      js_throw_out_of_memory (ctx);
      return NULL;
    }
  return new_handle (rt, js_object_value (o));
}

gboolean
gs_value_is_undefined (GsValue *v)
{
  return js_is_undefined (*slot_of (v));
}

gboolean
gs_value_is_null (GsValue *v)
{
  return js_is_null (*slot_of (v));
}

gboolean
gs_value_is_boolean (GsValue *v)
{
  return js_is_bool (*slot_of (v));
}

gboolean
gs_value_is_number (GsValue *v)
{
  return js_is_number (*slot_of (v));
}

gboolean
gs_value_is_string (GsValue *v)
{
  return js_is_string (*slot_of (v));
}

gboolean
gs_value_is_object (GsValue *v)
{
  return js_is_object (*slot_of (v));
}

gboolean
gs_value_is_function (GsValue *v)
{
  return function_is_callable (*slot_of (v));
}

gboolean
gs_value_get_boolean (GsValue *v)
{
  g_return_val_if_fail (js_is_bool (*slot_of (v)), FALSE);
  return js_get_bool (*slot_of (v));
}

double
gs_value_get_number (GsValue *v)
{
  g_return_val_if_fail (js_is_number (*slot_of (v)), 0);
  return js_get_number (*slot_of (v));
}

GsValue *
gs_context_get_global (GsContext *ctx)
{
  return new_handle (ctx->rt, js_object_value (ctx->global));
}

/* ------------------------------------------------------------------ */
/* Exceptions                                                          */
/* ------------------------------------------------------------------ */

void
gs_context_throw (GsContext *ctx, GsValue *exception)
{
  g_return_if_fail (ctx != NULL && exception != NULL);
  ctx->pending_exception = *slot_of (exception);
}

gboolean
gs_context_has_exception (GsContext *ctx)
{
  return !js_is_empty (ctx->pending_exception);
}

GsValue *
gs_context_take_exception (GsContext *ctx)
{
  if (js_is_empty (ctx->pending_exception))
    return NULL;
  GsValue *h = new_handle (ctx->rt, ctx->pending_exception);
  ctx->pending_exception = JS_EMPTY;
  return h;
}

gboolean
gs_context_report_exception (GsContext *ctx)
{
  if (js_is_empty (ctx->pending_exception))
    return FALSE;
  runtime_report_exception (ctx, js_take_exception (ctx));
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Persistent and eternal handles                                      */
/* ------------------------------------------------------------------ */

GsPersistent *
gs_persistent_new (GsRuntime *rt, GsValue *value)
{
  g_return_val_if_fail (rt != NULL && value != NULL, NULL);
  return runtime_persistent_new (rt, *slot_of (value));
}

GsValue *
gs_persistent_get (GsPersistent *p)
{
  g_return_val_if_fail (p != NULL, NULL);
  return new_handle (p->rt, p->value);
}

gboolean
gs_persistent_is_empty (GsPersistent *p)
{
  g_return_val_if_fail (p != NULL, TRUE);
  return p->weak && js_is_undefined (p->value);
}

void
gs_persistent_set_weak (GsPersistent *p, GsWeakCallback callback,
                        gpointer user_data)
{
  g_return_if_fail (p != NULL);
  runtime_persistent_set_weak (p, callback, user_data);
}

void
gs_persistent_clear_weak (GsPersistent *p)
{
  g_return_if_fail (p != NULL);
  runtime_persistent_clear_weak (p);
}

void
gs_persistent_free (GsPersistent *p)
{
  if (p)
    runtime_persistent_free (p);
}

guint
gs_eternal_new (GsRuntime *rt, GsValue *value)
{
  g_return_val_if_fail (rt != NULL && value != NULL, 0);
  return runtime_eternal_add (rt, *slot_of (value));
}

GsValue *
gs_eternal_get (GsRuntime *rt, guint index)
{
  g_return_val_if_fail (rt != NULL && index < rt->eternal_count, NULL);
  return new_handle (rt, rt->eternals[index]);
}

/* ------------------------------------------------------------------ */
/* Native functions                                                    */
/* ------------------------------------------------------------------ */

/* A GsCallbackInfo is the engine's JsCallInfo. */
struct _GsCallbackInfo
{
  JsCallInfo info;
};

GsValue *
gs_callback_info_get_this (const GsCallbackInfo *info)
{
  return handle_of (info->info.this_arg);
}

guint
gs_callback_info_get_n_args (const GsCallbackInfo *info)
{
  return info->info.argc;
}

GsValue *
gs_callback_info_get_arg (const GsCallbackInfo *info, guint index)
{
  if (index >= info->info.argc)
    return handle_of (info->info.undefined);
  return handle_of (&info->info.argv[index]);
}

GsValue *
gs_callback_info_get_data (const GsCallbackInfo *info)
{
  return handle_of (info->info.data);
}

/* The trampoline from the engine's calling convention to GsNativeFunc:
 * the callee's handles live in a scope of their own. */
static JsValue
call_gs_native (const JsCallInfo *info, void *fn)
{
  /* gs_handle_scope_open and _close, inline: this runs for every call
     of an embedder's function. */
  JsRuntime *rt = info->ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt->scope_depth++;
  GsValue *r = ((GsNativeFunc) fn) (info->ctx,
                                    (const GsCallbackInfo *) info);
  JsValue result;
  if (r)
    result = *slot_of (r);
  else if (!js_is_empty (info->ctx->pending_exception))
    result = JS_EXCEPTION;
  else
    result = JS_UNDEFINED;
  if (G_UNLIKELY (saved > rt->stack_top))
    g_critical ("gscript: a native function closed more handle scopes "
                "than it opened");
  else
    rt_restore_roots (rt, saved);
  rt->scope_depth--;
  return result;
}

GsValue *
gs_function_new (GsContext *ctx, const char *name, guint length,
                 GsNativeFunc func, GsValue *data)
{
  g_return_val_if_fail (ctx != NULL && func != NULL, NULL);
  JsString *s = name ? atom_intern_utf8 (ctx->rt, name, -1) : NULL;
  if (name && !s)
    {
      js_throw_out_of_memory (ctx);
      return NULL;
    }
  /* The atom lives through the allocation: function_new_native roots
     the name it is given. */
  JsNativeFunction *f = function_new_native (
      ctx, call_gs_native, (void *) func, s, length,
      data ? *slot_of (data) : JS_UNDEFINED);
  if (!f)
    return NULL;
  return new_handle (ctx->rt, js_object_value ((JsObject *) f));
}

GsValue *
gs_function_call (GsContext *ctx, GsValue *function, GsValue *this_value,
                  guint n_args, GsValue **args)
{
  g_return_val_if_fail (ctx != NULL && function != NULL, NULL);
  g_return_val_if_fail (function_is_callable (*slot_of (function)), NULL);
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *argv = rt->stack_top;
  for (guint i = 0; i < n_args; i++)
    rt_push_root (rt, *slot_of (args[i]));
  JsValue r = function_call (ctx, *slot_of (function),
                             this_value ? *slot_of (this_value)
                                        : JS_UNDEFINED,
                             n_args, argv);
  rt_restore_roots (rt, saved);
  if (js_is_exception (r))
    return NULL;
  return new_handle (rt, r);
}

gboolean
gs_value_strict_equals (GsValue *a, GsValue *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  JsValue x = *slot_of (a), y = *slot_of (b);
  if (js_is_number (x) && js_is_number (y))
    return js_get_number (x) == js_get_number (y);
  return x == y;
}

/* ------------------------------------------------------------------ */
/* Strings and properties                                              */
/* ------------------------------------------------------------------ */

GsValue *
gs_value_new_string (GsContext *ctx, const char *utf8, gssize length)
{
  g_return_val_if_fail (ctx != NULL && utf8 != NULL, NULL);
  JsString *s = string_new_utf8 (ctx->rt, utf8, length);
  if (!s)
    {
      js_throw_out_of_memory (ctx);
      return NULL;
    }
  return new_handle (ctx->rt, js_string_value (s));
}

char *
gs_value_dup_string (GsValue *v)
{
  g_return_val_if_fail (v != NULL, NULL);
  JsValue x = *slot_of (v);
  if (!js_is_string (x))
    return NULL;
  /* The runtime is reachable from any cell's chunk. */
  JsRuntime *rt = js_chunk_of (js_get_cell (x))->heap->rt;
  return string_to_utf8 (rt, js_get_string (x), NULL);
}

gboolean
gs_object_set_property (GsContext *ctx, GsValue *object, const char *name,
                        GsValue *value)
{
  g_return_val_if_fail (ctx != NULL && object != NULL && name != NULL,
                        FALSE);
  g_return_val_if_fail (js_is_object (*slot_of (object)), FALSE);
  JsKey key = atom_key_from_utf8 (ctx->rt, name);
  if (key == JS_KEY_NONE)
    {
      js_throw_out_of_memory (ctx);
      return FALSE;
    }
  JsValue o = *slot_of (object);
  return js_set (ctx, o, key, *slot_of (value), o, true) > 0;
}

GsValue *
gs_object_get_property (GsContext *ctx, GsValue *object, const char *name)
{
  g_return_val_if_fail (ctx != NULL && object != NULL && name != NULL, NULL);
  JsKey key = atom_key_from_utf8 (ctx->rt, name);
  if (key == JS_KEY_NONE)
    {
      js_throw_out_of_memory (ctx);
      return NULL;
    }
  JsValue r = js_get (ctx, *slot_of (object), key);
  if (js_is_exception (r))
    return NULL;
  return new_handle (ctx->rt, r);
}

/* ------------------------------------------------------------------ */
/* Evaluation                                                          */
/* ------------------------------------------------------------------ */

/* A SyntaxError (or RangeError) for a compile error, with the position
 * as fileName, lineNumber and columnNumber, as Firefox gives them. */
static void
throw_compile_error (GsContext *ctx, const char *filename,
                     const CompileError *err)
{
  JsRuntime *rt = ctx->rt;
  JsErrorType type = err->kind == COMPILE_ERROR_SYNTAX ? JS_ERR_SYNTAX
                                                       : JS_ERR_RANGE;
  if (err->kind == COMPILE_ERROR_MEMORY)
    {
      js_throw_out_of_memory (ctx);
      return;
    }
  JsValue e = js_new_error (ctx, type, "%s", err->message);
  if (js_is_exception (e))
    {
      js_throw_out_of_memory (ctx);
      return;
    }
  JsValue *saved = rt_save_roots (rt);
  JsValue *pe = rt_push_root (rt, e);
  JsString *f = string_new_utf8 (rt, filename, -1);
  JsValue *pf = rt_push_root (rt, f ? js_string_value (f) : JS_UNDEFINED);
  static const char *const names[3] = { "fileName", "lineNumber",
                                        "columnNumber" };
  for (int i = 0; i < 3; i++)
    {
      JsKey key = atom_key_from_utf8 (rt, names[i]);
      JsValue v = i == 0   ? *pf
                  : i == 1 ? js_int32 ((int32_t) err->line)
                           : js_int32 ((int32_t) err->column);
      if (key != JS_KEY_NONE)
        object_define_own (rt, js_get_object (*pe), key, v,
                           JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE);
    }
  js_throw (ctx, *pe);
  rt_restore_roots (rt, saved);
}

GsValue *
gs_context_eval (GsContext *ctx, const char *source, gssize length,
                 const char *filename, GsEvalFlags flags)
{
  g_return_val_if_fail (ctx != NULL && source != NULL, NULL);
  JsRuntime *rt = ctx->rt;
  if (length < 0)
    length = (gssize) strlen (source);
  if (!filename)
    filename = "<eval>";
  CompileOptions opts = { 0 };
  opts.module = (flags & GS_EVAL_MODULE) != 0;
  opts.strict = (flags & GS_EVAL_STRICT) != 0;
  CompileError err;
  rt->call_depth++;
  JsCode *code = opts.module ? NULL
                              : compile_source (ctx, filename, source,
                                                (size_t) length, &opts, &err);
  JsValue r;
  if (opts.module)
    r = module_run_main (ctx, filename, source, (size_t) length);
  else if (!code)
    {
      throw_compile_error (ctx, filename, &err);
      r = JS_EXCEPTION;
    }
  else
    r = js_run_code (ctx, code);
  /* The outermost return: cleanup and the jobs the script queued. */
  r = runtime_leave_call (rt, r);
  if (js_is_exception (r))
    return NULL;
  return new_handle (rt, r);
}

/* The variable environment of gs_context_eval_in_object: one slot, under
 * the key where a sloppy function's environment keeps the names direct
 * eval added to it, holding the object.  Eval code declares its var and
 * function names there (builtins_eval_declare finds it by that key), and
 * names it does not declare are looked up among the object's own
 * properties on the way out to the global scope, as the names eval added
 * are.  Not configurable: this is no parameter scope. */
static JsEnv *
var_object_env (JsRuntime *rt, JsObject *object)
{
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (object));
  JsShape *shape = shape_new_root (rt, &js_env_class, NULL, 0);
  JsValue *ps = rt_push_cell (rt, shape);
  if (shape)
    shape = shape_add_property (rt, shape, function_eval_vars_key (),
                                JS_ATTR_ENUMERABLE | JS_ATTR_WRITABLE);
  *ps = shape ? js_cell_value (JS_TAG_INTERNAL, shape) : JS_UNDEFINED;
  JsEnv *env = shape ? function_new_env (rt, shape, NULL) : NULL;
  if (env)
    {
      env->slots[0] = *po;
      gc_write_barrier (&rt->heap, (JsCell *) env);
    }
  rt_restore_roots (rt, saved);
  return env;
}

GsValue *
gs_context_eval_in_object (GsContext *ctx, const char *source, gssize length,
                           const char *filename, GsValue *object,
                           GsEvalFlags flags)
{
  g_return_val_if_fail (ctx != NULL && source != NULL, NULL);
  g_return_val_if_fail (object != NULL && js_is_object (*slot_of (object)),
                        NULL);
  g_return_val_if_fail (!(flags & GS_EVAL_MODULE), NULL);
  JsRuntime *rt = ctx->rt;
  if (length < 0)
    length = (gssize) strlen (source);
  if (!filename)
    filename = "<eval>";
  CompileOptions opts = { 0 };
  opts.eval = true;
  opts.strict = (flags & GS_EVAL_STRICT) != 0;
  opts.dynamic_scope = true;
  opts.var_object = true;
  opts.export_lexicals = (flags & GS_EVAL_EXPORT_LEXICALS) != 0;
  /* An ordinary object can alias the code's own top-level bindings with
     accessors (the compiler still picks the slow layout if a direct eval
     could add names there).  Not one that already aliases another
     code's (a second script evaluated in the same object: the slow
     layout shares the first one's names through the object), nor the
     global object.  The environment below is the same either way: with
     var_slots only the evals in the code's functions look through it,
     and find there what was added to the object from outside. */
  JsObject *vo = js_get_object (*slot_of (object));
  opts.var_slots = vo->shape->cls == &js_object_class
                   && !(vo->shape->flags & JS_SHAPE_GLOBAL)
                   && vo != ctx->global;
  CompileError err;
  rt->call_depth++;
  JsValue r = JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsCode *code = compile_source (ctx, filename, source, (size_t) length,
                                 &opts, &err);
  if (!code)
    throw_compile_error (ctx, filename, &err);
  else
    {
      JsValue *pc = rt_push_cell (rt, code);
      JsEnv *env = var_object_env (rt, js_get_object (*slot_of (object)));
      if (!env)
        js_throw_out_of_memory (ctx);
      else
        r = js_run_code_in (ctx, (JsCode *) js_get_cell (*pc), env,
                            *slot_of (object), JS_UNDEFINED, JS_UNDEFINED);
    }
  rt_restore_roots (rt, saved);
  /* The outermost return: cleanup and the jobs the script queued. */
  r = runtime_leave_call (rt, r);
  if (js_is_exception (r))
    return NULL;
  return new_handle (rt, r);
}

char *
gs_context_dump_bytecode (GsContext *ctx, const char *source, gssize length,
                          const char *filename)
{
  g_return_val_if_fail (ctx != NULL && source != NULL, NULL);
  if (length < 0)
    length = (gssize) strlen (source);
  CompileOptions opts = { 0 };
  CompileError err;
  JsCode *code = compile_source (ctx, filename ? filename : "<eval>", source,
                                 (size_t) length, &opts, &err);
  if (!code)
    {
      throw_compile_error (ctx, filename ? filename : "<eval>", &err);
      return NULL;
    }
  GString *out = g_string_new (NULL);
  compile_dump (code, out);
  return g_string_free (out, FALSE);
}
