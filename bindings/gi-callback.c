/* gi-callback.c — JS functions passed where C takes a callback.
 *
 * A callback argument gets a libffi closure made from the callback
 * type's introspection data (g_callable_info_create_closure); calling it
 * converts the C arguments to JS by plans (as gi-function.c does the
 * other way), calls the function, and converts its return value.  How
 * long the closure lives is the argument's scope:
 *
 *   call:     until the function that took it returns;
 *   async:    until its one call (an asynchronous operation's callback);
 *             while it waits, the main loop has work;
 *   notified: until the C side calls the destroy notifier it was given
 *             with the closure as user data (GLib.timeout_add's sources
 *             count as main-loop work while they exist);
 *   forever:  for the program's life.
 *
 * The JS function is held by a strong persistent handle while the
 * closure lives: nothing on the JS side knows when C will call it.  A
 * closure is freed from an idle callback, never from inside its own
 * call.
 */
#include "config.h"

#include "gi-private.h"

#include <gio/gio.h>
#include <string.h>

struct _GiCallback
{
  GICallableInfo *info;   /* the callback type, owned */
  ffi_closure *closure;   /* the closure C calls */
  ffi_cif cif;            /* its call interface */
  gpointer native;        /* the address C calls */
  GsPersistent *func;     /* the JS function (strong) */
  GIScopeType scope;      /* how long it lives */
  guint n_args;           /* the callback's C arguments */
  GiArgPlan *args;        /* their plans */
  gboolean *hidden;       /* arguments scripts do not see */
  GiArgPlan ret;          /* the return value's plan */
  gboolean counts_as_work;/* keeps the main loop running while alive */
  gboolean called;        /* an async callback ran */
  gboolean freed;         /* a free is scheduled */
  gboolean is_vfunc;      /* a virtual function: the instance comes first
                             and is `this` */
  gboolean throws;        /* a GError** comes last */
  gboolean has_out;       /* out or in-out arguments scripts give back */
  GiCleanups *kept;       /* what its calls returned without transfer,
                             freed with it */
};

/* Keeps what a call returned without transfer (C may hold on to it)
 * until the closure is freed, instead of losing track of it. */
static void
keep_cleanups (GiCallback *cb, GiCleanups *c)
{
  guint n_inline = MIN (c->n, G_N_ELEMENTS (c->inline_items));
  if (c->n > 0 && !cb->kept)
    cb->kept = g_new0 (GiCleanups, 1);
  for (guint i = 0; i < n_inline; i++)
    gi_cleanups_add (cb->kept, c->inline_items[i].func,
                     c->inline_items[i].data);
  if (c->more)
    {
      for (guint i = 0; i < c->more->len; i++)
        {
          GiCleanup *item = &g_array_index (c->more, GiCleanup, i);
          gi_cleanups_add (cb->kept, item->func, item->data);
        }
      g_array_free (c->more, TRUE);
    }
  c->n = 0;
  c->more = NULL;
}

static GPtrArray *live; /* every GiCallback not yet freed */

static void
callback_free_now (GiCallback *cb)
{
  if (cb->counts_as_work && gi.pending_async > 0)
    gi.pending_async--;
  if (live)
    g_ptr_array_remove_fast (live, cb);
  if (cb->func && gi.rt)
    gs_persistent_free (cb->func);
  if (cb->kept)
    {
      gi_cleanups_run (cb->kept);
      g_free (cb->kept);
    }
  g_callable_info_destroy_closure (cb->info, cb->closure);
  for (guint i = 0; i < cb->n_args; i++)
    gi_plan_clear (&cb->args[i]);
  g_free (cb->args);
  g_free (cb->hidden);
  gi_plan_clear (&cb->ret);
  g_base_info_unref (cb->info);
  g_free (cb);
}

static gboolean
free_idle (gpointer data)
{
  callback_free_now (data);
  return G_SOURCE_REMOVE;
}

/* Frees cb once no call of it is on the stack. */
void
gi_callback_free (GiCallback *cb)
{
  if (cb->freed)
    return;
  cb->freed = TRUE;
  /* The work it stood for is done now, whenever the memory goes. */
  if (cb->counts_as_work && gi.pending_async > 0)
    {
      gi.pending_async--;
      cb->counts_as_work = FALSE;
    }
  g_idle_add_full (G_PRIORITY_HIGH, free_idle, cb, NULL);
}

/* The destroy notifier given with a notified callback. */
void
gi_callback_destroy_notify (gpointer data)
{
  gi_callback_free (data);
}

/* Reads an argument libffi passed into a GIArgument. */
static void
load_arg (const GiArgPlan *p, void *slot, GIArgument *arg)
{
  memset (arg, 0, sizeof *arg);
  if (p->is_pointer || p->tag == GI_TYPE_TAG_UTF8
      || p->tag == GI_TYPE_TAG_FILENAME || p->tag == GI_TYPE_TAG_ARRAY
      || p->tag == GI_TYPE_TAG_GLIST || p->tag == GI_TYPE_TAG_GSLIST
      || p->tag == GI_TYPE_TAG_GHASH || p->tag == GI_TYPE_TAG_ERROR
      || p->dir != GI_DIRECTION_IN)
    {
      arg->v_pointer = *(gpointer *) slot;
      return;
    }
  GITypeTag tag = p->tag;
  if (tag == GI_TYPE_TAG_INTERFACE)
    {
      if (p->iface_type == GI_INFO_TYPE_ENUM
          || p->iface_type == GI_INFO_TYPE_FLAGS)
        tag = g_enum_info_get_storage_type ((GIEnumInfo *) p->iface);
      else
        {
          arg->v_pointer = *(gpointer *) slot;
          return;
        }
    }
  gi_arg_load (tag, slot, arg);
}

/* Writes a return value where libffi wants it: integers widened to a
 * whole ffi_arg. */
static void
store_return (const GiArgPlan *p, const GIArgument *arg, void *result)
{
  GITypeTag tag = p->tag;
  if (tag == GI_TYPE_TAG_INTERFACE
      && (p->iface_type == GI_INFO_TYPE_ENUM
          || p->iface_type == GI_INFO_TYPE_FLAGS))
    tag = g_enum_info_get_storage_type ((GIEnumInfo *) p->iface);
  if (p->is_pointer && tag != GI_TYPE_TAG_VOID)
    {
      *(gpointer *) result = arg->v_pointer;
      return;
    }
  switch (tag)
    {
    case GI_TYPE_TAG_VOID:
      return;
    case GI_TYPE_TAG_BOOLEAN:
      *(ffi_sarg *) result = arg->v_boolean;
      break;
    case GI_TYPE_TAG_INT8:
      *(ffi_sarg *) result = arg->v_int8;
      break;
    case GI_TYPE_TAG_UINT8:
      *(ffi_arg *) result = arg->v_uint8;
      break;
    case GI_TYPE_TAG_INT16:
      *(ffi_sarg *) result = arg->v_int16;
      break;
    case GI_TYPE_TAG_UINT16:
      *(ffi_arg *) result = arg->v_uint16;
      break;
    case GI_TYPE_TAG_INT32:
      *(ffi_sarg *) result = arg->v_int32;
      break;
    case GI_TYPE_TAG_UINT32:
    case GI_TYPE_TAG_UNICHAR:
      *(ffi_arg *) result = arg->v_uint32;
      break;
    case GI_TYPE_TAG_INT64:
      *(gint64 *) result = arg->v_int64;
      break;
    case GI_TYPE_TAG_UINT64:
      *(guint64 *) result = arg->v_uint64;
      break;
    case GI_TYPE_TAG_FLOAT:
      *(float *) result = arg->v_float;
      break;
    case GI_TYPE_TAG_DOUBLE:
      *(double *) result = arg->v_double;
      break;
    case GI_TYPE_TAG_GTYPE:
      *(GType *) result = arg->v_size;
      break;
    default:
      *(gpointer *) result = arg->v_pointer;
      break;
    }
}

/* Writes the value of an out argument where the caller's pointer says. */
static void
store_out (const GiArgPlan *p, gpointer where, const GIArgument *arg)
{
  if (!where)
    return;
  GITypeTag tag = p->tag;
  if (tag == GI_TYPE_TAG_INTERFACE
      && (p->iface_type == GI_INFO_TYPE_ENUM
          || p->iface_type == GI_INFO_TYPE_FLAGS))
    tag = g_enum_info_get_storage_type ((GIEnumInfo *) p->iface);
  if (p->is_pointer || tag == GI_TYPE_TAG_INTERFACE)
    *(gpointer *) where = arg->v_pointer;
  else
    gi_arg_store (tag, where, arg);
}

/* Out arguments of a virtual function: the JS result is the one value,
 * or an array of the return value and the out values, as GJS has it. */
static void
store_results (GsContext *ctx, GiCallback *cb, GsValue *r, void *result,
               void **args, guint base)
{
  guint n_out = 0;
  for (guint i = 0; i < cb->n_args; i++)
    if (!cb->hidden[i] && cb->args[i].dir != GI_DIRECTION_IN)
      n_out++;
  gboolean has_ret = cb->ret.tag != GI_TYPE_TAG_VOID || cb->ret.is_pointer;
  guint total = n_out + (has_ret ? 1 : 0);
  GiCleanups cleanups = { 0 };
  guint k = 0;
  if (total > 1 && !gs_value_is_array (r))
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "The function must return an array of %u "
                              "values",
                              total);
      gs_context_report_exception (ctx);
      return;
    }
  if (has_ret)
    {
      GsValue *v = total > 1 ? gs_object_get_index (ctx, r, k++) : r;
      GIArgument ra = { 0 };
      if (v && gi_arg_from_js (ctx, &cb->ret, "the return value", v, &ra,
                               &cleanups))
        store_return (&cb->ret, &ra, result);
      else
        gs_context_report_exception (ctx);
    }
  for (guint i = 0; i < cb->n_args; i++)
    {
      GiArgPlan *p = &cb->args[i];
      if (cb->hidden[i] || p->dir == GI_DIRECTION_IN)
        continue;
      GsValue *v = total > 1 ? gs_object_get_index (ctx, r, k++) : r;
      GIArgument oa = { 0 };
      gpointer where = *(gpointer *) args[base + i];
      if (p->caller_allocates && p->gtype == G_TYPE_VALUE && v && where)
        {
          /* A GValue the caller passes: set it (to its own type if it
             has one). */
          gboolean ok = G_IS_VALUE ((GValue *) where)
                            ? gi_value_from_js (ctx, where, v, "an out value")
                            : gi_value_from_js_guess (ctx, where, v,
                                                      "an out value");
          if (!ok)
            gs_context_report_exception (ctx);
          continue;
        }
      GiArgPlan in = *p;
      in.dir = GI_DIRECTION_IN;
      if (v && gi_arg_from_js (ctx, &in, "an out value", v, &oa, &cleanups))
        {
          if (p->caller_allocates && p->tag == GI_TYPE_TAG_INTERFACE && where
              && oa.v_pointer)
            {
              /* A struct the caller passes: the value copied in. */
              gsize size = p->iface_type == GI_INFO_TYPE_UNION
                               ? g_union_info_get_size (p->iface)
                               : g_struct_info_get_size (p->iface);
              memcpy (where, oa.v_pointer, size);
            }
          else
            store_out (p, where, &oa);
        }
      else
        gs_context_report_exception (ctx);
    }
  /* What the values point at must outlive the call. */
  keep_cleanups (cb, &cleanups);
}

static void
callback_marshal (ffi_cif *cif, void *result, void **args, void *data)
{
  GiCallback *cb = data;
  GIArgument zero = { 0 };
  store_return (&cb->ret, &zero, result);
  if (gi.shutting_down || !gi.ctx || cb->freed || !cb->func)
    return;
  GsContext *ctx = gi.ctx;
  GsHandleScope scope;
  gs_handle_scope_open (&scope, gi.rt);
  GsValue **argv = g_newa (GsValue *, cb->n_args + 1);
  GsValue **lent_wrappers = g_newa (GsValue *, cb->n_args + 1);
  gpointer *lent_mem = g_newa (gpointer, cb->n_args + 1);
  guint n_lent = 0;
  guint argc = 0;
  gboolean ok = TRUE;
  /* A virtual function's instance comes first: it is `this`. */
  guint base = cb->is_vfunc ? 1 : 0;
  GsValue *self = NULL;
  if (cb->is_vfunc)
    {
      self = gi_object_wrap (ctx, *(GObject **) args[0], FALSE);
      ok = self != NULL;
    }
  for (guint i = 0; i < cb->n_args && ok; i++)
    {
      if (cb->hidden[i] || cb->args[i].dir == GI_DIRECTION_OUT)
        continue;
      GIArgument a;
      load_arg (&cb->args[i], args[base + i], &a);
      if (cb->args[i].dir == GI_DIRECTION_INOUT)
        gi_arg_load (cb->args[i].tag, a.v_pointer, &a);
      gssize len = -1;
      GiArgPlan *p = &cb->args[i];
      if (p->tag == GI_TYPE_TAG_ARRAY && p->length_arg >= 0
          && (guint) p->length_arg < cb->n_args)
        {
          GIArgument la;
          load_arg (&cb->args[p->length_arg], args[base + p->length_arg],
                    &la);
          len = (gssize) la.v_int64;
          switch (cb->args[p->length_arg].tag)
            {
            case GI_TYPE_TAG_INT32:
              len = la.v_int32;
              break;
            case GI_TYPE_TAG_UINT32:
              len = (gssize) la.v_uint32;
              break;
            default:
              break;
            }
        }
      if (p->tag == GI_TYPE_TAG_INTERFACE && p->is_pointer
          && p->transfer == GI_TRANSFER_NOTHING && a.v_pointer
          && p->gtype != G_TYPE_VALUE && p->gtype != G_TYPE_VARIANT
          && (p->iface_type == GI_INFO_TYPE_STRUCT
              || p->iface_type == GI_INFO_TYPE_BOXED
              || p->iface_type == GI_INFO_TYPE_UNION))
        {
          /* A struct C lends: the wrapper points at it during the call,
             so changes reach C (as in GJS), and copies it after. */
          GiClassRec *k = gi_class_for_info (ctx, p->iface);
          argv[argc] = k ? gi_boxed_wrap (ctx, k, a.v_pointer, FALSE, FALSE)
                         : NULL;
          if (argv[argc])
            {
              lent_wrappers[n_lent] = argv[argc];
              lent_mem[n_lent++] = a.v_pointer;
            }
        }
      else
        argv[argc] = gi_arg_to_js (ctx, p, &a, len);
      ok = argv[argc++] != NULL;
    }
  GsValue *r = NULL;
  if (ok)
    r = gs_function_call (ctx, gs_persistent_get (cb->func), self, argc,
                          argv);
  if (!r && cb->throws)
    {
      /* The exception becomes the caller's GError. */
      GError **error = *(GError ***) args[base + cb->n_args];
      GsValue *e = gs_context_take_exception (ctx);
      GError *err = gi_error_from_js (ctx, e);
      if (error && !*error)
        *error = err;
      else
        g_error_free (err);
    }
  else if (!r)
    gs_context_report_exception (ctx);
  else if (cb->is_vfunc || cb->has_out)
    store_results (ctx, cb, r, result, args, base);
  else if (cb->ret.tag != GI_TYPE_TAG_VOID || cb->ret.is_pointer)
    {
      GIArgument ra = { 0 };
      GiCleanups cleanups = { 0 };
      /* A value the callback returns without transfer must outlive the
         call: its cleanups are kept with the closure. */
      if (gi_arg_from_js (ctx, &cb->ret, "the callback's return value", r,
                          &ra, &cleanups))
        store_return (&cb->ret, &ra, result);
      else
        gs_context_report_exception (ctx);
      keep_cleanups (cb, &cleanups);
    }
  for (guint i = 0; i < n_lent; i++)
    gi_boxed_detach (lent_wrappers[i], lent_mem[i]);
  gs_handle_scope_close (&scope);
  if (cb->scope == GI_SCOPE_TYPE_ASYNC)
    gi_callback_free (cb);
}

GiCallback *
gi_callback_new (GsContext *ctx, const GiArgPlan *plan, GsValue *func,
                 gboolean counts_as_work)
{
  if (!gs_value_is_function (func))
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "Expected a function for a callback of type "
                              "%s",
                              g_base_info_get_name (plan->iface));
      return NULL;
    }
  GiCallback *cb = g_new0 (GiCallback, 1);
  cb->info = (GICallableInfo *) g_base_info_ref (plan->iface);
  cb->scope = plan->scope;
  cb->func = gs_persistent_new (gi.rt, func);
  cb->n_args = (guint) g_callable_info_get_n_args (cb->info);
  cb->args = g_new0 (GiArgPlan, cb->n_args);
  cb->hidden = g_new0 (gboolean, cb->n_args);
  for (guint i = 0; i < cb->n_args; i++)
    {
      /* A heap GIArgInfo: the type keeps a reference to its container,
         which must outlive the plan. */
      GIArgInfo *hai = g_callable_info_get_arg (cb->info, (gint) i);
      GIArgInfo ai;
      g_callable_info_load_arg (cb->info, (gint) i, &ai);
      GiArgPlan *p = &cb->args[i];
      gi_plan_init (p, g_arg_info_get_type (hai),
                    g_arg_info_get_direction (&ai),
                    g_arg_info_get_ownership_transfer (&ai));
      g_base_info_unref (hai);
      p->nullable = TRUE;
      p->caller_allocates = g_arg_info_is_caller_allocates (&ai);
      /* The user data C hands back: marked as its own closure, or a
         trailing gpointer. */
      gint c = g_arg_info_get_closure (&ai);
      if (c == (gint) i
          || (i == cb->n_args - 1 && p->tag == GI_TYPE_TAG_VOID
              && p->is_pointer))
        cb->hidden[i] = TRUE;
    }
  for (guint i = 0; i < cb->n_args; i++)
    {
      GiArgPlan *p = &cb->args[i];
      if (p->tag == GI_TYPE_TAG_ARRAY && p->length_arg >= 0
          && (guint) p->length_arg < cb->n_args)
        cb->hidden[p->length_arg] = TRUE;
    }
  for (guint i = 0; i < cb->n_args; i++)
    if (!cb->hidden[i] && cb->args[i].dir != GI_DIRECTION_IN)
      cb->has_out = TRUE;
  gi_plan_init (&cb->ret, g_callable_info_get_return_type (cb->info),
                GI_DIRECTION_OUT, g_callable_info_get_caller_owns (cb->info));
  cb->ret.nullable = TRUE;
  cb->closure = g_callable_info_create_closure (cb->info, &cb->cif,
                                                callback_marshal, cb);
  if (!cb->closure)
    {
      callback_free_now (cb);
      gs_context_throw_error (ctx, GS_ERROR_ERROR,
                              "Cannot make a closure for a callback");
      return NULL;
    }
  cb->native = g_callable_info_get_closure_native_address (cb->info,
                                                           cb->closure);
  if (!live)
    live = g_ptr_array_new ();
  g_ptr_array_add (live, cb);
  cb->counts_as_work = counts_as_work || cb->scope == GI_SCOPE_TYPE_ASYNC;
  if (cb->counts_as_work)
    gi.pending_async++;
  return cb;
}

gpointer
gi_callback_new_vfunc (GsContext *ctx, GIVFuncInfo *info, GsValue *func)
{
  GiArgPlan plan = { 0 };
  plan.iface = (GIBaseInfo *) info;
  plan.scope = GI_SCOPE_TYPE_FOREVER;
  GiCallback *cb = gi_callback_new (ctx, &plan, func, FALSE);
  if (!cb)
    return NULL;
  cb->is_vfunc = TRUE;
  cb->throws = g_callable_info_can_throw_gerror ((GICallableInfo *) info);
  /* Nothing of the callbacks' user data applies here. */
  for (guint i = 0; i < cb->n_args; i++)
    {
      GIArgInfo ai;
      g_callable_info_load_arg (cb->info, (gint) i, &ai);
      cb->hidden[i] = g_arg_info_get_closure (&ai) == (gint) i;
    }
  for (guint i = 0; i < cb->n_args; i++)
    {
      GiArgPlan *p = &cb->args[i];
      if (p->tag == GI_TYPE_TAG_ARRAY && p->length_arg >= 0
          && (guint) p->length_arg < cb->n_args)
        cb->hidden[p->length_arg] = TRUE;
    }
  return cb->native;
}

gpointer
gi_callback_native (GiCallback *cb)
{
  return cb->native;
}

void
gi_callback_shutdown (void)
{
  /* No script runs from now on; the closures stay (C may still hold
     them) but do nothing. */
  if (!live)
    return;
  for (guint i = 0; i < live->len; i++)
    {
      GiCallback *cb = g_ptr_array_index (live, i);
      if (cb->func)
        gs_persistent_free (cb->func);
      cb->func = NULL;
    }
  gi.pending_async = 0;
}
