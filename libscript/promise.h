/* promise.h — promises as the rest of the engine uses them.
 *
 * builtins-promise.c holds Promise and AggregateError.  This header is
 * what async functions, await, import() and the bindings need from it:
 * making a promise capability, PromiseResolve, PerformPromiseThen with a
 * C handler instead of a script function, and settling a promise from
 * C.  Reactions run as jobs of the runtime's job queue (runtime.h), in
 * the order the spec gives, only where no script is on the stack.
 *
 * A promise is one slot: [shape | storage | result | reactions].  While
 * it is pending, reactions is the list of its reaction records (an
 * internal cell) or undefined; once settled, it holds the state as an
 * int32 and the list is gone.  [[PromiseIsHandled]] of a pending promise
 * is "it has a reaction", so it needs no field of its own.
 *
 * Rooting: as everywhere, the functions that take a context may run
 * script and collect; the values passed in are kept alive by them.
 */
#pragma once

#include "builtins.h"

extern const JsCellClass js_promise_class;

typedef enum
{
  JS_PROMISE_PENDING,
  JS_PROMISE_FULFILLED,
  JS_PROMISE_REJECTED
} JsPromiseState;

/* A C reaction handler: called in a job with the data value given to
 * promise_then_native, the fulfillment value or rejection reason, and
 * which it is.  Returns a value (which resolves the derived promise, if
 * any) or JS_EXCEPTION (which rejects it). */
typedef JsValue (*JsPromiseHandler) (JsContext *ctx, JsValue data,
                                     JsValue argument, bool rejected);

/* A PromiseCapability record: three rooted slots, promise, resolve and
 * reject, that the functions below fill. */
enum
{
  JS_CAP_PROMISE,
  JS_CAP_RESOLVE,
  JS_CAP_REJECT,
  JS_CAP_SIZE
};

static inline bool
promise_is_promise (JsValue v)
{
  return js_is_object (v) && js_get_cell (v)->shape->cls == &js_promise_class;
}

JsPromiseState promise_state (JsValue promise);
/* [[PromiseResult]]: undefined while pending. */
JsValue promise_result (JsValue promise);

/* A new pending promise of the realm's %Promise%, or JS_EXCEPTION. */
JsValue promise_new (JsContext *ctx);
/* NewPromiseCapability (ctor) into cap[0..3), which must be rooted (on
 * the value stack).  False with an exception pending. */
bool promise_new_capability (JsContext *ctx, JsValue ctor, JsValue *cap);
/* PromiseResolve (ctor, v): v itself if it is a promise made by ctor,
 * else a new promise of ctor resolved with v. */
JsValue promise_resolve (JsContext *ctx, JsValue ctor, JsValue v);
/* The steps of a promise's resolve function, on a promise made by
 * promise_new that nothing else resolves (the caller guarantees once):
 * thenables are followed, a value fulfills.  False with an exception
 * only if memory ran out. */
bool promise_resolve_native (JsContext *ctx, JsValue promise, JsValue v);
/* RejectPromise on a pending promise made by promise_new. */
bool promise_reject_native (JsContext *ctx, JsValue promise, JsValue reason);

/* PerformPromiseThen (promise, onFulfilled, onRejected, capability):
 * cap is NULL (no derived promise) or a rooted capability.  Returns
 * false with an exception only if memory ran out. */
bool promise_then (JsContext *ctx, JsValue promise, JsValue on_fulfilled,
                   JsValue on_rejected, const JsValue *cap);
/* The same with a C handler carrying data (await, async iteration). */
bool promise_then_native (JsContext *ctx, JsValue promise,
                          JsPromiseHandler handler, JsValue data,
                          const JsValue *cap);

/* Prints a warning for each rejected promise that has no handler, and
 * forgets them; returns how many. */
guint promise_report_unhandled (JsRuntime *rt);

/* builtins-promise.c's family. */
bool builtins_init_promise (JsContext *ctx);
