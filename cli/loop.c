/* loop.c — timers and the GLib main loop.
 *
 * After the script has run, the program keeps the default main context
 * iterating while work remains: a timer (setTimeout, setInterval), or
 * work the GObject bridge reports (a visible window, a destroy () not
 * done yet, an asynchronous call in flight).  When none is left, it
 * exits.  Each timer callback is an entry from C into script:
 * gs_function_call runs the promise jobs it queues before it returns.
 * A callback that throws is reported, the loop goes on, and the program
 * ends with status 1.
 */
#include "config.h"

#include "host.h"

typedef struct
{
  guint id;           /* what setTimeout returned */
  guint source;       /* the GLib source */
  gboolean repeat;    /* setInterval */
  GsPersistent *func; /* the callback */
  GsPersistent *args; /* an array of its extra arguments */
} Timer;

static GHashTable *timers; /* id → Timer */
static guint next_id = 1;
static GsContext *loop_ctx;
static gboolean callback_threw;

static void
timer_free (gpointer data)
{
  Timer *t = data;
  if (t->source)
    g_source_remove (t->source);
  gs_persistent_free (t->func);
  gs_persistent_free (t->args);
  g_free (t);
}

static gboolean
timer_fire (gpointer data)
{
  guint id = GPOINTER_TO_UINT (data);
  Timer *t = g_hash_table_lookup (timers, GUINT_TO_POINTER (id));
  if (!t)
    return G_SOURCE_REMOVE;
  GsContext *ctx = loop_ctx;
  GsHandleScope scope;
  gs_handle_scope_open (&scope, gs_context_get_runtime (ctx));
  GsValue *fn = gs_persistent_get (t->func);
  GsValue *args = gs_persistent_get (t->args);
  GsValue *len = gs_object_get_property (ctx, args, "length");
  guint n = len && gs_value_is_number (len) ? (guint) gs_value_get_number (len)
                                            : 0;
  GsValue **argv = g_newa (GsValue *, n + 1);
  for (guint i = 0; i < n; i++)
    argv[i] = gs_object_get_index (ctx, args, i);
  gboolean repeat = t->repeat;
  if (!repeat)
    {
      /* Done before the call: the callback may set new timers. */
      t->source = 0;
      g_hash_table_remove (timers, GUINT_TO_POINTER (id));
    }
  if (!gs_function_call (ctx, fn, NULL, n, argv))
    {
      gs_context_report_exception (ctx);
      callback_threw = TRUE;
    }
  gs_handle_scope_close (&scope);
  /* clearInterval from inside the callback removed it already. */
  return repeat && g_hash_table_contains (timers, GUINT_TO_POINTER (id))
             ? G_SOURCE_CONTINUE
             : G_SOURCE_REMOVE;
}

static GsValue *
set_timer (GsContext *ctx, const GsCallbackInfo *info, gboolean repeat)
{
  GsValue *fn = gs_callback_info_get_arg (info, 0);
  if (!gs_value_is_function (fn))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "The first argument of %s must be a "
                                   "function",
                                   repeat ? "setInterval" : "setTimeout");
  double ms = 0;
  GsValue *delay = gs_callback_info_get_arg (info, 1);
  if (!gs_value_is_undefined (delay) && !gs_value_to_number (ctx, delay, &ms))
    return NULL;
  if (!(ms >= 0))
    ms = 0;
  if (ms > G_MAXINT32)
    ms = G_MAXINT32;
  guint argc = gs_callback_info_get_n_args (info);
  GsValue *args = gs_value_new_array (ctx, 0);
  if (!args)
    return NULL;
  for (guint i = 2; i < argc; i++)
    gs_object_set_index (ctx, args, i - 2, gs_callback_info_get_arg (info, i));
  Timer *t = g_new0 (Timer, 1);
  t->id = next_id++;
  t->repeat = repeat;
  t->func = gs_persistent_new (gs_context_get_runtime (ctx), fn);
  t->args = gs_persistent_new (gs_context_get_runtime (ctx), args);
  /* The same priority as GLib.timeout_add, so that timers and GTK's
     events interleave as in GJS. */
  t->source = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) ms, timer_fire,
                                  GUINT_TO_POINTER (t->id), NULL);
  g_hash_table_insert (timers, GUINT_TO_POINTER (t->id), t);
  return gs_value_new_number (ctx, t->id);
}

static GsValue *
set_timeout (GsContext *ctx, const GsCallbackInfo *info)
{
  return set_timer (ctx, info, FALSE);
}

static GsValue *
set_interval (GsContext *ctx, const GsCallbackInfo *info)
{
  return set_timer (ctx, info, TRUE);
}

static GsValue *
clear_timer (GsContext *ctx, const GsCallbackInfo *info)
{
  double id;
  GsValue *v = gs_callback_info_get_arg (info, 0);
  if (gs_value_is_number (v) && gs_value_to_number (ctx, v, &id))
    g_hash_table_remove (timers, GUINT_TO_POINTER ((guint) id));
  return gs_value_new_undefined (ctx);
}

void
host_loop_install (GsContext *ctx)
{
  loop_ctx = ctx;
  timers = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                  timer_free);
  host_define_global (ctx, "setTimeout", 2, set_timeout);
  host_define_global (ctx, "setInterval", 2, set_interval);
  host_define_global (ctx, "clearTimeout", 1, clear_timer);
  host_define_global (ctx, "clearInterval", 1, clear_timer);
}

gboolean
host_loop_run (GsContext *ctx)
{
  while (g_hash_table_size (timers) > 0 || host_gi_has_pending_work ())
    g_main_context_iteration (NULL, TRUE);
  return !callback_threw;
}

void
host_loop_shutdown (void)
{
  if (timers)
    g_hash_table_destroy (timers);
  timers = NULL;
  loop_ctx = NULL;
}
