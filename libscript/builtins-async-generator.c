/* builtins-async-generator.c — async generators and async iteration.
 *
 * An async generator is a generator frame (interp.c's JsGenerator, with
 * its own brand) plus a queue of requests: each call of next, return or
 * throw appends an AsyncGeneratorRequest holding the completion and the
 * promise the call returned.  The interpreter runs the frame
 * (js_async_generator_resume); this file keeps the queue: a yield or the
 * body's end settles the first request (AsyncGeneratorCompleteStep), the
 * end settles every request left (AsyncGeneratorDrainQueue), and a
 * return that finds the body not running awaits its value
 * (AsyncGeneratorAwaitReturn).  The queue's head lives in the
 * generator's promise field, which async generators use for nothing
 * else; requests leave it only when they settle, so the first request is
 * always the one the body is working on.
 *
 * Here too: %AsyncIteratorPrototype%, %AsyncGeneratorPrototype%,
 * %AsyncGeneratorFunction% and its prototype (with GeneratorFunction and
 * AsyncFunction, whose constructors are the same CreateDynamicFunction),
 * GetIterator (v, async) with %AsyncFromSyncIteratorPrototype%, and the
 * helpers the interpreter's for-await and yield* opcodes call.
 *
 * Rooting: every function that takes a context may run script (a then
 * getter on an iterator result, a return method) and so collect; values
 * are kept in rooted slots across such calls.
 */
#include "config.h"

#include "builtins.h"
#include "promise.h"

/* ------------------------------------------------------------------ */
/* The request queue                                                   */
/* ------------------------------------------------------------------ */

static void
request_trace (JsTracer *trc, JsCell *cell)
{
  JsAsyncRequest *r = (JsAsyncRequest *) cell;
  gc_mark_cell (trc, (JsCell *) r->next);
  gc_mark_value (trc, r->kind);
  gc_mark_value (trc, r->value);
  gc_mark_value (trc, r->promise);
}

static const JsCellClass request_class = {
  .name = "AsyncGeneratorRequest",
  .kind = JS_KIND_INTERNAL,
  .trace = request_trace,
};

static inline JsGenerator *
as_gen (JsValue v)
{
  return (JsGenerator *) js_get_cell (v);
}

static inline JsAsyncRequest *
first_request (JsGenerator *g)
{
  return js_is_undefined (g->promise)
             ? NULL
             : (JsAsyncRequest *) js_get_cell (g->promise);
}

/* Settles a promise of %Promise% made here.  Failures (only out of
 * memory) leave the promise pending and no exception behind: the caller
 * has nobody to report them to. */
static void
settle (JsContext *ctx, JsValue promise, bool rejected, JsValue value)
{
  bool ok = rejected ? promise_reject_native (ctx, promise, value)
                     : promise_resolve_native (ctx, promise, value);
  if (!ok)
    js_take_exception (ctx);
}

/* Rejects promise with the pending exception. */
static void
reject_pending (JsContext *ctx, JsValue *promise)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pe = rt_push_root (rt, js_take_exception (ctx));
  settle (ctx, *promise, true, *pe);
  rt_restore_roots (rt, saved);
}

/* Resolves promise with CreateIterResultObject (value, done). */
static void
resolve_iter_result (JsContext *ctx, JsValue *promise, JsValue value,
                     bool done)
{
  JsValue r = builtins_iter_result (ctx, value, done);
  if (js_is_exception (r))
    reject_pending (ctx, promise);
  else
    settle (ctx, *promise, false, r);
}

/* AsyncGeneratorEnqueue: *pv and *pp are rooted slots. */
static bool
enqueue (JsContext *ctx, JsValue *pg, JsResumeKind kind, JsValue *pv,
         JsValue *pp)
{
  JsRuntime *rt = ctx->rt;
  JsAsyncRequest *r = (JsAsyncRequest *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *r));
  if (!r)
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  r->shape = ctx->async_request_shape;
  r->next = NULL;
  r->kind = js_int32 ((int32_t) kind);
  r->value = *pv;
  r->promise = *pp;
  gc_write_barrier (&rt->heap, (JsCell *) r);
  JsGenerator *g = as_gen (*pg);
  JsAsyncRequest *last = first_request (g);
  if (!last)
    {
      g->promise = js_cell_value (JS_TAG_INTERNAL, r);
      gc_write_barrier (&rt->heap, (JsCell *) g);
      return true;
    }
  while (last->next)
    last = last->next;
  last->next = r;
  gc_write_barrier (&rt->heap, (JsCell *) last);
  return true;
}

/* AsyncGeneratorCompleteStep: the first request leaves the queue, and
 * its promise is rejected with value (threw) or resolved with the
 * iterator result { value, done }. */
static void
complete_step (JsContext *ctx, JsValue *pg, bool threw, JsValue value,
               bool done)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, value);
  JsGenerator *g = as_gen (*pg);
  JsAsyncRequest *r = first_request (g);
  if (r)
    {
      g->promise = r->next ? js_cell_value (JS_TAG_INTERNAL, r->next)
                           : JS_UNDEFINED;
      gc_write_barrier (&rt->heap, (JsCell *) g);
      JsValue *pp = rt_push_root (rt, r->promise);
      if (threw)
        settle (ctx, *pp, true, *pv);
      else
        resolve_iter_result (ctx, pp, *pv, done);
    }
  rt_restore_roots (rt, saved);
}

static void drain_queue (JsContext *ctx, JsValue *pg);

/* The reactions of AsyncGeneratorAwaitReturn's promise. */
static JsValue
await_return_handler (JsContext *ctx, JsValue data, JsValue argument,
                      bool rejected)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pg = rt_push_root (rt, data);
  as_gen (*pg)->state = JS_GEN_COMPLETED;
  complete_step (ctx, pg, rejected, argument, true);
  drain_queue (ctx, pg);
  rt_restore_roots (rt, saved);
  return JS_UNDEFINED;
}

/* AsyncGeneratorAwaitReturn: the first request is a return; its value
 * is awaited before the request settles. */
static void
await_return (JsContext *ctx, JsValue *pg)
{
  JsAsyncRequest *r = first_request (as_gen (*pg));
  if (!r)
    return;
  JsValue p = promise_resolve (ctx, ctx->promise_ctor, r->value);
  if (!js_is_exception (p)
      && promise_then_native (ctx, p, await_return_handler, *pg, NULL))
    return;
  JsValue e = js_take_exception (ctx);
  as_gen (*pg)->state = JS_GEN_COMPLETED;
  complete_step (ctx, pg, true, e, true);
  drain_queue (ctx, pg);
}

/* AsyncGeneratorDrainQueue: the body is done; each request left settles
 * (next with { undefined, true }, throw with its value) until a return,
 * which is awaited first. */
static void
drain_queue (JsContext *ctx, JsValue *pg)
{
  for (;;)
    {
      JsGenerator *g = as_gen (*pg);
      JsAsyncRequest *r = first_request (g);
      /* A then getter run by a settlement may have called return ()
         meanwhile: that one drives the queue now. */
      if (!r || g->state != JS_GEN_COMPLETED)
        return;
      JsResumeKind kind = (JsResumeKind) js_get_int32 (r->kind);
      if (kind == JS_RESUME_RETURN)
        {
          g->state = JS_GEN_AWAITING_RETURN;
          await_return (ctx, pg);
          return;
        }
      complete_step (ctx, pg, kind == JS_RESUME_THROW,
                     kind == JS_RESUME_THROW ? r->value : JS_UNDEFINED,
                     true);
    }
}

void
builtins_async_generator_finish (JsContext *ctx, JsValue gen, bool threw,
                                 JsValue value)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pg = rt_push_root (rt, gen);
  as_gen (*pg)->state = JS_GEN_COMPLETED;
  complete_step (ctx, pg, threw, value, true);
  drain_queue (ctx, pg);
  rt_restore_roots (rt, saved);
}

bool
builtins_async_generator_yield (JsContext *ctx, JsValue gen, JsValue *value,
                                JsResumeKind *kind)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pg = rt_push_root (rt, gen);
  /* Still executing while the request settles: a next () from a then
     getter only queues. */
  as_gen (*pg)->state = JS_GEN_EXECUTING;
  complete_step (ctx, pg, false, *value, false);
  JsGenerator *g = as_gen (*pg);
  JsAsyncRequest *r = first_request (g);
  if (r)
    {
      *kind = (JsResumeKind) js_get_int32 (r->kind);
      *value = r->value;
    }
  else
    g->state = JS_GEN_SUSPENDED_YIELD;
  rt_restore_roots (rt, saved);
  return r != NULL;
}

/* ------------------------------------------------------------------ */
/* %AsyncGeneratorPrototype%                                           */
/* ------------------------------------------------------------------ */

/* next, return and throw (the magic is the JsResumeKind): each returns
 * a promise at once; the request queues, and runs now if the body is
 * suspended. */
static JsValue
async_generator_method (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsResumeKind kind = (JsResumeKind) info->magic;
  static const char *const names[] = { "next", "throw", "return" };
  JsValue p = promise_new (ctx);
  if (js_is_exception (p))
    return p;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, p);
  JsValue *pv = rt_push_root (rt, js_arg (info, 0));
  JsValue *pg = rt_push_root (rt, *info->this_arg);
  if (!js_is_async_generator (*pg))
    {
      js_throw_type_error (ctx, "AsyncGenerator.prototype.%s called on "
                                "incompatible receiver %s",
                           names[kind], realm_describe (ctx, *pg));
      reject_pending (ctx, pp);
      goto out;
    }
  JsGenerator *g = as_gen (*pg);
  uint32_t state = g->state;
  if (kind == JS_RESUME_THROW && state == JS_GEN_SUSPENDED_START)
    g->state = state = JS_GEN_COMPLETED;
  if (state == JS_GEN_COMPLETED && kind != JS_RESUME_RETURN)
    {
      if (kind == JS_RESUME_NEXT)
        resolve_iter_result (ctx, pp, JS_UNDEFINED, true);
      else
        settle (ctx, *pp, true, *pv);
      goto out;
    }
  if (!enqueue (ctx, pg, kind, pv, pp))
    {
      reject_pending (ctx, pp);
      goto out;
    }
  g = as_gen (*pg);
  if (kind == JS_RESUME_RETURN
      && (state == JS_GEN_SUSPENDED_START || state == JS_GEN_COMPLETED))
    {
      g->state = JS_GEN_AWAITING_RETURN;
      await_return (ctx, pg);
    }
  else if (state == JS_GEN_SUSPENDED_YIELD
           || (state == JS_GEN_SUSPENDED_START && kind == JS_RESUME_NEXT))
    js_async_generator_resume (ctx, *pg, kind, *pv);
out:
  p = *pp;
  rt_restore_roots (rt, saved);
  return p;
}

/* %AsyncIteratorPrototype% [ @@asyncIterator ] (). */
static JsValue
async_iterator_self (const JsCallInfo *info)
{
  return *info->this_arg;
}

/* ------------------------------------------------------------------ */
/* Iteration helpers of the interpreter                                */
/* ------------------------------------------------------------------ */

JsValue
builtins_iterator_complete (JsContext *ctx, JsValue result, bool *done)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_object (result))
    return js_throw_type_error (ctx, "Iterator result %s is not an object",
                                realm_describe (ctx, result));
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, result);
  JsValue d = js_get (ctx, *pr, atom_common_key (rt, JS_ATOM_done));
  JsValue v = d;
  if (!js_is_exception (d))
    {
      *done = js_to_boolean (d);
      v = *done ? JS_UNDEFINED
                : js_get (ctx, *pr, atom_common_key (rt, JS_ATOM_value));
    }
  rt_restore_roots (rt, saved);
  return v;
}

JsValue
builtins_iterator_close_call (JsContext *ctx, JsValue iterator, bool quiet)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pi = rt_push_root (rt, iterator);
  JsValue r = js_get_method (ctx, *pi, atom_common_key (rt, JS_ATOM_return));
  if (!js_is_exception (r))
    r = js_is_undefined (r) ? JS_EMPTY : js_call (ctx, r, *pi, 0, NULL);
  if (js_is_exception (r) && quiet)
    {
      js_take_exception (ctx);
      r = JS_EMPTY;
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* %AsyncFromSyncIteratorPrototype%                                    */
/* ------------------------------------------------------------------ */

static void
from_sync_trace (JsTracer *trc, JsCell *cell)
{
  JsAsyncFromSyncIterator *it = (JsAsyncFromSyncIterator *) cell;
  gc_mark_cell (trc, (JsCell *) it->storage);
  gc_mark_value (trc, it->iterator);
  gc_mark_value (trc, it->next);
}

static const JsCellClass from_sync_class = {
  .name = "AsyncFromSyncIterator",
  .kind = JS_KIND_OBJECT,
  .trace = from_sync_trace,
};

/* CreateAsyncFromSyncIterator: regs holds the sync iterator record
 * (rooted); the result is the async iterator. */
static JsValue
from_sync_new (JsContext *ctx, const JsValue *regs)
{
  JsRuntime *rt = ctx->rt;
  JsAsyncFromSyncIterator *it = (JsAsyncFromSyncIterator *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *it));
  if (!it)
    return js_throw_out_of_memory (ctx);
  it->shape = ctx->async_from_sync_shape;
  it->storage = NULL;
  it->iterator = regs[0];
  it->next = regs[1];
  gc_write_barrier (&rt->heap, (JsCell *) it);
  return js_object_value ((JsObject *) it);
}

int
builtins_get_async_iterator (JsContext *ctx, JsValue v, JsValue *regs)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, v);
  int result = -1;
  JsValue m = js_get_method (
      ctx, *pv, symbol_key (rt->well_known[JS_SYM_asyncIterator]));
  if (js_is_exception (m))
    goto out;
  JsValue it;
  if (js_is_undefined (m))
    {
      /* No @@asyncIterator: the sync iterator, wrapped. */
      JsValue *sync = rt_push_root (rt, JS_UNDEFINED);
      rt_push_root (rt, JS_UNDEFINED);
      if (realm_get_iterator (ctx, *pv, sync) < 0)
        goto out;
      if (sync[1] == JS_NULL)
        sync[1] = JS_UNDEFINED;
      it = from_sync_new (ctx, sync);
    }
  else
    {
      it = js_call (ctx, m, *pv, 0, NULL);
      if (!js_is_exception (it) && !js_is_object (it))
        it = js_throw_type_error (ctx, "Result of the Symbol.asyncIterator "
                                       "method is not an object");
    }
  if (js_is_exception (it))
    goto out;
  regs[0] = it;
  JsValue next = js_get (ctx, it, atom_common_key (rt, JS_ATOM_next));
  if (js_is_exception (next))
    goto out;
  /* Undefined marks a finished loop: a missing next fails when called. */
  regs[1] = js_is_undefined (next) ? JS_NULL : next;
  result = 1;
out:
  rt_restore_roots (rt, saved);
  return result;
}

/* The reaction of AsyncFromSyncIteratorContinuation's value promise:
 * the iterator result on fulfillment; on rejection, the sync iterator
 * in data (undefined: none) is closed first. */
static JsValue
from_sync_unwrap (JsContext *ctx, JsValue data, JsValue argument,
                  bool rejected, bool done)
{
  if (!rejected)
    return builtins_iter_result (ctx, argument, done);
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, argument);
  if (!js_is_undefined (data))
    builtins_iterator_close_call (ctx, data, true);
  JsValue r = js_throw (ctx, *pa);
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
from_sync_unwrap_done (JsContext *ctx, JsValue data, JsValue argument,
                       bool rejected)
{
  return from_sync_unwrap (ctx, data, argument, rejected, true);
}

static JsValue
from_sync_unwrap_value (JsContext *ctx, JsValue data, JsValue argument,
                        bool rejected)
{
  return from_sync_unwrap (ctx, data, argument, rejected, false);
}

/* AsyncFromSyncIteratorContinuation (result, capability, record,
 * closeOnRejection): the result's value is awaited, and the promise in
 * *pp gets the iterator result of the awaited value. */
static void
from_sync_continuation (JsContext *ctx, JsValue *pp, JsValue result,
                        JsValue iterator, bool close_on_rejection)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, result);
  JsValue *pi = rt_push_root (rt, iterator);
  JsValue d = js_get (ctx, *pr, atom_common_key (rt, JS_ATOM_done));
  if (js_is_exception (d))
    goto fail;
  bool done = js_to_boolean (d);
  JsValue v = js_get (ctx, *pr, atom_common_key (rt, JS_ATOM_value));
  if (js_is_exception (v))
    goto fail;
  JsValue w = promise_resolve (ctx, ctx->promise_ctor, v);
  if (js_is_exception (w))
    {
      if (!done && close_on_rejection)
        {
          JsValue *pe = rt_push_root (rt, js_take_exception (ctx));
          builtins_iterator_close_call (ctx, *pi, true);
          js_throw (ctx, *pe);
        }
      goto fail;
    }
  JsValue *pw = rt_push_root (rt, w);
  JsValue *cap = rt_push_root (rt, *pp);
  rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue data = !done && close_on_rejection ? *pi : JS_UNDEFINED;
  if (promise_then_native (ctx, *pw,
                           done ? from_sync_unwrap_done
                                : from_sync_unwrap_value,
                           data, cap))
    goto out;
fail:
  reject_pending (ctx, pp);
out:
  rt_restore_roots (rt, saved);
}

/* next, return and throw (the magic is the JsResumeKind) forward to the
 * sync iterator; the promise they return gets its result, awaited. */
static JsValue
from_sync_method (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsResumeKind kind = (JsResumeKind) info->magic;
  JsValue p = promise_new (ctx);
  if (js_is_exception (p))
    return p;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, p);
  JsValue t = *info->this_arg;
  if (!js_is_object (t) || js_get_cell (t)->shape->cls != &from_sync_class)
    {
      js_throw_type_error (ctx, "not an async-from-sync iterator");
      reject_pending (ctx, pp);
      goto out;
    }
  JsAsyncFromSyncIterator *it = (JsAsyncFromSyncIterator *) js_get_cell (t);
  JsValue *pi = rt_push_root (rt, it->iterator);
  JsValue *pn = rt_push_root (rt, it->next);
  uint32_t argc = info->argc > 0 ? 1 : 0;
  JsValue *pv = rt_push_root (rt, js_arg (info, 0));
  JsValue method = *pn;
  if (kind != JS_RESUME_NEXT)
    {
      JsCommonAtom name = kind == JS_RESUME_RETURN ? JS_ATOM_return
                                                   : JS_ATOM_throw;
      method = js_get_method (ctx, *pi, atom_common_key (rt, name));
      if (js_is_exception (method))
        {
          reject_pending (ctx, pp);
          goto out;
        }
      if (js_is_undefined (method) && kind == JS_RESUME_RETURN)
        {
          resolve_iter_result (ctx, pp, *pv, true);
          goto out;
        }
      if (js_is_undefined (method))
        {
          /* No throw method: close the sync iterator, then reject with
             a TypeError for the protocol violation. */
          if (realm_iterator_close (ctx, *pi) >= 0)
            js_throw_type_error (ctx, "The iterator does not provide a "
                                      "'throw' method");
          reject_pending (ctx, pp);
          goto out;
        }
    }
  JsValue r = js_call (ctx, method, *pi, argc, pv);
  if (!js_is_exception (r) && !js_is_object (r))
    r = js_throw_type_error (ctx, "Iterator result %s is not an object",
                             realm_describe (ctx, r));
  if (js_is_exception (r))
    {
      reject_pending (ctx, pp);
      goto out;
    }
  from_sync_continuation (ctx, pp, r, *pi, kind != JS_RESUME_RETURN);
out:
  p = *pp;
  rt_restore_roots (rt, saved);
  return p;
}

/* ------------------------------------------------------------------ */
/* The intrinsics                                                      */
/* ------------------------------------------------------------------ */

static bool
define_tag (JsContext *ctx, JsObject *o, const char *tag)
{
  JsRuntime *rt = ctx->rt;
  JsString *s = atom_intern_utf8 (rt, tag, -1);
  return s
         && object_define_own (rt, o,
                               symbol_key (rt->well_known[JS_SYM_toStringTag]),
                               js_string_value (s), JS_ATTR_CONFIGURABLE)
                == JS_PROP_DONE;
}

/* A CreateDynamicFunction constructor (GeneratorFunction and the like):
 * not a global; its [[Prototype]] is %Function%, and it and its
 * prototype point at each other (prototype.constructor configurable,
 * not writable). */
static bool
define_dynamic_ctor (JsContext *ctx, const char *name, int kind,
                     JsObject *proto)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, js_object_value (proto));
  bool ok = false;
  JsValue function;
  uint8_t attrs;
  if (!object_get_own (rt, ctx->function_proto,
                       atom_common_key (rt, JS_ATOM_constructor), &function,
                       &attrs)
      || !js_is_object (function))
    goto out;
  rt_push_root (rt, function);
  JsValue f = function_new_builtin (ctx, name, builtins_function_ctor, 1,
                                    kind, JS_NATIVE_CONSTRUCTOR);
  if (js_is_exception (f))
    goto out;
  JsValue *pf = rt_push_root (rt, f);
  js_resolve_lazy (ctx, js_get_object (*pf));
  ok = object_set_proto (rt, js_get_object (*pf), js_get_cell (function))
           == JS_PROP_DONE
       && object_define_own (rt, js_get_object (*pf),
                             atom_common_key (rt, JS_ATOM_prototype), *pp, 0)
              == JS_PROP_DONE
       && object_define_own (rt, js_get_object (*pp),
                             atom_common_key (rt, JS_ATOM_constructor), *pf,
                             JS_ATTR_CONFIGURABLE)
              == JS_PROP_DONE;
out:
  rt_restore_roots (rt, saved);
  return ok;
}

bool
builtins_init_async_generator (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec iter_methods[] = {
    { "@@asyncIterator", async_iterator_self, 0, 0 },
  };
  static const JsMethodSpec gen_methods[] = {
    { "next", async_generator_method, 1, JS_RESUME_NEXT },
    { "return", async_generator_method, 1, JS_RESUME_RETURN },
    { "throw", async_generator_method, 1, JS_RESUME_THROW },
  };
  static const JsMethodSpec from_sync_methods[] = {
    { "next", from_sync_method, 1, JS_RESUME_NEXT },
    { "return", from_sync_method, 1, JS_RESUME_RETURN },
    { "throw", from_sync_method, 1, JS_RESUME_THROW },
  };
  ctx->async_request_shape = shape_new_root (rt, &request_class, NULL, 0);
  if (!ctx->async_request_shape)
    return false;

  ctx->async_iterator_proto = object_new_with_proto (
      rt, (JsCell *) ctx->object_proto, 2);
  if (!ctx->async_iterator_proto
      || !builtins_define_methods (ctx, ctx->async_iterator_proto,
                                   iter_methods, 1))
    return false;

  ctx->async_generator_proto = object_new_with_proto (
      rt, (JsCell *) ctx->async_iterator_proto, 4);
  if (!ctx->async_generator_proto
      || !builtins_define_methods (ctx, ctx->async_generator_proto,
                                   gen_methods, G_N_ELEMENTS (gen_methods))
      || !define_tag (ctx, ctx->async_generator_proto, "AsyncGenerator"))
    return false;

  /* %AsyncGeneratorFunction.prototype%: the prototype of async generator
     functions; it and %AsyncGeneratorPrototype% point at each other. */
  ctx->async_generator_function_proto = object_new_with_proto (
      rt, (JsCell *) ctx->function_proto, 4);
  JsObject *agfp = ctx->async_generator_function_proto;
  if (!agfp || !define_tag (ctx, agfp, "AsyncGeneratorFunction")
      || object_define_own (rt, agfp, atom_common_key (rt, JS_ATOM_prototype),
                            js_object_value (ctx->async_generator_proto),
                            JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE
      || object_define_own (rt, ctx->async_generator_proto,
                            atom_common_key (rt, JS_ATOM_constructor),
                            js_object_value (agfp), JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE)
    return false;
  ctx->async_generator_function_shape = shape_root_for (
      rt, &js_function_class, (JsCell *) agfp, 0);
  ctx->async_generator_closure_shape = shape_new_root (
      rt, &js_function_class, (JsCell *) agfp, 0);
  if (!ctx->async_generator_function_shape
      || !ctx->async_generator_closure_shape)
    return false;
  ctx->async_generator_closure_shape->flags |= JS_SHAPE_LAZY;

  ctx->async_from_sync_iterator_proto = object_new_with_proto (
      rt, (JsCell *) ctx->async_iterator_proto, 4);
  if (!ctx->async_from_sync_iterator_proto
      || !builtins_define_methods (ctx, ctx->async_from_sync_iterator_proto,
                                   from_sync_methods,
                                   G_N_ELEMENTS (from_sync_methods)))
    return false;
  ctx->async_from_sync_shape = shape_root_for (
      rt, &from_sync_class, (JsCell *) ctx->async_from_sync_iterator_proto,
      0);
  if (!ctx->async_from_sync_shape)
    return false;

  return define_dynamic_ctor (ctx, "GeneratorFunction", 1,
                              ctx->generator_function_proto)
         && define_dynamic_ctor (ctx, "AsyncFunction", 2,
                                 ctx->async_function_proto)
         && define_dynamic_ctor (ctx, "AsyncGeneratorFunction", 3,
                                 ctx->async_generator_function_proto);
}
