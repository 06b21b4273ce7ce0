/* test-promise.c — promise.h, the C side of promises that async
 * functions and the bindings use: settling from C, C reaction handlers
 * with data, PromiseResolve, and jobs running only when asked for, with
 * no script on the stack.
 */
#include "config.h"

#include <gscript/gscript.h>

#include "promise.h"

#include <string.h>

typedef struct
{
  GsRuntime *rt;
  GsContext *ctx;
  GsHandleScope scope;
} Fixture;

static void
setup (Fixture *f)
{
  f->rt = gs_runtime_new ();
  f->ctx = gs_context_new (f->rt);
  gs_handle_scope_open (&f->scope, f->rt);
}

static void
teardown (Fixture *f)
{
  gs_handle_scope_close (&f->scope);
  gs_context_free (f->ctx);
  gs_runtime_free (f->rt);
}

/* What the handler saw. */
static int calls;
static double seen_value;
static bool seen_rejected;
static double seen_data;

static JsValue
record (JsContext *ctx, JsValue data, JsValue argument, bool rejected)
{
  (void) ctx;
  calls++;
  seen_value = js_is_number (argument) ? js_get_number (argument) : -1;
  seen_rejected = rejected;
  seen_data = js_is_number (data) ? js_get_number (data) : -1;
  return js_int32 (100);
}

/* Warnings of the gscript.js category are counted, not printed (and not
 * fatal, as GTest would make them). */
static int js_warnings;

static GLogWriterOutput
count_warnings (GLogLevelFlags level, const GLogField *fields,
                gsize n_fields, gpointer data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (strcmp (fields[i].key, "MESSAGE") == 0
        && strstr (fields[i].value, "Unhandled promise rejection"))
      {
        js_warnings++;
        return G_LOG_WRITER_HANDLED;
      }
  return g_log_writer_default (level, fields, n_fields, data);
}

static void
reset (void)
{
  calls = 0;
  seen_value = seen_data = 0;
  seen_rejected = false;
}

/* A handler runs in a job, after the promise settles and only when the
 * jobs run. */
static void
test_native_handler (void)
{
  Fixture f;
  setup (&f);
  reset ();
  JsValue *p = (JsValue *) gs_value_new_undefined (f.ctx);
  *p = promise_new (f.ctx);
  g_assert_true (promise_is_promise (*p));
  g_assert_cmpint (promise_state (*p), ==, JS_PROMISE_PENDING);
  g_assert_true (promise_then_native (f.ctx, *p, record, js_int32 (7),
                                      NULL));
  g_assert_true (promise_resolve_native (f.ctx, *p, js_int32 (42)));
  g_assert_cmpint (promise_state (*p), ==, JS_PROMISE_FULFILLED);
  g_assert_cmpint (calls, ==, 0);
  gs_runtime_run_jobs (f.rt);
  g_assert_cmpint (calls, ==, 1);
  g_assert_cmpfloat (seen_value, ==, 42);
  g_assert_cmpfloat (seen_data, ==, 7);
  g_assert_false (seen_rejected);
  teardown (&f);
}

/* Rejections reach the handler as rejected; one nobody handled is
 * counted at the report, and only once. */
static void
test_rejection (void)
{
  Fixture f;
  setup (&f);
  reset ();
  JsValue *p = (JsValue *) gs_value_new_undefined (f.ctx);
  JsValue *q = (JsValue *) gs_value_new_undefined (f.ctx);
  *p = promise_new (f.ctx);
  *q = promise_new (f.ctx);
  g_assert_true (promise_then_native (f.ctx, *p, record, JS_UNDEFINED,
                                      NULL));
  g_assert_true (promise_reject_native (f.ctx, *p, js_int32 (-3)));
  g_assert_true (promise_reject_native (f.ctx, *q, js_int32 (1)));
  gs_runtime_run_jobs (f.rt);
  g_assert_cmpint (calls, ==, 1);
  g_assert_true (seen_rejected);
  g_assert_cmpfloat (seen_value, ==, -3);
  js_warnings = 0;
  g_assert_cmpuint (gs_runtime_report_unhandled_rejections (f.rt), ==, 1);
  g_assert_cmpint (js_warnings, ==, 1);
  g_assert_cmpuint (gs_runtime_report_unhandled_rejections (f.rt), ==, 0);
  teardown (&f);
}

/* Resolving with a promise takes its state two jobs later, as the spec
 * counts them; a handler's result resolves the derived promise. */
static void
test_resolve_with_promise (void)
{
  Fixture f;
  setup (&f);
  reset ();
  JsValue *inner = (JsValue *) gs_value_new_undefined (f.ctx);
  JsValue *outer = (JsValue *) gs_value_new_undefined (f.ctx);
  JsValue *cap = (JsValue *) gs_value_new_undefined (f.ctx);
  gs_value_new_undefined (f.ctx);
  gs_value_new_undefined (f.ctx);
  *inner = promise_resolve (f.ctx, f.ctx->promise_ctor, js_int32 (5));
  g_assert_true (promise_is_promise (*inner));
  /* PromiseResolve of a promise of the same constructor is itself. */
  g_assert_true (promise_resolve (f.ctx, f.ctx->promise_ctor, *inner)
                 == *inner);
  *outer = promise_new (f.ctx);
  g_assert_true (promise_resolve_native (f.ctx, *outer, *inner));
  g_assert_cmpint (promise_state (*outer), ==, JS_PROMISE_PENDING);
  g_assert_true (promise_new_capability (f.ctx, f.ctx->promise_ctor, cap));
  g_assert_true (promise_then_native (f.ctx, *outer, record, JS_UNDEFINED,
                                      cap));
  gs_runtime_run_jobs (f.rt);
  g_assert_cmpint (promise_state (*outer), ==, JS_PROMISE_FULFILLED);
  g_assert_cmpint (calls, ==, 1);
  g_assert_cmpfloat (seen_value, ==, 5);
  g_assert_cmpint (promise_state (cap[JS_CAP_PROMISE]), ==,
                   JS_PROMISE_FULFILLED);
  g_assert_cmpfloat (js_get_number (promise_result (cap[JS_CAP_PROMISE])),
                     ==, 100);
  teardown (&f);
}

/* Jobs queued by a script run before gs_context_eval returns, and the
 * values they hold survive collections while they wait. */
static void
test_jobs_after_eval (void)
{
  Fixture f;
  setup (&f);
  GsValue *v = gs_context_eval (f.ctx,
                                "var log = [];"
                                "Promise.resolve ({ n: 1 }).then ("
                                "  function (o) { gc (); log.push (o.n); });"
                                "log.length",
                                -1, "test", GS_EVAL_DEFAULT);
  g_assert_nonnull (v);
  g_assert_cmpfloat (gs_value_get_number (v), ==, 0);
  v = gs_context_eval (f.ctx, "log.length === 1 && log[0] === 1", -1,
                       "test", GS_EVAL_DEFAULT);
  g_assert_true (gs_value_get_boolean (v));
  teardown (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (count_warnings, NULL, NULL);
  g_test_add_func ("/promise/native-handler", test_native_handler);
  g_test_add_func ("/promise/rejection", test_rejection);
  g_test_add_func ("/promise/resolve-with-promise",
                   test_resolve_with_promise);
  g_test_add_func ("/promise/jobs-after-eval", test_jobs_after_eval);
  return g_test_run ();
}
