/* log.h — the engine's built-in log categories.
 *
 * They are defined in log.c with GS_LOG_CATEGORY_INIT and registered when
 * the rules are first set up, so they show up in gs_log_category_find()
 * and obey rules from the start.  Engine code logs through the macros of
 * gs-log.h: gs_log_debug (&log_gc_statistics, "...", ...).
 */
#pragma once

#include <gscript/gs-log.h>

/* gscript.gc.statistics: per collection and per runtime, memory in use. */
extern GsLogCategory log_gc_statistics;
/* gscript.gc.allocatorStats: per collection, times, bins and chunks. */
extern GsLogCategory log_gc_allocator_stats;
/* gscript.ic.stats: inline cache hits, misses and shapes seen. */
extern GsLogCategory log_ic_stats;
/* gscript.js: what scripts say (console.debug) and what the engine says
 * about them (unhandled promise rejections). */
extern GsLogCategory log_js;
