/* heap-cost.c — the bytes one value costs in gscript's heap.
 *
 * Runs the cases of bench/js/heap-cost.js ({}, {a, b, c, d}, an array of
 * ten numbers, a 5-character string, a closure, a Map of 1,000 entries)
 * through the embedding API: for each case it makes the array that will
 * hold the values, collects and reads the heap statistics, makes n values,
 * collects and reads again.  A value's cost is the growth of the bytes
 * held by cells plus the unmanaged bytes the engine counts (long strings'
 * characters, shapes' tables, malloc'd hash tables), divided by n.  The
 * figures come from the heap's own bookkeeping, not from the process's
 * resident size, so they are exact and the same on every run.
 *
 *   heap-cost [CASES.js]    (default: the heap-cost.js of the source tree)
 */
#include "config.h"

#include <gscript/gscript.h>

#include <stdio.h>
#include <stdlib.h>

#ifndef HEAP_COST_JS
#define HEAP_COST_JS "bench/js/heap-cost.js"
#endif

/* Bytes the heap holds for script values: cells plus unmanaged memory. */
static gint64
bytes_in_use (GsRuntime *rt)
{
  GsHeapStatistics stats;
  gs_runtime_collect_garbage (rt);
  gs_runtime_get_heap_statistics (rt, &stats);
  return (gint64) stats.used_bytes + stats.unmanaged_bytes;
}

/* Calls the global function NAME with one number; aborts on an
 * exception, since the cases are fixed. */
static double
call (GsContext *ctx, const char *name, double arg)
{
  GsHandleScope scope;
  gs_handle_scope_open (&scope, gs_context_get_runtime (ctx));
  GsValue *fn = gs_object_get_property (ctx, gs_context_get_global (ctx),
                                        name);
  GsValue *argv[1] = { gs_value_new_number (ctx, arg) };
  GsValue *r = fn ? gs_function_call (ctx, fn, NULL, 1, argv) : NULL;
  if (!r)
    g_error ("heap-cost: %s(%g) failed", name, arg);
  double result = gs_value_is_number (r) ? gs_value_get_number (r) : 0;
  gs_handle_scope_close (&scope);
  return result;
}

static char *
case_name (GsContext *ctx, int k)
{
  GsHandleScope scope;
  gs_handle_scope_open (&scope, gs_context_get_runtime (ctx));
  GsValue *fn = gs_object_get_property (ctx, gs_context_get_global (ctx),
                                        "heapCostName");
  GsValue *argv[1] = { gs_value_new_number (ctx, k) };
  GsValue *r = gs_function_call (ctx, fn, NULL, 1, argv);
  char *name = r ? gs_value_dup_string (r) : g_strdup ("?");
  gs_handle_scope_close (&scope);
  return name;
}

int
main (int argc, char **argv)
{
  const char *path = argc > 1 ? argv[1] : HEAP_COST_JS;
  char *source;
  gsize length;
  GError *error = NULL;
  if (!g_file_get_contents (path, &source, &length, &error))
    {
      fprintf (stderr, "heap-cost: %s\n", error->message);
      return 1;
    }
  /* The figures are for the collector as configured by default. */
  g_unsetenv ("GSCRIPT_GC_STRESS");

  GsRuntime *rt = gs_runtime_new ();
  GsContext *ctx = gs_context_new (rt);
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  if (!gs_context_eval (ctx, source, (gssize) length, path,
                        GS_EVAL_DEFAULT))
    g_error ("heap-cost: %s does not run", path);
  g_free (source);

  printf ("%-34s %8s %10s\n", "value", "n", "bytes each");
  int count = (int) call (ctx, "heapCostCount", 0);
  for (int k = 0; k < count; k++)
    {
      double n = call (ctx, "heapCostPrepare", k);
      gint64 before = bytes_in_use (rt);
      call (ctx, "heapCostFill", k);
      gint64 after = bytes_in_use (rt);
      call (ctx, "heapCostRelease", 0);
      char *name = case_name (ctx, k);
      printf ("%-34s %8.0f %10.1f\n", name, n, (double) (after - before) / n);
      g_free (name);
    }
  gs_handle_scope_close (&scope);
  gs_context_free (ctx);
  gs_runtime_free (rt);
  return 0;
}
