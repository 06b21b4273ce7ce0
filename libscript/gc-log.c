/* gc-log.c — what the collector tells the log categories.
 *
 * gscript.gc.statistics: per collection, the address space reserved, the
 * memory in use before and after, and the cells of each size allocated
 * since the runtime started; a summary when the runtime is destroyed.
 * gscript.gc.allocatorStats: per collection, why it ran, the mark and
 * sweep times, the free memory in each bin, the chunks of each space and
 * the huge cells.  Nothing here runs unless its category is on.
 */
#include "config.h"

#include "heap.h"
#include "log.h"

static void
log_allocated_cells (JsHeap *heap)
{
  const uint64_t *n = heap->counters.allocated_cells;
  GString *s = g_string_new (NULL);
  for (uint32_t i = 1; i <= JS_BIN_COUNT; i++)
    if (n[i])
      g_string_append_printf (s, " %s%u:%" G_GUINT64_FORMAT,
                              i == JS_BIN_COUNT ? ">=" : "", i, n[i]);
  gs_log_debug (&log_gc_statistics,
                "  cells allocated since start, by slots:%s",
                s->len ? s->str : " none");
  g_string_free (s, TRUE);
}

static void
log_statistics (JsHeap *heap)
{
  JsHeapCounters *k = &heap->counters;
  gs_log_debug (&log_gc_statistics, "========== GC %" G_GUINT64_FORMAT
                " ==========", k->gc_count);
  gs_log_debug (&log_gc_statistics,
                "  address space reserved: %zu KiB, committed: %zu KiB",
                heap->reserved_bytes / 1024, heap->committed_bytes / 1024);
  gs_log_debug (&log_gc_statistics,
                "  used before: %zu bytes, after: %zu bytes (freed %zu)",
                k->used_before, k->used_after,
                k->used_before > k->used_after
                    ? k->used_before - k->used_after : 0);
  gs_log_debug (&log_gc_statistics, "  unmanaged memory: %" G_GINT64_FORMAT
                " bytes (threshold %" G_GINT64_FORMAT ")",
                heap->unmanaged_bytes, heap->unmanaged_threshold);
  log_allocated_cells (heap);
}

/* Free bytes held in each bin, and in the large runs, of one space. */
static void
log_bins (JsHeap *heap, JsSpaceKind space, const char *name)
{
  JsSpace *sp = &heap->spaces[space];
  GString *s = g_string_new (NULL);
  size_t total = 0;
  for (uint32_t i = 1; i < JS_BIN_COUNT; i++)
    {
      size_t runs = 0;
      for (JsFreeRun *r = sp->bins[i]; r; r = heap_free_run_next (r))
        runs++;
      if (runs)
        g_string_append_printf (s, " %u:%zu", i, runs * i * JS_SLOT_SIZE);
      total += runs * i * JS_SLOT_SIZE;
    }
  size_t large = 0, nlarge = 0;
  for (JsFreeRun *r = sp->large; r; r = heap_free_run_next (r))
    {
      large += heap_free_run_slots (r) * JS_SLOT_SIZE;
      nlarge++;
    }
  gs_log_debug (&log_gc_allocator_stats,
                "  %s: free bytes per bin (slots:bytes):%s; large runs: "
                "%zu (%zu bytes); total free %zu bytes", name,
                s->len ? s->str : " none", nlarge, large, total + large);
  g_string_free (s, TRUE);
}

static void
log_chunks (JsHeap *heap, JsSpaceKind space, const char *name)
{
  JsSpace *sp = &heap->spaces[space];
  size_t live = 0;
  GString *s = g_string_new (NULL);
  for (JsChunk *c = sp->chunks; c; c = c->next)
    {
      live += c->live_slots;
      g_string_append_printf (s, " %u%%",
                              c->live_slots * 100 / JS_CHUNK_DATA_SLOTS);
    }
  gs_log_debug (&log_gc_allocator_stats,
                "  %s: %zu chunks (%zu KiB), %zu bytes live; fill:%s", name,
                sp->chunk_count, sp->chunk_count * JS_CHUNK_SIZE / 1024,
                live * JS_SLOT_SIZE, s->len ? s->str : " -");
  g_string_free (s, TRUE);
}

static void
log_allocator (JsHeap *heap)
{
  JsHeapCounters *k = &heap->counters;
  gs_log_debug (&log_gc_allocator_stats,
                "GC %" G_GUINT64_FORMAT ": reason: %s; mark %.3f ms, "
                "sweep %.3f ms, pause %.3f ms", k->gc_count,
                gc_reason_name (k->last_reason), k->last_mark_us / 1000.0,
                k->last_sweep_us / 1000.0, k->last_pause_us / 1000.0);
  log_bins (heap, JS_SPACE_CELLS, "cells");
  log_bins (heap, JS_SPACE_SHAPES, "shapes");
  log_chunks (heap, JS_SPACE_CELLS, "cells");
  log_chunks (heap, JS_SPACE_SHAPES, "shapes");
  size_t nhuge = 0;
  for (JsChunk *c = heap->huge; c; c = c->next)
    nhuge++;
  gs_log_debug (&log_gc_allocator_stats,
                "  huge cells: %zu (%zu bytes); decommitted chunks: %zu "
                "(%zu KiB of address space kept)", nhuge, heap->huge_bytes,
                heap->decommitted_chunks,
                heap->decommitted_chunks * JS_CHUNK_SIZE / 1024);
}

void
gc_log_cycle (JsHeap *heap)
{
  if (G_UNLIKELY (GS_LOG_ENABLED (&log_gc_statistics, GS_LOG_DEBUG)))
    log_statistics (heap);
  if (G_UNLIKELY (GS_LOG_ENABLED (&log_gc_allocator_stats, GS_LOG_DEBUG)))
    log_allocator (heap);
}

void
gc_log_summary (JsHeap *heap)
{
  if (!GS_LOG_ENABLED (&log_gc_statistics, GS_LOG_DEBUG))
    return;
  JsHeapCounters *k = &heap->counters;
  gs_log_debug (&log_gc_statistics, "========== runtime summary ==========");
  gs_log_debug (&log_gc_statistics,
                "  collections: %" G_GUINT64_FORMAT "; pauses: total %.3f ms, "
                "longest %.3f ms, mean %.3f ms", k->gc_count,
                k->total_pause_us / 1000.0, k->longest_pause_us / 1000.0,
                k->gc_count ? k->total_pause_us / 1000.0 / k->gc_count : 0.0);
  gs_log_debug (&log_gc_statistics,
                "  address space reserved: %zu KiB, committed: %zu KiB, "
                "used: %zu bytes, huge: %zu bytes",
                heap->reserved_bytes / 1024, heap->committed_bytes / 1024,
                heap->used_bytes, heap->huge_bytes);
  log_allocated_cells (heap);
}
