/* test-api.c — the public embedding API, through the shared library only.
 *
 * Liveness is observed with weak persistent handles: a weak callback
 * runs once after the GC that found its referent dead.
 */
#include <gscript/gscript.h>

#include <string.h>

typedef struct
{
  int calls;
} WeakCount;

static void
on_weak (gpointer data)
{
  ((WeakCount *) data)->calls++;
}

/* A weak watcher on a value; the caller frees it. */
static GsPersistent *
watch (GsRuntime *rt, GsValue *v, WeakCount *count)
{
  GsPersistent *p = gs_persistent_new (rt, v);
  gs_persistent_set_weak (p, on_weak, count);
  return p;
}

static void
test_local_handle_scope (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  WeakCount dead = { 0 };
  GsPersistent *w;

  GsHandleScope outer;
  gs_handle_scope_open (&outer, rt);
  {
    GsHandleScope inner;
    gs_handle_scope_open (&inner, rt);
    GsValue *o = gs_value_new_object (ctx);
    g_assert_nonnull (o);
    w = watch (rt, o, &dead);
    gs_runtime_collect_garbage (rt);
    g_assert_cmpint (dead.calls, ==, 0);
    g_assert_false (gs_persistent_is_empty (w));
    g_assert_true (gs_value_is_object (o));
    gs_handle_scope_close (&inner);
  }
  gs_runtime_collect_garbage (rt);
  g_assert_cmpint (dead.calls, ==, 1);
  g_assert_true (gs_persistent_is_empty (w));
  gs_persistent_free (w);
  gs_handle_scope_close (&outer);
  gs_context_free (ctx);
  gs_runtime_free (rt);
}

static GsValue *
make_in_escapable (GsRuntime *rt, GsContext *ctx, WeakCount *dead,
                   GsPersistent **w_kept, GsPersistent **w_lost)
{
  GsEscapableHandleScope scope;
  gs_escapable_handle_scope_open (&scope, rt);
  GsValue *kept = gs_value_new_object (ctx);
  GsValue *lost = gs_value_new_object (ctx);
  *w_kept = watch (rt, kept, &dead[0]);
  *w_lost = watch (rt, lost, &dead[1]);
  GsValue *out = gs_escapable_handle_scope_escape (&scope, kept);
  gs_escapable_handle_scope_close (&scope);
  return out;
}

static void
test_escape (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  WeakCount dead[2] = { { 0 }, { 0 } };
  GsPersistent *w_kept, *w_lost;
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  GsValue *v = make_in_escapable (rt, ctx, dead, &w_kept, &w_lost);
  gs_runtime_collect_garbage (rt);
  g_assert_true (gs_value_is_object (v));
  g_assert_cmpint (dead[0].calls, ==, 0);
  g_assert_cmpint (dead[1].calls, ==, 1);
  GsValue *again = gs_persistent_get (w_kept);
  g_assert_true (gs_value_strict_equals (again, v));
  gs_handle_scope_close (&scope);
  gs_runtime_collect_garbage (rt);
  g_assert_cmpint (dead[0].calls, ==, 1);
  gs_persistent_free (w_kept);
  gs_persistent_free (w_lost);
  gs_context_free (ctx);
  gs_runtime_free (rt);
}

static void
test_escape_twice_rejected (void)
{
  if (g_test_subprocess ())
    {
      GsRuntime *rt = gs_runtime_new ();
      GsContext *ctx = gs_context_new (rt);
      GsEscapableHandleScope scope;
      gs_escapable_handle_scope_open (&scope, rt);
      GsValue *a = gs_value_new_number (ctx, 1);
      gs_escapable_handle_scope_escape (&scope, a);
      gs_escapable_handle_scope_escape (&scope, a);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*escaped*");
}

static void
test_strong_then_weak_persistent (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  WeakCount dead = { 0 };
  GsPersistent *p;
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  {
    GsHandleScope inner;
    gs_handle_scope_open (&inner, rt);
    p = gs_persistent_new (rt, gs_value_new_object (ctx));
    gs_handle_scope_close (&inner);
  }
  for (int i = 0; i < 3; i++)
    gs_runtime_collect_garbage (rt);
  g_assert_false (gs_persistent_is_empty (p));
  g_assert_true (gs_value_is_object (gs_persistent_get (p)));
  gs_handle_scope_close (&scope);
  gs_persistent_set_weak (p, on_weak, &dead);
  gs_runtime_collect_garbage (rt);
  g_assert_cmpint (dead.calls, ==, 1);
  gs_runtime_collect_garbage (rt);
  g_assert_cmpint (dead.calls, ==, 1);
  gs_persistent_free (p);
  gs_context_free (ctx);
  gs_runtime_free (rt);
}

static void
test_eternal (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  WeakCount dead = { 0 };
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  GsValue *o = gs_value_new_object (ctx);
  guint e = gs_eternal_new (rt, o);
  GsPersistent *w = watch (rt, o, &dead);
  gs_handle_scope_close (&scope);
  for (int i = 0; i < 3; i++)
    gs_runtime_collect_garbage (rt);
  gs_runtime_memory_pressure_notification (rt, GS_MEMORY_PRESSURE_CRITICAL);
  g_assert_cmpint (dead.calls, ==, 0);
  gs_handle_scope_open (&scope, rt);
  g_assert_true (gs_value_is_object (gs_eternal_get (rt, e)));
  gs_handle_scope_close (&scope);
  gs_persistent_free (w);
  gs_context_free (ctx);
  gs_runtime_free (rt);
}

static void
test_external_memory_triggers_gc (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsHeapStatistics st;
  gs_runtime_get_heap_statistics (rt, &st);
  guint64 before = st.gc_count;
  g_assert_cmpint (gs_runtime_adjust_external_memory (rt, 1024), ==, 1024);
  gs_runtime_get_heap_statistics (rt, &st);
  g_assert_cmpuint (st.gc_count, ==, before);
  /* Far above any threshold: collects at once. */
  g_assert_cmpint (gs_runtime_adjust_external_memory (rt, 512 << 20), ==,
                   1024 + (512 << 20));
  gs_runtime_get_heap_statistics (rt, &st);
  g_assert_cmpuint (st.gc_count, ==, before + 1);
  g_assert_cmpint (st.external_bytes, ==, 1024 + (512 << 20));
  /* The threshold rose past what could not be freed: no GC per call. */
  gs_runtime_adjust_external_memory (rt, 1024);
  gs_runtime_get_heap_statistics (rt, &st);
  g_assert_cmpuint (st.gc_count, ==, before + 1);
  g_assert_cmpint (gs_runtime_adjust_external_memory (rt, -(512 << 20) - 2048),
                   ==, 0);
  gs_runtime_free (rt);
}

static void
test_critical_pressure_decommits (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  GsHeapStatistics st;
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  /* Fill about ten chunks with live objects, then let them all go. */
  for (int i = 0; i < 20000; i++)
    gs_value_new_object (ctx);
  gs_handle_scope_close (&scope);
  gs_runtime_get_heap_statistics (rt, &st);
  gsize committed = st.committed_bytes;
  g_assert_cmpuint (st.free_chunks_decommitted, ==, 0);
  gs_runtime_memory_pressure_notification (rt, GS_MEMORY_PRESSURE_CRITICAL);
  gs_runtime_get_heap_statistics (rt, &st);
  g_assert_cmpuint (st.free_chunks_decommitted, >, 0);
  g_assert_cmpuint (st.committed_bytes, <, committed);
  g_assert_cmpuint (st.reserved_bytes, >=, committed);
  gs_context_free (ctx);
  gs_runtime_free (rt);
}

static GsValue *
native_sum (GsContext *ctx, const GsCallbackInfo *info)
{
  double sum = 0;
  for (guint i = 0; i < gs_callback_info_get_n_args (info); i++)
    sum += gs_value_get_number (gs_callback_info_get_arg (info, i));
  /* this and data are passed through. */
  GsValue *data = gs_callback_info_get_data (info);
  GsValue *self = gs_callback_info_get_this (info);
  if (gs_value_is_number (data))
    sum += gs_value_get_number (data);
  if (gs_value_is_number (self))
    sum *= gs_value_get_number (self);
  g_assert_true (gs_value_is_undefined (gs_callback_info_get_arg (info, 9)));
  return gs_value_new_number (ctx, sum);
}

static GsValue *
native_throw (GsContext *ctx, const GsCallbackInfo *info)
{
  gs_context_throw (ctx, gs_callback_info_get_arg (info, 0));
  return NULL;
}

static void
test_native_function (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  GsValue *fn = gs_function_new (ctx, "sum", 2, native_sum,
                                 gs_value_new_number (ctx, 100));
  g_assert_true (gs_value_is_function (fn));
  g_assert_false (gs_value_is_function (gs_value_new_object (ctx)));
  GsValue *args[] = { gs_value_new_number (ctx, 1),
                      gs_value_new_number (ctx, 2) };
  gs_runtime_collect_garbage (rt); /* fn and data survive in handles */
  GsValue *r = gs_function_call (ctx, fn, gs_value_new_number (ctx, 2), 2,
                                 args);
  g_assert_nonnull (r);
  g_assert_cmpfloat (gs_value_get_number (r), ==, 206);

  GsValue *thrower = gs_function_new (ctx, "thrower", 1, native_throw, NULL);
  GsValue *err = gs_value_new_number (ctx, 42);
  g_assert_null (gs_function_call (ctx, thrower, NULL, 1, &err));
  g_assert_true (gs_context_has_exception (ctx));
  GsValue *ex = gs_context_take_exception (ctx);
  g_assert_cmpfloat (gs_value_get_number (ex), ==, 42);
  g_assert_false (gs_context_has_exception (ctx));
  gs_handle_scope_close (&scope);
  gs_context_free (ctx);
  gs_runtime_free (rt);
}

/* new F (args) from C: the class's constructor runs, new.target is F,
 * a thrown exception and a non-constructor are reported as such. */
static void
test_construct (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  GsValue *cls = gs_context_eval (
      ctx,
      "(class Point { constructor (x, y) {"
      "  if (x < 0) throw new RangeError ('negative');"
      "  this.sum = x + y; this.nt = new.target === Point; } })",
      -1, "construct.js", GS_EVAL_DEFAULT);
  g_assert_nonnull (cls);
  GsValue *args[] = { gs_value_new_number (ctx, 3),
                      gs_value_new_number (ctx, 4) };
  GsValue *p = gs_function_construct (ctx, cls, 2, args);
  g_assert_nonnull (p);
  g_assert_cmpfloat (
      gs_value_get_number (gs_object_get_property (ctx, p, "sum")), ==, 7);
  g_assert_true (
      gs_value_to_boolean (gs_object_get_property (ctx, p, "nt")));
  args[0] = gs_value_new_number (ctx, -1);
  g_assert_null (gs_function_construct (ctx, cls, 2, args));
  g_autofree char *msg
      = gs_value_to_string (ctx, gs_context_take_exception (ctx));
  g_assert_cmpstr (msg, ==, "RangeError: negative");
  GsValue *arrow = gs_context_eval (ctx, "() => 1", -1, "a.js",
                                    GS_EVAL_DEFAULT);
  g_assert_null (gs_function_construct (ctx, arrow, 0, NULL));
  g_autofree char *msg2
      = gs_value_to_string (ctx, gs_context_take_exception (ctx));
  g_assert_true (g_str_has_prefix (msg2, "TypeError: "));
  gs_handle_scope_close (&scope);
  gs_context_free (ctx);
  gs_runtime_free (rt);
}

/* An exception nothing caught is printed with its stack and cleared. */
static void
test_report_exception (void)
{
  if (g_test_subprocess ())
    {
      GsRuntime *rt = gs_runtime_new ();
      GsContext *ctx = gs_context_new (rt);
      GsHandleScope scope;
      gs_handle_scope_open (&scope, rt);
      g_assert_false (gs_context_report_exception (ctx));
      g_assert_null (gs_context_eval (ctx,
                                      "function f () { throw new "
                                      "RangeError ('deep'); }\nf ();",
                                      -1, "report.js", GS_EVAL_DEFAULT));
      g_assert_true (gs_context_report_exception (ctx));
      g_assert_false (gs_context_has_exception (ctx));
      g_assert_null (gs_context_eval (ctx, "throw 42;", -1, "n.js",
                                      GS_EVAL_DEFAULT));
      g_assert_true (gs_context_report_exception (ctx));
      gs_handle_scope_close (&scope);
      gs_context_free (ctx);
      gs_runtime_free (rt);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("Uncaught RangeError: deep\n"
                             "    at f (report.js:1:*)\n"
                             "    at report.js:2:*\n"
                             "Uncaught 42\n");
}

/* Weak callbacks queued by a GC inside a native call run only at the
 * outermost return to C. */
static WeakCount deferred;

static GsValue *
native_collect (GsContext *ctx, const GsCallbackInfo *info)
{
  GsRuntime *rt = gs_context_get_runtime (ctx);
  gs_runtime_collect_garbage (rt);
  g_assert_cmpint (deferred.calls, ==, 0);
  return gs_value_new_undefined (ctx);
}

static void
test_cleanup_after_outermost_call (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  GsPersistent *w;
  {
    GsHandleScope inner;
    gs_handle_scope_open (&inner, rt);
    w = watch (rt, gs_value_new_object (ctx), &deferred);
    gs_handle_scope_close (&inner);
  }
  GsValue *fn = gs_function_new (ctx, "collect", 0, native_collect, NULL);
  g_assert_nonnull (gs_function_call (ctx, fn, NULL, 0, NULL));
  g_assert_cmpint (deferred.calls, ==, 1);
  gs_persistent_free (w);
  gs_handle_scope_close (&scope);
  gs_context_free (ctx);
  gs_runtime_free (rt);
}

static void
test_contexts_isolated (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *a = gs_context_new (rt);
  GsContext *b = gs_context_new (rt);
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  GsValue *ga = gs_context_get_global (a);
  GsValue *gb = gs_context_get_global (b);
  g_assert_false (gs_value_strict_equals (ga, gb));
  g_assert_true (gs_value_strict_equals (ga, gs_context_get_global (a)));
  gs_handle_scope_close (&scope);
  gs_context_free (a);
  gs_runtime_collect_garbage (rt);
  gs_handle_scope_open (&scope, rt);
  g_assert_true (gs_value_is_object (gs_context_get_global (b)));
  gs_handle_scope_close (&scope);
  gs_context_free (b);
  gs_runtime_free (rt);
}

static void
test_statistics (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  GsHeapStatistics st;
  gs_runtime_get_heap_statistics (rt, &st);
  guint64 ones = st.cells_allocated[0];
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  for (int i = 0; i < 100; i++)
    gs_value_new_object (ctx);
  gs_runtime_collect_garbage (rt);
  gs_runtime_get_heap_statistics (rt, &st);
  g_assert_cmpuint (st.cells_allocated[0], ==, ones + 100);
  g_assert_cmpuint (st.gc_count, >=, 1);
  g_assert_cmpuint (st.reserved_bytes, >=, st.committed_bytes);
  g_assert_cmpuint (st.committed_bytes, >=, st.used_bytes);
  g_assert_cmpuint (st.used_bytes, >=, 100 * 32);
  g_assert_cmpint (st.total_pause_us, >=, st.longest_pause_us);
  g_assert_cmpint (st.longest_pause_us, >=, st.last_pause_us);
  gs_handle_scope_close (&scope);
  gs_context_free (ctx);
  gs_runtime_free (rt);
}

/* Category messages the writer below has seen, one per line. */
static GString *logged;

static GLogWriterOutput
capture_writer (GLogLevelFlags level, const GLogField *fields, gsize n,
                gpointer data)
{
  const char *cat = NULL, *msg = NULL;
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (fields[i].key, "GSCRIPT_CATEGORY"))
      cat = fields[i].value;
    else if (g_str_equal (fields[i].key, "MESSAGE"))
      msg = fields[i].value;
  if (!cat)
    return g_log_writer_default (level, fields, n, data);
  g_string_append_printf (logged, "%s\n", msg);
  return G_LOG_WRITER_HANDLED;
}

static void
test_gc_log_categories (void)
{
  GsRuntime *rt = gs_runtime_new ();
  g_string_truncate (logged, 0);
  gs_runtime_collect_garbage (rt);
  g_assert_cmpstr (logged->str, ==, "");

  gs_log_set_rules ("gscript.gc.*=true");
  gs_runtime_collect_garbage (rt);
  g_assert_nonnull (strstr (logged->str, "gscript.gc.statistics: ========== GC"));
  g_assert_nonnull (strstr (logged->str, "address space reserved:"));
  g_assert_nonnull (strstr (logged->str, "used before:"));
  g_assert_nonnull (strstr (logged->str, "cells allocated since start"));
  g_assert_nonnull (strstr (logged->str,
                            "gscript.gc.allocatorStats: GC 2: reason: "
                            "explicit; mark "));
  g_assert_nonnull (strstr (logged->str, "free bytes per bin"));
  g_assert_nonnull (strstr (logged->str, "cells: "));
  g_assert_nonnull (strstr (logged->str, "huge cells: 0"));

  /* Later rules win: only statistics now. */
  gs_log_set_rules ("gscript.gc.*=true;gscript.gc.allocatorStats=false");
  g_string_truncate (logged, 0);
  gs_runtime_collect_garbage (rt);
  g_assert_nonnull (strstr (logged->str, "gscript.gc.statistics:"));
  g_assert_null (strstr (logged->str, "gscript.gc.allocatorStats:"));

  g_string_truncate (logged, 0);
  gs_runtime_free (rt);
  g_assert_nonnull (strstr (logged->str, "runtime summary"));
  g_assert_nonnull (strstr (logged->str, "collections: 3"));
  gs_log_set_rules (NULL);
}

static int interrupt_polls;

static gboolean
stop_at_third_poll (gpointer data)
{
  g_assert_true (data == &interrupt_polls);
  return ++interrupt_polls >= 3;
}

/* A catastrophic regular expression is stopped by the interrupt hook:
 * the eval returns a pending Error "interrupted", which script could
 * have caught, and the runtime goes on working. */
static void
test_interrupt_regexp (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  gs_runtime_set_interrupt_handler (rt, stop_at_third_poll, &interrupt_polls);
  interrupt_polls = 0;
  const char *src = "/(a*)*b/.test('a'.repeat(64))";
  g_assert_null (gs_context_eval (ctx, src, -1, "re.js", GS_EVAL_DEFAULT));
  g_assert_cmpint (interrupt_polls, ==, 3);
  g_assert_true (gs_context_has_exception (ctx));
  GsValue *e = gs_context_take_exception (ctx);
  GsValue *msg = gs_object_get_property (ctx, e, "message");
  char *text = gs_value_dup_string (msg);
  g_assert_cmpstr (text, ==, "interrupted");
  g_free (text);
  /* Script sees the same exception. */
  interrupt_polls = 0;
  GsValue *r = gs_context_eval (ctx, "try { /(a*)*b/.exec('a'.repeat(64)); "
                                "'no' } catch (e) { e.message }", -1,
                                "re.js", GS_EVAL_DEFAULT);
  text = r ? gs_value_dup_string (r) : NULL;
  g_assert_cmpstr (text, ==, "interrupted");
  g_free (text);
  /* Without the hook, matching works again. */
  gs_runtime_set_interrupt_handler (rt, NULL, NULL);
  r = gs_context_eval (ctx, "/(a*)*b/.test('aab')", -1, "re.js",
                       GS_EVAL_DEFAULT);
  g_assert_true (r && gs_value_get_boolean (r));
  gs_handle_scope_close (&scope);
  gs_context_free (ctx);
  gs_runtime_free (rt);
}

/* A script loop polls the hook once an interrupt is requested. */
static void
test_interrupt_loop (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  gs_runtime_set_interrupt_handler (rt, stop_at_third_poll, &interrupt_polls);
  interrupt_polls = 2;
  gs_runtime_request_interrupt (rt);
  g_assert_null (gs_context_eval (ctx, "for (;;) {}", -1, "loop.js",
                                  GS_EVAL_DEFAULT));
  g_assert_cmpint (interrupt_polls, ==, 3);
  g_assert_true (gs_context_has_exception (ctx));
  gs_context_take_exception (ctx);
  gs_handle_scope_close (&scope);
  gs_context_free (ctx);
  gs_runtime_free (rt);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  logged = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_unsetenv ("GSCRIPT_LOGGING_RULES");
  g_test_add_func ("/api/local-handle-scope", test_local_handle_scope);
  g_test_add_func ("/api/escape", test_escape);
  g_test_add_func ("/api/escape-twice-rejected", test_escape_twice_rejected);
  g_test_add_func ("/api/strong-then-weak", test_strong_then_weak_persistent);
  g_test_add_func ("/api/eternal", test_eternal);
  g_test_add_func ("/api/external-memory", test_external_memory_triggers_gc);
  g_test_add_func ("/api/critical-pressure", test_critical_pressure_decommits);
  g_test_add_func ("/api/native-function", test_native_function);
  g_test_add_func ("/api/cleanup-after-outermost-call",
                   test_cleanup_after_outermost_call);
  g_test_add_func ("/api/contexts-isolated", test_contexts_isolated);
  g_test_add_func ("/api/statistics", test_statistics);
  g_test_add_func ("/api/construct", test_construct);
  g_test_add_func ("/api/report-exception", test_report_exception);
  g_test_add_func ("/api/interrupt-regexp", test_interrupt_regexp);
  g_test_add_func ("/api/interrupt-loop", test_interrupt_loop);
  g_test_add_func ("/api/gc-log-categories", test_gc_log_categories);
  return g_test_run ();
}
