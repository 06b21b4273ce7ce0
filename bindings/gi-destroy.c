/* gi-destroy.c — obj.destroy ([delay_ms]), the bridge's deleteLater.
 *
 * destroy () only schedules: the objects whose time has come are
 * destroyed together in one idle callback of the main loop (a batch), or
 * after the delay given.  Destroying is what suits the object:
 *
 *   - a window is destroyed (gtk_window_destroy);
 *   - a widget in a parent is removed from it, by clearing the parent's
 *     widget-typed property that holds it (the child of a Window, Button,
 *     Frame or ScrolledWindow, either child of a Paned...), else through
 *     the parent's remove-style method (Box, ListBox, FlowBox, Grid,
 *     Fixed, Stack, HeaderBar: remove; Overlay: remove_overlay; Notebook:
 *     detach_tab), else with a warning — never gtk_widget_unparent on a
 *     parent that is not ours;
 *   - any other object is disposed (g_object_run_dispose).
 *
 * A widget that nothing but the wrapper holds then is disposed, so that
 * its "destroy" handlers run.
 * Then the wrapper drops its reference and is marked released: using it
 * raises a TypeError.  A second destroy () does nothing; a wrapper with a
 * destroy pending stays alive (the root tracer sees to it); destroys
 * still pending when the program ends run before it exits.
 */
#include "config.h"

#include "gi-private.h"

#include <string.h>

typedef struct
{
  GiObject *o;
  guint source;
} Delayed;

static GPtrArray *delayed; /* Delayed* */

/* Widget-typed properties that only point at a widget (the focus, a
 * stack's visible child...) rather than hold a child: clearing them
 * removes nothing, and some refuse NULL. */
static gboolean
refers_only (const char *name)
{
  static const char *const prefixes[] = { "visible-", "focus-", "default-",
                                          "mnemonic-", "transient-",
                                          "attached-", NULL };
  for (int i = 0; prefixes[i]; i++)
    if (g_str_has_prefix (name, prefixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
clear_widget_property (GObject *parent, GObject *child)
{
  guint n = 0;
  GParamSpec **pspecs = g_object_class_list_properties (
      G_OBJECT_GET_CLASS (parent), &n);
  gboolean done = FALSE;
  for (guint i = 0; i < n && !done; i++)
    {
      GParamSpec *p = pspecs[i];
      if (!(p->flags & G_PARAM_WRITABLE) || !(p->flags & G_PARAM_READABLE)
          || (p->flags & G_PARAM_CONSTRUCT_ONLY)
          || !g_type_is_a (p->value_type, gi_gtk.widget_type)
          || refers_only (p->name))
        continue;
      GObject *held = NULL;
      g_object_get (parent, p->name, &held, NULL);
      if (held == child)
        {
          g_object_set (parent, p->name, NULL, NULL);
          done = gi_gtk.get_parent (child) != parent;
        }
      if (held)
        g_object_unref (held);
    }
  g_free (pspecs);
  return done;
}

/* A method of parent's class (or an ancestor's) called name that takes
 * one widget. */
static GIFunctionInfo *
find_remove_method (GObject *parent, const char *name)
{
  for (GType t = G_OBJECT_TYPE (parent); t; t = g_type_parent (t))
    {
      GIBaseInfo *info = g_irepository_find_by_gtype (gi.repo, t);
      if (!info)
        continue;
      GIFunctionInfo *fi = NULL;
      if (g_base_info_get_type (info) == GI_INFO_TYPE_OBJECT)
        fi = g_object_info_find_method ((GIObjectInfo *) info, name);
      g_base_info_unref (info);
      if (fi && g_callable_info_get_n_args ((GICallableInfo *) fi) == 1)
        return fi;
      if (fi)
        g_base_info_unref (fi);
    }
  return NULL;
}

static gboolean
call_remove_method (GObject *parent, GObject *child)
{
  static const char *const names[] = { "remove", "remove_overlay",
                                       "detach_tab", NULL };
  for (int i = 0; names[i]; i++)
    {
      GIFunctionInfo *fi = find_remove_method (parent, names[i]);
      if (!fi)
        continue;
      GIArgument in[2], ret;
      in[0].v_pointer = parent;
      in[1].v_pointer = child;
      GError *err = NULL;
      gboolean ok = g_function_info_invoke (fi, in, 2, NULL, 0, &ret, &err);
      g_base_info_unref (fi);
      if (!ok)
        {
          g_warning ("destroy (): %s", err->message);
          g_error_free (err);
          continue;
        }
      if (gi_gtk.get_parent (child) != parent)
        return TRUE;
    }
  return FALSE;
}

void
gi_destroy_now (GObject *obj)
{
  if (gi_gtk.loaded && G_TYPE_CHECK_INSTANCE_TYPE (obj, gi_gtk.window_type))
    {
      gi_gtk.window_destroy (obj);
      return;
    }
  if (gi_gtk.loaded && G_TYPE_CHECK_INSTANCE_TYPE (obj, gi_gtk.widget_type))
    {
      GObject *parent = gi_gtk.get_parent (obj);
      if (parent)
        {
          if (!clear_widget_property (parent, obj)
              && !call_remove_method (parent, obj))
            g_warning ("destroy (): cannot remove a %s from its parent, a "
                       "%s: the parent has no property that holds it and "
                       "no method that removes it",
                       G_OBJECT_TYPE_NAME (obj), G_OBJECT_TYPE_NAME (parent));
          return;
        }
    }
  g_object_run_dispose (obj);
}

static void
destroy_one (GiObject *o)
{
  o->destroy_pending = FALSE;
  if (!o->gobj)
    return;
  GObject *obj = g_object_ref (o->gobj);
  gi_destroy_now (obj);
  /* A widget that only the wrapper still holds is disposed now, while
     its "destroy" handlers can run: the wrapper is about to let go. */
  if (gi_gtk.loaded && G_TYPE_CHECK_INSTANCE_TYPE (obj, gi_gtk.widget_type)
      && o->ownership == GI_OWNERSHIP_AUTOMATIC
      && g_atomic_int_get (&obj->ref_count) <= 2)
    g_object_run_dispose (obj);
  gi_toggle_release (o);
  g_object_unref (obj);
}

static gboolean
run_batch (gpointer data)
{
  gi.destroy_source = 0;
  while (!g_queue_is_empty (&gi.destroys))
    destroy_one (g_queue_pop_head (&gi.destroys));
  return G_SOURCE_REMOVE;
}

static void
queue (GiObject *o)
{
  g_queue_push_tail (&gi.destroys, o);
  if (!gi.destroy_source)
    gi.destroy_source = g_idle_add_full (G_PRIORITY_DEFAULT, run_batch, NULL,
                                         NULL);
}

static gboolean
delay_over (gpointer data)
{
  Delayed *d = data;
  d->source = 0;
  g_ptr_array_remove (delayed, d);
  queue (d->o);
  g_free (d);
  return G_SOURCE_REMOVE;
}

static GsValue *
object_destroy (GsContext *ctx, const GsCallbackInfo *info)
{
  GiObject *o = gs_object_get_native (gs_callback_info_get_this (info),
                                      gi.object_class);
  if (!o)
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "destroy() called on an object that is "
                                   "not a GObject");
  /* A second call, or one on a released object, does nothing. */
  if (o->destroy_pending || !o->gobj)
    return gs_value_new_undefined (ctx);
  double ms = 0;
  GsValue *arg = gs_callback_info_get_arg (info, 0);
  if (!gs_value_is_undefined (arg) && !gs_value_to_number (ctx, arg, &ms))
    return NULL;
  o->destroy_pending = TRUE;
  if (ms > 0)
    {
      if (!delayed)
        delayed = g_ptr_array_new ();
      Delayed *d = g_new0 (Delayed, 1);
      d->o = o;
      d->source = g_timeout_add ((guint) MIN (ms, G_MAXUINT), delay_over, d);
      g_ptr_array_add (delayed, d);
    }
  else
    queue (o);
  return gs_value_new_undefined (ctx);
}

gboolean
gi_destroy_install (GsContext *ctx, GsValue *proto)
{
  return gi_define_method (ctx, proto, "destroy", 0, object_destroy, NULL);
}

gboolean
gi_destroy_has_pending (void)
{
  return !g_queue_is_empty (&gi.destroys) || (delayed && delayed->len > 0);
}

void
gi_destroy_run_pending (void)
{
  /* Destroying may run handlers that destroy more: until quiet. */
  while (gi_destroy_has_pending ())
    {
      while (delayed && delayed->len > 0)
        {
          Delayed *d = g_ptr_array_steal_index (delayed, 0);
          if (d->source)
            g_source_remove (d->source);
          queue (d->o);
          g_free (d);
        }
      if (gi.destroy_source)
        {
          g_source_remove (gi.destroy_source);
          gi.destroy_source = 0;
        }
      run_batch (NULL);
    }
}
