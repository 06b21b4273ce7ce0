/* test-collections.c — what the collections cost, and the collector's
 * ephemeron and weak phases observed from outside.
 *
 * Liveness is watched with weak persistent handles, whose callbacks run
 * once after the collection that found their referent dead.
 */
#include "config.h"

#include <gscript/gscript.h>

#include "map.h"

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

static GsValue *
eval (Fixture *f, const char *code)
{
  GsValue *v = gs_context_eval (f->ctx, code, -1, "test", GS_EVAL_DEFAULT);
  g_assert_nonnull (v);
  return v;
}

/* Runs code, keeping no handle on its result. */
static void
run (Fixture *f, const char *code)
{
  GsHandleScope scope;
  gs_handle_scope_open (&scope, f->rt);
  eval (f, code);
  gs_handle_scope_close (&scope);
}

static gsize
used_bytes (Fixture *f)
{
  GsHeapStatistics st;
  gs_runtime_collect_garbage (f->rt);
  gs_runtime_get_heap_statistics (f->rt, &st);
  return st.used_bytes + (gsize) st.unmanaged_bytes;
}

/* Bytes per entry of a collection of n small-integer entries, beyond
 * the empty collection. */
static double
bytes_per_entry (const char *make, const char *fill, int n)
{
  Fixture f;
  setup (&f);
  run (&f, make);
  gsize before = used_bytes (&f);
  run (&f, fill);
  gsize after = used_bytes (&f);
  teardown (&f);
  return (double) (after - before) / n;
}

static void
test_map_cost (void)
{
  double map = bytes_per_entry ("var c = new Map ();",
                                "for (var i = 0; i < 1000; i++) c.set (i, i);",
                                1000);
  double set = bytes_per_entry ("var c = new Set ();",
                                "for (var i = 0; i < 1000; i++) c.add (i);",
                                1000);
  g_test_message ("Map: %.1f bytes per entry, Set: %.1f", map, set);
  /* A table of 1024 entries: 16 + 4 + 2 bytes each for a map, 8 + 4 + 2
     for a set, and the header. */
  g_assert_cmpfloat (map, <=, 23.0);
  g_assert_cmpfloat (set, <=, 15.0);
  g_assert_cmpuint (map_table_bytes (2, 1024), ==,
                    sizeof (JsMapTable) + 1024 * 16 + 1536 * 4);
}

typedef struct
{
  int calls;
} WeakCount;

static void
on_weak (gpointer data)
{
  ((WeakCount *) data)->calls++;
}

/* Watches the value of code; the handle lives in a scope of its own so
 * that only the weak persistent refers to it afterwards. */
static GsPersistent *
watch (Fixture *f, const char *code, WeakCount *count)
{
  GsHandleScope scope;
  gs_handle_scope_open (&scope, f->rt);
  GsPersistent *p = gs_persistent_new (f->rt, eval (f, code));
  gs_persistent_set_weak (p, on_weak, count);
  gs_handle_scope_close (&scope);
  return p;
}

/* Evaluates code for its boolean result, in a scope of its own. */
static gboolean
eval_true (Fixture *f, const char *code)
{
  GsHandleScope scope;
  gs_handle_scope_open (&scope, f->rt);
  gboolean b = gs_value_get_boolean (eval (f, code));
  gs_handle_scope_close (&scope);
  return b;
}

/* A WeakMap value lives exactly as long as its key. */
static void
test_ephemeron (void)
{
  Fixture f;
  setup (&f);
  WeakCount value_dead = { 0 }, key_dead = { 0 };
  run (&f, "var key = {}; var wm = new WeakMap ();"
            "wm.set (key, { payload: [1, 2, 3] });");
  GsPersistent *pv = watch (&f, "wm.get (key)", &value_dead);
  GsPersistent *pk = watch (&f, "key", &key_dead);
  gs_runtime_collect_garbage (f.rt);
  gs_runtime_collect_garbage (f.rt);
  g_assert_cmpint (value_dead.calls, ==, 0);
  run (&f, "key = undefined;");
  gs_runtime_collect_garbage (f.rt);
  g_assert_cmpint (key_dead.calls, ==, 1);
  g_assert_cmpint (value_dead.calls, ==, 1);
  gs_persistent_free (pv);
  gs_persistent_free (pk);
  teardown (&f);
}

/* A chain of ephemerons: k1 -> v1 holds k2 -> v2 holds k3 -> v3.  Each
 * round of the fixpoint reaches one more value. */
static void
test_ephemeron_chain (void)
{
  Fixture f;
  setup (&f);
  WeakCount dead = { 0 };
  run (&f, "var wm = new WeakMap (); var k1 = {};"
            "(function () { var k2 = {}, k3 = {};"
            "  wm.set (k3, { last: true }); wm.set (k2, { next: k3 });"
            "  wm.set (k1, { next: k2 }); }) ();");
  GsPersistent *p = watch (&f, "wm.get (wm.get (wm.get (k1).next).next)",
                           &dead);
  gs_runtime_collect_garbage (f.rt);
  g_assert_cmpint (dead.calls, ==, 0);
  g_assert_true (eval_true (&f, "wm.get (wm.get (wm.get (k1).next).next)"
                                 ".last"));
  run (&f, "k1 = null;");
  gs_runtime_collect_garbage (f.rt);
  g_assert_cmpint (dead.calls, ==, 1);
  gs_persistent_free (p);
  teardown (&f);
}

/* A dead WeakMap keeps nothing alive, not even values of live keys. */
static void
test_dead_weak_map (void)
{
  Fixture f;
  setup (&f);
  WeakCount dead = { 0 };
  run (&f, "var key = {}; var wm = new WeakMap (); wm.set (key, {});");
  GsPersistent *p = watch (&f, "wm.get (key)", &dead);
  run (&f, "wm = null;");
  gs_runtime_collect_garbage (f.rt);
  g_assert_cmpint (dead.calls, ==, 1);
  gs_persistent_free (p);
  teardown (&f);
}

/* FinalizationRegistry callbacks run at the safe point after the
 * collection, not inside it: gs_runtime_collect_garbage queues, the
 * next return from script runs them. */
static void
test_registry_safe_point (void)
{
  Fixture f;
  setup (&f);
  run (&f, "var log = []; var fr = new FinalizationRegistry ("
            "  function (h) { log.push (h); });"
            "(function () { fr.register ({}, 'gone'); }) ();");
  gs_runtime_collect_garbage (f.rt);
  gs_runtime_run_jobs (f.rt);
  g_assert_true (eval_true (&f, "log.length === 1 && log[0] === 'gone'"));
  teardown (&f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/collections/map-cost", test_map_cost);
  g_test_add_func ("/collections/ephemeron", test_ephemeron);
  g_test_add_func ("/collections/ephemeron-chain", test_ephemeron_chain);
  g_test_add_func ("/collections/dead-weak-map", test_dead_weak_map);
  g_test_add_func ("/collections/registry-safe-point",
                   test_registry_safe_point);
  return g_test_run ();
}
