/* gi-gtk.c — the few GTK 4 functions the bridge itself calls.
 *
 * The bridge does not link GTK: a script that never asks for Gtk does
 * not load it.  When Gtk 4 is required, the functions that tracing
 * (a widget's children), destroy () (parents, windows) and the main
 * loop (open windows) need are looked up in the typelib's library.
 *
 * Signal handlers named in the templates of classes written in script
 * (`<signal name="clicked" handler="_onClicked"/>`) are the methods of
 * the object being built: GsBuilderScope, a GtkBuilderCScope whose
 * create_closure looks the handler up on the template object's wrapper
 * and makes a closure that calls it with `this` the template object (or
 * the signal's `object`).  The closure belongs to the template object's
 * wrapper like a connect ()ed one: traced by it, not rooted, and
 * invalidated when it goes.  A name that is no method falls back to the
 * C scope's lookup of a C function, whose error names it.
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

/* GtkBuilderScopeInterface, as GTK 4 declares it: the bridge does not
 * compile against GTK's headers. */
typedef struct
{
  GTypeInterface g_iface;
  GType (*get_type_from_name) (GObject *self, GObject *builder,
                               const char *type_name);
  GType (*get_type_from_function) (GObject *self, GObject *builder,
                                   const char *function_name);
  GClosure *(*create_closure) (GObject *self, GObject *builder,
                               const char *function_name, guint flags,
                               GObject *object, GError **error);
} ScopeInterface;

#define CLOSURE_SWAPPED (1 << 0)          /* GTK_BUILDER_CLOSURE_SWAPPED */
#define BUILDER_ERROR_INVALID_FUNCTION 14 /* GTK_BUILDER_ERROR_... */

static ScopeInterface *parent_scope; /* GtkBuilderCScope's */
static GQuark (*builder_error_quark) (void);

static GClosure *
scope_create_closure (GObject *self, GObject *builder,
                      const char *function_name, guint flags,
                      GObject *object, GError **error)
{
  GObject *current = gi_gtk.builder_get_current_object (builder);
  GiObject *owner = current ? gi_object_peek (current) : NULL;
  if (!owner || !gi.ctx || gi.shutting_down)
    return parent_scope->create_closure (self, builder, function_name,
                                         flags, object, error);
  GsContext *ctx = gi.ctx;
  GsHandleScope scope;
  gs_handle_scope_open (&scope, gi.rt);
  GClosure *closure = NULL;
  GsValue *wrapper = gi_object_wrap (ctx, current, FALSE);
  GsValue *fn = wrapper ? gs_object_get_property (ctx, wrapper, function_name)
                        : NULL;
  if (!fn)
    {
      gs_context_report_exception (ctx);
      fn = gs_value_new_undefined (ctx);
    }
  if (!gs_value_is_function (fn))
    closure = parent_scope->create_closure (self, builder, function_name,
                                            flags, object, error);
  else if (flags & CLOSURE_SWAPPED)
    g_set_error (error, builder_error_quark (), BUILDER_ERROR_INVALID_FUNCTION,
                 "%s: swapped signal handlers are not supported in "
                 "templates",
                 function_name);
  else
    {
      GsValue *self_value = object ? gi_object_wrap (ctx, object, FALSE)
                                   : wrapper;
      if (self_value)
        closure = gi_signal_closure_new (owner, fn, self_value);
      else
        gs_context_report_exception (ctx);
    }
  gs_handle_scope_close (&scope);
  return closure;
}

static void
scope_iface_init (gpointer g_iface, gpointer data)
{
  ScopeInterface *iface = g_iface;
  parent_scope = g_type_interface_peek_parent (iface);
  iface->create_closure = scope_create_closure;
}

/* Registers GsBuilderScope if this GTK has builder scopes. */
static void
register_scope (GITypelib *typelib)
{
  GType (*cscope_get_type) (void)
      = symbol (typelib, "gtk_builder_cscope_get_type");
  GType (*scope_get_type) (void)
      = symbol (typelib, "gtk_builder_scope_get_type");
  gi_gtk.class_set_template_scope
      = symbol (typelib, "gtk_widget_class_set_template_scope");
  gi_gtk.builder_get_current_object
      = symbol (typelib, "gtk_builder_get_current_object");
  builder_error_quark = symbol (typelib, "gtk_builder_error_quark");
  if (!cscope_get_type || !scope_get_type || !gi_gtk.class_set_template_scope
      || !gi_gtk.builder_get_current_object || !builder_error_quark)
    return;
  GType parent = cscope_get_type ();
  GTypeQuery q;
  g_type_query (parent, &q);
  GTypeInfo ti = { .class_size = (guint16) q.class_size,
                   .instance_size = (guint16) q.instance_size };
  GType t = g_type_from_name ("GsBuilderScope");
  if (!t)
    {
      t = g_type_register_static (parent, "GsBuilderScope", &ti, 0);
      GInterfaceInfo ii = { scope_iface_init, NULL, NULL };
      g_type_add_interface_static (t, scope_get_type (), &ii);
    }
  gi_gtk.scope_type = t;
}

gboolean
gi_gtk_check_initialized (GsContext *ctx, GType gtype)
{
  /* GTK counts itself initialized even when it found no display, and
     widgets need one. */
  if (!gi_gtk.loaded || !gi_gtk.display_get_default
      || !g_type_is_a (gtype, gi_gtk.widget_type)
      || gi_gtk.display_get_default ())
    return TRUE;
  gs_context_throw_error (ctx, GS_ERROR_ERROR,
                          "Cannot make a %s: GTK is not initialized (no "
                          "display?)",
                          gi_type_js_name (gtype));
  return FALSE;
}

void
gi_gtk_set_template_scope (gpointer widget_class)
{
  if (!gi_gtk.scope_type)
    return;
  if (!gi_gtk.scope)
    gi_gtk.scope = g_object_new (gi_gtk.scope_type, NULL);
  gi_gtk.class_set_template_scope (widget_class, gi_gtk.scope);
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
  register_scope (typelib);
  /* Widgets made before gtk_init crash inside GTK; like PyGObject, GTK
     is initialized when a script first asks for it.  Without a display
     that fails quietly here, and making a widget throws (see
     gi_gtk_check_initialized). */
  gboolean (*is_initialized) (void) = symbol (typelib, "gtk_is_initialized");
  gboolean (*init_check) (void) = symbol (typelib, "gtk_init_check");
  gi_gtk.display_get_default = symbol (typelib, "gdk_display_get_default");
  if (is_initialized && !is_initialized () && init_check)
    init_check ();
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
