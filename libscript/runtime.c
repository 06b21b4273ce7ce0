/* runtime.c — runtimes, contexts, roots and weak references.
 *
 * The runtime is where the collector finds its roots: the shapes of the
 * non-object cells, the value stack, persistent and eternal handles,
 * each context's global object and intrinsics, and the root tracers other
 * subsystems register.  It also owns the queue of native cleanup that
 * the collector fills (weak callbacks) and that runs only at safe points.
 */
/* pthread_getattr_np. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "config.h"

#include "runtime.h"
#include "api-native.h"
#include "atom.h"
#include "jsstring.h"
#include "object.h"
#include "bytecode.h"
#include "ic.h"
#include "interp.h"
#include "module.h"
#include "realm.h"
#include "regexp.h"
#include "shape.h"

#include <pthread.h>
#include <sys/mman.h>

const char *const js_well_known_names[JS_SYM_COUNT] = {
#define JS_SYM_NAME(name) #name,
  JS_WELL_KNOWN_SYMBOLS (JS_SYM_NAME)
#undef JS_SYM_NAME
};

/* Symbol.iterator and the others: one set per runtime, shared by its
 * realms as the spec requires. */
static bool
make_well_known_symbols (JsRuntime *rt)
{
  for (int i = 0; i < JS_SYM_COUNT; i++)
    {
      char buf[64];
      g_snprintf (buf, sizeof buf, "Symbol.%s", js_well_known_names[i]);
      JsString *d = atom_intern_utf8 (rt, buf, -1);
      JsValue *saved = rt_save_roots (rt);
      rt_push_cell (rt, d);
      JsSymbol *s = d ? symbol_new (rt, d) : NULL;
      rt_restore_roots (rt, saved);
      if (!s)
        return false;
      s->flags |= JS_SYMBOL_WELL_KNOWN;
      rt->well_known[i] = s;
    }
  return true;
}

/* Value-stack slots reserved per runtime (64 MiB of address space; the
 * kernel commits only what is touched). */
#define JS_STACK_SLOTS (8u * 1024u * 1024u)

/* What a stack check leaves below it: enough for a collection, a native
 * function or an error report started at the deepest checked point. */
#define C_STACK_MARGIN (256u * 1024u)

const void *
runtime_c_stack_limit (void)
{
  static __thread const char *limit;
  static __thread bool known;
  if (!known)
    {
      pthread_attr_t attr;
      void *low;
      size_t size;
      known = true;
      if (pthread_getattr_np (pthread_self (), &attr) == 0)
        {
          if (pthread_attr_getstack (&attr, &low, &size) == 0
              && size > 2 * C_STACK_MARGIN)
            limit = (const char *) low + C_STACK_MARGIN;
          pthread_attr_destroy (&attr);
        }
    }
  return limit;
}

JsRuntime *
runtime_new (void)
{
  JsRuntime *rt = g_new0 (JsRuntime, 1);
  size_t bytes = (size_t) JS_STACK_SLOTS * sizeof (JsValue);
  void *stack = mmap (NULL, bytes, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (stack == MAP_FAILED)
    {
      g_free (rt);
      return NULL;
    }
  rt->stack_base = rt->stack_top = stack;
  rt->stack_limit = rt->stack_base + JS_STACK_SLOTS;
  rt->contexts = g_ptr_array_new ();
  rt->root_tracers = g_ptr_array_new_with_free_func (g_free);

  heap_init (&rt->heap, rt);
  gc_init (&rt->heap);
  rt->heap.no_gc_depth++;
  shape_runtime_init (rt);
  object_runtime_init (rt);
  string_runtime_init (rt);
  atom_table_init (rt);
  interp_runtime_init (rt);
  bool ok = make_well_known_symbols (rt);
  rt->heap.no_gc_depth--;
  if (!ok)
    {
      runtime_free (rt);
      return NULL;
    }
  return rt;
}

void
runtime_free (JsRuntime *rt)
{
  while (rt->contexts->len > 0)
    runtime_context_free (g_ptr_array_index (rt->contexts, 0));
  runtime_run_cleanups (rt);
  /* Weak callbacks of what is still alive run now, as the heap dies. */
  for (JsPersistent *p = rt->persistents, *next; p; p = next)
    {
      next = p->next;
      if (p->weak && p->weak_cb && js_is_cell (p->value))
        p->weak_cb (p->weak_data);
      g_free (p);
    }
  rt->persistents = NULL;
  gc_log_summary (&rt->heap);
  ic_stats_summary (rt);
  module_runtime_free (rt);
  api_native_runtime_dying (rt);
  heap_destroy (&rt->heap);
  ic_runtime_free (rt);
  api_native_runtime_free (rt);
  regexp_cache_free (rt);
  gc_destroy (&rt->heap);
  atom_table_free (rt);
  shape_runtime_free (rt);
  interp_runtime_free (rt);
  munmap (rt->stack_base, (size_t) JS_STACK_SLOTS * sizeof (JsValue));
  g_ptr_array_free (rt->contexts, TRUE);
  g_ptr_array_free (rt->root_tracers, TRUE);
  g_free (rt->eternals);
  g_free (rt->cleanups);
  g_free (rt->jobs);
  g_free (rt->kept);
  g_free (rt->unhandled);
  if (rt->weak_objects)
    g_ptr_array_free (rt->weak_objects, TRUE);
  g_free (rt);
}

/* ------------------------------------------------------------------ */
/* Contexts                                                            */
/* ------------------------------------------------------------------ */

JsContext *
runtime_context_new (JsRuntime *rt)
{
  JsContext *ctx = g_new0 (JsContext, 1);
  ctx->rt = rt;
  ctx->pending_exception = JS_EMPTY;
  /* Registered first, so the intrinsics below are roots as soon as they
     are stored. */
  g_ptr_array_add (rt->contexts, ctx);

  if (!realm_init (ctx))
    goto fail;
  return ctx;

fail:
  runtime_context_free (ctx);
  return NULL;
}

void
runtime_context_free (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  /* Jobs of a realm that goes away are dropped: nothing could run them. */
  uint32_t kept = 0, mask = rt->job_cap - 1;
  for (uint32_t i = 0; i < rt->job_count; i++)
    {
      JsJob *j = &rt->jobs[(rt->job_head + i) & mask];
      if (j->ctx != ctx)
        rt->jobs[(rt->job_head + kept++) & mask] = *j;
    }
  rt->job_count = kept;
  g_ptr_array_remove (rt->contexts, ctx);
  g_free (ctx);
}

/* ------------------------------------------------------------------ */
/* Roots                                                               */
/* ------------------------------------------------------------------ */

void
runtime_add_root_tracer (JsRuntime *rt, const JsRootTracer *tracer)
{
  g_ptr_array_add (rt->root_tracers, g_memdup2 (tracer, sizeof *tracer));
}

void
runtime_trace_roots (JsRuntime *rt, JsTracer *trc)
{
  gc_mark_cell (trc, (JsCell *) rt->meta_shape);
  gc_mark_cell (trc, (JsCell *) rt->storage_shape);
  gc_mark_cell (trc, (JsCell *) rt->symbol_shape);
  gc_mark_cell (trc, (JsCell *) rt->accessor_shape);
  for (int i = 0; i < JS_ATOM_COMMON_COUNT; i++)
    gc_mark_cell (trc, (JsCell *) rt->common_atoms[i]);
  for (int i = 0; i < JS_STR_FORM_COUNT; i++)
    gc_mark_cell (trc, (JsCell *) rt->string_shapes[i]);
  for (int i = 0; i < JS_SYM_COUNT; i++)
    gc_mark_cell (trc, (JsCell *) rt->well_known[i]);
  gc_mark_cell (trc, (JsCell *) rt->code_shape);
  interp_trace_frames (rt, trc);

  gc_mark_values (trc, rt->stack_base,
                  (size_t) (rt->stack_top - rt->stack_base));
  gc_mark_values (trc, rt->eternals, rt->eternal_count);
  for (uint32_t i = 0; i < rt->job_count; i++)
    gc_mark_values (trc, rt->jobs[(rt->job_head + i) & (rt->job_cap - 1)].args,
                    JS_JOB_ARGS);
  gc_mark_values (trc, rt->kept, rt->kept_count);
  gc_mark_values (trc, rt->unhandled, rt->unhandled_count);
  gc_mark_cell (trc, (JsCell *) rt->bigint_shape);
  for (JsPersistent *p = rt->persistents; p; p = p->next)
    if (!p->weak)
      gc_mark_value (trc, p->value);

  for (guint i = 0; i < rt->contexts->len; i++)
    {
      JsContext *ctx = g_ptr_array_index (rt->contexts, i);
      JsCell *cells[] = {
        (JsCell *) ctx->global, (JsCell *) ctx->script_scope,
        (JsCell *) ctx->script_env, (JsCell *) ctx->object_proto,
        (JsCell *) ctx->function_proto, (JsCell *) ctx->array_proto,
        (JsCell *) ctx->string_proto, (JsCell *) ctx->number_proto,
        (JsCell *) ctx->boolean_proto, (JsCell *) ctx->symbol_proto,
        (JsCell *) ctx->bigint_proto, (JsCell *) ctx->iterator_proto,
        (JsCell *) ctx->array_iterator_proto, (JsCell *) ctx->out_of_memory,
        (JsCell *) ctx->string_iterator_proto,
        (JsCell *) ctx->closure_shape, (JsCell *) ctx->function_shape,
        (JsCell *) ctx->native_function_shape,
        (JsCell *) ctx->native_function_plain_shape,
        (JsCell *) ctx->with_env_shape, (JsCell *) ctx->generator_proto,
        (JsCell *) ctx->generator_function_proto,
        (JsCell *) ctx->generator_closure_shape,
        (JsCell *) ctx->generator_function_shape,
        (JsCell *) ctx->async_function_proto,
        (JsCell *) ctx->async_closure_shape,
        (JsCell *) ctx->async_function_shape,
        (JsCell *) ctx->async_iterator_proto,
        (JsCell *) ctx->async_generator_proto,
        (JsCell *) ctx->async_generator_function_proto,
        (JsCell *) ctx->async_generator_closure_shape,
        (JsCell *) ctx->async_generator_function_shape,
        (JsCell *) ctx->async_from_sync_iterator_proto,
        (JsCell *) ctx->async_request_shape,
        (JsCell *) ctx->async_from_sync_shape,
        (JsCell *) ctx->with_env_shape,
        (JsCell *) ctx->symbol_registry,
        (JsCell *) ctx->map_proto, (JsCell *) ctx->set_proto,
        (JsCell *) ctx->map_iterator_proto,
        (JsCell *) ctx->set_iterator_proto, (JsCell *) ctx->weak_map_proto,
        (JsCell *) ctx->weak_set_proto, (JsCell *) ctx->weak_ref_proto,
        (JsCell *) ctx->finalization_registry_proto,
        (JsCell *) ctx->map_table_shape, (JsCell *) ctx->weak_table_shape,
        (JsCell *) ctx->promise_proto, (JsCell *) ctx->promise_shape,
        (JsCell *) ctx->promise_record_shape,
        (JsCell *) ctx->promise_reaction_shape,
        (JsCell *) ctx->date_proto,
        (JsCell *) ctx->regexp_proto, (JsCell *) ctx->regexp_ctor,
        (JsCell *) ctx->regexp_string_iterator_proto,
        (JsCell *) ctx->regexp_shape,
      };
      for (size_t k = 0; k < G_N_ELEMENTS (cells); k++)
        gc_mark_cell (trc, cells[k]);
      for (int k = 0; k < JS_ERROR_TYPE_COUNT; k++)
        gc_mark_cell (trc, (JsCell *) ctx->error_protos[k]);
      gc_mark_value (trc, ctx->array_values);
      gc_mark_value (trc, ctx->throw_type_error);
      gc_mark_value (trc, ctx->regexp_exec);
      gc_mark_value (trc, ctx->eval_fn);
      gc_mark_value (trc, ctx->promise_ctor);
      gc_mark_value (trc, ctx->pending_exception);
      /* Array, ArrayBuffer, the typed arrays and DataView. */
      gc_mark_cell (trc, (JsCell *) ctx->array_ctor);
      gc_mark_value (trc, ctx->object_to_string);
      gc_mark_cell (trc, (JsCell *) ctx->array_buffer_ctor);
      gc_mark_cell (trc, (JsCell *) ctx->array_buffer_proto);
      gc_mark_cell (trc, (JsCell *) ctx->typed_array_ctor);
      gc_mark_cell (trc, (JsCell *) ctx->typed_array_proto);
      for (int k = 0; k < JS_TYPED_ARRAY_COUNT; k++)
        {
          gc_mark_cell (trc, (JsCell *) ctx->typed_array_ctors[k]);
          gc_mark_cell (trc, (JsCell *) ctx->typed_array_protos[k]);
        }
      gc_mark_cell (trc, (JsCell *) ctx->data_view_proto);
      gc_mark_value (trc, ctx->typed_array_values);
      gc_mark_cell (trc, (JsCell *) ctx->args_shapes[0]);
      gc_mark_cell (trc, (JsCell *) ctx->args_shapes[1]);
    }
  for (guint i = 0; i < rt->root_tracers->len; i++)
    {
      JsRootTracer *t = g_ptr_array_index (rt->root_tracers, i);
      t->trace (rt, trc, t->data);
    }
}

bool
runtime_trace_ephemerons (JsRuntime *rt, JsTracer *trc)
{
  bool marked = false;
  for (guint i = 0; i < rt->root_tracers->len; i++)
    {
      JsRootTracer *t = g_ptr_array_index (rt->root_tracers, i);
      if (t->ephemerons && t->ephemerons (rt, trc, t->data))
        marked = true;
    }
  return marked;
}

static void
run_weak_callback (JsRuntime *rt, void *data)
{
  JsPersistent *p = data;
  p->cleanup_pending = false;
  /* Freed by its owner before the callback could run: no callback. */
  if (p->freed)
    {
      g_free (p);
      return;
    }
  if (p->weak_cb)
    p->weak_cb (p->weak_data);
}

void
runtime_process_weak (JsRuntime *rt)
{
  /* Inline caches hold shapes weakly. */
  ic_sweep (rt);
  if (rt->last_array_shape && !js_cell_is_marked (rt->last_array_shape))
    rt->last_array_shape = NULL;
  for (JsPersistent *p = rt->persistents; p; p = p->next)
    if (p->weak && js_is_cell (p->value)
        && !js_cell_is_marked (js_get_cell (p->value)))
      {
        p->value = JS_UNDEFINED;
        p->cleanup_pending = true;
        runtime_queue_cleanup (rt, run_weak_callback, p);
      }
  atom_sweep (rt);
  shape_sweep (rt);
  for (guint i = 0; i < rt->root_tracers->len; i++)
    {
      JsRootTracer *t = g_ptr_array_index (rt->root_tracers, i);
      if (t->weak)
        t->weak (rt, t->data);
    }
}

/* ------------------------------------------------------------------ */
/* Native cleanup                                                      */
/* ------------------------------------------------------------------ */

void
runtime_queue_cleanup (JsRuntime *rt, JsCleanupFunc func, void *data)
{
  if (rt->cleanup_count == rt->cleanup_cap)
    {
      rt->cleanup_cap = MAX (16u, rt->cleanup_cap * 2);
      rt->cleanups = g_renew (JsCleanup, rt->cleanups, rt->cleanup_cap);
    }
  rt->cleanups[rt->cleanup_count++] = (JsCleanup){ func, data };
}

void
runtime_run_cleanups (JsRuntime *rt)
{
  if (rt->running_cleanups)
    return;
  rt->running_cleanups = true;
  /* A cleanup may allocate, collect and queue more: run until quiet, in
     the order queued. */
  for (uint32_t i = 0; i < rt->cleanup_count; i++)
    {
      JsCleanup c = rt->cleanups[i];
      c.func (rt, c.data);
    }
  rt->cleanup_count = 0;
  rt->running_cleanups = false;
}

/* ------------------------------------------------------------------ */
/* Persistent and eternal handles                                      */
/* ------------------------------------------------------------------ */

JsPersistent *
runtime_persistent_new (JsRuntime *rt, JsValue v)
{
  JsPersistent *p = g_new0 (JsPersistent, 1);
  p->value = v;
  p->rt = rt;
  p->next = rt->persistents;
  if (p->next)
    p->next->prev = p;
  rt->persistents = p;
  return p;
}

void
runtime_persistent_set_weak (JsPersistent *p, void (*cb) (void *data),
                             void *data)
{
  p->weak = true;
  p->weak_cb = cb;
  p->weak_data = data;
}

void
runtime_persistent_clear_weak (JsPersistent *p)
{
  p->weak = false;
  p->weak_cb = NULL;
  p->weak_data = NULL;
}

void
runtime_persistent_free (JsPersistent *p)
{
  JsRuntime *rt = p->rt;
  if (p->prev)
    p->prev->next = p->next;
  else
    rt->persistents = p->next;
  if (p->next)
    p->next->prev = p->prev;
  /* A queued weak callback still points at p: it frees p when it ran. */
  if (p->cleanup_pending)
    p->freed = true;
  else
    g_free (p);
}

uint32_t
runtime_eternal_add (JsRuntime *rt, JsValue v)
{
  if (rt->eternal_count == rt->eternal_cap)
    {
      rt->eternal_cap = MAX (16u, rt->eternal_cap * 2);
      rt->eternals = g_renew (JsValue, rt->eternals, rt->eternal_cap);
    }
  rt->eternals[rt->eternal_count] = v;
  return rt->eternal_count++;
}

/* ------------------------------------------------------------------ */
/* Jobs                                                                */
/* ------------------------------------------------------------------ */

bool
runtime_enqueue_job (JsContext *ctx, JsJobFunc func, uint32_t argc,
                     const JsValue *args)
{
  JsRuntime *rt = ctx->rt;
  g_assert (argc <= JS_JOB_ARGS);
  if (rt->job_count == rt->job_cap)
    {
      /* Grow the ring and unwrap it at the start of the new one. */
      uint32_t cap = MAX (16u, rt->job_cap * 2);
      JsJob *jobs = g_try_new (JsJob, cap);
      if (!jobs)
        return false;
      for (uint32_t i = 0; i < rt->job_count; i++)
        jobs[i] = rt->jobs[(rt->job_head + i) & (rt->job_cap - 1)];
      g_free (rt->jobs);
      rt->jobs = jobs;
      rt->job_cap = cap;
      rt->job_head = 0;
    }
  JsJob *j = &rt->jobs[(rt->job_head + rt->job_count) & (rt->job_cap - 1)];
  j->ctx = ctx;
  j->func = func;
  for (uint32_t i = 0; i < JS_JOB_ARGS; i++)
    j->args[i] = i < argc ? args[i] : JS_UNDEFINED;
  rt->job_count++;
  return true;
}

/* Runs the oldest job.  Its values move to the value stack first, so the
 * ring may grow while it runs. */
static void
run_one_job (JsRuntime *rt)
{
  JsJob job = rt->jobs[rt->job_head];
  rt->job_head = (rt->job_head + 1) & (rt->job_cap - 1);
  rt->job_count--;
  JsContext *ctx = job.ctx;
  JsValue *saved = rt_save_roots (rt);
  JsValue *args = rt->stack_top;
  for (uint32_t i = 0; i < JS_JOB_ARGS; i++)
    rt_push_root (rt, job.args[i]);
  /* The job must not see, or lose, an exception its realm's embedder
     has not taken yet. */
  JsValue *pending = rt_push_root (rt, ctx->pending_exception);
  ctx->pending_exception = JS_EMPTY;
  rt->call_depth++;
  JsValue r = job.func (ctx, args);
  rt->call_depth--;
  if (js_is_exception (r))
    {
      JsValue *pe = rt_push_root (rt, js_take_exception (ctx));
      runtime_report_exception (ctx, *pe);
    }
  ctx->pending_exception = *pending;
  rt_restore_roots (rt, saved);
  /* The job is over: what it kept alive with WeakRefs may go. */
  runtime_clear_kept_objects (rt);
}

void
runtime_run_jobs (JsRuntime *rt)
{
  if (rt->running_jobs || rt->call_depth > 0)
    return;
  rt->running_jobs = true;
  for (;;)
    {
      /* Cleanup first: it may queue jobs (FinalizationRegistry), and a
         job may collect and queue cleanup in turn. */
      runtime_run_cleanups (rt);
      if (rt->job_count == 0)
        break;
      run_one_job (rt);
    }
  rt->running_jobs = false;
}

void
runtime_safe_point (JsRuntime *rt)
{
  if (rt->call_depth > 0)
    return;
  runtime_clear_kept_objects (rt);
  runtime_run_cleanups (rt);
  runtime_run_jobs (rt);
}

JsValue
runtime_leave_call (JsRuntime *rt, JsValue r)
{
  rt->call_depth--;
  if (rt->call_depth == 0)
    {
      /* Cleanup and jobs may allocate and collect: keep the result
         alive. */
      JsValue *saved = rt_save_roots (rt);
      JsValue *pr = rt_push_root (rt, r);
      runtime_safe_point (rt);
      r = *pr;
      rt_restore_roots (rt, saved);
    }
  return r;
}

void
runtime_report_exception (JsContext *ctx, JsValue exception)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pe = rt_push_root (rt, exception);
  JsValue text = JS_UNDEFINED;
  /* An error's stack holds its name, message and frames; read it without
     running script.  Anything else is converted as String() would. */
  if (js_is_object (*pe)
      && object_get (rt, js_get_object (*pe), atom_common_key (rt,
                                                               JS_ATOM_stack),
                     &text) == JS_GET_VALUE
      && js_is_string (text))
    ;
  else
    {
      text = js_is_symbol (*pe) ? JS_UNDEFINED : js_to_string (ctx, *pe);
      if (js_is_exception (text))
        js_take_exception (ctx);
    }
  g_autofree char *s = js_is_string (text)
                           ? string_to_utf8 (rt, js_get_string (text), NULL)
                           : NULL;
  g_printerr ("Uncaught %s\n", s ? s : "exception");
  rt_restore_roots (rt, saved);
}

/* ------------------------------------------------------------------ */
/* Kept objects                                                        */
/* ------------------------------------------------------------------ */

bool
runtime_keep_during_job (JsRuntime *rt, JsValue v)
{
  /* A loop that derefs one WeakRef keeps one entry, not one per call. */
  for (uint32_t i = rt->kept_count, n = 0; i > 0 && n < 8; i--, n++)
    if (rt->kept[i - 1] == v)
      return true;
  if (rt->kept_count == rt->kept_cap)
    {
      uint32_t cap = MAX (16u, rt->kept_cap * 2);
      JsValue *kept = g_try_renew (JsValue, rt->kept, cap);
      if (!kept)
        return false;
      rt->kept = kept;
      rt->kept_cap = cap;
    }
  rt->kept[rt->kept_count++] = v;
  return true;
}

void
runtime_clear_kept_objects (JsRuntime *rt)
{
  rt->kept_count = 0;
  /* A long list is not kept around for the next job. */
  if (rt->kept_cap > 256)
    {
      g_free (rt->kept);
  g_free (rt->unhandled);
      rt->kept = NULL;
      rt->kept_cap = 0;
    }
}
