/* heap.h — the allocator and the collector's interface.
 *
 * heap.c owns address space, chunks, free lists and the sweep; gc.c owns
 * marking, roots, weak references, triggers and the write barrier.  The
 * rest of the engine sees heap_alloc(), gc_write_barrier() and the
 * tracer.  Layouts and the essay on the design are in value.h.
 */
#pragma once

#include <glib.h>

#include "value.h"

typedef struct JsRuntime JsRuntime;

/* Why a collection ran (for gscript.gc.allocatorStats). */
typedef enum
{
  JS_GC_REASON_ALLOCATION,  /* address space grew past the trigger */
  JS_GC_REASON_UNMANAGED,   /* unmanaged memory passed its threshold */
  JS_GC_REASON_EXPLICIT,    /* gc() or gs_runtime_gc() */
  JS_GC_REASON_PRESSURE,    /* a memory-pressure notification */
  JS_GC_REASON_STRESS,      /* GSCRIPT_GC_STRESS */
  JS_GC_REASON_TEARDOWN,    /* the runtime is going away */
  JS_GC_REASON_COUNT
} JsGcReason;

/* Where the collector is in a cycle. */
typedef enum
{
  JS_GC_IDLE,    /* mutator runs, no marking in progress */
  JS_GC_MARKING, /* incremental marking in progress: the barrier is live */
  JS_GC_SWEEPING /* inside the sweep: no allocation, no script */
} JsGcPhase;

/* A free run of slots: the first two words of the run. */
typedef struct JsFreeRun JsFreeRun;
struct JsFreeRun
{
  JsFreeRun *next; /* next run in the same bin or in the large list */
  size_t nslots;   /* length of the run in slots */
};

/* One part of the heap: its chunks and free lists. */
typedef struct
{
  JsChunk *chunks;                 /* every committed chunk of the space */
  JsFreeRun *bins[JS_BIN_COUNT];   /* runs of exactly i slots */
  JsFreeRun *large;                /* runs of JS_BIN_COUNT slots or more */
  char *bump;                      /* next never-used byte of the bump chunk */
  char *bump_limit;                /* end of the bump chunk */
  size_t chunk_count;              /* committed chunks in this space */
} JsSpace;

/* A reservation of JS_SEGMENT_CHUNKS chunks of address space. */
typedef struct JsSegment JsSegment;
struct JsSegment
{
  JsSegment *next;     /* next reservation */
  char *base;          /* 64 KiB-aligned start */
  uint64_t committed;  /* bit i: chunk i is in use by a space */
  uint64_t decommitted;/* bit i: chunk i was used, its pages returned */
};

/* An entry on the mark stack. */
typedef struct
{
  JsCell *cell; /* a marked cell whose children are still to be traced */
} JsMarkEntry;

/* Counters the statistics and the logs report. */
typedef struct
{
  uint64_t gc_count;          /* collections run */
  uint64_t allocated_cells[JS_BIN_COUNT + 1]; /* cells since start by slot
                                                 count; last = larger */
  uint64_t huge_allocated;    /* huge cells since start */
  int64_t last_pause_us;      /* duration of the last collection */
  int64_t total_pause_us;     /* all collections */
  int64_t longest_pause_us;   /* the longest */
  int64_t last_mark_us;       /* mark part of the last collection */
  int64_t last_sweep_us;      /* sweep part of the last collection */
  size_t used_before;         /* bytes in cells before the last GC */
  size_t used_after;          /* ... and after */
  JsGcReason last_reason;     /* why the last GC ran */
} JsHeapCounters;

/* The heap: one per runtime. */
struct JsHeap
{
  JsRuntime *rt;                     /* owner */
  JsSpace spaces[JS_SPACE_COUNT];    /* cells and shapes */
  JsSegment *segments;               /* reserved address space */
  size_t decommitted_chunks;         /* empty chunks with pages returned */
  JsChunk *huge;                     /* huge cells' mappings */
  size_t reserved_bytes;             /* address space reserved */
  size_t committed_bytes;            /* chunks and huge mappings in use */
  size_t used_bytes;                 /* bytes in allocated cells */
  size_t huge_bytes;                 /* bytes mapped for huge cells */
  size_t trigger_bytes;              /* committed size that starts a GC */

  /* Unmanaged memory: long strings' data, shape tables, external reports. */
  int64_t unmanaged_bytes;           /* current total */
  int64_t unmanaged_threshold;       /* a GC runs above this */

  /* The collector's state (gc.c). */
  JsGcPhase phase;                   /* the barrier checks this */
  JsMarkEntry *mark_stack;           /* explicit mark stack */
  size_t mark_top;                   /* entries in use */
  size_t mark_cap;                   /* capacity; overflow flags chunks */
  bool overflowed;                   /* some chunk has JS_CHUNK_OVERFLOWED */
  bool in_gc;                        /* a collection is running */
  uint32_t no_gc_depth;              /* >0: allocation must not collect */
  uint32_t stress_every;             /* GSCRIPT_GC_STRESS: 0 = off */
  uint32_t stress_countdown;         /* allocations until the next GC */
  bool incremental_debug;            /* GSCRIPT_GC_INCREMENTAL */
  bool verify;                       /* GSCRIPT_VERIFY_HEAP */
  bool gc_requested;                 /* a trigger fired where GC can't run */
  uint32_t incremental_countdown;    /* debug mode: allocations until a
                                        cycle starts */
  uint64_t overflow_rescans;         /* times overflowed chunks were
                                        rescanned (tests) */
  JsHeapCounters counters;           /* statistics */
};

/* ------------------------------------------------------------------ */
/* heap.c                                                              */
/* ------------------------------------------------------------------ */

void heap_init (JsHeap *heap, JsRuntime *rt);
/* Frees every cell (running finalizers) and returns all address space. */
void heap_destroy (JsHeap *heap);

/* Allocates a cell of nslots slots in a space, uninitialised but for the
 * bitmaps; may run a GC first (never during a sweep).  NULL when the OS
 * refuses memory.  The caller writes the header before the next
 * allocation.  Cells larger than a chunk's data area become huge cells. */
JsCell *heap_alloc_slots (JsHeap *heap, JsSpaceKind space, uint32_t nslots);
/* The same, without any GC: for the collector's own bookkeeping and for
 * code that holds unrooted pointers. */
JsCell *heap_alloc_slots_nogc (JsHeap *heap, JsSpaceKind space,
                               uint32_t nslots);

/* Sets or clears the FINALIZE bit of a live cell. */
void heap_set_finalize (JsCell *cell, bool on);
/* Slots a live cell spans (from the EXTENDS bitmap). */
uint32_t heap_cell_slots (const JsCell *cell);
/* Bytes a live cell spans (huge cells: their payload). */
size_t heap_cell_size (const JsCell *cell);
/* True if p is the start of a live (allocated) cell of this heap. */
bool heap_is_cell (JsHeap *heap, const void *p);

/* Clears every mark bit (start of a cycle). */
void heap_clear_marks (JsHeap *heap);
/* Frees unmarked cells of a space and rebuilds its free lists; runs
 * finalizers of dead FINALIZE cells; decommits chunks empty for a second
 * GC (or at once when decommit_all_empty). */
void heap_sweep_space (JsHeap *heap, JsSpaceKind space,
                       bool decommit_all_empty);
/* Frees unmarked huge cells and unmaps them. */
void heap_sweep_huge (JsHeap *heap);
/* Calls fn on every live cell of a space (tests, verification). */
void heap_foreach_cell (JsHeap *heap, JsSpaceKind space,
                        void (*fn) (JsCell *cell, void *data), void *data);

/* Walks a free list (tests and logs; ASan keeps run headers poisoned). */
JsFreeRun *heap_free_run_next (JsFreeRun *run);
size_t heap_free_run_slots (JsFreeRun *run);

/* Unmanaged memory bookkeeping; may request a GC. */
void heap_add_unmanaged (JsHeap *heap, int64_t delta);

/* ------------------------------------------------------------------ */
/* gc.c                                                                */
/* ------------------------------------------------------------------ */

struct JsTracer
{
  JsHeap *heap; /* the heap being marked */
};

/* Marks a cell and queues its children; never recurses. */
void gc_mark_cell_slow (JsTracer *trc, JsCell *cell);

static inline void
gc_mark_cell (JsTracer *trc, JsCell *cell)
{
  if (cell && !js_cell_is_marked (cell))
    gc_mark_cell_slow (trc, cell);
}

static inline void
gc_mark_value (JsTracer *trc, JsValue v)
{
  if (js_is_cell (v))
    gc_mark_cell (trc, js_get_cell (v));
}

static inline void
gc_mark_values (JsTracer *trc, const JsValue *v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    gc_mark_value (trc, v[i]);
}

/* Re-greys a marked owner while incremental marking runs. */
void gc_barrier_slow (JsHeap *heap, JsCell *owner);

/* Call after storing a heap pointer (or a value) into a cell. */
static inline void
gc_write_barrier (JsHeap *heap, JsCell *owner)
{
  if (G_UNLIKELY (heap->phase == JS_GC_MARKING))
    gc_barrier_slow (heap, owner);
}

/* Stores v into *slot of owner with the barrier. */
static inline void
gc_store_value (JsHeap *heap, JsCell *owner, JsValue *slot, JsValue v)
{
  *slot = v;
  gc_write_barrier (heap, owner);
}

/* Stores a cell pointer into *slot of owner with the barrier. */
static inline void
gc_store_cell (JsHeap *heap, JsCell *owner, JsCell **slot, JsCell *v)
{
  *slot = v;
  gc_write_barrier (heap, owner);
}

void gc_init (JsHeap *heap);
void gc_destroy (JsHeap *heap);
/* Runs a full collection now (finishing any incremental cycle). */
void gc_collect (JsHeap *heap, JsGcReason reason);
/* The same; with decommit_all, every empty chunk is decommitted at once
 * (critical memory pressure). */
void gc_collect_full (JsHeap *heap, JsGcReason reason, bool decommit_all);
/* Sets the mark stack's capacity (tests force overflow with a tiny one). */
void gc_set_mark_stack_capacity (JsHeap *heap, size_t entries);
/* Names of the reasons, for logs. */
const char *gc_reason_name (JsGcReason reason);

/* gc-log.c: the gscript.gc.* categories, per collection and at the end. */
void gc_log_cycle (JsHeap *heap);
void gc_log_summary (JsHeap *heap);
/* Called by the allocator: runs a GC if a trigger fired. */
void gc_maybe_collect (JsHeap *heap);
/* Debug incremental mode: a little marking per allocation. */
void gc_incremental_step (JsHeap *heap);
/* Starts an incremental cycle: marks the roots grey; the barrier is live
 * from here until the cycle's gc_collect. */
void gc_incremental_start (JsHeap *heap);
/* Traces up to budget cells; true when the mark stack is empty. */
bool gc_incremental_mark (JsHeap *heap, size_t budget);
