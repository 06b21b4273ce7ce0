/* heap-bench.c — allocation rate and collection cost of small cells.
 *
 * Three figures, each the best of a few runs:
 *   - allocations per second of one-slot cells: raw cells (the allocator
 *     and the collections it triggers), and {} objects (object_new);
 *   - mark and sweep time per MB of live one-slot objects: a graph where
 *     node i points at node i-1 and at a random earlier node, all of it
 *     reachable, collected while it stays live;
 *   - the same per MB of garbage: the same graph, unrooted.
 *
 *   heap-bench [MB ...]    (default: 16 64 256)
 */
#include "config.h"

#include "atom.h"
#include "object.h"

#include <stdio.h>
#include <stdlib.h>

#define RUNS 3

static double
now_s (void)
{
  return (double) g_get_monotonic_time () / 1e6;
}

static JsRuntime *
bench_runtime (void)
{
  /* The figures are for the collector as configured by default. */
  g_unsetenv ("GSCRIPT_GC_STRESS");
  g_unsetenv ("GSCRIPT_GC_INCREMENTAL");
  g_unsetenv ("GSCRIPT_VERIFY_HEAP");
  JsRuntime *rt = runtime_new ();
  g_assert_nonnull (rt);
  return rt;
}

/* Millions of raw one-slot cells per second, garbage as they come. */
static double
raw_alloc_rate (long n, uint64_t *gcs)
{
  double best = 0;
  for (int r = 0; r < RUNS; r++)
    {
      JsRuntime *rt = bench_runtime ();
      JsShape *shape = rt->string_shapes[JS_STR_INLINE8];
      double t0 = now_s ();
      for (long i = 0; i < n; i++)
        {
          JsString *s = (JsString *) heap_alloc_slots (&rt->heap,
                                                       JS_SPACE_CELLS, 1);
          s->shape = shape;
          s->length = 0;
          s->hash = 0;
        }
      double rate = n / (now_s () - t0) / 1e6;
      best = MAX (best, rate);
      *gcs = rt->heap.counters.gc_count;
      runtime_free (rt);
    }
  return best;
}

/* Millions of {} objects per second. */
static double
object_alloc_rate (long n)
{
  double best = 0;
  for (int r = 0; r < RUNS; r++)
    {
      JsRuntime *rt = bench_runtime ();
      JsShape *shape = shape_root_for (rt, &js_object_class, NULL, 2);
      rt_push_cell (rt, shape);
      double t0 = now_s ();
      for (long i = 0; i < n; i++)
        object_new (rt, shape);
      double rate = n / (now_s () - t0) / 1e6;
      best = MAX (best, rate);
      runtime_free (rt);
    }
  return best;
}

/* Builds a graph of mb megabytes of one-slot objects {a, b}; returns the
 * root slot holding its last node. */
static JsValue *
build_graph (JsRuntime *rt, size_t mb)
{
  long n = (long) (mb * 1024 * 1024 / JS_SLOT_SIZE);
  JsShape *root = shape_root_for (rt, &js_object_class, NULL, 2);
  rt_push_cell (rt, root);
  JsKey a = atom_key_from_utf8 (rt, "a");
  rt_push_cell (rt, js_key_cell (a));
  JsKey b = atom_key_from_utf8 (rt, "b");
  rt_push_cell (rt, js_key_cell (b));
  JsShape *s = shape_add_property (rt, root, a, JS_ATTR_DEFAULT);
  rt_push_cell (rt, s);
  s = shape_add_property (rt, s, b, JS_ATTR_DEFAULT);
  rt_push_cell (rt, s);
  /* Every node stays reachable from the last through the a links, so
     only the last needs a root; an array of the nodes (malloc'd, not
     traced) lets b point anywhere earlier. */
  JsObject **nodes = g_new (JsObject *, n);
  JsValue *last = rt_push_root (rt, JS_NULL);
  GRand *rand = g_rand_new_with_seed (7);
  for (long i = 0; i < n; i++)
    {
      JsObject *o = object_new (rt, s);
      o->slots[0] = *last;
      o->slots[1] = i ? js_object_value (nodes[g_rand_int_range (
                            rand, 0, (gint32) i)])
                      : JS_NULL;
      nodes[i] = o;
      *last = js_object_value (o);
    }
  g_rand_free (rand);
  g_free (nodes);
  return last;
}

typedef struct
{
  double mark_ms;  /* best mark time */
  double sweep_ms; /* best sweep time */
} GcTimes;

static GcTimes
time_gc (JsRuntime *rt, int runs)
{
  GcTimes t = { 1e9, 1e9 };
  for (int r = 0; r < runs; r++)
    {
      gc_collect (&rt->heap, JS_GC_REASON_EXPLICIT);
      t.mark_ms = MIN (t.mark_ms, rt->heap.counters.last_mark_us / 1e3);
      t.sweep_ms = MIN (t.sweep_ms, rt->heap.counters.last_sweep_us / 1e3);
    }
  return t;
}

int
main (int argc, char **argv)
{
  size_t sizes[16] = { 16, 64, 256 };
  int nsizes = 3;
  if (argc > 1)
    {
      nsizes = MIN (argc - 1, 16);
      for (int i = 0; i < nsizes; i++)
        sizes[i] = (size_t) atol (argv[i + 1]);
    }

  long n = 20 * 1000 * 1000;
  uint64_t gcs;
  double raw = raw_alloc_rate (n, &gcs);
  double objs = object_alloc_rate (n);
  printf ("allocation, one-slot cells (%ld, garbage as they come)\n", n);
  printf ("  raw cells      %8.1f M/s  (%" G_GUINT64_FORMAT
          " collections)\n", raw, gcs);
  printf ("  {} objects     %8.1f M/s\n\n", objs);

  printf ("collection of one-slot objects {a, b}, best of %d\n", RUNS);
  printf ("  %8s | %9s %9s %9s | %9s %9s %9s\n", "", "live", "", "",
          "garbage", "", "");
  printf ("  %8s | %9s %9s %9s | %9s %9s %9s\n", "MB", "mark ms",
          "sweep ms", "ms/MB", "mark ms", "sweep ms", "ms/MB");
  for (int i = 0; i < nsizes; i++)
    {
      JsRuntime *rt = bench_runtime ();
      JsValue *saved = rt_save_roots (rt);
      JsValue *last = build_graph (rt, sizes[i]);
      GcTimes live = time_gc (rt, RUNS);
      g_assert_true (js_is_object (*last));
      rt_restore_roots (rt, saved);
      runtime_free (rt);

      /* Garbage: each run needs a fresh graph. */
      GcTimes dead = { 1e9, 1e9 };
      for (int r = 0; r < RUNS; r++)
        {
          rt = bench_runtime ();
          saved = rt_save_roots (rt);
          build_graph (rt, sizes[i]);
          rt_restore_roots (rt, saved);
          GcTimes t = time_gc (rt, 1);
          dead.mark_ms = MIN (dead.mark_ms, t.mark_ms);
          dead.sweep_ms = MIN (dead.sweep_ms, t.sweep_ms);
          runtime_free (rt);
        }
      printf ("  %8zu | %9.2f %9.2f %9.3f | %9.2f %9.2f %9.3f\n", sizes[i],
              live.mark_ms, live.sweep_ms,
              (live.mark_ms + live.sweep_ms) / (double) sizes[i],
              dead.mark_ms, dead.sweep_ms,
              (dead.mark_ms + dead.sweep_ms) / (double) sizes[i]);
    }
  return 0;
}
