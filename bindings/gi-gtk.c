/* gi-gtk.c — the few GTK 4 functions the bridge itself calls.
 *
 * The bridge does not link GTK: a script that never asks for Gtk does
 * not load it.  When Gtk 4 is required, the functions that tracing
 * (a widget's children), destroy () (parents, windows) and the main
 * loop (open windows) need are looked up in the typelib's library.
 */
#include "config.h"

#include "gi-private.h"

#include <gio/gio.h>

GiGtk gi_gtk;

static gpointer
symbol (GITypelib *typelib, const char *name)
{
  gpointer p = NULL;
  if (!g_typelib_symbol (typelib, name, &p))
    return NULL;
  return p;
}

void
gi_gtk_init (void)
{
  if (gi_gtk.loaded)
    return;
  const char *version = g_irepository_get_version (gi.repo, "Gtk");
  if (!version || !g_str_has_prefix (version, "4."))
    return;
  GITypelib *typelib = g_irepository_require (gi.repo, "Gtk", version, 0,
                                              NULL);
  if (!typelib)
    return;
  GType (*widget_get_type) (void) = symbol (typelib, "gtk_widget_get_type");
  GType (*window_get_type) (void) = symbol (typelib, "gtk_window_get_type");
  gi_gtk.get_parent = symbol (typelib, "gtk_widget_get_parent");
  gi_gtk.get_first_child = symbol (typelib, "gtk_widget_get_first_child");
  gi_gtk.get_next_sibling = symbol (typelib, "gtk_widget_get_next_sibling");
  gi_gtk.get_visible = symbol (typelib, "gtk_widget_get_visible");
  gi_gtk.window_destroy = symbol (typelib, "gtk_window_destroy");
  gi_gtk.unparent = symbol (typelib, "gtk_widget_unparent");
  gi_gtk.toplevels = symbol (typelib, "gtk_window_get_toplevels");
  gi_gtk.class_set_template = symbol (typelib,
                                      "gtk_widget_class_set_template");
  gi_gtk.class_bind_template_child_full = symbol (
      typelib, "gtk_widget_class_bind_template_child_full");
  gi_gtk.init_template = symbol (typelib, "gtk_widget_init_template");
  gi_gtk.get_template_child = symbol (typelib,
                                      "gtk_widget_get_template_child");
  if (!widget_get_type || !window_get_type || !gi_gtk.get_parent
      || !gi_gtk.get_first_child || !gi_gtk.get_next_sibling
      || !gi_gtk.get_visible || !gi_gtk.window_destroy || !gi_gtk.toplevels)
    return;
  gi_gtk.widget_type = widget_get_type ();
  gi_gtk.window_type = window_get_type ();
  gi_gtk.loaded = TRUE;
}

guint
gi_gtk_count_windows (void)
{
  if (!gi_gtk.loaded)
    return 0;
  GListModel *list = (GListModel *) gi_gtk.toplevels ();
  guint n = g_list_model_get_n_items (list), visible = 0;
  for (guint i = 0; i < n; i++)
    {
      GObject *w = g_list_model_get_item (list, i);
      if (w && gi_gtk.get_visible (w))
        visible++;
      if (w)
        g_object_unref (w);
    }
  return visible;
}
