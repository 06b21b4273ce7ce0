/* gi-module.c — the bridge's entry points: installing it in a context,
 * imports.gi, gi:// modules, the main loop's question, shutting down.
 *
 * Installing makes the native classes the other files use and a root
 * tracer (gi-toggle.c); nothing is loaded from girepository until a
 * script asks for a namespace.
 */
#include "config.h"

#include "gi-private.h"

#include <gio/gio.h>
#include <string.h>

GiState gi;

/* ------------------------------------------------------------------ */
/* Helpers shared by the bridge                                        */
/* ------------------------------------------------------------------ */

GsValue *
gi_data_new (GsContext *ctx, gpointer p)
{
  return gs_object_new_native (ctx, gi.data_class, NULL, p);
}

gpointer
gi_data_get (const GsCallbackInfo *info)
{
  return gs_object_get_native (gs_callback_info_get_data (info),
                               gi.data_class);
}

char *
gi_name_to_snake (const char *name)
{
  GString *s = g_string_new (NULL);
  for (const char *p = name; *p; p++)
    {
      if (*p == '-')
        g_string_append_c (s, '_');
      else if (g_ascii_isupper (*p))
        {
          g_string_append_c (s, '_');
          g_string_append_c (s, g_ascii_tolower (*p));
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

char *
gi_name_to_camel (const char *name)
{
  GString *s = g_string_new (NULL);
  gboolean up = FALSE;
  for (const char *p = name; *p; p++)
    {
      if (*p == '-' || *p == '_')
        up = s->len > 0;
      else
        {
          g_string_append_c (s, up ? g_ascii_toupper (*p) : *p);
          up = FALSE;
        }
    }
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ */
/* imports.gi                                                          */
/* ------------------------------------------------------------------ */

static gboolean
root_resolve (GsContext *ctx, GsValue *object, const char *name,
              gpointer native)
{
  /* Namespace names start with a capital; anything else is left to
     the prototype (toString...). */
  if (!g_ascii_isupper (name[0]))
    return TRUE;
  GsValue *versions = gs_persistent_get (gi.versions);
  GsValue *v = gs_object_get_property (ctx, versions, name);
  if (!v)
    return FALSE;
  g_autofree char *version = NULL;
  if (!gs_value_is_undefined (v))
    {
      version = gs_value_to_string (ctx, v);
      if (!version)
        return FALSE;
    }
  GsValue *ns = gi_repo_require (ctx, name, version);
  if (!ns)
    return FALSE;
  return gs_object_define_property (ctx, object, name, ns,
                                    GS_PROPERTY_DEFAULT);
}

static const GsClassInfo root_info = {
  .name = "GIRepositoryNamespace",
  .resolve = root_resolve,
};

static const GsClassInfo object_info = {
  .name = "GObject",
  .trace = gi_toggle_trace_wrapper,
  .finalize = gi_toggle_wrapper_finalize,
};

static const GsClassInfo boxed_info = {
  .name = "GIBoxed",
  .finalize = gi_boxed_finalize,
};

static const GsClassInfo data_info = {
  .name = "GIData",
};

/* A property's accessors share one GiProp, freed with its holder. */
static void
prop_free (gpointer native)
{
  GiProp *p = native;
  g_param_spec_unref (p->pspec);
  if (p->getter)
    gi_func_free (p->getter);
  g_free (p);
}

static const GsClassInfo prop_info = {
  .name = "GIProperty",
  .finalize = prop_free,
};

static const char has_instance_source[]
    = "(function (o, f) {\n"
      "  Object.defineProperty (o, Symbol.hasInstance, { value: f });\n"
      "})";

gboolean
gs_gi_install (GsContext *ctx, GError **error)
{
  g_return_val_if_fail (ctx != NULL, FALSE);
  if (gi.ctx == ctx)
    return TRUE;
  if (gi.ctx)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   "The GObject bridge already serves another context");
      return FALSE;
    }
  GsRuntime *rt = gs_context_get_runtime (ctx);
  memset (&gi, 0, sizeof gi);
  gi.ctx = ctx;
  gi.rt = rt;
  gi.repo = g_irepository_get_default ();
  gi_object_class_init ();
  gi.root_class = gs_class_new (rt, &root_info);
  gi.namespace_class = gi_repo_namespace_class ();
  gi.object_class = gs_class_new (rt, &object_info);
  gi.boxed_class = gs_class_new (rt, &boxed_info);
  gi.data_class = gs_class_new (rt, &data_info);
  gi.prop_class = gs_class_new (rt, &prop_info);
  gi.template_child_class = gi_subclass_template_child_class (rt);
  gi.namespaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) gs_persistent_free);
  gi.funcs = g_ptr_array_new ();
  gi.classes = g_ptr_array_new ();
  g_queue_init (&gi.destroys);

  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  gboolean ok = FALSE;
  GsValue *root = gs_object_new_native (ctx, gi.root_class, NULL, NULL);
  GsValue *versions = gs_value_new_object (ctx);
  GsValue *helper = gs_context_eval (ctx, has_instance_source, -1, "<gi>",
                                     GS_EVAL_DEFAULT);
  if (root && versions && helper
      && gs_object_define_property (ctx, root, "versions", versions,
                                    GS_PROPERTY_DONTENUM))
    {
      gi.root = gs_persistent_new (rt, root);
      gi.versions = gs_persistent_new (rt, versions);
      gi.has_instance = gs_persistent_new (rt, helper);
      gs_runtime_add_root_tracer (rt, gi_toggle_trace_roots, NULL);
      ok = TRUE;
    }
  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Cannot install the GObject bridge: out of memory");
      gs_context_take_exception (ctx);
      gi.ctx = NULL;
    }
  gs_handle_scope_close (&scope);
  return ok;
}

GsValue *
gs_gi_get_root (GsContext *ctx)
{
  g_return_val_if_fail (ctx == gi.ctx, NULL);
  return gs_persistent_get (gi.root);
}

/* Splits gi://Name?version=V. */
static gboolean
parse_gi_url (const char *spec, char **name, char **version)
{
  if (!g_str_has_prefix (spec, "gi://"))
    return FALSE;
  const char *p = spec + 5;
  const char *q = strchr (p, '?');
  *name = q ? g_strndup (p, (gsize) (q - p)) : g_strdup (p);
  *version = NULL;
  if (q)
    {
      g_auto (GStrv) params = g_strsplit (q + 1, "&", -1);
      for (guint i = 0; params[i]; i++)
        if (g_str_has_prefix (params[i], "version="))
          {
            g_free (*version);
            *version = g_uri_unescape_string (params[i] + 8, NULL);
          }
    }
  return **name != '\0';
}

GsValue *
gs_gi_import (GsContext *ctx, const char *specifier)
{
  g_return_val_if_fail (ctx == gi.ctx, NULL);
  g_autofree char *name = NULL, *version = NULL;
  if (!parse_gi_url (specifier, &name, &version))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "Invalid gi:// module '%s'", specifier);
  return gi_repo_require (ctx, name, version);
}

gboolean
gs_gi_has_pending_work (void)
{
  if (!gi.ctx)
    return FALSE;
  /* Pending destroy ()s are not work of their own: those still pending
     when nothing else is run at exit (gs_gi_shutdown). */
  return gi.pending_async > 0 || gi_gtk_count_windows () > 0;
}

GsValue *
gs_gi_wrap_object (GsContext *ctx, GObject *object)
{
  g_return_val_if_fail (ctx == gi.ctx, NULL);
  return gi_object_wrap (ctx, object, FALSE);
}

GObject *
gs_gi_get_object (GsValue *wrapper)
{
  g_return_val_if_fail (wrapper != NULL, NULL);
  if (!gi.ctx)
    return NULL;
  GiObject *o = gs_object_get_native (wrapper, gi.object_class);
  return o ? o->gobj : NULL;
}

gboolean
gs_gi_set_ownership (GObject *object, GsGiOwnership mode)
{
  GiObject *o = gi_object_peek (object);
  if (!o)
    return FALSE;
  gi_toggle_set_ownership (o, (GiOwnership) mode);
  return TRUE;
}

gboolean
gs_gi_get_ownership (GObject *object, GsGiOwnership *mode)
{
  GiObject *o = gi_object_peek (object);
  if (!o)
    return FALSE;
  *mode = (GsGiOwnership) o->ownership;
  return TRUE;
}

void
gs_gi_shutdown (GsContext *ctx)
{
  if (!gi.ctx || ctx != gi.ctx)
    return;
  /* Destroys first, while script may still run in their handlers. */
  gi_destroy_run_pending ();
  gs_runtime_run_finalizers (gi.rt);
  gi.shutting_down = TRUE;
  gi_callback_shutdown ();
  gs_runtime_remove_root_tracer (gi.rt, gi_toggle_trace_roots, NULL);
  gi_toggle_shutdown ();
  g_hash_table_destroy (gi.namespaces);
  for (guint i = 0; i < gi.classes->len; i++)
    {
      GiClassRec *k = g_ptr_array_index (gi.classes, i);
      g_clear_pointer (&k->proto, gs_persistent_free);
      g_clear_pointer (&k->ctor, gs_persistent_free);
    }
  g_clear_pointer (&gi.root, gs_persistent_free);
  g_clear_pointer (&gi.versions, gs_persistent_free);
  g_clear_pointer (&gi.has_instance, gs_persistent_free);
  g_clear_pointer (&gi.base_init, gs_persistent_free);
  g_clear_pointer (&gi.error_proto, gs_persistent_free);
  g_clear_pointer (&gi.error_ctor, gs_persistent_free);
  /* Prepared functions and records stay: the dead runtime's natives may
     still point at them until it is freed, and GTypes keep the records
     as qdata.  The bridge serves one program; this is its end. */
  gi.ctx = NULL;
}

static const GsGiModule module = {
  .abi = GS_GI_ABI,
  .install = gs_gi_install,
  .get_root = gs_gi_get_root,
  .import = gs_gi_import,
  .has_pending_work = gs_gi_has_pending_work,
  .shutdown = gs_gi_shutdown,
};

const GsGiModule *
gs_gi_get_module (void)
{
  return &module;
}
