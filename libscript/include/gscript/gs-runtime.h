/* gs-runtime.h — runtimes, contexts, memory and collection. */
#pragma once

#if !defined(__GSCRIPT_H_INSIDE__) && !defined(GSCRIPT_COMPILATION)
#error "Only <gscript/gscript.h> can be included directly."
#endif

#include <gscript/gs-version.h>

G_BEGIN_DECLS

/**
 * GsRuntime:
 *
 * One managed heap with its atoms and internal classes.  A runtime may
 * hold several isolated contexts.  Use a runtime from one thread only.
 */
typedef struct JsRuntime GsRuntime;

/**
 * GsContext:
 *
 * A realm: a global object and its intrinsics, inside a runtime.
 * Contexts of one runtime share the heap but no objects unless the
 * embedder passes them across.
 */
typedef struct JsContext GsContext;

/**
 * GsMemoryPressure:
 * @GS_MEMORY_PRESSURE_NONE: memory is plentiful again
 * @GS_MEMORY_PRESSURE_MODERATE: collect soon, at the next allocation
 * @GS_MEMORY_PRESSURE_CRITICAL: collect now and give every free chunk
 *   back to the operating system
 *
 * Levels for gs_runtime_memory_pressure_notification().
 */
typedef enum
{
  GS_MEMORY_PRESSURE_NONE,
  GS_MEMORY_PRESSURE_MODERATE,
  GS_MEMORY_PRESSURE_CRITICAL,
} GsMemoryPressure;

/**
 * GS_HEAP_SIZE_CLASSES:
 *
 * The number of entries of #GsHeapStatistics.cells_allocated: cells of
 * 1 to 15 slots, and one entry for every larger cell.
 */
#define GS_HEAP_SIZE_CLASSES 16

/**
 * GsHeapStatistics:
 * @reserved_bytes: address space reserved from the operating system
 * @committed_bytes: chunks and huge-cell mappings in use
 * @used_bytes: bytes held by allocated cells
 * @huge_bytes: bytes mapped for huge cells
 * @free_chunks_decommitted: empty chunks whose pages were given back
 * @unmanaged_bytes: memory outside the heap that cells own (string data,
 *   tables, external memory reported by the embedder)
 * @external_bytes: the embedder's own reports (see
 *   gs_runtime_adjust_external_memory())
 * @cells_allocated: cells allocated since the runtime was made, by size
 *   in 32-byte slots: index i counts cells of i + 1 slots; the last
 *   entry counts every larger cell
 * @gc_count: collections run
 * @last_pause_us: duration of the last collection, in microseconds
 * @total_pause_us: all collections together
 * @longest_pause_us: the longest collection
 *
 * A snapshot of a runtime's heap, from gs_runtime_get_heap_statistics().
 */
typedef struct
{
  gsize reserved_bytes;
  gsize committed_bytes;
  gsize used_bytes;
  gsize huge_bytes;
  gsize free_chunks_decommitted;
  gint64 unmanaged_bytes;
  gint64 external_bytes;
  guint64 cells_allocated[GS_HEAP_SIZE_CLASSES];
  guint64 gc_count;
  gint64 last_pause_us;
  gint64 total_pause_us;
  gint64 longest_pause_us;
} GsHeapStatistics;

/**
 * gs_runtime_new:
 *
 * Creates a runtime with an empty heap.
 *
 * Returns: (transfer full) (nullable): the runtime, or %NULL if the
 *   operating system refused the address space
 */
GS_API GsRuntime *gs_runtime_new (void);

/**
 * gs_runtime_free:
 * @rt: (transfer full): a runtime
 *
 * Destroys the runtime, its contexts and every value in its heap.  Weak
 * callbacks of persistent handles whose referents are still alive run
 * now.  With the log category `gscript.gc.statistics` enabled, a summary
 * of the runtime's collections is logged.
 */
GS_API void gs_runtime_free (GsRuntime *rt);

/**
 * gs_context_new:
 * @rt: a runtime
 *
 * Creates a context (realm) with its own global object.
 *
 * Returns: (transfer full) (nullable): the context, or %NULL when out of
 *   memory
 */
GS_API GsContext *gs_context_new (GsRuntime *rt);

/**
 * gs_context_free:
 * @ctx: (transfer full): a context
 *
 * Destroys a context.  Its objects become garbage unless something else
 * holds them.
 */
GS_API void gs_context_free (GsContext *ctx);

/**
 * gs_context_get_runtime:
 * @ctx: a context
 *
 * Returns: (transfer none): the runtime of @ctx
 */
GS_API GsRuntime *gs_context_get_runtime (GsContext *ctx);

/**
 * gs_runtime_collect_garbage:
 * @rt: a runtime
 *
 * Runs a full collection now.  Native cleanup the collection queues
 * (weak callbacks) runs before this returns, unless script is running.
 */
GS_API void gs_runtime_collect_garbage (GsRuntime *rt);

/**
 * gs_runtime_run_jobs:
 * @rt: a runtime
 *
 * Runs the queued jobs (promise reactions, FinalizationRegistry
 * callbacks) and the jobs they queue, until none is left.  Does nothing
 * while script is running: jobs run only when no script is on the
 * stack.  gs_context_eval() and gs_function_call() run them before they
 * return to the outermost caller; call this before the program exits,
 * or after entering script some other way.
 */
GS_API void gs_runtime_run_jobs (GsRuntime *rt);

/**
 * gs_runtime_report_unhandled_rejections:
 * @rt: a runtime
 *
 * Prints a warning (log category `gscript.js`) for each promise that was
 * rejected and still has no handler, and forgets them.  Programs call it
 * before they exit; it does not change anything else.
 *
 * Returns: the number of unhandled rejections reported
 */
GS_API guint gs_runtime_report_unhandled_rejections (GsRuntime *rt);

/**
 * gs_runtime_adjust_external_memory:
 * @rt: a runtime
 * @change_in_bytes: memory the embedder's objects took (positive) or
 *   released (negative) outside the heap
 *
 * Tells the collector about memory that script objects keep alive
 * outside the heap, so it can collect sooner.  May run a collection.
 *
 * Returns: the embedder's new total of external memory
 */
GS_API gint64 gs_runtime_adjust_external_memory (GsRuntime *rt,
                                                 gint64 change_in_bytes);

/**
 * gs_runtime_memory_pressure_notification:
 * @rt: a runtime
 * @level: how short memory is
 *
 * Moderate pressure collects at the next allocation; critical pressure
 * collects at once and decommits every empty chunk.
 */
GS_API void gs_runtime_memory_pressure_notification (GsRuntime *rt,
                                                     GsMemoryPressure level);

/**
 * gs_runtime_get_heap_statistics:
 * @rt: a runtime
 * @stats: (out caller-allocates): where to write the statistics
 *
 * Fills @stats with a snapshot of the heap.
 */
GS_API void gs_runtime_get_heap_statistics (GsRuntime *rt,
                                            GsHeapStatistics *stats);

/**
 * GsInterruptFunc:
 * @user_data: the data given to gs_runtime_set_interrupt_handler()
 *
 * Asked, while script or a regular expression runs, whether to stop it.
 *
 * Returns: %TRUE to stop: the running code throws an Error whose message
 *   is "interrupted", and the call into the engine returns it as a
 *   pending exception
 */
typedef gboolean (*GsInterruptFunc) (gpointer user_data);

/**
 * gs_runtime_set_interrupt_handler:
 * @rt: a runtime
 * @func: (nullable) (scope notified): the hook, or %NULL for none
 * @user_data: (closure): data for @func
 *
 * Installs the hook that stops runaway code.  A regular expression polls
 * it every few thousand backtracking steps, so a catastrophic pattern
 * such as `/(a*)*b/` on a long string can be stopped; script loops poll
 * it after gs_runtime_request_interrupt().
 */
GS_API void gs_runtime_set_interrupt_handler (GsRuntime *rt,
                                              GsInterruptFunc func,
                                              gpointer user_data);

/**
 * gs_runtime_request_interrupt:
 * @rt: a runtime
 *
 * Makes running script ask the interrupt handler at its next loop back
 * edge.  This only sets a flag: it may be called from another thread or
 * a signal handler (a watchdog).
 */
GS_API void gs_runtime_request_interrupt (GsRuntime *rt);

G_END_DECLS
