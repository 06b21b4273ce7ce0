/* gi-toggle.c — who owns a wrapped GObject, and when it is released.
 *
 * Every wrapped object has a record (GiObject) reached from the object
 * through qdata and from its wrapper as the wrapper's native pointer.
 * The record holds the wrapper in a weak persistent handle; whether the
 * wrapper must survive a collection is decided at each collection by the
 * root tracer below, from the record's state at that moment:
 *
 *   automatic (the default): the record holds a toggle reference.  While
 *     other code holds references too (toggled up) the wrapper is a root,
 *     so its JS state (expando properties, connected closures) survives;
 *     once the toggle reference is the only one, the wrapper lives only
 *     as long as script can reach it.  A widget whose one other
 *     reference is its parent's is not a root of its own: its parent's
 *     wrapper traces it, so a detached tree of widgets dies in one
 *     collection.  Toggle notifications only flip an atomic flag, so
 *     they may come from any thread; the tracer reads the flag when
 *     marking starts.
 *   script: the record holds a plain reference and the wrapper is never
 *     a root; collecting it destroys the object (as destroy () does).
 *   native: the record holds a weak reference only; the wrapper is a root
 *     while script has closures connected to the object (so they keep
 *     working), and the record learns when the object is finalized.
 *
 * A wrapper that must stay for destroy () pending is always a root.
 *
 * Releasing happens in the wrapper's finalizer, which the engine runs
 * after the collection that found the wrapper dead, never inside it:
 * closures are invalidated first (no script runs for an object that is
 * going), then the reference is dropped, which may finalize the object.
 * If the object comes back to script between the collection and the
 * finalizer, a new wrapper is made for the same record (live_wrappers
 * counts them, and only the last finalizer releases).
 */
#include "config.h"

#include "gi-private.h"

static GQuark object_quark;

static GQuark
quark (void)
{
  if (!object_quark)
    object_quark = g_quark_from_static_string ("gscript-gi-object");
  return object_quark;
}

GiObject *
gi_object_peek (GObject *obj)
{
  return g_object_get_qdata (obj, quark ());
}

static void
toggle_notify (gpointer data, GObject *obj, gboolean is_last_ref)
{
  GiObject *o = data;
  g_atomic_int_set (&o->toggled_up, !is_last_ref);
}

static void
weak_notify (gpointer data, GObject *where_the_object_was)
{
  GiObject *o = data;
  o->gobj = NULL;
  o->released = TRUE;
}

GiObject *
gi_toggle_attach (GObject *obj, GiClassRec *k, gboolean owned)
{
  GiObject *o = g_new0 (GiObject, 1);
  o->gobj = obj;
  o->gtype = G_OBJECT_TYPE (obj);
  o->klass = k;
  o->ownership = GI_OWNERSHIP_AUTOMATIC;
  o->next = gi.objects;
  if (o->next)
    o->next->prev = o;
  gi.objects = o;
  gi.n_objects++;
  g_object_set_qdata (obj, quark (), o);
  g_object_add_toggle_ref (obj, toggle_notify, o);
  if (owned)
    g_object_unref (obj);
  /* Toggle notifications come only on changes from now on. */
  g_atomic_int_set (&o->toggled_up,
                    g_atomic_int_get (&obj->ref_count) > 1);
  return o;
}

/* Drops the record's hold on its object, as its ownership says. */
/* Gives up the hold on obj that the record's ownership says it has: the
 * toggle reference, the plain reference, or the weak reference. */
static void
drop_hold (GiObject *o, GObject *obj)
{
  switch (o->ownership)
    {
    case GI_OWNERSHIP_AUTOMATIC:
      g_object_remove_toggle_ref (obj, toggle_notify, o);
      break;
    case GI_OWNERSHIP_SCRIPT:
      g_object_unref (obj);
      break;
    case GI_OWNERSHIP_NATIVE:
      g_object_weak_unref (obj, weak_notify, o);
      break;
    }
}

static void
drop_object (GiObject *o)
{
  GObject *obj = o->gobj;
  if (!obj)
    return;
  o->gobj = NULL;
  o->released = TRUE;
  g_object_set_qdata (obj, quark (), NULL);
  drop_hold (o, obj);
}

void
gi_toggle_release (GiObject *o)
{
  gi_signal_invalidate_all (o);
  drop_object (o);
  /* A live wrapper stops counting the object's memory; a dead one's
     count went when the collection found it dead. */
  if (o->external && !gi.shutting_down && o->wrapper
      && !gs_persistent_is_empty (o->wrapper))
    {
      GsHandleScope scope;
      gs_handle_scope_open (&scope, gi.rt);
      gs_object_set_external_size (gs_persistent_get (o->wrapper),
                                   gi.object_class, 0);
      gs_handle_scope_close (&scope);
    }
  o->external = 0;
}

void
gi_toggle_set_ownership (GiObject *o, GiOwnership mode)
{
  GObject *obj = o->gobj;
  if (!obj || o->ownership == mode)
    return;
  /* Take a plain reference across the change, so the object cannot go
     while neither hold is in place. */
  g_object_ref (obj);
  drop_hold (o, obj);
  o->ownership = (guint8) mode;
  switch (mode)
    {
    case GI_OWNERSHIP_AUTOMATIC:
      g_object_add_toggle_ref (obj, toggle_notify, o);
      g_atomic_int_set (&o->toggled_up,
                        g_atomic_int_get (&obj->ref_count) > 2);
      break;
    case GI_OWNERSHIP_SCRIPT:
      g_object_ref (obj);
      break;
    case GI_OWNERSHIP_NATIVE:
      g_object_weak_ref (obj, weak_notify, o);
      break;
    }
  /* A native-owned object nobody else holds is finalized here. */
  g_object_unref (obj);
}

GsValue *
gi_toggle_throw_gone (GsContext *ctx, GiObject *o)
{
  return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                 "Object %s is gone: it was destroyed or "
                                 "finalized, and can no longer be used",
                                 gi_type_js_name (o->gtype));
}

/* ------------------------------------------------------------------ */
/* Finalizing                                                          */
/* ------------------------------------------------------------------ */

static void
record_free (GiObject *o)
{
  if (o->prev)
    o->prev->next = o->next;
  else if (gi.objects == o)
    gi.objects = o->next;
  if (o->next)
    o->next->prev = o->prev;
  gi.n_objects--;
  if (o->wrapper)
    gs_persistent_free (o->wrapper);
  if (o->closures)
    g_ptr_array_free (o->closures, TRUE);
  g_free (o);
}

void
gi_toggle_wrapper_finalize (gpointer native)
{
  GiObject *o = native;
  if (--o->live_wrappers > 0)
    return;
  if (o->gobj && o->ownership == GI_OWNERSHIP_SCRIPT && !gi.shutting_down)
    {
      /* Collecting a script-owned wrapper destroys its object. */
      GObject *obj = g_object_ref (o->gobj);
      gi_signal_invalidate_all (o);
      gi_destroy_now (obj);
      g_object_unref (obj);
    }
  gi_toggle_release (o);
  record_free (o);
}

/* ------------------------------------------------------------------ */
/* Tracing                                                             */
/* ------------------------------------------------------------------ */

/* Is o a widget whose only reference besides the record's is its
 * parent's, and whose parent has a wrapper to trace it? */
static gboolean
traced_by_parent (GiObject *o)
{
  if (!gi_gtk.loaded || !o->gobj
      || !G_TYPE_CHECK_INSTANCE_TYPE (o->gobj, gi_gtk.widget_type))
    return FALSE;
  if (g_atomic_int_get (&o->gobj->ref_count) > 2)
    return FALSE;
  GObject *parent = gi_gtk.get_parent (o->gobj);
  if (!parent)
    return FALSE;
  GiObject *po = gi_object_peek (parent);
  return po && po->wrapper;
}

void
gi_toggle_trace_roots (GsTracer *trc, gpointer data)
{
  for (GiObject *o = gi.objects; o; o = o->next)
    {
      if (!o->wrapper)
        continue;
      gboolean root = FALSE;
      if (o->destroy_pending)
        root = TRUE;
      else if (o->gobj)
        switch (o->ownership)
          {
          case GI_OWNERSHIP_AUTOMATIC:
            root = g_atomic_int_get (&o->toggled_up) && !traced_by_parent (o);
            break;
          case GI_OWNERSHIP_NATIVE:
            root = o->closures && o->closures->len > 0;
            break;
          default:
            break;
          }
      if (root)
        gs_tracer_mark_persistent (trc, o->wrapper);
    }
}

void
gi_toggle_trace_wrapper (GsTracer *trc, gpointer native)
{
  GiObject *o = native;
  gi_signal_trace (trc, o);
  if (!gi_gtk.loaded || !o->gobj
      || !G_TYPE_CHECK_INSTANCE_TYPE (o->gobj, gi_gtk.widget_type))
    return;
  for (GObject *c = gi_gtk.get_first_child (o->gobj); c;
       c = gi_gtk.get_next_sibling (c))
    {
      GiObject *co = gi_object_peek (c);
      if (co && co->wrapper)
        gs_tracer_mark_persistent (trc, co->wrapper);
    }
}

/* At shutdown: every object is released while the context still
 * exists, and the wrappers forget their records, so that the
 * finalizers the runtime runs as it dies find nothing to do. */
void
gi_toggle_shutdown (void)
{
  GsHandleScope scope;
  gs_handle_scope_open (&scope, gi.rt);
  while (gi.objects)
    {
      GiObject *o = gi.objects;
      if (o->wrapper && !gs_persistent_is_empty (o->wrapper))
        gs_object_set_native (gs_persistent_get (o->wrapper),
                              gi.object_class, NULL);
      gi_toggle_release (o);
      record_free (o);
    }
  gs_handle_scope_close (&scope);
}
