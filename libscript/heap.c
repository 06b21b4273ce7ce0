/* heap.c — address space, chunks, free lists and the sweep.
 *
 * The allocator hands out runs of 32-byte slots.  It never knows what a
 * cell is: the only thing it reads in a cell is the class pointer of a
 * dead cell whose FINALIZE bit is set, to run its finalizer.
 *
 * Address space.  Segments of JS_SEGMENT_CHUNKS chunks are reserved with
 * mmap(PROT_NONE), aligned on the chunk size, and a chunk is committed
 * (made readable and writable) when a space needs one.  A chunk that the
 * sweep finds empty, and that stayed unused for the whole cycle before
 * (no cell was allocated in it since the last sweep emptied it), is
 * decommitted with MADV_DONTNEED: the
 * kernel takes its pages back, its address stays reserved, and it is the
 * first chunk handed out when a space grows again.  Nothing is unmapped
 * before the heap dies, except huge cells.
 *
 * Allocation of n slots tries, in order:
 *   1. the bin of runs of exactly n slots (n < JS_BIN_COUNT);
 *   2. the bump region: the never-used tail of the newest chunk, or the
 *      rest of the large run last taken;
 *   3. the list of large runs, first fit, the rest becoming the bump
 *      region;
 *   4. a run from a larger bin, split;
 *   5. a new chunk (after a GC if the growth trigger fired), bumped.
 * A free run carries its link and length in its first two words; under
 * AddressSanitizer everything after them is poisoned, and so is a cell
 * as soon as it dies.
 *
 * Huge cells, larger than a chunk's data area, live alone in a mapping
 * of their own that begins with a chunk header.  Marking one is marking
 * slot JS_CHUNK_HEADER_SLOTS of that "chunk", like any other cell; the
 * sweep unmaps it when it dies.
 *
 * The sweep reads only bitmaps.  For each chunk, dead cells are
 * OBJECT & ~MARK; their finalizers run if FINALIZE says so; their OBJECT
 * and EXTENDS bits are cleared; then the free lists of the space are
 * rebuilt from the holes, ~(OBJECT | EXTENDS), of every chunk.
 */
#include "config.h"

#include "heap.h"

#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define JS_HEAP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JS_HEAP_ASAN 1
#endif
#endif

#ifdef JS_HEAP_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION ((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION ((p), (n))
#else
#define POISON(p, n) ((void) (p), (void) (n))
#define UNPOISON(p, n) ((void) (p), (void) (n))
#endif

/* ------------------------------------------------------------------ */
/* Bitmaps                                                             */
/* ------------------------------------------------------------------ */

/* Sets bits [from, to) of a chunk bitmap. */
static void
bits_set_range (uint64_t *map, uint32_t from, uint32_t to)
{
  while (from < to)
    {
      uint32_t w = from >> 6, b = from & 63;
      uint32_t n = MIN (64 - b, to - from);
      uint64_t mask = (n == 64 ? ~UINT64_C (0) : ((UINT64_C (1) << n) - 1))
                      << b;
      map[w] |= mask;
      from += n;
    }
}

/* Clears bits [from, to). */
static void
bits_clear_range (uint64_t *map, uint32_t from, uint32_t to)
{
  while (from < to)
    {
      uint32_t w = from >> 6, b = from & 63;
      uint32_t n = MIN (64 - b, to - from);
      uint64_t mask = (n == 64 ? ~UINT64_C (0) : ((UINT64_C (1) << n) - 1))
                      << b;
      map[w] &= ~mask;
      from += n;
    }
}

/* The index of the first clear bit at or after i (JS_CHUNK_SLOTS if none). */
static uint32_t
bits_next_clear (const uint64_t *map, uint32_t i)
{
  while (i < JS_CHUNK_SLOTS)
    {
      uint64_t w = ~map[i >> 6] >> (i & 63);
      if (w)
        return MIN (i + (uint32_t) __builtin_ctzll (w), JS_CHUNK_SLOTS);
      i = (i | 63) + 1;
    }
  return JS_CHUNK_SLOTS;
}

/* The index of the first set bit at or after i (JS_CHUNK_SLOTS if none). */
static uint32_t
bits_next_set (const uint64_t *map, uint32_t i)
{
  while (i < JS_CHUNK_SLOTS)
    {
      uint64_t w = map[i >> 6] >> (i & 63);
      if (w)
        return i + (uint32_t) __builtin_ctzll (w);
      i = (i | 63) + 1;
    }
  return JS_CHUNK_SLOTS;
}

static inline char *
chunk_slot (JsChunk *c, uint32_t i)
{
  return (char *) c + ((size_t) i << JS_SLOT_SHIFT);
}

static inline char *
chunk_data (JsChunk *c)
{
  return chunk_slot (c, JS_CHUNK_HEADER_SLOTS);
}

static inline char *
chunk_end (JsChunk *c)
{
  return (char *) c + JS_CHUNK_SIZE;
}

/* ------------------------------------------------------------------ */
/* Address space                                                       */
/* ------------------------------------------------------------------ */

/* The leak checker of sanitizer builds scans only memory it allocated:
 * the heap's mappings are made roots for it, so that what live cells
 * point at (native data, shape tables) is not reported as leaked while
 * a runtime is alive, e.g. when a script calls exit (). */
#if defined(__SANITIZE_ADDRESS__)
#define HEAP_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAP_LSAN 1
#endif
#endif
#ifdef HEAP_LSAN
#include <sanitizer/lsan_interface.h>
#endif

static inline void
lsan_root_add (void *p, size_t n)
{
#ifdef HEAP_LSAN
  __lsan_register_root_region (p, n);
#else
  (void) p;
  (void) n;
#endif
}

static inline void
lsan_root_remove (void *p, size_t n)
{
#ifdef HEAP_LSAN
  __lsan_unregister_root_region (p, n);
#else
  (void) p;
  (void) n;
#endif
}

/* Maps size bytes aligned on JS_CHUNK_SIZE with the given protection. */
static void *
map_aligned (size_t size, int prot)
{
  size_t span = size + JS_CHUNK_SIZE;
  char *p = mmap (NULL, span, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                  -1, 0);
  if (p == MAP_FAILED)
    return NULL;
  char *base = (char *) (((uintptr_t) p + JS_CHUNK_SIZE - 1)
                         & ~(uintptr_t) (JS_CHUNK_SIZE - 1));
  if (base > p)
    munmap (p, (size_t) (base - p));
  size_t tail = (size_t) ((p + span) - (base + size));
  if (tail)
    munmap (base + size, tail);
  return base;
}

static JsSegment *
segment_reserve (JsHeap *heap)
{
  size_t size = (size_t) JS_SEGMENT_CHUNKS * JS_CHUNK_SIZE;
  char *base = map_aligned (size, PROT_NONE);
  if (!base)
    return NULL;
  lsan_root_add (base, size);
  JsSegment *seg = g_new0 (JsSegment, 1);
  seg->base = base;
  seg->next = heap->segments;
  heap->segments = seg;
  heap->reserved_bytes += size;
  return seg;
}

static JsSegment *
segment_of (JsHeap *heap, const void *p)
{
  for (JsSegment *seg = heap->segments; seg; seg = seg->next)
    if ((const char *) p >= seg->base
        && (const char *) p
               < seg->base + (size_t) JS_SEGMENT_CHUNKS * JS_CHUNK_SIZE)
      return seg;
  return NULL;
}

static inline uint32_t
segment_index (JsSegment *seg, const void *p)
{
  return (uint32_t) (((const char *) p - seg->base) / JS_CHUNK_SIZE);
}

/* Takes a chunk of address space for a space: a decommitted one first
 * (its address is reserved and already readable), then one never used. */
static JsChunk *
segment_take_chunk (JsHeap *heap)
{
  for (JsSegment *seg = heap->segments; seg; seg = seg->next)
    if (seg->decommitted)
      {
        uint32_t i = (uint32_t) __builtin_ctzll (seg->decommitted);
        seg->decommitted &= ~(UINT64_C (1) << i);
        seg->committed |= UINT64_C (1) << i;
        heap->decommitted_chunks--;
        return (JsChunk *) (seg->base + (size_t) i * JS_CHUNK_SIZE);
      }
  for (;;)
    {
      for (JsSegment *seg = heap->segments; seg; seg = seg->next)
        {
          uint64_t taken = seg->committed | seg->decommitted;
          if (taken == ~UINT64_C (0))
            continue;
          uint32_t i = (uint32_t) __builtin_ctzll (~taken);
          char *p = seg->base + (size_t) i * JS_CHUNK_SIZE;
          if (mprotect (p, JS_CHUNK_SIZE, PROT_READ | PROT_WRITE) != 0)
            return NULL;
          seg->committed |= UINT64_C (1) << i;
          return (JsChunk *) p;
        }
      if (!segment_reserve (heap))
        return NULL;
    }
}

/* A fresh chunk for a space. */
static JsChunk *
chunk_new (JsHeap *heap, JsSpaceKind space)
{
  JsChunk *c = segment_take_chunk (heap);
  if (!c)
    return NULL;
  UNPOISON (c, JS_CHUNK_SIZE);
  memset (c, 0, sizeof *c);
  POISON (chunk_data (c), JS_CHUNK_DATA_SLOTS * JS_SLOT_SIZE);
  c->heap = heap;
  c->space = (uint8_t) space;
  JsSpace *sp = &heap->spaces[space];
  c->next = sp->chunks;
  sp->chunks = c;
  sp->chunk_count++;
  heap->committed_bytes += JS_CHUNK_SIZE;
  return c;
}

/* Returns a chunk's pages to the OS; it keeps its address, and nothing
 * touches its memory again until it is reused, so it costs no page. */
static void
chunk_decommit (JsHeap *heap, JsChunk *c)
{
  JsSpace *sp = &heap->spaces[c->space];
  JsSegment *seg = segment_of (heap, c);
  uint32_t i = segment_index (seg, c);
  sp->chunk_count--;
  heap->committed_bytes -= JS_CHUNK_SIZE;
  UNPOISON (c, JS_CHUNK_SIZE);
  madvise (c, JS_CHUNK_SIZE, MADV_DONTNEED);
  seg->committed &= ~(UINT64_C (1) << i);
  seg->decommitted |= UINT64_C (1) << i;
  heap->decommitted_chunks++;
}

/* ------------------------------------------------------------------ */
/* Free runs                                                           */
/* ------------------------------------------------------------------ */

static void
run_push (JsSpace *sp, char *p, size_t nslots)
{
  JsFreeRun *run = (JsFreeRun *) p;
  UNPOISON (run, sizeof *run);
  run->nslots = nslots;
  if (nslots < JS_BIN_COUNT)
    {
      run->next = sp->bins[nslots];
      sp->bins[nslots] = run;
    }
  else
    {
      run->next = sp->large;
      sp->large = run;
    }
  POISON (run, sizeof *run);
}

/* Reads a run's link, which ASan keeps poisoned between uses. */
static inline JsFreeRun *
run_next (JsFreeRun *run)
{
  UNPOISON (run, sizeof *run);
  JsFreeRun *next = run->next;
  POISON (run, sizeof *run);
  return next;
}

static inline size_t
run_slots (JsFreeRun *run)
{
  UNPOISON (run, sizeof *run);
  size_t n = run->nslots;
  POISON (run, sizeof *run);
  return n;
}

JsFreeRun *
heap_free_run_next (JsFreeRun *run)
{
  return run_next (run);
}

size_t
heap_free_run_slots (JsFreeRun *run)
{
  return run_slots (run);
}

/* Marks [p, p + n slots) as one new cell and counts it. */
static JsCell *
claim (JsHeap *heap, char *p, uint32_t n)
{
  JsChunk *c = js_chunk_of (p);
  uint32_t i = js_slot_index (p);
  UNPOISON (p, (size_t) n * JS_SLOT_SIZE);
  js_bit_set (c->object, i);
  if (n > 1)
    bits_set_range (c->extends, i + 1, i + n);
  /* Cells born while marking is in progress are black. */
  if (heap->phase == JS_GC_MARKING)
    js_bit_set (c->mark, i);
  heap->used_bytes += (size_t) n * JS_SLOT_SIZE;
  heap->counters.allocated_cells[MIN (n, JS_BIN_COUNT)]++;
  return (JsCell *) p;
}

/* Takes n slots from the front of a run unlinked from its list; the rest
 * goes back to the free lists. */
static JsCell *
claim_from_run (JsHeap *heap, JsSpace *sp, JsFreeRun *run, size_t run_n,
                uint32_t n)
{
  char *p = (char *) run;
  if (run_n > n)
    run_push (sp, p + (size_t) n * JS_SLOT_SIZE, run_n - n);
  return claim (heap, p, n);
}

/* Gives the untouched rest of the bump chunk to the free lists. */
static void
bump_retire (JsSpace *sp)
{
  if (sp->bump && sp->bump < sp->bump_limit)
    run_push (sp, sp->bump,
              (size_t) (sp->bump_limit - sp->bump) >> JS_SLOT_SHIFT);
  sp->bump = sp->bump_limit = NULL;
}

/* ------------------------------------------------------------------ */
/* Huge cells                                                          */
/* ------------------------------------------------------------------ */

static JsCell *
alloc_huge (JsHeap *heap, uint32_t nslots)
{
  size_t page = (size_t) sysconf (_SC_PAGESIZE);
  size_t bytes = (size_t) JS_CHUNK_HEADER_SLOTS * JS_SLOT_SIZE
                 + (size_t) nslots * JS_SLOT_SIZE;
  bytes = (bytes + page - 1) & ~(page - 1);
  JsChunk *c = map_aligned (bytes, PROT_READ | PROT_WRITE);
  if (!c)
    return NULL;
  lsan_root_add (c, bytes);
  c->heap = heap;
  c->flags = JS_CHUNK_HUGE;
  c->space = JS_SPACE_CELLS;
  c->huge_size = bytes;
  c->next = heap->huge;
  heap->huge = c;
  heap->huge_bytes += bytes;
  heap->committed_bytes += bytes;
  heap->reserved_bytes += bytes;
  heap->used_bytes += (size_t) nslots * JS_SLOT_SIZE;
  heap->counters.huge_allocated++;
  heap->counters.allocated_cells[JS_BIN_COUNT]++;
  js_bit_set (c->object, JS_CHUNK_HEADER_SLOTS);
  if (heap->phase == JS_GC_MARKING)
    js_bit_set (c->mark, JS_CHUNK_HEADER_SLOTS);
  return (JsCell *) chunk_data (c);
}

static void
huge_free (JsHeap *heap, JsChunk *c)
{
  JsCell *cell = (JsCell *) chunk_data (c);
  size_t payload = c->huge_size
                   - (size_t) JS_CHUNK_HEADER_SLOTS * JS_SLOT_SIZE;
  if (js_bit_test (c->finalize, JS_CHUNK_HEADER_SLOTS)
      && cell->shape->cls->finalize)
    cell->shape->cls->finalize (heap, cell);
  heap->huge_bytes -= c->huge_size;
  heap->committed_bytes -= c->huge_size;
  heap->reserved_bytes -= c->huge_size;
  heap->used_bytes -= MIN (heap->used_bytes, payload);
  lsan_root_remove (c, c->huge_size);
  /* ASan keeps the poison of unmapped memory: a later mapping at the
     same address (another runtime's value stack) would inherit it. */
  UNPOISON (c, c->huge_size);
  munmap (c, c->huge_size);
}

/* ------------------------------------------------------------------ */
/* Allocation                                                          */
/* ------------------------------------------------------------------ */

JsCell *
heap_alloc_slots_nogc (JsHeap *heap, JsSpaceKind space, uint32_t n)
{
  g_assert (n > 0);
  g_assert (heap->phase != JS_GC_SWEEPING);
  if (n > JS_CHUNK_DATA_SLOTS)
    return alloc_huge (heap, n);

  JsSpace *sp = &heap->spaces[space];

  /* 1. The bin of exactly n slots.  Its runs lie wherever the sweep
     found them, seldom in the cache: the next one's line is prefetched
     now, for the next allocation of this size to read its link. */
  if (n < JS_BIN_COUNT && sp->bins[n])
    {
      JsFreeRun *run = sp->bins[n];
      JsFreeRun *next = run_next (run);
      sp->bins[n] = next;
      if (next)
        __builtin_prefetch (next, 1);
      return claim (heap, (char *) run, n);
    }

  /* 2. Bump over never-used space. */
  size_t bytes = (size_t) n * JS_SLOT_SIZE;
  if (sp->bump && (size_t) (sp->bump_limit - sp->bump) >= bytes)
    {
      char *p = sp->bump;
      sp->bump += bytes;
      return claim (heap, p, n);
    }

  /* 3. The large runs, first fit.  The rest of the run becomes the bump
     region (what was left of the old one goes to the free lists), so the
     allocations that follow are bumps over memory just touched, not one
     split and re-listed run per cell. */
  JsFreeRun *prev = NULL;
  for (JsFreeRun *run = sp->large; run; prev = run, run = run_next (run))
    {
      size_t rn = run_slots (run);
      if (rn < n)
        continue;
      JsFreeRun *next = run_next (run);
      if (prev)
        {
          UNPOISON (prev, sizeof *prev);
          prev->next = next;
          POISON (prev, sizeof *prev);
        }
      else
        sp->large = next;
      char *p = (char *) run;
      bump_retire (sp);
      sp->bump = p + bytes;
      sp->bump_limit = p + rn * JS_SLOT_SIZE;
      return claim (heap, p, n);
    }

  /* 4. A larger bin, split. */
  for (uint32_t i = n + 1; i < JS_BIN_COUNT; i++)
    if (sp->bins[i])
      {
        JsFreeRun *run = sp->bins[i];
        JsFreeRun *next = run_next (run);
        sp->bins[i] = next;
        if (next)
          __builtin_prefetch (next, 1);
        return claim_from_run (heap, sp, run, i, n);
      }

  /* 5. A new chunk. */
  JsChunk *c = chunk_new (heap, space);
  if (!c)
    return NULL;
  bump_retire (sp);
  sp->bump = chunk_data (c) + bytes;
  sp->bump_limit = chunk_end (c);
  return claim (heap, chunk_data (c), n);
}

/* True when allocating n slots would need a new chunk. */
static bool
needs_new_chunk (JsHeap *heap, JsSpaceKind space, uint32_t n)
{
  JsSpace *sp = &heap->spaces[space];
  if (n > JS_CHUNK_DATA_SLOTS)
    return true;
  if (n < JS_BIN_COUNT && sp->bins[n])
    return false;
  if (sp->bump && (size_t) (sp->bump_limit - sp->bump)
                      >= (size_t) n * JS_SLOT_SIZE)
    return false;
  for (uint32_t i = n + 1; i < JS_BIN_COUNT; i++)
    if (sp->bins[i])
      return false;
  for (JsFreeRun *run = sp->large; run; run = run_next (run))
    if (run_slots (run) >= n)
      return false;
  return true;
}

JsCell *
heap_alloc_slots (JsHeap *heap, JsSpaceKind space, uint32_t n)
{
  if (G_UNLIKELY (heap->stress_every || heap->gc_requested
                  || heap->incremental_debug))
    gc_maybe_collect (heap);
  else if (G_UNLIKELY (heap->committed_bytes >= heap->trigger_bytes)
           && heap->no_gc_depth == 0 && needs_new_chunk (heap, space, n))
    gc_collect (heap, JS_GC_REASON_ALLOCATION);
  return heap_alloc_slots_nogc (heap, space, n);
}

/* ------------------------------------------------------------------ */
/* Cell queries                                                        */
/* ------------------------------------------------------------------ */

void
heap_set_finalize (JsCell *cell, bool on)
{
  JsChunk *c = js_chunk_of (cell);
  if (on)
    js_bit_set (c->finalize, js_slot_index (cell));
  else
    js_bit_clear (c->finalize, js_slot_index (cell));
}

uint32_t
heap_cell_slots (const JsCell *cell)
{
  JsChunk *c = js_chunk_of (cell);
  if (c->flags & JS_CHUNK_HUGE)
    return (uint32_t) ((c->huge_size >> JS_SLOT_SHIFT)
                       - JS_CHUNK_HEADER_SLOTS);
  uint32_t i = js_slot_index (cell);
  return bits_next_clear (c->extends, i + 1) - i;
}

size_t
heap_cell_size (const JsCell *cell)
{
  return (size_t) heap_cell_slots (cell) * JS_SLOT_SIZE;
}

bool
heap_is_cell (JsHeap *heap, const void *p)
{
  if (!p || ((uintptr_t) p & (JS_SLOT_SIZE - 1)))
    return false;
  JsChunk *c = js_chunk_of (p);
  bool known = false;
  if ((const char *) p == chunk_data (c))
    for (JsChunk *h = heap->huge; h && !known; h = h->next)
      known = h == c;
  JsSegment *seg = known ? NULL : segment_of (heap, c);
  if (seg)
    known = (seg->committed >> segment_index (seg, c)) & 1;
  return known && js_slot_index (p) >= JS_CHUNK_HEADER_SLOTS
         && js_bit_test (c->object, js_slot_index (p));
}

/* ------------------------------------------------------------------ */
/* Sweeping                                                            */
/* ------------------------------------------------------------------ */

void
heap_clear_marks (JsHeap *heap)
{
  for (int s = 0; s < JS_SPACE_COUNT; s++)
    for (JsChunk *c = heap->spaces[s].chunks; c; c = c->next)
      memset (c->mark, 0, sizeof c->mark);
  for (JsChunk *c = heap->huge; c; c = c->next)
    memset (c->mark, 0, sizeof c->mark);
}

/* Runs the finalizers of a chunk's dead cells.  All finalizers of a
 * space run before any of its cells is freed, so a finalizer may still
 * read the shape of its own cell even when that shape dies in the same
 * sweep (at teardown, the shapes of shapes do). */
static void
finalize_chunk (JsHeap *heap, JsChunk *c)
{
  for (uint32_t w = 0; w < JS_BITMAP_WORDS; w++)
    {
      uint64_t fin = c->object[w] & ~c->mark[w] & c->finalize[w];
      for (; fin; fin &= fin - 1)
        {
          uint32_t i = w * 64 + (uint32_t) __builtin_ctzll (fin);
          JsCell *cell = (JsCell *) chunk_slot (c, i);
          if (cell->shape->cls->finalize)
            cell->shape->cls->finalize (heap, cell);
        }
    }
}

/* Frees the dead cells of one chunk; returns the live slots left, and
 * in *had_cells whether the chunk held any cell, dead or alive. */
static uint32_t
sweep_chunk (JsChunk *c, bool *had_cells)
{
  uint32_t live = 0;
  uint64_t any = 0;
  for (uint32_t w = 0; w < JS_BITMAP_WORDS; w++)
    {
      any |= c->object[w];
      uint64_t dead = c->object[w] & ~c->mark[w];
      c->finalize[w] &= ~dead;
      c->object[w] &= ~dead;
      for (; dead; dead &= dead - 1)
        {
          uint32_t i = w * 64 + (uint32_t) __builtin_ctzll (dead);
          uint32_t end = bits_next_clear (c->extends, i + 1);
          bits_clear_range (c->extends, i + 1, end);
          POISON (chunk_slot (c, i), (size_t) (end - i) * JS_SLOT_SIZE);
        }
    }
  for (uint32_t w = 0; w < JS_BITMAP_WORDS; w++)
    live += (uint32_t) __builtin_popcountll (c->object[w] | c->extends[w]);
  *had_cells = any != 0;
  return live;
}

/* Gives every hole of a chunk to the free lists. */
static void
collect_runs (JsSpace *sp, JsChunk *c)
{
  uint64_t used[JS_BITMAP_WORDS];
  for (uint32_t w = 0; w < JS_BITMAP_WORDS; w++)
    used[w] = c->object[w] | c->extends[w];
  /* The header's slots are never free. */
  bits_set_range (used, 0, JS_CHUNK_HEADER_SLOTS);
  uint32_t i = bits_next_clear (used, 0);
  while (i < JS_CHUNK_SLOTS)
    {
      uint32_t end = bits_next_set (used, i);
      run_push (sp, chunk_slot (c, i), end - i);
      i = bits_next_clear (used, end);
    }
}

void
heap_sweep_space (JsHeap *heap, JsSpaceKind space, bool decommit_all_empty)
{
  JsSpace *sp = &heap->spaces[space];
  JsGcPhase saved = heap->phase;
  heap->phase = JS_GC_SWEEPING;

  /* The free lists are rebuilt from the bitmaps below. */
  memset (sp->bins, 0, sizeof sp->bins);
  sp->large = NULL;
  sp->bump = sp->bump_limit = NULL;

  for (JsChunk *c = sp->chunks; c; c = c->next)
    finalize_chunk (heap, c);

  size_t used = 0;
  JsChunk **link = &sp->chunks;
  while (*link)
    {
      JsChunk *c = *link;
      bool had_cells;
      uint32_t live = sweep_chunk (c, &had_cells);
      c->live_slots = live;
      c->flags &= ~JS_CHUNK_OVERFLOWED;
      if (live == 0)
        {
          /* A chunk that the last cycle filled with garbage is needed
             again in the next one: giving its pages back would only have
             them faulted in again.  Only a chunk left unused for a whole
             cycle goes. */
          c->empty_gcs = had_cells ? 1 : c->empty_gcs + 1;
          if (decommit_all_empty || c->empty_gcs >= 2)
            {
              *link = c->next;
              chunk_decommit (heap, c);
              continue;
            }
        }
      else
        c->empty_gcs = 0;
      used += (size_t) live * JS_SLOT_SIZE;
      collect_runs (sp, c);
      link = &c->next;
    }
  heap->phase = saved;

  /* used_bytes is the sum over spaces and huge cells: recompute this
     space's share. */
  size_t others = 0;
  for (int s = 0; s < JS_SPACE_COUNT; s++)
    if (s != (int) space)
      for (JsChunk *c = heap->spaces[s].chunks; c; c = c->next)
        others += (size_t) c->live_slots * JS_SLOT_SIZE;
  size_t huge = 0;
  for (JsChunk *c = heap->huge; c; c = c->next)
    huge += c->huge_size - (size_t) JS_CHUNK_HEADER_SLOTS * JS_SLOT_SIZE;
  heap->used_bytes = used + others + huge;
}

void
heap_sweep_huge (JsHeap *heap)
{
  JsChunk **link = &heap->huge;
  while (*link)
    {
      JsChunk *c = *link;
      if (js_bit_test (c->mark, JS_CHUNK_HEADER_SLOTS))
        {
          link = &c->next;
          continue;
        }
      *link = c->next;
      huge_free (heap, c);
    }
}

void
heap_foreach_cell (JsHeap *heap, JsSpaceKind space,
                   void (*fn) (JsCell *cell, void *data), void *data)
{
  for (JsChunk *c = heap->spaces[space].chunks; c; c = c->next)
    for (uint32_t i = bits_next_set (c->object, JS_CHUNK_HEADER_SLOTS);
         i < JS_CHUNK_SLOTS; i = bits_next_set (c->object, i + 1))
      fn ((JsCell *) chunk_slot (c, i), data);
  if (space == JS_SPACE_CELLS)
    for (JsChunk *c = heap->huge; c; c = c->next)
      fn ((JsCell *) chunk_data (c), data);
}

/* ------------------------------------------------------------------ */
/* Unmanaged memory                                                    */
/* ------------------------------------------------------------------ */

void
heap_add_unmanaged (JsHeap *heap, int64_t delta)
{
  heap->unmanaged_bytes += delta;
  if (delta > 0 && heap->unmanaged_bytes > heap->unmanaged_threshold)
    heap->gc_requested = true;
}

/* ------------------------------------------------------------------ */
/* Life cycle                                                          */
/* ------------------------------------------------------------------ */

/* A GC runs when committed memory grows past this, at the least (as in
 * gc.c).  Programs that make much short-lived garbage over a small live
 * set collect once per this much allocation: at 1 MiB, raytrace spent a
 * fifth of its time starting collections. */
#define JS_GC_MIN_TRIGGER (4096u * 1024u)
#define JS_UNMANAGED_MIN_THRESHOLD (8 * 1024 * 1024)

void
heap_init (JsHeap *heap, JsRuntime *rt)
{
  memset (heap, 0, sizeof *heap);
  heap->rt = rt;
  heap->trigger_bytes = JS_GC_MIN_TRIGGER;
  heap->unmanaged_threshold = JS_UNMANAGED_MIN_THRESHOLD;
}

void
heap_destroy (JsHeap *heap)
{
  /* Every cell is dead: finalize the cells, then the shapes, as a GC
     would. */
  heap_clear_marks (heap);
  heap_sweep_space (heap, JS_SPACE_CELLS, false);
  heap_sweep_huge (heap);
  heap_sweep_space (heap, JS_SPACE_SHAPES, false);
  for (JsSegment *seg = heap->segments, *next; seg; seg = next)
    {
      next = seg->next;
      lsan_root_remove (seg->base,
                        (size_t) JS_SEGMENT_CHUNKS * JS_CHUNK_SIZE);
      /* Unpoisoned first, as huge cells are (see huge_free). */
      UNPOISON (seg->base, (size_t) JS_SEGMENT_CHUNKS * JS_CHUNK_SIZE);
      munmap (seg->base, (size_t) JS_SEGMENT_CHUNKS * JS_CHUNK_SIZE);
      g_free (seg);
    }
  heap->segments = NULL;
  heap->decommitted_chunks = 0;
  for (int s = 0; s < JS_SPACE_COUNT; s++)
    memset (&heap->spaces[s], 0, sizeof heap->spaces[s]);
  heap->reserved_bytes = heap->committed_bytes = heap->used_bytes = 0;
}
