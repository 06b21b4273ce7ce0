/* builtins-promise.c — Promise, its jobs, and AggregateError.
 *
 * The spec's machinery, step for step: a promise's reactions are records
 * queued on it while it is pending and turned into jobs (the runtime's
 * job queue) when it settles or when a reaction is added to a settled
 * promise; resolving with a thenable queues a job that calls its then.
 * Scripts can count the jobs ("ticks") a chain takes, and test262 does,
 * so nothing here takes a short cut that changes their number or order.
 *
 * Two savings are unobservable and taken.  A capability of the realm's
 * own %Promise% made for then() or PromiseResolve has no resolving
 * functions (nobody could ever see them): its reaction settles the
 * derived promise directly, exactly once.  And the resolving functions
 * drop their promise once used, so a settled chain keeps nothing alive.
 *
 * Rejections.  A promise rejected while it has no reaction goes on the
 * runtime's list of unhandled rejections (HostPromiseRejectionTracker
 * "reject") and leaves it when a reaction is added ("handle"); what is
 * left at exit is reported as a warning in the gscript.js category.
 */
#include "config.h"

#include "promise.h"

#include "log.h"
#include "property.h"

#include <stddef.h>

/* ------------------------------------------------------------------ */
/* Cells                                                               */
/* ------------------------------------------------------------------ */

/* A promise: one slot. */
typedef struct
{
  JsShape *shape;     /* header: a promise shape of the realm */
  JsStorage *storage; /* properties, or NULL */
  JsValue result;     /* [[PromiseResult]]: undefined while pending */
  JsValue reactions;  /* pending: the newest reaction (internal cell) or
                         undefined; settled: int32 state | HANDLED */
} JsPromise;

/* Bit of a settled promise's state word: [[PromiseIsHandled]]. */
#define PROMISE_HANDLED 4

/* A PromiseReaction record pair (the fulfill and the reject reaction of
 * one then share their capability).  Two slots. */
typedef struct JsReaction JsReaction;
struct JsReaction
{
  JsShape *shape;           /* header: the realm's reaction shape */
  JsReaction *next;         /* the reaction added before this one */
  JsValue cap[JS_CAP_SIZE]; /* the derived promise (undefined: none) and
                               its resolving functions (undefined: settle
                               the promise directly) */
  JsValue on_fulfilled;     /* a callable or undefined; native: the data */
  JsValue on_rejected;      /* a callable or undefined */
  JsPromiseHandler native;  /* a C handler, or NULL */
};

/* The internal slots of built-in functions made on the fly (resolving
 * functions, element functions of Promise.all...): a few values. */
typedef struct
{
  JsShape *shape;   /* header: the realm's record shape */
  uint64_t count;   /* values that follow */
  JsValue values[]; /* as each kind of function defines them */
} JsRecord;

static void
promise_trace (JsTracer *trc, JsCell *cell)
{
  JsPromise *p = (JsPromise *) cell;
  gc_mark_cell (trc, (JsCell *) p->storage);
  gc_mark_value (trc, p->result);
  gc_mark_value (trc, p->reactions);
}

const JsCellClass js_promise_class = {
  .name = "Promise",
  .kind = JS_KIND_OBJECT,
  .trace = promise_trace,
};

static void
reaction_trace (JsTracer *trc, JsCell *cell)
{
  JsReaction *r = (JsReaction *) cell;
  gc_mark_cell (trc, (JsCell *) r->next);
  gc_mark_values (trc, r->cap, JS_CAP_SIZE);
  gc_mark_value (trc, r->on_fulfilled);
  gc_mark_value (trc, r->on_rejected);
}

static const JsCellClass reaction_class = {
  .name = "PromiseReaction",
  .kind = JS_KIND_INTERNAL,
  .trace = reaction_trace,
};

static void
record_trace (JsTracer *trc, JsCell *cell)
{
  JsRecord *r = (JsRecord *) cell;
  gc_mark_values (trc, r->values, (size_t) r->count);
}

static const JsCellClass record_class = {
  .name = "Record",
  .kind = JS_KIND_INTERNAL,
  .trace = record_trace,
};

static inline JsPromise *
as_promise (JsValue v)
{
  return (JsPromise *) js_get_cell (v);
}

static inline JsRecord *
as_record (JsValue v)
{
  return (JsRecord *) js_get_cell (v);
}

JsPromiseState
promise_state (JsValue promise)
{
  JsValue r = as_promise (promise)->reactions;
  if (js_is_int32 (r))
    return (JsPromiseState) (js_get_int32 (r) & 3);
  return JS_PROMISE_PENDING;
}

JsValue
promise_result (JsValue promise)
{
  return as_promise (promise)->result;
}

/* A record of n values; they are rooted here while it is allocated. */
static JsValue
record_new (JsContext *ctx, uint32_t n, const JsValue *values)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *v = rt->stack_top;
  for (uint32_t i = 0; i < n; i++)
    rt_push_root (rt, values[i]);
  JsRecord *r = (JsRecord *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS,
      js_slots_for (sizeof (JsRecord) + n * sizeof (JsValue)));
  if (r)
    {
      r->shape = ctx->promise_record_shape;
      r->count = n;
      memcpy (r->values, v, n * sizeof (JsValue));
      gc_write_barrier (&rt->heap, (JsCell *) r);
    }
  rt_restore_roots (rt, saved);
  if (!r)
    return js_throw_out_of_memory (ctx);
  return js_cell_value (JS_TAG_INTERNAL, r);
}

/* A built-in function without a name ("") with a record as its data. */
static JsValue
new_function (JsContext *ctx, JsNativeFn fn, uint32_t length, int magic,
              JsValue data)
{
  JsNativeFunction *f = function_new_native (ctx, realm_builtin_trampoline,
                                             (void *) fn, NULL, length,
                                             data);
  if (!f)
    return js_throw_out_of_memory (ctx);
  f->magic = (int16_t) magic;
  return js_object_value ((JsObject *) f);
}

/* A pending promise with this prototype. */
static JsValue
alloc_promise (JsContext *ctx, JsObject *proto)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsShape *s = ctx->promise_shape;
  if (proto != ctx->promise_proto)
    {
      rt_push_root (rt, js_object_value (proto));
      s = shape_root_for (rt, &js_promise_class, (JsCell *) proto, 0);
    }
  rt_push_cell (rt, s);
  JsPromise *p = s ? (JsPromise *) heap_alloc_slots (
                     &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *p))
                   : NULL;
  rt_restore_roots (rt, saved);
  if (!p)
    return js_throw_out_of_memory (ctx);
  p->shape = s;
  p->storage = NULL;
  p->result = JS_UNDEFINED;
  p->reactions = JS_UNDEFINED;
  gc_write_barrier (&rt->heap, (JsCell *) p);
  return js_object_value ((JsObject *) p);
}

JsValue
promise_new (JsContext *ctx)
{
  return alloc_promise (ctx, ctx->promise_proto);
}

/* ------------------------------------------------------------------ */
/* Unhandled rejections                                                */
/* ------------------------------------------------------------------ */

/* HostPromiseRejectionTracker (promise, "reject"). */
static void
track_rejection (JsRuntime *rt, JsValue promise)
{
  if (rt->unhandled_count == rt->unhandled_cap)
    {
      uint32_t cap = MAX (8u, rt->unhandled_cap * 2);
      JsValue *a = g_try_renew (JsValue, rt->unhandled, cap);
      /* Without memory the rejection goes unreported; nothing else. */
      if (!a)
        return;
      rt->unhandled = a;
      rt->unhandled_cap = cap;
    }
  rt->unhandled[rt->unhandled_count++] = promise;
}

/* HostPromiseRejectionTracker (promise, "handle"). */
static void
untrack_rejection (JsRuntime *rt, JsValue promise)
{
  for (uint32_t i = rt->unhandled_count; i > 0; i--)
    if (rt->unhandled[i - 1] == promise)
      {
        memmove (&rt->unhandled[i - 1], &rt->unhandled[i],
                 (rt->unhandled_count - i) * sizeof (JsValue));
        rt->unhandled_count--;
        return;
      }
}

/* The reason of a rejection as text, without running script. */
static char *
describe_reason (JsRuntime *rt, JsValue v)
{
  JsValue s = JS_UNDEFINED;
  if (js_is_string (v))
    s = v;
  else if (js_is_object (v))
    {
      if (object_get (rt, js_get_object (v),
                      atom_common_key (rt, JS_ATOM_stack), &s)
              != JS_GET_VALUE
          || !js_is_string (s))
        return g_strdup ("[object]");
    }
  else if (js_is_number (v))
    {
      JsString *n = js_number_to_string (rt, js_get_number (v));
      if (n)
        s = js_string_value (n);
    }
  else if (js_is_bool (v))
    return g_strdup (js_get_bool (v) ? "true" : "false");
  else if (js_is_null (v))
    return g_strdup ("null");
  else if (js_is_undefined (v))
    return g_strdup ("undefined");
  else if (js_is_symbol (v))
    return g_strdup ("Symbol()");
  if (!js_is_string (s))
    return g_strdup ("a value");
  char *u = string_to_utf8 (rt, js_get_string (s), NULL);
  return u ? u : g_strdup ("a string");
}

guint
promise_report_unhandled (JsRuntime *rt)
{
  guint n = rt->unhandled_count;
  for (uint32_t i = 0; i < rt->unhandled_count; i++)
    {
      g_autofree char *text
          = describe_reason (rt, as_promise (rt->unhandled[i])->result);
      gs_log_warning (&log_js, "Unhandled promise rejection: %s", text);
    }
  rt->unhandled_count = 0;
  return n;
}

/* ------------------------------------------------------------------ */
/* Settling and reactions                                              */
/* ------------------------------------------------------------------ */

static JsValue reaction_job (JsContext *ctx, const JsValue *args);
static JsValue thenable_job (JsContext *ctx, const JsValue *args);

/* NewPromiseReactionJob, queued. */
static bool
enqueue_reaction (JsContext *ctx, JsReaction *r, JsValue argument,
                  bool rejected)
{
  JsValue args[3] = { js_cell_value (JS_TAG_INTERNAL, r), argument,
                      js_bool (rejected) };
  if (!runtime_enqueue_job (ctx, reaction_job, 3, args))
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  return true;
}

/* FulfillPromise and RejectPromise: the reactions become jobs, in the
 * order they were added.  Allocates no cell. */
static bool
settle (JsContext *ctx, JsValue promise, JsValue value, bool rejected)
{
  JsRuntime *rt = ctx->rt;
  JsPromise *p = as_promise (promise);
  JsValue list = p->reactions;
  g_assert (!js_is_int32 (list));
  bool handled = !js_is_undefined (list);
  p->result = value;
  p->reactions = js_int32 ((rejected ? JS_PROMISE_REJECTED
                                     : JS_PROMISE_FULFILLED)
                           | (handled ? PROMISE_HANDLED : 0));
  gc_write_barrier (&rt->heap, (JsCell *) p);
  if (rejected && !handled)
    track_rejection (rt, promise);
  /* The list is newest first: reverse it. */
  JsReaction *r = handled ? (JsReaction *) js_get_cell (list) : NULL;
  JsReaction *prev = NULL;
  while (r)
    {
      JsReaction *next = r->next;
      r->next = prev;
      prev = r;
      r = next;
    }
  bool ok = true;
  for (r = prev; r;)
    {
      /* Each job holds its own reaction: unlink them as they go. */
      JsReaction *next = r->next;
      r->next = NULL;
      ok = ok && enqueue_reaction (ctx, r, value, rejected);
      r = next;
    }
  return ok;
}

/* RejectPromise, if it is still pending. */
static bool
reject_promise (JsContext *ctx, JsValue promise, JsValue reason)
{
  if (promise_state (promise) != JS_PROMISE_PENDING)
    return true;
  return settle (ctx, promise, reason, true);
}

bool
promise_reject_native (JsContext *ctx, JsValue promise, JsValue reason)
{
  return reject_promise (ctx, promise, reason);
}

/* The body of a promise's resolve function (after its alreadyResolved
 * check): a thenable is followed in a job, anything else fulfills. */
static bool
resolve_promise (JsContext *ctx, JsValue promise, JsValue resolution)
{
  JsRuntime *rt = ctx->rt;
  if (promise_state (promise) != JS_PROMISE_PENDING)
    return true;
  if (resolution == promise)
    {
      JsValue *saved = rt_save_roots (rt);
      JsValue *pp = rt_push_root (rt, promise);
      JsValue e = js_new_error (ctx, JS_ERR_TYPE, "Chaining cycle detected "
                                                  "for promise");
      bool ok = !js_is_exception (e) && reject_promise (ctx, *pp, e);
      rt_restore_roots (rt, saved);
      if (js_is_exception (e))
        js_throw_out_of_memory (ctx);
      return ok;
    }
  if (!js_is_object (resolution))
    return settle (ctx, promise, resolution, false);
  JsValue *saved = rt_save_roots (rt);
  JsValue *args = rt->stack_top;
  rt_push_root (rt, promise);
  rt_push_root (rt, resolution);
  JsValue then = js_get (ctx, resolution, atom_common_key (rt, JS_ATOM_then));
  bool ok;
  if (js_is_exception (then))
    {
      JsValue *pe = rt_push_root (rt, js_take_exception (ctx));
      ok = reject_promise (ctx, args[0], *pe);
    }
  else if (!js_is_callable (then))
    ok = settle (ctx, args[0], args[1], false);
  else
    {
      rt_push_root (rt, then);
      ok = runtime_enqueue_job (ctx, thenable_job, 3, args);
      if (!ok)
        js_throw_out_of_memory (ctx);
    }
  rt_restore_roots (rt, saved);
  return ok;
}

bool
promise_resolve_native (JsContext *ctx, JsValue promise, JsValue v)
{
  return resolve_promise (ctx, promise, v);
}

/* The resolve (magic 0) and reject (magic 1) functions of a promise;
 * their record is [promise, alreadyResolved]. */
enum
{
  RS_PROMISE,
  RS_DONE,
  RS_COUNT
};

static JsValue
resolving_function (const JsCallInfo *info)
{
  JsRecord *r = as_record (*info->data);
  if (r->values[RS_DONE] == JS_TRUE)
    return JS_UNDEFINED;
  JsValue promise = r->values[RS_PROMISE];
  /* Used once: the promise is no longer kept alive by these functions.
     info->data is a root, and the promise is one until it is settled. */
  r->values[RS_DONE] = JS_TRUE;
  r->values[RS_PROMISE] = JS_UNDEFINED;
  JsRuntime *rt = info->ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, promise);
  bool ok = info->magic ? reject_promise (info->ctx, promise,
                                          js_arg (info, 0))
                        : resolve_promise (info->ctx, promise,
                                           js_arg (info, 0));
  rt_restore_roots (rt, saved);
  return ok ? JS_UNDEFINED : JS_EXCEPTION;
}

/* CreateResolvingFunctions into out[0..2), which must be rooted. */
static bool
create_resolving_functions (JsContext *ctx, JsValue promise, JsValue *out)
{
  JsValue rec = record_new (ctx, RS_COUNT,
                            (JsValue[]){ promise, JS_FALSE });
  if (js_is_exception (rec))
    return false;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, rec);
  out[0] = new_function (ctx, resolving_function, 1, 0, *pr);
  if (!js_is_exception (out[0]))
    out[1] = new_function (ctx, resolving_function, 1, 1, *pr);
  rt_restore_roots (rt, saved);
  return !js_is_exception (out[0]) && !js_is_exception (out[1]);
}

/* NewPromiseResolveThenableJob: args are the promise, the thenable and
 * its then method. */
static JsValue
thenable_job (JsContext *ctx, const JsValue *args)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *fns = rt->stack_top;
  rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (create_resolving_functions (ctx, args[0], fns))
    {
      r = js_call (ctx, args[2], args[1], 2, fns);
      if (js_is_exception (r))
        {
          JsValue *pe = rt_push_root (rt, js_take_exception (ctx));
          r = js_call (ctx, fns[1], JS_UNDEFINED, 1, pe);
        }
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* NewPromiseReactionJob: args are the reaction, the argument and whether
 * the promise was rejected. */
static JsValue
reaction_job (JsContext *ctx, const JsValue *args)
{
  JsRuntime *rt = ctx->rt;
  JsReaction *r = (JsReaction *) js_get_cell (args[0]);
  JsValue arg = args[1];
  bool rejected = js_get_bool (args[2]);
  JsValue result;
  if (r->native)
    result = r->native (ctx, r->on_fulfilled, arg, rejected);
  else
    {
      JsValue h = rejected ? r->on_rejected : r->on_fulfilled;
      if (js_is_undefined (h))
        result = rejected ? js_throw (ctx, arg) : arg;
      else
        result = js_call (ctx, h, JS_UNDEFINED, 1, &args[1]);
    }
  /* Nothing to settle: an exception is the job's own (reported). */
  if (js_is_undefined (r->cap[JS_CAP_PROMISE]))
    return result;
  bool abrupt = js_is_exception (result);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, abrupt ? js_take_exception (ctx) : result);
  JsValue fn = r->cap[abrupt ? JS_CAP_REJECT : JS_CAP_RESOLVE];
  JsValue out = JS_UNDEFINED;
  if (!js_is_undefined (fn))
    out = js_call (ctx, fn, JS_UNDEFINED, 1, pv);
  else if (!(abrupt ? reject_promise (ctx, r->cap[JS_CAP_PROMISE], *pv)
                    : resolve_promise (ctx, r->cap[JS_CAP_PROMISE], *pv)))
    out = JS_EXCEPTION;
  rt_restore_roots (rt, saved);
  return out;
}

/* PerformPromiseThen. */
static bool
perform_then (JsContext *ctx, JsValue promise, JsValue on_fulfilled,
              JsValue on_rejected, JsPromiseHandler native,
              const JsValue *cap)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *v = rt->stack_top;
  rt_push_root (rt, promise);
  rt_push_root (rt, on_fulfilled);
  rt_push_root (rt, on_rejected);
  for (int i = 0; i < JS_CAP_SIZE; i++)
    rt_push_root (rt, cap ? cap[i] : JS_UNDEFINED);
  JsReaction *r = (JsReaction *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *r));
  if (!r)
    {
      rt_restore_roots (rt, saved);
      js_throw_out_of_memory (ctx);
      return false;
    }
  r->shape = ctx->promise_reaction_shape;
  r->next = NULL;
  memcpy (r->cap, v + 3, sizeof r->cap);
  r->native = native;
  r->on_fulfilled = (native || js_is_callable (v[1])) ? v[1] : JS_UNDEFINED;
  r->on_rejected = !native && js_is_callable (v[2]) ? v[2] : JS_UNDEFINED;
  gc_write_barrier (&rt->heap, (JsCell *) r);

  JsPromise *p = as_promise (v[0]);
  bool ok = true;
  if (!js_is_int32 (p->reactions))
    {
      /* Pending: the reaction waits on the promise, newest first. */
      if (!js_is_undefined (p->reactions))
        r->next = (JsReaction *) js_get_cell (p->reactions);
      p->reactions = js_cell_value (JS_TAG_INTERNAL, r);
      gc_write_barrier (&rt->heap, (JsCell *) p);
    }
  else
    {
      int32_t st = js_get_int32 (p->reactions);
      bool rejected = (st & 3) == JS_PROMISE_REJECTED;
      if (rejected && !(st & PROMISE_HANDLED))
        untrack_rejection (rt, v[0]);
      p->reactions = js_int32 (st | PROMISE_HANDLED);
      ok = enqueue_reaction (ctx, r, p->result, rejected);
    }
  rt_restore_roots (rt, saved);
  return ok;
}

bool
promise_then (JsContext *ctx, JsValue promise, JsValue on_fulfilled,
              JsValue on_rejected, const JsValue *cap)
{
  return perform_then (ctx, promise, on_fulfilled, on_rejected, NULL, cap);
}

bool
promise_then_native (JsContext *ctx, JsValue promise,
                     JsPromiseHandler handler, JsValue data,
                     const JsValue *cap)
{
  return perform_then (ctx, promise, data, JS_UNDEFINED, handler, cap);
}

/* ------------------------------------------------------------------ */
/* Capabilities                                                        */
/* ------------------------------------------------------------------ */

/* GetCapabilitiesExecutor: its record is [resolve, reject]. */
static JsValue
capability_executor (const JsCallInfo *info)
{
  JsRecord *r = as_record (*info->data);
  if (!js_is_undefined (r->values[0]) || !js_is_undefined (r->values[1]))
    return js_throw_type_error (info->ctx, "Promise executor has already "
                                           "been invoked with non-undefined "
                                           "arguments");
  r->values[0] = js_arg (info, 0);
  r->values[1] = js_arg (info, 1);
  gc_write_barrier (&info->ctx->rt->heap, (JsCell *) r);
  return JS_UNDEFINED;
}

/* NewPromiseCapability (c).  For the realm's own %Promise%, without
 * functions unless asked: see the opening comment. */
static bool
new_capability (JsContext *ctx, JsValue c, JsValue *cap, bool functions)
{
  JsRuntime *rt = ctx->rt;
  cap[JS_CAP_RESOLVE] = cap[JS_CAP_REJECT] = JS_UNDEFINED;
  if (c == ctx->promise_ctor)
    {
      cap[JS_CAP_PROMISE] = promise_new (ctx);
      if (js_is_exception (cap[JS_CAP_PROMISE]))
        return false;
      return !functions
             || create_resolving_functions (ctx, cap[JS_CAP_PROMISE],
                                            cap + JS_CAP_RESOLVE);
    }
  if (!js_is_constructor (c))
    {
      js_throw_type_error (ctx, "%s is not a constructor",
                           realm_describe (ctx, c));
      return false;
    }
  JsValue rec = record_new (ctx, 2, (JsValue[]){ JS_UNDEFINED, JS_UNDEFINED });
  if (js_is_exception (rec))
    return false;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, rec);
  JsValue *pc = rt_push_root (rt, c);
  JsValue exec = new_function (ctx, capability_executor, 2, 0, *pr);
  bool ok = false;
  if (!js_is_exception (exec))
    {
      JsValue p = js_construct (ctx, *pc, 1, &exec, *pc);
      if (!js_is_exception (p))
        {
          JsRecord *r = as_record (*pr);
          if (!js_is_callable (r->values[0]) || !js_is_callable (r->values[1]))
            js_throw_type_error (ctx, "Promise resolve or reject function is "
                                      "not callable");
          else
            {
              cap[JS_CAP_PROMISE] = p;
              cap[JS_CAP_RESOLVE] = r->values[0];
              cap[JS_CAP_REJECT] = r->values[1];
              ok = true;
            }
        }
    }
  rt_restore_roots (rt, saved);
  return ok;
}

bool
promise_new_capability (JsContext *ctx, JsValue ctor, JsValue *cap)
{
  return new_capability (ctx, ctor, cap, true);
}

/* Settles a capability's promise with v: through its functions, or
 * directly when it has none. */
static bool
cap_settle (JsContext *ctx, const JsValue *cap, JsValue v, bool reject)
{
  JsValue fn = cap[reject ? JS_CAP_REJECT : JS_CAP_RESOLVE];
  if (js_is_undefined (fn))
    return reject ? reject_promise (ctx, cap[JS_CAP_PROMISE], v)
                  : resolve_promise (ctx, cap[JS_CAP_PROMISE], v);
  return !js_is_exception (js_call (ctx, fn, JS_UNDEFINED, 1, &v));
}

JsValue
promise_resolve (JsContext *ctx, JsValue c, JsValue x)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pc = rt_push_root (rt, c);
  JsValue *px = rt_push_root (rt, x);
  JsValue r = JS_EXCEPTION;
  if (promise_is_promise (x))
    {
      JsValue xc = js_get (ctx, x, atom_common_key (rt, JS_ATOM_constructor));
      if (js_is_exception (xc))
        goto out;
      if (js_same_value (rt, xc, *pc))
        {
          r = *px;
          goto out;
        }
    }
  JsValue *cap = rt->stack_top;
  for (int i = 0; i < JS_CAP_SIZE; i++)
    rt_push_root (rt, JS_UNDEFINED);
  if (new_capability (ctx, *pc, cap, false)
      && cap_settle (ctx, cap, *px, false))
    r = cap[JS_CAP_PROMISE];
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* SpeciesConstructor (o, dflt). */
static JsValue
species_constructor (JsContext *ctx, JsValue o, JsValue dflt)
{
  JsRuntime *rt = ctx->rt;
  JsValue c = js_get (ctx, o, atom_common_key (rt, JS_ATOM_constructor));
  if (js_is_exception (c) || js_is_undefined (c))
    return js_is_exception (c) ? c : dflt;
  if (!js_is_object (c))
    return js_throw_type_error (ctx, "The constructor property is not an "
                                     "object");
  JsValue s = js_get (ctx, c, symbol_key (rt->well_known[JS_SYM_species]));
  if (js_is_exception (s) || js_is_nullish (s))
    return js_is_exception (s) ? s : dflt;
  if (js_is_constructor (s))
    return s;
  return js_throw_type_error (ctx, "object.constructor[Symbol.species] is "
                                   "not a constructor");
}

/* Invoke (v, "then", argc, argv). */
static JsValue
invoke_then (JsContext *ctx, JsValue v, uint32_t argc, const JsValue *argv)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, v);
  JsValue then = js_get (ctx, v, atom_common_key (rt, JS_ATOM_then));
  JsValue r = js_is_exception (then) ? then
                                     : js_call (ctx, then, *pv, argc, argv);
  rt_restore_roots (rt, saved);
  return r;
}

/* CreateArrayFromList of an internal list kept as a dense array. */
static JsValue
copy_list (JsContext *ctx, JsValue list)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pl = rt_push_root (rt, list);
  uint32_t n = object_elem_len (js_get_object (list));
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, n);
  JsValue r = a ? js_object_value (a) : js_throw_out_of_memory (ctx);
  if (a)
    {
      JsValue *pa = rt_push_root (rt, r);
      for (uint32_t i = 0; i < n; i++)
        {
          JsValue v = object_elements (js_get_object (*pl))[i];
          if (object_array_push (rt, js_get_object (*pa),
                                 js_is_empty (v) ? JS_UNDEFINED : v)
              != JS_PROP_DONE)
            {
              r = js_throw_out_of_memory (ctx);
              break;
            }
        }
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* The constructor and its statics                                     */
/* ------------------------------------------------------------------ */

static JsValue
promise_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (js_is_undefined (info->new_target))
    return js_throw_type_error (ctx, "Promise constructor cannot be invoked "
                                     "without 'new'");
  JsValue executor = js_arg (info, 0);
  if (!js_is_callable (executor))
    return js_throw_type_error (ctx, "Promise resolver %s is not a function",
                                realm_describe (ctx, executor));
  JsObject *proto = info->new_target == ctx->promise_ctor
                        ? ctx->promise_proto
                        : builtins_proto_from_ctor (
                              ctx, info->new_target,
                              offsetof (JsContext, promise_proto));
  if (!proto)
    return JS_EXCEPTION;
  JsValue p = alloc_promise (ctx, proto);
  if (js_is_exception (p))
    return p;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, p);
  JsValue *fns = rt->stack_top;
  rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (create_resolving_functions (ctx, p, fns))
    {
      r = js_call (ctx, js_arg (info, 0), JS_UNDEFINED, 2, fns);
      if (js_is_exception (r))
        {
          JsValue *pe = rt_push_root (rt, js_take_exception (ctx));
          r = js_call (ctx, fns[1], JS_UNDEFINED, 1, pe);
        }
      if (!js_is_exception (r))
        r = *pp;
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* Promise.resolve (magic 0) and Promise.reject (magic 1). */
static JsValue
promise_static_settle (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsValue c = *info->this_arg;
  if (!js_is_object (c))
    return js_throw_type_error (ctx, "Promise.%s called on a non-object",
                                info->magic ? "reject" : "resolve");
  if (!info->magic)
    return promise_resolve (ctx, c, js_arg (info, 0));
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *cap = rt->stack_top;
  for (int i = 0; i < JS_CAP_SIZE; i++)
    rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (new_capability (ctx, c, cap, false)
      && cap_settle (ctx, cap, js_arg (info, 0), true))
    r = cap[JS_CAP_PROMISE];
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
promise_with_resolvers (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *cap = rt->stack_top;
  for (int i = 0; i < JS_CAP_SIZE; i++)
    rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (!new_capability (ctx, *info->this_arg, cap, true))
    goto out;
  JsObject *o = object_new_with_proto (rt, (JsCell *) ctx->object_proto, 4);
  if (!o)
    {
      r = js_throw_out_of_memory (ctx);
      goto out;
    }
  JsValue *po = rt_push_root (rt, js_object_value (o));
  static const char *const names[JS_CAP_SIZE] = { "promise", "resolve",
                                                  "reject" };
  for (int i = 0; i < JS_CAP_SIZE; i++)
    {
      JsKey k = atom_key_from_utf8 (rt, names[i]);
      if (k == JS_KEY_NONE
          || js_define_data (ctx, js_get_object (*po), k, cap[i], true) < 0)
        {
          if (k == JS_KEY_NONE)
            js_throw_out_of_memory (ctx);
          goto out;
        }
    }
  r = *po;
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
promise_species (const JsCallInfo *info)
{
  return *info->this_arg;
}

/* ------------------------------------------------------------------ */
/* all, allSettled, any, race                                          */
/* ------------------------------------------------------------------ */

enum
{
  COMBINE_ALL,
  COMBINE_ALL_SETTLED,
  COMBINE_ANY,
  COMBINE_RACE
};

/* The state shared by the element functions of one call:
 * [values (or errors), remainingElements, capability...]. */
enum
{
  ST_VALUES,
  ST_REMAINING,
  ST_CAP,
  ST_COUNT = ST_CAP + JS_CAP_SIZE
};

/* An element function's record: [state, index, alreadyCalled]; the two
 * functions of one allSettled element share it. */
enum
{
  EL_STATE,
  EL_INDEX,
  EL_CALLED,
  EL_COUNT
};

/* Element functions' magic. */
enum
{
  ELEMENT_ALL,
  ELEMENT_SETTLED_FULFILLED,
  ELEMENT_SETTLED_REJECTED,
  ELEMENT_ANY
};

/* The AggregateError Promise.any rejects with, its errors a copy of the
 * list. */
static JsValue
new_aggregate_error (JsContext *ctx, JsValue errors)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pl = rt_push_root (rt, errors);
  JsValue r = js_new_error (ctx, JS_ERR_AGGREGATE,
                            "All promises were rejected");
  if (js_is_exception (r))
    r = js_throw_out_of_memory (ctx);
  else
    {
      JsValue *pe = rt_push_root (rt, r);
      JsValue a = copy_list (ctx, *pl);
      if (js_is_exception (a))
        r = a;
      else
        {
          JsValue *pa = rt_push_root (rt, a);
          JsKey k = atom_key_from_utf8 (rt, "errors");
          if (k == JS_KEY_NONE
              || object_define_own (rt, js_get_object (*pe), k, *pa,
                                    JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
                     != JS_PROP_DONE)
            r = js_throw_out_of_memory (ctx);
        }
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* { status, value } or { status, reason } for allSettled. */
static JsValue
settled_record (JsContext *ctx, JsValue x, bool rejected)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *px = rt_push_root (rt, x);
  JsValue r = JS_EXCEPTION;
  JsObject *o = object_new_with_proto (rt, (JsCell *) ctx->object_proto, 2);
  if (!o)
    goto oom;
  JsValue *po = rt_push_root (rt, js_object_value (o));
  JsString *status = atom_intern_utf8 (rt, rejected ? "rejected"
                                                    : "fulfilled", -1);
  if (!status)
    goto oom;
  JsValue *ps = rt_push_root (rt, js_string_value (status));
  JsKey ks = atom_key_from_utf8 (rt, "status");
  if (ks == JS_KEY_NONE
      || js_define_data (ctx, js_get_object (*po), ks, *ps, true) < 0)
    goto fail;
  JsKey kv = atom_key_from_utf8 (rt, rejected ? "reason" : "value");
  if (kv == JS_KEY_NONE
      || js_define_data (ctx, js_get_object (*po), kv, *px, true) < 0)
    goto fail;
  r = *po;
  goto out;
fail:
  if (js_is_empty (ctx->pending_exception))
    goto oom;
  goto out;
oom:
  r = js_throw_out_of_memory (ctx);
out:
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
element_function (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsRecord *el = as_record (*info->data);
  if (el->values[EL_CALLED] == JS_TRUE)
    return JS_UNDEFINED;
  el->values[EL_CALLED] = JS_TRUE;
  JsValue x = js_arg (info, 0);
  if (info->magic == ELEMENT_SETTLED_FULFILLED
      || info->magic == ELEMENT_SETTLED_REJECTED)
    {
      x = settled_record (ctx, x,
                          info->magic == ELEMENT_SETTLED_REJECTED);
      if (js_is_exception (x))
        return x;
    }
  el = as_record (*info->data);
  JsRecord *st = as_record (el->values[EL_STATE]);
  JsObject *list = js_get_object (st->values[ST_VALUES]);
  uint32_t index = (uint32_t) js_get_number (el->values[EL_INDEX]);
  object_elements (list)[index] = x;
  gc_write_barrier (&rt->heap, (JsCell *) list->storage);
  int32_t remaining = js_get_int32 (st->values[ST_REMAINING]) - 1;
  st->values[ST_REMAINING] = js_int32 (remaining);
  if (remaining > 0)
    return JS_UNDEFINED;
  JsValue *saved = rt_save_roots (rt);
  JsValue *ps = rt_push_root (rt, el->values[EL_STATE]);
  JsValue v = info->magic == ELEMENT_ANY
                  ? new_aggregate_error (ctx, st->values[ST_VALUES])
                  : copy_list (ctx, st->values[ST_VALUES]);
  JsValue r = v;
  if (!js_is_exception (v))
    {
      JsValue *pv = rt_push_root (rt, v);
      st = as_record (*ps);
      JsValue fn = st->values[ST_CAP + (info->magic == ELEMENT_ANY
                                            ? JS_CAP_REJECT
                                            : JS_CAP_RESOLVE)];
      r = js_call (ctx, fn, JS_UNDEFINED, 1, pv);
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* PerformPromiseAll and its kin.  state: the shared record; it: the
 * iterator record (two rooted slots). */
static JsValue
perform_combine (JsContext *ctx, int kind, JsValue c, const JsValue *cap,
                 JsValue resolve_fn, JsValue *it)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pc = rt_push_root (rt, c);
  JsValue *pres = rt_push_root (rt, resolve_fn);
  JsValue r = JS_EXCEPTION;
  JsObject *list = object_new_array (rt, (JsCell *) ctx->array_proto, 0);
  if (!list)
    {
      r = js_throw_out_of_memory (ctx);
      goto out;
    }
  JsValue *pl = rt_push_root (rt, js_object_value (list));
  JsValue state = record_new (ctx, ST_COUNT,
                              (JsValue[]){ *pl, js_int32 (1),
                                           cap[JS_CAP_PROMISE],
                                           cap[JS_CAP_RESOLVE],
                                           cap[JS_CAP_REJECT] });
  if (js_is_exception (state))
    goto out;
  JsValue *pst = rt_push_root (rt, state);
  JsValue *tmp = rt->stack_top;
  for (int i = 0; i < 4; i++)
    rt_push_root (rt, JS_UNDEFINED);
  for (uint32_t index = 0;; index++)
    {
      bool done = false;
      JsValue next = realm_iterator_step (ctx, it, &done);
      if (js_is_exception (next))
        goto out;
      if (done)
        {
          /* [[Done]]: an error from here on does not close it. */
          it[1] = JS_UNDEFINED;
          r = cap[JS_CAP_PROMISE];
          if (kind == COMBINE_RACE)
            goto out;
          JsRecord *st = as_record (*pst);
          int32_t remaining = js_get_int32 (st->values[ST_REMAINING]) - 1;
          st->values[ST_REMAINING] = js_int32 (remaining);
          if (remaining > 0)
            goto out;
          JsValue v = kind == COMBINE_ANY ? new_aggregate_error (ctx, *pl)
                                          : copy_list (ctx, *pl);
          if (js_is_exception (v))
            {
              r = v;
              goto out;
            }
          tmp[0] = v;
          JsValue fn = cap[kind == COMBINE_ANY ? JS_CAP_REJECT
                                               : JS_CAP_RESOLVE];
          if (js_is_exception (js_call (ctx, fn, JS_UNDEFINED, 1, tmp)))
            r = JS_EXCEPTION;
          goto out;
        }
      tmp[0] = next;
      if (kind != COMBINE_RACE
          && object_array_push (rt, js_get_object (*pl), JS_UNDEFINED)
                 != JS_PROP_DONE)
        {
          r = js_throw_out_of_memory (ctx);
          goto out;
        }
      JsValue np = js_call (ctx, *pres, *pc, 1, tmp);
      if (js_is_exception (np))
        goto out;
      tmp[1] = np;
      tmp[2] = cap[JS_CAP_RESOLVE];
      tmp[3] = cap[JS_CAP_REJECT];
      if (kind != COMBINE_RACE)
        {
          JsValue el = record_new (ctx, EL_COUNT,
                                   (JsValue[]){ *pst, js_number (index),
                                                JS_FALSE });
          if (js_is_exception (el))
            goto out;
          tmp[0] = el;
          int magic = kind == COMBINE_ALL ? ELEMENT_ALL
                      : kind == COMBINE_ANY
                          ? ELEMENT_ANY
                          : ELEMENT_SETTLED_FULFILLED;
          JsValue f = new_function (ctx, element_function, 1, magic, tmp[0]);
          if (js_is_exception (f))
            goto out;
          tmp[kind == COMBINE_ANY ? 3 : 2] = f;
          if (kind == COMBINE_ALL_SETTLED)
            {
              f = new_function (ctx, element_function, 1,
                                ELEMENT_SETTLED_REJECTED, tmp[0]);
              if (js_is_exception (f))
                goto out;
              tmp[3] = f;
            }
          JsRecord *st = as_record (*pst);
          st->values[ST_REMAINING]
              = js_int32 (js_get_int32 (st->values[ST_REMAINING]) + 1);
        }
      if (js_is_exception (invoke_then (ctx, tmp[1], 2, tmp + 2)))
        goto out;
    }
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* GetPromiseResolve (c). */
static JsValue
get_promise_resolve (JsContext *ctx, JsValue c)
{
  JsValue r = js_get (ctx, c, atom_common_key (ctx->rt, JS_ATOM_resolve));
  if (js_is_exception (r) || js_is_callable (r))
    return r;
  return js_throw_type_error (ctx, "Promise resolve is not a function");
}

static JsValue
promise_combine (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *cap = rt->stack_top;
  for (int i = 0; i < JS_CAP_SIZE; i++)
    rt_push_root (rt, JS_UNDEFINED);
  JsValue *it = rt->stack_top;
  rt_push_root (rt, JS_UNDEFINED);
  rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (!new_capability (ctx, *info->this_arg, cap, true))
    goto out;
  JsValue resolve_fn = get_promise_resolve (ctx, *info->this_arg);
  if (js_is_exception (resolve_fn))
    goto reject;
  JsValue *pres = rt_push_root (rt, resolve_fn);
  if (realm_get_iterator (ctx, js_arg (info, 0), it) < 0)
    goto reject;
  r = perform_combine (ctx, info->magic, *info->this_arg, cap, *pres, it);
  if (!js_is_exception (r))
    goto out;
  if (!js_is_undefined (it[1]))
    {
      /* IteratorClose with a throw completion: the original error wins
         over anything return() does. */
      JsValue *pe = rt_push_root (rt, js_take_exception (ctx));
      if (realm_iterator_close (ctx, it[0]) < 0)
        js_take_exception (ctx);
      js_throw (ctx, *pe);
    }
reject:
  {
    /* IfAbruptRejectPromise. */
    JsValue *pe = rt_push_root (rt, js_take_exception (ctx));
    r = js_call (ctx, cap[JS_CAP_REJECT], JS_UNDEFINED, 1, pe);
    if (!js_is_exception (r))
      r = cap[JS_CAP_PROMISE];
  }
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* The prototype                                                       */
/* ------------------------------------------------------------------ */

static JsValue
promise_proto_then (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue t = *info->this_arg;
  if (!promise_is_promise (t))
    return js_throw_type_error (ctx, "Promise.prototype.then called on an "
                                     "incompatible receiver");
  JsValue c = species_constructor (ctx, t, ctx->promise_ctor);
  if (js_is_exception (c))
    return c;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pc = rt_push_root (rt, c);
  JsValue *cap = rt->stack_top;
  for (int i = 0; i < JS_CAP_SIZE; i++)
    rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (new_capability (ctx, *pc, cap, false)
      && perform_then (ctx, *info->this_arg, js_arg (info, 0),
                       js_arg (info, 1), NULL, cap))
    r = cap[JS_CAP_PROMISE];
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
promise_proto_catch (const JsCallInfo *info)
{
  JsValue args[2] = { JS_UNDEFINED, js_arg (info, 0) };
  return invoke_then (info->ctx, *info->this_arg, 2, args);
}

/* A finally's thunks: return the value (magic 0) or throw it (1); their
 * record is [value]. */
static JsValue
finally_thunk (const JsCallInfo *info)
{
  JsValue v = as_record (*info->data)->values[0];
  return info->magic ? js_throw (info->ctx, v) : v;
}

/* thenFinally (magic 0) and catchFinally (1); their record is
 * [onFinally, C]. */
enum
{
  FIN_ON_FINALLY,
  FIN_CTOR,
  FIN_COUNT
};

static JsValue
finally_reaction (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue on_finally = as_record (*info->data)->values[FIN_ON_FINALLY];
  JsValue result = js_call (ctx, on_finally, JS_UNDEFINED, 0, NULL);
  if (js_is_exception (result))
    return result;
  JsValue p = promise_resolve (ctx, as_record (*info->data)->values[FIN_CTOR],
                               result);
  if (js_is_exception (p))
    return p;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, p);
  JsValue value = js_arg (info, 0);
  JsValue rec = record_new (ctx, 1, &value);
  JsValue r = rec;
  if (!js_is_exception (rec))
    {
      JsValue *prec = rt_push_root (rt, rec);
      JsValue thunk = new_function (ctx, finally_thunk, 0, info->magic,
                                    *prec);
      r = js_is_exception (thunk) ? thunk
                                  : invoke_then (ctx, *pp, 1, &thunk);
    }
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
promise_proto_finally (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue t = *info->this_arg;
  if (!js_is_object (t))
    return js_throw_type_error (ctx, "Promise.prototype.finally called on a "
                                     "non-object");
  JsValue c = species_constructor (ctx, t, ctx->promise_ctor);
  if (js_is_exception (c))
    return c;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pc = rt_push_root (rt, c);
  JsValue *args = rt->stack_top;
  JsValue on_finally = js_arg (info, 0);
  rt_push_root (rt, on_finally);
  rt_push_root (rt, on_finally);
  JsValue r = JS_EXCEPTION;
  if (js_is_callable (on_finally))
    {
      JsValue rec = record_new (ctx, FIN_COUNT,
                                (JsValue[]){ on_finally, *pc });
      if (js_is_exception (rec))
        goto out;
      JsValue *prec = rt_push_root (rt, rec);
      for (int i = 0; i < 2; i++)
        {
          args[i] = new_function (ctx, finally_reaction, 1, i, *prec);
          if (js_is_exception (args[i]))
            goto out;
        }
    }
  r = invoke_then (ctx, *info->this_arg, 2, args);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* AggregateError                                                      */
/* ------------------------------------------------------------------ */

/* IterableToList into a new array. */
static JsValue
iterable_to_array (JsContext *ctx, JsValue iterable)
{
  JsRuntime *rt = ctx->rt;
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, 0);
  if (!a)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, js_object_value (a));
  JsValue r = realm_array_spread (ctx, a, iterable) < 0 ? JS_EXCEPTION : *pa;
  rt_restore_roots (rt, saved);
  return r;
}

static JsValue
aggregate_error_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue nt = js_is_undefined (info->new_target) ? info->callee
                                                  : info->new_target;
  JsObject *proto = builtins_proto_from_ctor (
      ctx, nt, offsetof (JsContext, error_protos[JS_ERR_AGGREGATE]));
  if (!proto)
    return JS_EXCEPTION;
  JsObject *e = realm_new_error_object (ctx, (JsCell *) proto);
  if (!e)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pe = rt_push_root (rt, js_object_value (e));
  JsValue r = JS_EXCEPTION;
  JsValue msg = js_arg (info, 1);
  if (!js_is_undefined (msg))
    {
      msg = js_to_string (ctx, msg);
      if (js_is_exception (msg))
        goto out;
      if (object_define_own (rt, js_get_object (*pe),
                             atom_common_key (rt, JS_ATOM_message), msg,
                             JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
          != JS_PROP_DONE)
        goto oom;
    }
  JsValue opts = js_arg (info, 2);
  if (js_is_object (opts))
    {
      JsKey cause = atom_common_key (rt, JS_ATOM_cause);
      int h = js_has_property (ctx, js_get_object (opts), cause);
      if (h < 0)
        goto out;
      if (h)
        {
          JsValue c = js_get (ctx, opts, cause);
          if (js_is_exception (c))
            goto out;
          if (object_define_own (rt, js_get_object (*pe), cause, c,
                                 JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
              != JS_PROP_DONE)
            goto oom;
        }
    }
  JsValue list = iterable_to_array (ctx, js_arg (info, 0));
  if (js_is_exception (list))
    goto out;
  JsValue *pl = rt_push_root (rt, list);
  JsKey k = atom_key_from_utf8 (rt, "errors");
  if (k == JS_KEY_NONE
      || object_define_own (rt, js_get_object (*pe), k, *pl,
                            JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE)
    goto oom;
  js_capture_stack (ctx, js_get_object (*pe));
  r = *pe;
  goto out;
oom:
  r = js_throw_out_of_memory (ctx);
out:
  rt_restore_roots (rt, saved);
  return r;
}

/* AggregateError and its prototype, below Error. */
static bool
init_aggregate_error (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  JsObject *proto = object_new_with_proto (rt,
                                           (JsCell *) ctx->error_protos[0], 4);
  if (!proto)
    return false;
  ctx->error_protos[JS_ERR_AGGREGATE] = proto;
  JsValue *saved = rt_save_roots (rt);
  JsString *name = atom_intern_utf8 (rt, "AggregateError", -1);
  bool ok = name
            && object_define_own (rt, proto,
                                  atom_common_key (rt, JS_ATOM_name),
                                  js_string_value (name),
                                  JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
                   == JS_PROP_DONE
            && object_define_own (rt, proto,
                                  atom_common_key (rt, JS_ATOM_message),
                                  js_string_value (atom_common (rt,
                                                                JS_ATOM_empty)),
                                  JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
                   == JS_PROP_DONE;
  JsObject *ctor = ok ? builtins_define_class (ctx, "AggregateError",
                                               aggregate_error_ctor, 2, proto,
                                               0)
                      : NULL;
  if (ctor)
    {
      rt_push_root (rt, js_object_value (ctor));
      /* The constructor's prototype is %Error%. */
      JsValue error_ctor = JS_UNDEFINED;
      ok = object_get (rt, ctx->error_protos[0],
                       atom_common_key (rt, JS_ATOM_constructor), &error_ctor)
               == JS_GET_VALUE
           && js_is_object (error_ctor)
           && object_set_proto (rt, ctor, js_get_cell (error_ctor))
                  == JS_PROP_DONE;
    }
  rt_restore_roots (rt, saved);
  return ok && ctor;
}

/* ------------------------------------------------------------------ */
/* The family                                                          */
/* ------------------------------------------------------------------ */

bool
builtins_init_promise (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec statics[] = {
    { "all", promise_combine, 1, COMBINE_ALL },
    { "allSettled", promise_combine, 1, COMBINE_ALL_SETTLED },
    { "any", promise_combine, 1, COMBINE_ANY },
    { "race", promise_combine, 1, COMBINE_RACE },
    { "reject", promise_static_settle, 1, 1 },
    { "resolve", promise_static_settle, 1, 0 },
    { "withResolvers", promise_with_resolvers, 0, 0 },
  };
  static const JsMethodSpec methods[] = {
    { "catch", promise_proto_catch, 1, 0 },
    { "finally", promise_proto_finally, 1, 0 },
    { "then", promise_proto_then, 2, 0 },
  };
  ctx->promise_ctor = JS_UNDEFINED;
  ctx->promise_record_shape = shape_new_root (rt, &record_class, NULL, 0);
  ctx->promise_reaction_shape = ctx->promise_record_shape
                                    ? shape_new_root (rt, &reaction_class,
                                                      NULL, 0)
                                    : NULL;
  if (!ctx->promise_reaction_shape || !init_aggregate_error (ctx))
    return false;
  ctx->promise_proto = object_new_with_proto (rt,
                                              (JsCell *) ctx->object_proto, 4);
  if (!ctx->promise_proto)
    return false;
  ctx->promise_shape = shape_root_for (rt, &js_promise_class,
                                       (JsCell *) ctx->promise_proto, 0);
  if (!ctx->promise_shape)
    return false;
  JsObject *ctor = builtins_define_class (ctx, "Promise", promise_ctor, 1,
                                          ctx->promise_proto, 0);
  if (!ctor)
    return false;
  ctx->promise_ctor = js_object_value (ctor);
  JsString *tag;
  return builtins_define_methods (ctx, ctor, statics, G_N_ELEMENTS (statics))
         && builtins_define_getter (ctx, ctor, "@@species", promise_species)
         && builtins_define_methods (ctx, ctx->promise_proto, methods,
                                     G_N_ELEMENTS (methods))
         && (tag = atom_intern_utf8 (rt, "Promise", -1))
         && object_define_own (rt, ctx->promise_proto,
                               symbol_key (rt->well_known[JS_SYM_toStringTag]),
                               js_string_value (tag), JS_ATTR_CONFIGURABLE)
                == JS_PROP_DONE;
}
