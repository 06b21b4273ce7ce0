/* test-heap.c — the allocator and the collector, driven from C.
 *
 * Cells here are "pairs": one slot holding three traced values, so the
 * tests can build graphs (lists, cycles) without the object model.
 */
#include "config.h"

#if GSCRIPT_ASAN
#include <sanitizer/asan_interface.h>
#endif

#include <gscript/gscript.h>

#include "function.h"
#include "heap.h"
#include "realm.h"
#include "runtime.h"
#include "shape.h"

#include <math.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct
{
  JsShape *shape;
  JsValue a, b, c;
} Pair;

static void
pair_trace (JsTracer *trc, JsCell *cell)
{
  Pair *p = (Pair *) cell;
  gc_mark_value (trc, p->a);
  gc_mark_value (trc, p->b);
  gc_mark_value (trc, p->c);
}

static int finalized;

static void
pair_finalize (JsHeap *heap, JsCell *cell)
{
  finalized++;
}

static const JsCellClass pair_class = {
  .name = "Pair",
  .kind = JS_KIND_INTERNAL,
  .trace = pair_trace,
  .finalize = pair_finalize,
};

typedef struct
{
  JsRuntime *rt;
  JsShape *pair_shape;
} Fixture;

static void
fixture_init (Fixture *f)
{
  f->rt = runtime_new ();
  g_assert_nonnull (f->rt);
  f->pair_shape = shape_new_root (f->rt, &pair_class, NULL, 0);
  runtime_eternal_add (f->rt, js_cell_value (JS_TAG_INTERNAL,
                                             f->pair_shape));
}

static void
fixture_done (Fixture *f)
{
  runtime_free (f->rt);
}

static Pair *
pair_new (Fixture *f, JsValue a, JsValue b)
{
  JsValue *saved = rt_save_roots (f->rt);
  rt_push_root (f->rt, a);
  rt_push_root (f->rt, b);
  Pair *p = (Pair *) heap_alloc_slots (&f->rt->heap, JS_SPACE_CELLS, 1);
  rt_restore_roots (f->rt, saved);
  g_assert_nonnull (p);
  p->shape = f->pair_shape;
  p->a = a;
  p->b = b;
  p->c = JS_UNDEFINED;
  return p;
}

static JsValue
pv (void *p)
{
  return js_cell_value (JS_TAG_INTERNAL, p);
}

static JsCell *
raw_alloc (Fixture *f, uint32_t n)
{
  JsCell *c = heap_alloc_slots_nogc (&f->rt->heap, JS_SPACE_CELLS, n);
  g_assert_nonnull (c);
  /* A header whose class needs no trace hook. */
  c->shape = f->rt->string_shapes[JS_STR_INLINE8];
  return c;
}

static void
collect (Fixture *f)
{
  gc_collect (&f->rt->heap, JS_GC_REASON_EXPLICIT);
}

/* Fills every free run and the bump region of the cells space with live
 * one-slot cells, so that the next allocation takes a new chunk: the
 * cells the runtime makes for itself (its common atoms) leave the rest
 * of their chunk free. */
static void
use_up_free_space (Fixture *f)
{
  JsSpace *sp = &f->rt->heap.spaces[JS_SPACE_CELLS];
  for (;;)
    {
      bool any = sp->large != NULL || sp->bump < sp->bump_limit;
      for (uint32_t i = 1; i < JS_BIN_COUNT; i++)
        any |= sp->bins[i] != NULL;
      if (!any)
        return;
      rt_push_root (f->rt, pv (raw_alloc (f, 1)));
    }
}

/* ------------------------------------------------------------------ */

static void
test_layout_sizes (void)
{
  g_assert_cmpuint (sizeof (JsValue), ==, 8);
  g_assert_cmpuint (sizeof (JsCell), ==, 8);
  g_assert_cmpuint (sizeof (JsObject), ==, 16);
  g_assert_cmpuint (sizeof (JsObject) + 2 * sizeof (JsValue), ==,
                    JS_SLOT_SIZE);
  g_assert_cmpuint (js_object_inline_cap (1), ==, 2);
  g_assert_cmpuint (sizeof (JsShape), ==, 2 * JS_SLOT_SIZE);
  g_assert_cmpuint (sizeof (JsString), ==, 16);
  g_assert_cmpuint (sizeof (JsRope), ==, JS_SLOT_SIZE);
  g_assert_cmpuint (sizeof (JsSymbol), ==, JS_SLOT_SIZE);
  g_assert_cmpuint (sizeof (JsChunk), <=,
                    JS_CHUNK_HEADER_SLOTS * JS_SLOT_SIZE);
  g_assert_cmpuint (JS_INLINE_STRING_MAX8, ==, 47);
}

static void
test_value_encoding (void)
{
  g_assert_true (js_is_double (js_double (1.5)));
  g_assert_true (js_is_number (js_int32 (-7)));
  g_assert_cmpint (js_get_int32 (js_int32 (-7)), ==, -7);
  g_assert_true (js_double (NAN) == JS_CANONICAL_NAN);
  double neg_nan = -NAN;
  g_assert_true (js_double (neg_nan) == JS_CANONICAL_NAN);
  g_assert_true (js_is_double (js_double (-INFINITY)));
  g_assert_false (js_is_cell (js_double (-INFINITY)));
  g_assert_true (js_is_int32 (js_number (3.0)));
  g_assert_true (js_is_double (js_number (-0.0)));
  g_assert_true (js_is_double (js_number (2147483648.0)));
  g_assert_false (js_is_cell (JS_UNDEFINED));
  g_assert_false (js_is_number (JS_NULL));
  void *p = (void *) (uintptr_t) 0x7ffff0001000;
  JsValue o = js_cell_value (JS_TAG_OBJECT, p);
  g_assert_true (js_is_object (o) && js_is_cell (o));
  g_assert_true ((void *) js_get_cell (o) == p);
  g_assert_false (js_is_number (o));
}

static void
test_bin_reuse (void)
{
  Fixture f;
  fixture_init (&f);
  /* A two-slot cell dies; the next two-slot allocation gets its place. */
  JsCell *keep = raw_alloc (&f, 2);
  JsValue *root = rt_push_root (f.rt, pv (keep));
  JsCell *dead = raw_alloc (&f, 2);
  raw_alloc (&f, 3);
  collect (&f);
  g_assert_false (heap_is_cell (&f.rt->heap, dead));
  g_assert_true (heap_is_cell (&f.rt->heap, keep));
  JsCell *again = raw_alloc (&f, 2);
  g_assert_true (again == dead);
  (void) root;
  fixture_done (&f);
}

static void
test_bump_fills_chunk (void)
{
  Fixture f;
  fixture_init (&f);
  JsSpace *sp = &f.rt->heap.spaces[JS_SPACE_CELLS];
  use_up_free_space (&f);
  /* Force a fresh chunk, then every one-slot cell comes from the bump
     pointer, one slot after the other, until the chunk is full. */
  JsCell *first = raw_alloc (&f, JS_CHUNK_DATA_SLOTS);
  JsChunk *c0 = js_chunk_of (first);
  JsCell *prev = raw_alloc (&f, 1);
  JsChunk *c = js_chunk_of (prev);
  g_assert_true (c != c0);
  g_assert_true ((char *) prev
                 == (char *) c + JS_CHUNK_HEADER_SLOTS * JS_SLOT_SIZE);
  for (uint32_t i = 1; i < JS_CHUNK_DATA_SLOTS; i++)
    {
      JsCell *next = raw_alloc (&f, 1);
      g_assert_true ((char *) next == (char *) prev + JS_SLOT_SIZE);
      prev = next;
    }
  g_assert_true (sp->bump == sp->bump_limit);
  fixture_done (&f);
}

static void
test_split_rest_reused (void)
{
  Fixture f;
  fixture_init (&f);
  use_up_free_space (&f);
  /* Fill a whole fresh chunk with a live cell, so that only the run we
     make is free in it. */
  JsCell *a = raw_alloc (&f, 1);
  rt_push_root (f.rt, pv (a));
  JsCell *hole = raw_alloc (&f, 40);
  JsCell *b = raw_alloc (&f, JS_CHUNK_DATA_SLOTS - 41);
  rt_push_root (f.rt, pv (b));
  g_assert_true (js_chunk_of (a) == js_chunk_of (b));
  collect (&f);
  JsSpace *sp = &f.rt->heap.spaces[JS_SPACE_CELLS];
  /* The 40-slot hole is the space's only free run.  25 slots come from
     its front (no bin holds 25-slot runs: they go to the large list);
     the 15-slot rest becomes the bump region and serves the next
     request. */
  JsCell *x = raw_alloc (&f, 25);
  g_assert_true (x == hole);
  g_assert_true (sp->bump == (char *) hole + 25 * JS_SLOT_SIZE);
  g_assert_true (sp->bump_limit == (char *) hole + 40 * JS_SLOT_SIZE);
  JsCell *rest = raw_alloc (&f, 15);
  g_assert_true ((char *) rest == (char *) hole + 25 * JS_SLOT_SIZE);
  fixture_done (&f);
}

static bool
mapping_exists (void *p)
{
  unsigned char vec;
  long page = sysconf (_SC_PAGESIZE);
  void *base = (void *) ((uintptr_t) p & ~(uintptr_t) (page - 1));
  return mincore (base, (size_t) page, &vec) == 0;
}

static void
test_huge_unmapped (void)
{
  Fixture f;
  fixture_init (&f);
  uint32_t n = JS_CHUNK_DATA_SLOTS * 3;
  Pair *h = (Pair *) heap_alloc_slots (&f.rt->heap, JS_SPACE_CELLS, n);
  g_assert_nonnull (h);
  h->shape = f.pair_shape;
  h->a = h->b = h->c = JS_UNDEFINED;
  g_assert_true (js_chunk_of (h)->flags & JS_CHUNK_HUGE);
  g_assert_cmpuint (heap_cell_slots ((JsCell *) h), >=, n);
  g_assert_cmpuint (f.rt->heap.huge_bytes, >=, (size_t) n * JS_SLOT_SIZE);
  JsValue *root = rt_push_root (f.rt, pv (h));
  collect (&f);
  g_assert_true (mapping_exists (h));
  g_assert_true (heap_is_cell (&f.rt->heap, h));
  rt_restore_roots (f.rt, root);
  collect (&f);
  g_assert_false (mapping_exists (h));
  g_assert_cmpuint (f.rt->heap.huge_bytes, ==, 0);
  fixture_done (&f);
}

static size_t
resident_pages (void *p, size_t len)
{
  long page = sysconf (_SC_PAGESIZE);
  size_t n = len / (size_t) page;
  unsigned char *vec = g_malloc (n);
  g_assert_cmpint (mincore (p, len, vec), ==, 0);
  size_t r = 0;
  for (size_t i = 0; i < n; i++)
    r += vec[i] & 1;
  g_free (vec);
  return r;
}

/* A chunk that every cycle fills with garbage again keeps its pages: it
 * is needed again before the next collection. */
static void
test_reused_chunk_kept (void)
{
  Fixture f;
  fixture_init (&f);
  JsHeap *heap = &f.rt->heap;
  JsChunk *c = NULL;
  for (int cycle = 0; cycle < 4; cycle++)
    {
      JsCell *cell = raw_alloc (&f, JS_CHUNK_DATA_SLOTS);
      memset ((char *) cell + 8, 0xab,
              (size_t) JS_CHUNK_DATA_SLOTS * JS_SLOT_SIZE - 8);
      g_assert_true (cycle == 0 || js_chunk_of (cell) == c);
      c = js_chunk_of (cell);
      collect (&f);
      g_assert_cmpuint (heap->decommitted_chunks, ==, 0);
    }
  g_assert_cmpuint (resident_pages (c, JS_CHUNK_SIZE), >, 8);
  fixture_done (&f);
}

static void
test_empty_chunk_decommitted (void)
{
  Fixture f;
  fixture_init (&f);
  JsHeap *heap = &f.rt->heap;
  /* Fill a fresh chunk with garbage it touches entirely. */
  JsCell *first = raw_alloc (&f, JS_CHUNK_DATA_SLOTS);
  memset ((char *) first + 8, 0xab,
          (size_t) JS_CHUNK_DATA_SLOTS * JS_SLOT_SIZE - 8);
  JsChunk *c = js_chunk_of (first);
  g_assert_cmpuint (resident_pages (c, JS_CHUNK_SIZE), >, 8);
  size_t committed = heap->committed_bytes;
  collect (&f); /* empty once: kept for reuse */
  g_assert_cmpuint (heap->decommitted_chunks, ==, 0);
  collect (&f); /* empty twice: decommitted */
  g_assert_cmpuint (heap->decommitted_chunks, ==, 1);
  g_assert_cmpuint (heap->committed_bytes, ==, committed - JS_CHUNK_SIZE);
  g_assert_cmpuint (resident_pages (c, JS_CHUNK_SIZE), ==, 0);
  size_t reserved = heap->reserved_bytes;
  /* Growing again reuses that address first. */
  JsCell *again = raw_alloc (&f, JS_CHUNK_DATA_SLOTS);
  g_assert_true (js_chunk_of (again) == c);
  g_assert_cmpuint (heap->reserved_bytes, ==, reserved);
  fixture_done (&f);
}

static void
test_cycle_collected (void)
{
  Fixture f;
  fixture_init (&f);
  finalized = 0;
  Pair *a = pair_new (&f, JS_UNDEFINED, JS_UNDEFINED);
  JsValue *root = rt_push_root (f.rt, pv (a));
  Pair *b = pair_new (&f, pv (a), JS_UNDEFINED);
  a->a = pv (b);
  heap_set_finalize ((JsCell *) a, true);
  heap_set_finalize ((JsCell *) b, true);
  collect (&f);
  g_assert_cmpint (finalized, ==, 0);
  g_assert_true (heap_is_cell (&f.rt->heap, b));
  rt_restore_roots (f.rt, root);
  collect (&f);
  g_assert_cmpint (finalized, ==, 2);
  g_assert_false (heap_is_cell (&f.rt->heap, a));
  g_assert_false (heap_is_cell (&f.rt->heap, b));
  fixture_done (&f);
}

/* A list long enough to overflow a 4-entry mark stack many times over,
 * built as a wide tree so that the stack really fills. */
static void
test_mark_stack_overflow (void)
{
  Fixture f;
  fixture_init (&f);
  JsHeap *heap = &f.rt->heap;
  gc_set_mark_stack_capacity (heap, 4);
  finalized = 0;
  JsValue *root = rt_push_root (f.rt, JS_UNDEFINED);
  const int n = 20000;
  for (int i = 0; i < n; i++)
    {
      /* Each node holds the list so far and a fresh leaf: the tree has
         two children per node, so marking pushes faster than it pops. */
      Pair *leaf = pair_new (&f, JS_UNDEFINED, JS_UNDEFINED);
      heap_set_finalize ((JsCell *) leaf, true);
      JsValue *lr = rt_push_root (f.rt, pv (leaf));
      Pair *node = pair_new (&f, *root, pv (leaf));
      heap_set_finalize ((JsCell *) node, true);
      rt_restore_roots (f.rt, lr);
      *root = pv (node);
    }
  uint64_t rescans = heap->overflow_rescans;
  collect (&f);
  g_assert_cmpuint (heap->overflow_rescans, >, rescans);
  g_assert_cmpint (finalized, ==, 0);
  /* Every node survived: walk the list. */
  int count = 0;
  for (JsValue v = *root; js_is_cell (v); v = ((Pair *) js_get_cell (v))->a)
    {
      Pair *p = (Pair *) js_get_cell (v);
      g_assert_true (heap_is_cell (heap, p));
      g_assert_true (heap_is_cell (heap, js_get_cell (p->b)));
      count++;
    }
  g_assert_cmpint (count, ==, n);
  *root = JS_UNDEFINED;
  collect (&f);
  g_assert_cmpint (finalized, ==, 2 * n);
  fixture_done (&f);
}

static void
test_local_root_scope (void)
{
  Fixture f;
  fixture_init (&f);
  finalized = 0;
  JsValue *saved = rt_save_roots (f.rt);
  Pair *p = pair_new (&f, JS_UNDEFINED, JS_UNDEFINED);
  heap_set_finalize ((JsCell *) p, true);
  rt_push_root (f.rt, pv (p));
  collect (&f);
  g_assert_cmpint (finalized, ==, 0);
  rt_restore_roots (f.rt, saved);
  collect (&f);
  g_assert_cmpint (finalized, ==, 1);
  fixture_done (&f);
}

static int weak_calls;

static void
on_weak (void *data)
{
  weak_calls++;
  g_assert_true (data == &weak_calls);
}

static void
test_weak_persistent (void)
{
  Fixture f;
  fixture_init (&f);
  weak_calls = 0;
  Pair *p = pair_new (&f, JS_UNDEFINED, JS_UNDEFINED);
  JsPersistent *strong = runtime_persistent_new (f.rt, pv (p));
  JsPersistent *weak = runtime_persistent_new (f.rt, pv (p));
  runtime_persistent_set_weak (weak, on_weak, &weak_calls);
  collect (&f);
  runtime_run_cleanups (f.rt);
  g_assert_cmpint (weak_calls, ==, 0);
  g_assert_true (weak->value == pv (p));
  runtime_persistent_free (strong);
  collect (&f);
  /* Cleared at once, but the callback waits for a safe point. */
  g_assert_true (weak->value == JS_UNDEFINED);
  g_assert_cmpint (weak_calls, ==, 0);
  runtime_run_cleanups (f.rt);
  g_assert_cmpint (weak_calls, ==, 1);
  collect (&f);
  runtime_run_cleanups (f.rt);
  g_assert_cmpint (weak_calls, ==, 1);
  runtime_persistent_free (weak);
  fixture_done (&f);
}

static void
test_eternal (void)
{
  Fixture f;
  fixture_init (&f);
  finalized = 0;
  Pair *p = pair_new (&f, JS_UNDEFINED, JS_UNDEFINED);
  heap_set_finalize ((JsCell *) p, true);
  uint32_t i = runtime_eternal_add (f.rt, pv (p));
  for (int k = 0; k < 3; k++)
    collect (&f);
  gc_collect_full (&f.rt->heap, JS_GC_REASON_PRESSURE, true);
  g_assert_cmpint (finalized, ==, 0);
  g_assert_true (f.rt->eternals[i] == pv (p));
  fixture_done (&f);
}

static void
test_unmanaged_trigger (void)
{
  Fixture f;
  fixture_init (&f);
  JsHeap *heap = &f.rt->heap;
  uint64_t gcs = heap->counters.gc_count;
  heap_add_unmanaged (heap, heap->unmanaged_threshold + 1);
  /* The next allocation collects. */
  raw_alloc (&f, 1);
  g_assert_cmpuint (heap->counters.gc_count, ==, gcs);
  heap_alloc_slots (heap, JS_SPACE_CELLS, 1)->shape
      = f.rt->string_shapes[JS_STR_INLINE8];
  g_assert_cmpuint (heap->counters.gc_count, ==, gcs + 1);
  g_assert_cmpint (heap->counters.last_reason, ==, JS_GC_REASON_UNMANAGED);
  /* That GC could not free the memory: the threshold grew past it. */
  g_assert_cmpint (heap->unmanaged_threshold, >, heap->unmanaged_bytes);
  /* Usage falls well below: the threshold shrinks again. */
  int64_t high = heap->unmanaged_threshold;
  heap_add_unmanaged (heap, -heap->unmanaged_bytes);
  collect (&f);
  g_assert_cmpint (heap->unmanaged_threshold, <, high);
  fixture_done (&f);
}

static size_t
rss_kib (void)
{
  g_autofree char *status = NULL;
  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL,
                                      NULL));
  const char *line = strstr (status, "VmRSS:");
  g_assert_nonnull (line);
  return (size_t) g_ascii_strtoull (line + 6, NULL, 10);
}

static void
test_flat_rss (void)
{
  Fixture f;
  fixture_init (&f);
  JsHeap *heap = &f.rt->heap;
  /* 10^7 one-slot cells, one in a hundred kept (in a ring of 1,000, so
     the live set is constant): the heap must stay the same size. */
  JsValue *ring = rt_save_roots (f.rt);
  for (int i = 0; i < 1000; i++)
    rt_push_root (f.rt, JS_UNDEFINED);
  long n = 10000000;
  if (g_getenv ("GSCRIPT_TEST_QUICK"))
    n /= 10;
  size_t rss_mid = 0, committed_mid = 0;
  for (long i = 0; i < n; i++)
    {
      JsCell *c = heap_alloc_slots (heap, JS_SPACE_CELLS, 1);
      c->shape = f.rt->string_shapes[JS_STR_INLINE8];
      if (i % 100 == 0)
        ring[(i / 100) % 1000] = pv (c);
      if (i == n / 2)
        {
          rss_mid = rss_kib ();
          committed_mid = heap->committed_bytes;
        }
    }
  size_t rss_end = rss_kib ();
  g_assert_cmpuint (heap->counters.gc_count, >, 10);
  /* Where in its cycle each snapshot falls moves the committed size by a
     few chunks (empty chunks are decommitted after two collections). */
  g_assert_cmpuint (heap->committed_bytes, <=,
                    committed_mid + 4 * JS_CHUNK_SIZE);
  g_assert_cmpuint (rss_end, <=, rss_mid + 1024);
  /* The least trigger is 4 MiB: the heap stays within twice that. */
  g_assert_cmpuint (heap->committed_bytes, <, 8u * 1024 * 1024);
  fixture_done (&f);
}

/* ------------------------------------------------------------------ */
/* The barrier: incremental marking with verification                  */
/* ------------------------------------------------------------------ */

static void
barrier_workload (Fixture *f, bool use_barrier)
{
  JsHeap *heap = &f->rt->heap;
  JsValue *root = rt_push_root (f->rt, JS_UNDEFINED);
  Pair *holder = pair_new (f, JS_UNDEFINED, JS_UNDEFINED);
  *root = pv (holder);
  for (int i = 0; i < 20000; i++)
    {
      /* A new cell only the holder will reference, stored while
         marking may be in progress and the holder already black. */
      Pair *p = pair_new (f, holder->a, JS_UNDEFINED);
      if (i % 50 == 0)
        p->a = JS_UNDEFINED;
      holder->a = pv (p);
      if (use_barrier)
        gc_write_barrier (heap, (JsCell *) holder);
    }
}

static void
test_barrier_verified (void)
{
  g_setenv ("GSCRIPT_GC_INCREMENTAL", "1", TRUE);
  g_setenv ("GSCRIPT_VERIFY_HEAP", "1", TRUE);
  Fixture f;
  fixture_init (&f);
  g_assert_true (f.rt->heap.incremental_debug && f.rt->heap.verify);
  barrier_workload (&f, true);
  g_assert_cmpuint (f.rt->heap.counters.gc_count, >, 3);
  fixture_done (&f);
  g_unsetenv ("GSCRIPT_GC_INCREMENTAL");
  g_unsetenv ("GSCRIPT_VERIFY_HEAP");
}

static bool
on_mark_stack (JsHeap *heap, JsCell *cell)
{
  for (size_t i = 0; i < heap->mark_top; i++)
    if (heap->mark_stack[i].cell == cell)
      return true;
  return false;
}

/* A deterministic missed store: holder A is traced (black) while B is
 * still grey; X, white, moves from B to A.  Without the barrier nothing
 * ever traces X again. */
static void
move_under_marking (Fixture *f, bool use_barrier)
{
  JsHeap *heap = &f->rt->heap;
  Pair *x = pair_new (f, JS_UNDEFINED, JS_UNDEFINED);
  JsValue *rb = rt_push_root (f->rt, pv (x));
  Pair *b = pair_new (f, pv (x), JS_UNDEFINED);
  *rb = pv (b);
  JsValue *ra = rt_push_root (f->rt, JS_UNDEFINED);
  Pair *a = pair_new (f, JS_UNDEFINED, JS_UNDEFINED);
  *ra = pv (a);
  gc_incremental_start (heap);
  /* Roots are pushed in stack order, so A, pushed after B, is traced
     before it: step until A has left the mark stack (black). */
  while (on_mark_stack (heap, (JsCell *) a))
    g_assert_false (gc_incremental_mark (heap, 1));
  g_assert_true (js_cell_is_marked (a));
  g_assert_true (on_mark_stack (heap, (JsCell *) b));
  g_assert_false (js_cell_is_marked (x));
  a->a = pv (x);
  if (use_barrier)
    gc_write_barrier (heap, (JsCell *) a);
  b->a = JS_UNDEFINED;
  /* Finish the cycle, as the incremental mode does when marking ends. */
  gc_collect (heap, JS_GC_REASON_ALLOCATION);
  g_assert_true (heap_is_cell (heap, x));
}

static void
test_barrier_regreys (void)
{
  g_setenv ("GSCRIPT_VERIFY_HEAP", "1", TRUE);
  Fixture f;
  fixture_init (&f);
  move_under_marking (&f, true);
  fixture_done (&f);
  g_unsetenv ("GSCRIPT_VERIFY_HEAP");
}

static void
test_missing_barrier_caught (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("GSCRIPT_VERIFY_HEAP", "1", TRUE);
      Fixture f;
      fixture_init (&f);
      move_under_marking (&f, false);
      fixture_done (&f);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Pair cell*write barrier is missing*");
}

/* stackIsLive (): true if every cell the value stack holds, up to its
 * top, is still an allocated cell of the heap. */
static JsValue
host_stack_is_live (const JsCallInfo *info)
{
  JsRuntime *rt = info->ctx->rt;
  for (JsValue *v = rt->stack_base; v < rt->stack_top; v++)
    if (js_is_cell (*v) && !heap_is_cell (&rt->heap, js_get_cell (*v)))
      return JS_FALSE;
  return JS_TRUE;
}

/* A callee's frame may end below its caller's: the caller's registers
 * above the callee's top lie past the stack's top while the callee
 * runs, and natives the callee calls write their windows there.  A
 * collection then must not free what those registers hold, or they
 * point at dead cells again once the callee returns. */
static void
test_caller_registers_kept (void)
{
  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  JsValue check = function_new_builtin (ctx, "stackIsLive",
                                        host_stack_is_live, 0, 0, 0);
  g_assert_false (js_is_exception (check));
  g_assert_true (realm_define_global (ctx, "stackIsLive", check));
  GsValue *v = gs_context_eval (
      ctx,
      "function wide (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p) {"
      "  return a;"
      "}"
      "function small () {"
      /* forEach's call of the closure puts it past small's top. */
      "  [0].forEach (function () {});"
      /* The window of this call overwrites small's own copy. */
      "  Math.abs (1);"
      "  gc ();"
      "}"
      "function outer () {"
      "  wide (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,"
      "        18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30);"
      "  small ();"
      "  return stackIsLive ();"
      "}"
      "outer ()",
      -1, "test", GS_EVAL_DEFAULT);
  g_assert_nonnull (v);
  g_assert_true (gs_value_get_boolean (v));
  gs_handle_scope_close (&scope);
  gs_context_free (ctx);
  gs_runtime_free (rt);
}

/* Runtimes made one after another in one process: the mappings of a
 * dead one's heap, whose free cells AddressSanitizer had poisoned, come
 * back as the next one's value stack or heap, and must be usable, so the
 * heap unpoisons what it unmaps.  (The fuzzer found this: a runtime's
 * value stack mapped over an old chunk.)  Only checked under ASan. */
static void
test_runtimes_in_sequence (void)
{
  for (int round = 0; round < 4; round++)
    {
      Fixture f;
      fixture_init (&f);
      JsHeap *heap = &f.rt->heap;
      JsValue *saved = rt_save_roots (f.rt);
      /* Cells, one in a hundred kept, so that chunks stay in use with
         their free slots poisoned until the runtime goes. */
      JsCell *dead = NULL;
      for (int i = 0; i < 20000; i++)
        {
          JsCell *c = heap_alloc_slots (heap, JS_SPACE_CELLS, 1);
          c->shape = f.rt->string_shapes[JS_STR_INLINE8];
          if (i % 100 == 0)
            rt_push_root (f.rt, js_cell_value (JS_TAG_INTERNAL, c));
          else if (!dead)
            dead = c;
        }
      gc_collect (heap, JS_GC_REASON_EXPLICIT);
#if GSCRIPT_ASAN
      g_assert_true (__asan_address_is_poisoned (dead));
#endif
      rt_restore_roots (f.rt, saved);
      fixture_done (&f);
#if GSCRIPT_ASAN
      g_assert_false (__asan_address_is_poisoned (dead));
#endif
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* These tests count collections themselves. */
  g_unsetenv ("GSCRIPT_GC_STRESS");
  g_test_add_func ("/heap/layout-sizes", test_layout_sizes);
  g_test_add_func ("/heap/value-encoding", test_value_encoding);
  g_test_add_func ("/heap/bin-reuse", test_bin_reuse);
  g_test_add_func ("/heap/bump-fills-chunk", test_bump_fills_chunk);
  g_test_add_func ("/heap/large-run-split", test_split_rest_reused);
  g_test_add_func ("/heap/huge-unmapped", test_huge_unmapped);
  g_test_add_func ("/heap/reused-chunk-kept", test_reused_chunk_kept);
  g_test_add_func ("/heap/empty-chunk-decommitted",
                   test_empty_chunk_decommitted);
  g_test_add_func ("/gc/cycle-collected", test_cycle_collected);
  g_test_add_func ("/gc/mark-stack-overflow", test_mark_stack_overflow);
  g_test_add_func ("/gc/local-root-scope", test_local_root_scope);
  g_test_add_func ("/gc/weak-persistent", test_weak_persistent);
  g_test_add_func ("/gc/eternal", test_eternal);
  g_test_add_func ("/gc/unmanaged-trigger", test_unmanaged_trigger);
  g_test_add_func ("/gc/flat-rss", test_flat_rss);
  g_test_add_func ("/gc/barrier-verified", test_barrier_verified);
  g_test_add_func ("/gc/barrier-regreys", test_barrier_regreys);
  g_test_add_func ("/gc/missing-barrier-caught",
                   test_missing_barrier_caught);
  g_test_add_func ("/gc/caller-registers-kept", test_caller_registers_kept);
  g_test_add_func ("/heap/runtimes-in-sequence", test_runtimes_in_sequence);
  return g_test_run ();
}
