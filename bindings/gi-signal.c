/* gi-signal.c — connect, connect_after, disconnect and emit.
 *
 * A function connected from script is held by a GClosure of our own
 * (GiClosure) through a weak persistent handle that the object's wrapper
 * traces: the closure lives as long as the wrapper, and a closure that
 * captures its own object makes no leak.  The object's record lists its
 * closures; when the wrapper is released they are invalidated before the
 * object's reference goes, so no script runs for an object on its way
 * out, and a closure whose function died does nothing.
 *
 * Calling a handler is an entry from C into script: gs_function_call
 * runs the promise jobs when it is the outermost one (a handler run by
 * emit () from script is not).  An exception a handler throws is
 * reported, not propagated into GTK.
 */
#include "config.h"

#include "gi-private.h"

#include <string.h>

typedef struct
{
  GClosure base;
  GsPersistent *func; /* the JS function, weak */
  GsPersistent *self; /* this for the call, weak; NULL for undefined */
  GiObject *owner;    /* the record whose closures list has this */
} GiClosure;

static void
closure_invalidated (gpointer data, GClosure *closure)
{
  GiClosure *c = (GiClosure *) closure;
  if (c->owner && c->owner->closures)
    g_ptr_array_remove_fast (c->owner->closures, c);
  c->owner = NULL;
  if (c->func && gi.rt)
    gs_persistent_free (c->func);
  if (c->self && gi.rt)
    gs_persistent_free (c->self);
  c->func = NULL;
  c->self = NULL;
}

/* Whether a parameter's GValue type says too little to convert it: a
 * bare container or pointer, whose elements only the signal's
 * introspection data describes. */
static gboolean
needs_signal_info (GType t)
{
  return t == G_TYPE_PTR_ARRAY || t == G_TYPE_ARRAY || t == G_TYPE_HASH_TABLE
         || G_TYPE_FUNDAMENTAL (t) == G_TYPE_POINTER;
}

/* The introspection data of signal `name` of type t (its classes and
 * interfaces), or NULL. */
static GISignalInfo *
find_signal_info (GType t, const char *name)
{
  for (GType k = t; k; k = g_type_parent (k))
    {
      GIBaseInfo *info = g_irepository_find_by_gtype (NULL, k);
      GISignalInfo *si = NULL;
      if (info && GI_IS_OBJECT_INFO (info))
        si = g_object_info_find_signal ((GIObjectInfo *) info, name);
      else if (info && GI_IS_INTERFACE_INFO (info))
        si = g_interface_info_find_signal ((GIInterfaceInfo *) info, name);
      if (info)
        g_base_info_unref (info);
      if (si)
        return si;
    }
  guint n = 0;
  GType *ifaces = g_type_interfaces (t, &n);
  GISignalInfo *si = NULL;
  for (guint i = 0; i < n && !si; i++)
    {
      GIBaseInfo *info = g_irepository_find_by_gtype (NULL, ifaces[i]);
      if (info && GI_IS_INTERFACE_INFO (info))
        si = g_interface_info_find_signal ((GIInterfaceInfo *) info, name);
      if (info)
        g_base_info_unref (info);
    }
  g_free (ifaces);
  return si;
}

/* Parameter i (after the instance) of an emission, by the signal's
 * introspection data: arrays, lists and hash tables of known elements.
 * NULL without an exception when the data does not help. */
static GsValue *
param_by_info (GsContext *ctx, GISignalInfo *si, guint i, const GValue *v)
{
  if (!si || (gint) i >= g_callable_info_get_n_args ((GICallableInfo *) si))
    return NULL;
  /* Heap infos: plans keep references to them. */
  GIArgInfo *ai = g_callable_info_get_arg ((GICallableInfo *) si, (gint) i);
  GITypeInfo *ti = g_arg_info_get_type (ai);
  GITypeTag tag = g_type_info_get_tag (ti);
  GsValue *r = NULL;
  if (tag == GI_TYPE_TAG_GLIST || tag == GI_TYPE_TAG_GSLIST
      || tag == GI_TYPE_TAG_GHASH
      || (tag == GI_TYPE_TAG_ARRAY
          && (g_type_info_get_array_type (ti) != GI_ARRAY_TYPE_C
              || g_type_info_is_zero_terminated (ti))))
    {
      GIArgument arg = { 0 };
      arg.v_pointer = G_VALUE_HOLDS_BOXED (v) ? g_value_get_boxed (v)
                                              : g_value_get_pointer (v);
      r = gi_arg_type_to_js (ctx, ti, GI_TRANSFER_NOTHING, &arg);
    }
  g_base_info_unref (ti);
  g_base_info_unref (ai);
  return r;
}

static void
closure_marshal (GClosure *closure, GValue *return_value,
                 guint n_param_values, const GValue *param_values,
                 gpointer invocation_hint, gpointer marshal_data)
{
  GiClosure *c = (GiClosure *) closure;
  if (!c->func || gi.shutting_down || !gi.ctx
      || gs_persistent_is_empty (c->func))
    return;
  GsContext *ctx = gi.ctx;
  GsHandleScope scope;
  gs_handle_scope_open (&scope, gi.rt);
  GsValue *fn = gs_persistent_get (c->func);
  GsValue **args = g_newa (GsValue *, n_param_values + 1);
  guint n = 0;
  GISignalInfo *si = NULL;
  gboolean looked_up = FALSE;
  for (; n < n_param_values; n++)
    {
      args[n] = NULL;
      if (n > 0 && invocation_hint
          && needs_signal_info (G_VALUE_TYPE (&param_values[n])))
        {
          /* Emitted signals say which: their introspection data tells
             the elements of containers GValues cannot describe. */
          if (!looked_up)
            {
              GSignalInvocationHint *hint = invocation_hint;
              GSignalQuery q;
              g_signal_query (hint->signal_id, &q);
              if (q.signal_id)
                si = find_signal_info (G_VALUE_TYPE (&param_values[0]),
                                       q.signal_name);
              looked_up = TRUE;
            }
          args[n] = param_by_info (ctx, si, n - 1, &param_values[n]);
          if (!args[n] && gs_context_has_exception (ctx))
            break;
        }
      if (!args[n])
        args[n] = gi_value_to_js (ctx, &param_values[n]);
      if (!args[n])
        break;
    }
  if (si)
    g_base_info_unref (si);
  GsValue *self = c->self && !gs_persistent_is_empty (c->self)
                      ? gs_persistent_get (c->self)
                      : NULL;
  GsValue *r = n == n_param_values
                   ? gs_function_call (ctx, fn, self, n, args)
                   : NULL;
  if (!r)
    gs_context_report_exception (ctx);
  else if (return_value && G_VALUE_TYPE (return_value) != G_TYPE_INVALID
           && G_VALUE_TYPE (return_value) != G_TYPE_NONE
           && !gs_value_is_undefined (r))
    {
      if (!gi_value_from_js (ctx, return_value, r, "a signal's return value"))
        gs_context_report_exception (ctx);
    }
  gs_handle_scope_close (&scope);
}

void
gi_signal_trace (GsTracer *trc, GiObject *o)
{
  if (!o->closures)
    return;
  for (guint i = 0; i < o->closures->len; i++)
    {
      GiClosure *c = g_ptr_array_index (o->closures, i);
      if (c->func)
        gs_tracer_mark_persistent (trc, c->func);
      if (c->self)
        gs_tracer_mark_persistent (trc, c->self);
    }
}

void
gi_signal_invalidate_all (GiObject *o)
{
  if (!o->closures)
    return;
  /* Invalidating removes each from the list. */
  while (o->closures->len > 0)
    {
      GClosure *c = g_ptr_array_index (o->closures, o->closures->len - 1);
      g_closure_ref (c);
      g_closure_invalidate (c);
      if (o->closures->len > 0
          && g_ptr_array_index (o->closures, o->closures->len - 1) == c)
        g_ptr_array_remove_index_fast (o->closures, o->closures->len - 1);
      g_closure_unref (c);
    }
}

GClosure *
gi_signal_closure_new (GiObject *owner, GsValue *fn, GsValue *self)
{
  GiClosure *c = (GiClosure *) g_closure_new_simple (sizeof (GiClosure),
                                                      NULL);
  c->func = gs_persistent_new (gi.rt, fn);
  /* Without an owner whose wrapper traces them, the handles stay strong
     until the closure is invalidated (or its last reference goes). */
  if (owner)
    gs_persistent_set_weak (c->func, NULL, NULL);
  if (self)
    {
      c->self = gs_persistent_new (gi.rt, self);
      if (owner)
        gs_persistent_set_weak (c->self, NULL, NULL);
    }
  c->owner = owner;
  g_closure_set_marshal (&c->base, closure_marshal);
  g_closure_add_invalidate_notifier (&c->base, NULL, closure_invalidated);
  if (!owner)
    return &c->base;
  if (!owner->closures)
    owner->closures = g_ptr_array_new ();
  g_ptr_array_add (owner->closures, c);
  return &c->base;
}

/* Parses "name" or "name::detail" for the object's type. */
static gboolean
parse_signal (GsContext *ctx, GiObject *o, GsValue *v, guint *id,
              GQuark *detail, char **name_out)
{
  if (!gs_value_is_string (v))
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "The signal name must be a string");
      return FALSE;
    }
  char *name = gs_value_dup_string (v);
  if (!g_signal_parse_name (name, o->gtype, id, detail, TRUE))
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "No signal '%s' on object '%s'", name,
                              gi_type_js_name (o->gtype));
      g_free (name);
      return FALSE;
    }
  if (name_out)
    *name_out = name;
  else
    g_free (name);
  return TRUE;
}

static GsValue *
do_connect (GsContext *ctx, const GsCallbackInfo *info, gboolean after)
{
  GiObject *o = gi_object_this (ctx, info, "connect");
  if (!o)
    return NULL;
  guint id;
  GQuark detail;
  if (!parse_signal (ctx, o, gs_callback_info_get_arg (info, 0), &id,
                     &detail, NULL))
    return NULL;
  GsValue *fn = gs_callback_info_get_arg (info, 1);
  if (!gs_value_is_function (fn))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "The signal handler must be a function");
  GClosure *c = gi_signal_closure_new (o, fn, NULL);
  gulong handler = g_signal_connect_closure_by_id (o->gobj, id, detail, c,
                                                   after);
  return gs_value_new_number (ctx, (double) handler);
}

static GsValue *
object_connect (GsContext *ctx, const GsCallbackInfo *info)
{
  return do_connect (ctx, info, FALSE);
}

static GsValue *
object_connect_after (GsContext *ctx, const GsCallbackInfo *info)
{
  return do_connect (ctx, info, TRUE);
}

static GsValue *
object_disconnect (GsContext *ctx, const GsCallbackInfo *info)
{
  GiObject *o = gi_object_this (ctx, info, "disconnect");
  if (!o)
    return NULL;
  double d;
  if (!gs_value_to_number (ctx, gs_callback_info_get_arg (info, 0), &d))
    return NULL;
  gulong id = (gulong) d;
  /* An unknown id is a warning, as in GJS: disconnecting twice is a
     common slip that should not end the program. */
  if (!g_signal_handler_is_connected (o->gobj, id))
    g_warning ("disconnect (): %s has no signal handler with id %lu",
               gi_type_js_name (o->gtype), id);
  else
    g_signal_handler_disconnect (o->gobj, id);
  return gs_value_new_undefined (ctx);
}

static GsValue *
object_emit (GsContext *ctx, const GsCallbackInfo *info)
{
  GiObject *o = gi_object_this (ctx, info, "emit");
  if (!o)
    return NULL;
  guint id;
  GQuark detail;
  g_autofree char *name = NULL;
  if (!parse_signal (ctx, o, gs_callback_info_get_arg (info, 0), &id,
                     &detail, &name))
    return NULL;
  GSignalQuery q;
  g_signal_query (id, &q);
  guint argc = gs_callback_info_get_n_args (info);
  if (argc - 1 != q.n_params)
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "Signal %s of %s takes %u arguments, "
                                   "got %u",
                                   name, gi_type_js_name (o->gtype),
                                   q.n_params, argc - 1);
  GValue *params = g_newa (GValue, q.n_params + 1);
  memset (params, 0, sizeof (GValue) * (q.n_params + 1));
  g_value_init (&params[0], G_TYPE_FROM_INSTANCE (o->gobj));
  g_value_set_object (&params[0], o->gobj);
  guint i;
  GsValue *result = NULL;
  for (i = 0; i < q.n_params; i++)
    {
      g_value_init (&params[i + 1],
                    q.param_types[i] & ~G_SIGNAL_TYPE_STATIC_SCOPE);
      g_autofree char *what = g_strdup_printf ("argument %u of signal %s",
                                               i + 1, name);
      if (!gi_value_from_js (ctx, &params[i + 1],
                             gs_callback_info_get_arg (info, i + 1), what))
        {
          i++;
          goto out;
        }
    }
  GValue ret = G_VALUE_INIT;
  GType rtype = q.return_type & ~G_SIGNAL_TYPE_STATIC_SCOPE;
  if (rtype != G_TYPE_NONE)
    g_value_init (&ret, rtype);
  g_signal_emitv (params, id, detail, &ret);
  if (rtype != G_TYPE_NONE)
    {
      result = gi_value_to_js (ctx, &ret);
      g_value_unset (&ret);
    }
  else
    result = gs_value_new_undefined (ctx);
out:
  for (guint j = 0; j <= i && j <= q.n_params; j++)
    if (G_IS_VALUE (&params[j]))
      g_value_unset (&params[j]);
  return result;
}

gboolean
gi_signal_install (GsContext *ctx, GsValue *proto)
{
  return gi_define_method (ctx, proto, "connect", 2, object_connect, NULL)
         && gi_define_method (ctx, proto, "connect_after", 2,
                              object_connect_after, NULL)
         && gi_define_method (ctx, proto, "disconnect", 1, object_disconnect,
                              NULL)
         && gi_define_method (ctx, proto, "emit", 1, object_emit, NULL);
}
