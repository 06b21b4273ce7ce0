/* gc.c — the collector: marking, weak references, triggers, the barrier.
 *
 * A collection is exact mark and sweep over a heap whose cells never
 * move.  It runs in these phases:
 *
 *   1. Mark.  Every mark bit is cleared; the roots (each context's global
 *      object and intrinsics, the value stack, persistent and eternal
 *      handles, other subsystems' root tracers) are marked, and the mark
 *      stack is drained: each popped cell has its shape marked and its
 *      class's trace hook called, which marks its children.  Marking a
 *      cell sets its bit and pushes it; nothing recurses in C.
 *   2. Overflow.  When the mark stack is full, a cell is marked but not
 *      pushed, and its chunk is flagged.  Once the stack drains, the
 *      marked cells of flagged chunks are traced again (tracing a cell
 *      twice is harmless), until no chunk is flagged.  A tiny stack makes
 *      this slow, never wrong.
 *   3. Ephemerons.  A WeakMap entry keeps its value alive only while its
 *      key is alive, so entries are not traced with their table.  Once
 *      the stack is drained, the subsystems' ephemeron hooks mark the
 *      values of entries whose keys are marked; the stack is drained
 *      again, which may mark more keys, and the hooks run again until a
 *      round marks nothing.  Every round marks at least one more cell or
 *      is the last, so the fixpoint is reached in at most as many rounds
 *      as there are entries.  After it, "marked" is exactly "reachable
 *      from the roots through strong edges and live keys' values".
 *   4. Weak references.  Weak persistent handles whose referent is white
 *      are cleared and their callbacks queued; dead atoms leave the atom
 *      table; subsystems clear theirs (entries of weak collections whose
 *      key is white, WeakRef targets, FinalizationRegistry targets).
 *      Callbacks and finalization jobs run later, at a safe point
 *      (runtime_run_cleanups, then the job queue), never inside the
 *      collection: nothing here may allocate or run script.
 *   5. Sweep.  Cells first (finalizers run there), then huge cells, then
 *      shapes, so a shape outlives every cell that names it.
 *
 * Incremental marking (the debug mode GSCRIPT_GC_INCREMENTAL=1) starts a
 * cycle, then does a little marking at each allocation while the program
 * keeps running.  The program's stores into already-marked cells are
 * reported by the write barrier (heap.h), which re-greys the owner.  New
 * cells are born black.  The cycle ends with a stop-the-world remark of
 * the roots, which are never barriered.  GSCRIPT_VERIFY_HEAP=1 then marks
 * the heap again from scratch and aborts if that finds a live cell the
 * incremental marking missed: the signature of a missing barrier.
 * Ephemerons are only ever resolved in that final stop-the-world part
 * (after the verification, which leaves them out on both sides), so an
 * entry added to a weak collection while marking runs needs no barrier
 * beyond the one on its table.
 *
 * Triggers: the committed heap growing beyond twice what was in use
 * after the last collection (checked only when a new chunk is needed),
 * unmanaged memory passing its threshold, GSCRIPT_GC_STRESS=N (every N
 * allocations), an explicit request, and memory pressure.
 */
#include "config.h"

#include "heap.h"
#include "runtime.h"

#include <stdlib.h>

#define JS_MARK_STACK_DEFAULT 4096u
#define JS_GC_MIN_TRIGGER (1024u * 1024u)
#define JS_UNMANAGED_MIN_THRESHOLD (8 * 1024 * 1024)
/* Debug incremental mode: allocations between cycles, cells per step. */
#define JS_INCREMENTAL_PERIOD 2000u
#define JS_INCREMENTAL_STEP 16u

static const char *const reason_names[JS_GC_REASON_COUNT] = {
  [JS_GC_REASON_ALLOCATION] = "allocation",
  [JS_GC_REASON_UNMANAGED] = "unmanaged memory",
  [JS_GC_REASON_EXPLICIT] = "explicit",
  [JS_GC_REASON_PRESSURE] = "memory pressure",
  [JS_GC_REASON_STRESS] = "stress",
  [JS_GC_REASON_TEARDOWN] = "teardown",
};

const char *
gc_reason_name (JsGcReason reason)
{
  return reason < JS_GC_REASON_COUNT ? reason_names[reason] : "?";
}

static uint32_t
env_uint (const char *name)
{
  const char *s = g_getenv (name);
  if (!s || !*s)
    return 0;
  guint64 v = g_ascii_strtoull (s, NULL, 10);
  return v > G_MAXUINT32 ? G_MAXUINT32 : (uint32_t) v;
}

void
gc_init (JsHeap *heap)
{
  heap->mark_cap = JS_MARK_STACK_DEFAULT;
  heap->mark_stack = g_new (JsMarkEntry, heap->mark_cap);
  heap->mark_top = 0;
  heap->stress_every = env_uint ("GSCRIPT_GC_STRESS");
  heap->stress_countdown = heap->stress_every;
  heap->incremental_debug = env_uint ("GSCRIPT_GC_INCREMENTAL") != 0;
  heap->incremental_countdown = JS_INCREMENTAL_PERIOD;
  heap->verify = env_uint ("GSCRIPT_VERIFY_HEAP") != 0;
}

void
gc_destroy (JsHeap *heap)
{
  g_free (heap->mark_stack);
  heap->mark_stack = NULL;
  heap->mark_cap = heap->mark_top = 0;
}

void
gc_set_mark_stack_capacity (JsHeap *heap, size_t entries)
{
  g_assert (heap->mark_top == 0 && entries > 0);
  heap->mark_stack = g_renew (JsMarkEntry, heap->mark_stack, entries);
  heap->mark_cap = entries;
}

/* ------------------------------------------------------------------ */
/* Marking                                                             */
/* ------------------------------------------------------------------ */

void
gc_mark_cell_slow (JsTracer *trc, JsCell *cell)
{
  JsHeap *heap = trc->heap;
  JsChunk *c = js_chunk_of (cell);
  js_bit_set (c->mark, js_slot_index (cell));
  if (G_LIKELY (heap->mark_top < heap->mark_cap))
    {
      heap->mark_stack[heap->mark_top++].cell = cell;
      return;
    }
  /* No room: the cell stays marked and its chunk is rescanned later. */
  c->flags |= JS_CHUNK_OVERFLOWED;
  heap->overflowed = true;
}

/* Marks what one cell holds: its shape, then its class's fields. */
static inline void
trace_cell (JsTracer *trc, JsCell *cell)
{
  JsShape *shape = cell->shape;
  gc_mark_cell (trc, (JsCell *) shape);
  if (shape->cls->trace)
    shape->cls->trace (trc, cell);
}

static void
rescan_chunk (JsTracer *trc, JsChunk *c)
{
  c->flags &= ~JS_CHUNK_OVERFLOWED;
  for (uint32_t w = 0; w < JS_BITMAP_WORDS; w++)
    for (uint64_t m = c->mark[w] & c->object[w]; m; m &= m - 1)
      {
        uint32_t i = w * 64 + (uint32_t) __builtin_ctzll (m);
        trace_cell (trc, (JsCell *) ((char *) c
                                     + ((size_t) i << JS_SLOT_SHIFT)));
      }
}

/* Traces the marked cells of every flagged chunk. */
static void
rescan_overflowed (JsTracer *trc)
{
  JsHeap *heap = trc->heap;
  heap->overflowed = false;
  heap->overflow_rescans++;
  for (int s = 0; s < JS_SPACE_COUNT; s++)
    for (JsChunk *c = heap->spaces[s].chunks; c; c = c->next)
      if (c->flags & JS_CHUNK_OVERFLOWED)
        rescan_chunk (trc, c);
  for (JsChunk *c = heap->huge; c; c = c->next)
    if (c->flags & JS_CHUNK_OVERFLOWED)
      rescan_chunk (trc, c);
}

/* Cells popped from the mark stack wait this many turns in a ring before
 * they are traced, their first line prefetched meanwhile: marking a big
 * heap is mostly waiting for memory, and a cell just popped is seldom in
 * the cache. */
#define PREFETCH_DISTANCE 8u

/* Puts a popped, marked cell back on the stack (or flags its chunk). */
static void
push_back (JsHeap *heap, JsCell *cell)
{
  if (heap->mark_top < heap->mark_cap)
    heap->mark_stack[heap->mark_top++].cell = cell;
  else
    {
      js_chunk_of (cell)->flags |= JS_CHUNK_OVERFLOWED;
      heap->overflowed = true;
    }
}

/* Drains the mark stack; with a budget, stops after that many cells and
 * returns false if work remains. */
static bool
drain (JsTracer *trc, size_t budget)
{
  JsHeap *heap = trc->heap;
  JsCell *ring[PREFETCH_DISTANCE];
  uint32_t head = 0, count = 0;
  for (;;)
    {
      while (heap->mark_top > 0 || count > 0)
        {
          if (budget == 0)
            {
              for (; count > 0; count--, head++)
                push_back (heap, ring[head % PREFETCH_DISTANCE]);
              return false;
            }
          budget--;
          while (count < PREFETCH_DISTANCE && heap->mark_top > 0)
            {
              JsCell *c = heap->mark_stack[--heap->mark_top].cell;
              __builtin_prefetch (c);
              ring[(head + count++) % PREFETCH_DISTANCE] = c;
            }
          JsCell *cell = ring[head++ % PREFETCH_DISTANCE];
          count--;
          trace_cell (trc, cell);
        }
      if (!heap->overflowed)
        return true;
      rescan_overflowed (trc);
    }
}

static void
mark_roots (JsTracer *trc)
{
  if (trc->heap->rt)
    runtime_trace_roots (trc->heap->rt, trc);
}

void
gc_barrier_slow (JsHeap *heap, JsCell *owner)
{
  if (!js_cell_is_marked (owner))
    return;
  /* Re-grey: trace it again when the stack drains. */
  if (heap->mark_top < heap->mark_cap)
    heap->mark_stack[heap->mark_top++].cell = owner;
  else
    {
      js_chunk_of (owner)->flags |= JS_CHUNK_OVERFLOWED;
      heap->overflowed = true;
    }
}

/* ------------------------------------------------------------------ */
/* Verification of the barrier                                          */
/* ------------------------------------------------------------------ */

typedef struct
{
  JsChunk *chunk;                     /* whose marks these are */
  uint64_t mark[JS_BITMAP_WORDS];     /* the incremental marking's bits */
} SavedMarks;

static void
save_marks (JsChunk *c, GArray *saved)
{
  SavedMarks s;
  s.chunk = c;
  memcpy (s.mark, c->mark, sizeof s.mark);
  g_array_append_val (saved, s);
}

/* Re-marks from scratch and checks that the incremental marking, whose
 * bits are saved, reached every cell the full marking reaches. */
static void
verify_marking (JsHeap *heap)
{
  GArray *saved = g_array_new (FALSE, FALSE, sizeof (SavedMarks));
  for (int s = 0; s < JS_SPACE_COUNT; s++)
    for (JsChunk *c = heap->spaces[s].chunks; c; c = c->next)
      save_marks (c, saved);
  for (JsChunk *c = heap->huge; c; c = c->next)
    save_marks (c, saved);

  heap_clear_marks (heap);
  JsTracer trc = { heap };
  mark_roots (&trc);
  drain (&trc, SIZE_MAX);

  for (guint k = 0; k < saved->len; k++)
    {
      SavedMarks *s = &g_array_index (saved, SavedMarks, k);
      for (uint32_t w = 0; w < JS_BITMAP_WORDS; w++)
        {
          uint64_t missed = s->chunk->mark[w] & ~s->mark[w]
                            & s->chunk->object[w];
          if (missed)
            {
              uint32_t i = w * 64 + (uint32_t) __builtin_ctzll (missed);
              JsCell *cell = (JsCell *) ((char *) s->chunk
                                         + ((size_t) i << JS_SLOT_SHIFT));
              g_error ("GSCRIPT_VERIFY_HEAP: live %s cell %p was not marked "
                       "by incremental marking (a write barrier is missing)",
                       cell->shape->cls->name, (void *) cell);
            }
          /* Sweep with the incremental marks: floating garbage stays one
             more cycle, exactly as it would without verification. */
          s->chunk->mark[w] = s->mark[w];
        }
    }
  g_array_free (saved, TRUE);
}

/* ------------------------------------------------------------------ */
/* Collection                                                          */
/* ------------------------------------------------------------------ */

static void
adapt_thresholds (JsHeap *heap)
{
  size_t used = heap->used_bytes;
  heap->trigger_bytes = MAX ((size_t) JS_GC_MIN_TRIGGER, 2 * used);
  /* A collection that could not bring unmanaged memory under its
     threshold raises it; usage well below it lowers it again. */
  int64_t u = heap->unmanaged_bytes;
  if (u > heap->unmanaged_threshold)
    heap->unmanaged_threshold = u * 2;
  else if (u < heap->unmanaged_threshold / 4)
    heap->unmanaged_threshold = MAX ((int64_t) JS_UNMANAGED_MIN_THRESHOLD,
                                     heap->unmanaged_threshold / 2);
}

void
gc_collect_full (JsHeap *heap, JsGcReason reason, bool decommit_all)
{
  if (heap->in_gc)
    return;
  heap->in_gc = true;
  heap->gc_requested = false;
  int64_t t0 = g_get_monotonic_time ();
  size_t before = heap->used_bytes;
  JsTracer trc = { heap };

  /* An explicit request or memory pressure wants everything that is
     garbage now, including what an incremental cycle in progress has
     already marked: that cycle is dropped and marking starts afresh. */
  if (heap->phase == JS_GC_MARKING
      && (reason == JS_GC_REASON_EXPLICIT || reason == JS_GC_REASON_PRESSURE))
    {
      heap->phase = JS_GC_IDLE;
      heap->mark_top = 0;
      heap->overflowed = false;
    }
  bool incremental = heap->phase == JS_GC_MARKING;
  if (!incremental)
    heap_clear_marks (heap);
  /* A remark after incremental marking: roots are never barriered. */
  mark_roots (&trc);
  drain (&trc, SIZE_MAX);
  heap->phase = JS_GC_IDLE;
  if (incremental && heap->verify)
    verify_marking (heap);
  /* The ephemeron fixpoint: each round may make more keys reachable. */
  while (heap->rt && runtime_trace_ephemerons (heap->rt, &trc))
    drain (&trc, SIZE_MAX);

  if (heap->rt)
    runtime_process_weak (heap->rt);
  int64_t t1 = g_get_monotonic_time ();

  heap_sweep_space (heap, JS_SPACE_CELLS, decommit_all);
  heap_sweep_huge (heap);
  heap_sweep_space (heap, JS_SPACE_SHAPES, decommit_all);
  int64_t t2 = g_get_monotonic_time ();

  JsHeapCounters *k = &heap->counters;
  k->gc_count++;
  k->last_reason = reason;
  k->last_mark_us = t1 - t0;
  k->last_sweep_us = t2 - t1;
  k->last_pause_us = t2 - t0;
  k->total_pause_us += k->last_pause_us;
  k->longest_pause_us = MAX (k->longest_pause_us, k->last_pause_us);
  k->used_before = before;
  k->used_after = heap->used_bytes;
  adapt_thresholds (heap);
  heap->in_gc = false;
  gc_log_cycle (heap);
}

void
gc_collect (JsHeap *heap, JsGcReason reason)
{
  gc_collect_full (heap, reason, false);
}

void
gc_incremental_start (JsHeap *heap)
{
  JsTracer trc = { heap };
  if (heap->phase != JS_GC_IDLE || heap->in_gc)
    return;
  heap_clear_marks (heap);
  heap->phase = JS_GC_MARKING;
  mark_roots (&trc);
}

bool
gc_incremental_mark (JsHeap *heap, size_t budget)
{
  JsTracer trc = { heap };
  g_assert (heap->phase == JS_GC_MARKING);
  return drain (&trc, budget);
}

void
gc_incremental_step (JsHeap *heap)
{
  if (heap->phase == JS_GC_IDLE)
    {
      if (--heap->incremental_countdown == 0)
        {
          heap->incremental_countdown = JS_INCREMENTAL_PERIOD;
          gc_incremental_start (heap);
        }
      return;
    }
  if (gc_incremental_mark (heap, JS_INCREMENTAL_STEP))
    gc_collect (heap, JS_GC_REASON_ALLOCATION);
}

void
gc_maybe_collect (JsHeap *heap)
{
  if (heap->in_gc || heap->no_gc_depth > 0)
    return;
  if (heap->stress_every && --heap->stress_countdown == 0)
    {
      heap->stress_countdown = heap->stress_every;
      gc_collect (heap, JS_GC_REASON_STRESS);
      return;
    }
  if (heap->gc_requested)
    {
      gc_collect (heap, JS_GC_REASON_UNMANAGED);
      return;
    }
  if (heap->incremental_debug)
    gc_incremental_step (heap);
}
