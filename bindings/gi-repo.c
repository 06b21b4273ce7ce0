/* gi-repo.c — namespaces, loaded lazily from typelibs.
 *
 * A namespace (`imports.gi.Gtk`, `import Gtk from 'gi://Gtk'`) is a
 * native object whose resolve hook makes each member the first time a
 * script reads it: functions, classes and interfaces (their
 * constructors), structs, boxed types and unions, enums and flags
 * (objects of UPPER_CASE numbers), constants.  A member, once made, is
 * an ordinary property, so later reads take the inline caches' path.
 *
 * Requiring a namespace that has no typelib, or a version other than the
 * one loaded, throws an Error with girepository's explanation, as GJS
 * words it ("Requiring Foo, version none: Typelib file for namespace
 * 'Foo' (any version) not found").
 */
#include "config.h"

#include "gi-private.h"

#include <string.h>

typedef struct
{
  char *name;    /* "Gtk" */
  char *version; /* "4.0" */
} GiNamespace;

char *
gi_repo_js_name (GIBaseInfo *info)
{
  return g_strdup_printf ("%s.%s", g_base_info_get_namespace (info),
                          g_base_info_get_name (info));
}

/* ------------------------------------------------------------------ */
/* Members                                                             */
/* ------------------------------------------------------------------ */

GsValue *
gi_repo_make_enum (GsContext *ctx, GIEnumInfo *info)
{
  GsValue *o = gs_value_new_object (ctx);
  if (!o)
    return NULL;
  gboolean flags = g_base_info_get_type ((GIBaseInfo *) info)
                   == GI_INFO_TYPE_FLAGS;
  gint n = g_enum_info_get_n_values (info);
  for (gint i = 0; i < n; i++)
    {
      GIValueInfo *vi = g_enum_info_get_value (info, i);
      gint64 v = g_value_info_get_value (vi);
      g_autofree char *name = g_ascii_strup (g_base_info_get_name (vi), -1);
      g_base_info_unref (vi);
      /* Flags are unsigned 32-bit; the typelib may sign-extend them. */
      double d = flags ? (double) (guint32) v : (double) v;
      if (!gs_object_define_property (ctx, o, name,
                                      gs_value_new_number (ctx, d),
                                      GS_PROPERTY_READONLY
                                          | GS_PROPERTY_DONTDELETE))
        return NULL;
    }
  GType gtype = g_registered_type_info_get_g_type (
      (GIRegisteredTypeInfo *) info);
  if (gtype != G_TYPE_NONE && gtype != G_TYPE_INVALID
      && !gs_object_define_property (ctx, o, "$gtype",
                                     gi_gtype_to_js (ctx, gtype),
                                     GS_PROPERTY_DONTENUM
                                         | GS_PROPERTY_READONLY))
    return NULL;
  const char *domain = g_enum_info_get_error_domain (info);
  if (domain
      && !gs_object_define_property (
          ctx, o, "$domain",
          gs_value_new_number (ctx, g_quark_from_string (domain)),
          GS_PROPERTY_DONTENUM | GS_PROPERTY_READONLY))
    return NULL;
  /* Static functions of the enum (FileError.quark...). */
  g_autofree char *prefix = gi_repo_js_name ((GIBaseInfo *) info);
  gint nm = g_enum_info_get_n_methods (info);
  for (gint i = 0; i < nm; i++)
    {
      GIFunctionInfo *fi = g_enum_info_get_method (info, i);
      GiFunc *f = gi_func_new (fi, prefix);
      GsValue *fn = gi_func_make_js (ctx, f);
      gboolean ok = fn && gs_object_define_property (
                              ctx, o, g_base_info_get_name ((GIBaseInfo *) fi),
                              fn, GS_PROPERTY_DONTENUM);
      g_base_info_unref (fi);
      if (!ok)
        return NULL;
    }
  return o;
}

static GsValue *
make_constant (GsContext *ctx, GIConstantInfo *info)
{
  GIArgument arg;
  GITypeInfo *type = g_constant_info_get_type (info);
  g_constant_info_get_value (info, &arg);
  GsValue *r = gi_arg_type_to_js (ctx, type, GI_TRANSFER_NOTHING, &arg);
  g_constant_info_free_value (info, &arg);
  g_base_info_unref (type);
  return r;
}

GsValue *
gi_repo_make_member (GsContext *ctx, GIBaseInfo *info)
{
  switch (g_base_info_get_type (info))
    {
    case GI_INFO_TYPE_FUNCTION:
      return gi_func_make_js (ctx, gi_func_new ((GIFunctionInfo *) info,
                                                g_base_info_get_namespace (
                                                    info)));
    case GI_INFO_TYPE_OBJECT:
    case GI_INFO_TYPE_INTERFACE:
    case GI_INFO_TYPE_STRUCT:
    case GI_INFO_TYPE_BOXED:
    case GI_INFO_TYPE_UNION:
      {
        GiClassRec *k = gi_class_for_info (ctx, info);
        return k ? gi_class_constructor (ctx, k) : NULL;
      }
    case GI_INFO_TYPE_ENUM:
    case GI_INFO_TYPE_FLAGS:
      return gi_repo_make_enum (ctx, (GIEnumInfo *) info);
    case GI_INFO_TYPE_CONSTANT:
      return make_constant (ctx, (GIConstantInfo *) info);
    default:
      /* Callbacks and the like are not values. */
      return NULL;
    }
}

static gboolean
namespace_resolve (GsContext *ctx, GsValue *object, const char *name,
                   gpointer native)
{
  GiNamespace *ns = native;
  if (!ns)
    return TRUE;
  GIBaseInfo *info = g_irepository_find_by_name (gi.repo, ns->name, name);
  if (!info)
    return TRUE;
  GsValue *v = gi_repo_make_member (ctx, info);
  g_base_info_unref (info);
  if (!v)
    return !gs_context_has_exception (ctx);
  return gs_object_define_property (ctx, object, name, v, GS_PROPERTY_DEFAULT);
}

/* ------------------------------------------------------------------ */
/* Namespaces                                                          */
/* ------------------------------------------------------------------ */

static void
namespace_free (gpointer native)
{
  GiNamespace *ns = native;
  g_free (ns->name);
  g_free (ns->version);
  g_free (ns);
}

static const GsClassInfo namespace_info = {
  .name = "GINamespace",
  .resolve = namespace_resolve,
  .finalize = namespace_free,
};

GsClass *
gi_repo_namespace_class (void)
{
  return gs_class_new (gi.rt, &namespace_info);
}

static GsValue *
get_ownership (GsContext *ctx, const GsCallbackInfo *info)
{
  GiObject *o = gs_object_get_native (gs_callback_info_get_arg (info, 0),
                                      gi.object_class);
  if (!o)
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "getObjectOwnership: not a GObject");
  return gs_value_new_number (ctx, o->ownership);
}

static GsValue *
set_ownership (GsContext *ctx, const GsCallbackInfo *info)
{
  GiObject *o = gs_object_get_native (gs_callback_info_get_arg (info, 0),
                                      gi.object_class);
  double mode;
  if (!o)
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "setObjectOwnership: not a GObject");
  if (!gs_value_to_number (ctx, gs_callback_info_get_arg (info, 1), &mode))
    return NULL;
  if (mode != GI_OWNERSHIP_AUTOMATIC && mode != GI_OWNERSHIP_SCRIPT
      && mode != GI_OWNERSHIP_NATIVE)
    return gs_context_throw_error (ctx, GS_ERROR_RANGE,
                                   "setObjectOwnership: unknown ownership %g",
                                   mode);
  if (!o->gobj)
    return gi_toggle_throw_gone (ctx, o);
  gi_toggle_set_ownership (o, (GiOwnership) mode);
  return gs_value_new_undefined (ctx);
}

/* GObject's additions: fundamental GType constants as GJS has them, and
 * the ownership of wrappers (gscript's own). */
static gboolean
install_gobject_extras (GsContext *ctx, GsValue *ns)
{
  static const struct
  {
    const char *name;
    GType type;
  } types[] = {
    { "TYPE_NONE", G_TYPE_NONE },       { "TYPE_INTERFACE", G_TYPE_INTERFACE },
    { "TYPE_CHAR", G_TYPE_CHAR },       { "TYPE_UCHAR", G_TYPE_UCHAR },
    { "TYPE_BOOLEAN", G_TYPE_BOOLEAN }, { "TYPE_INT", G_TYPE_INT },
    { "TYPE_UINT", G_TYPE_UINT },       { "TYPE_LONG", G_TYPE_LONG },
    { "TYPE_ULONG", G_TYPE_ULONG },     { "TYPE_INT64", G_TYPE_INT64 },
    { "TYPE_UINT64", G_TYPE_UINT64 },   { "TYPE_ENUM", G_TYPE_ENUM },
    { "TYPE_FLAGS", G_TYPE_FLAGS },     { "TYPE_FLOAT", G_TYPE_FLOAT },
    { "TYPE_DOUBLE", G_TYPE_DOUBLE },   { "TYPE_STRING", G_TYPE_STRING },
    { "TYPE_POINTER", G_TYPE_POINTER }, { "TYPE_BOXED", G_TYPE_BOXED },
    { "TYPE_PARAM", G_TYPE_PARAM },     { "TYPE_OBJECT", G_TYPE_OBJECT },
    { "TYPE_VARIANT", G_TYPE_VARIANT },
  };
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (!gs_object_define_property (ctx, ns, types[i].name,
                                    gi_gtype_to_js (ctx, types[i].type),
                                    GS_PROPERTY_READONLY))
      return FALSE;
  if (!gs_object_define_property (ctx, ns, "TYPE_GTYPE",
                                  gi_gtype_to_js (ctx, G_TYPE_GTYPE),
                                  GS_PROPERTY_READONLY)
      || !gs_object_define_property (ctx, ns, "TYPE_STRV",
                                     gi_gtype_to_js (ctx, G_TYPE_STRV),
                                     GS_PROPERTY_READONLY))
    return FALSE;
  GsValue *own = gs_value_new_object (ctx);
  if (!own
      || !gs_object_define_property (ctx, own, "AUTOMATIC",
                                     gs_value_new_number (
                                         ctx, GI_OWNERSHIP_AUTOMATIC),
                                     GS_PROPERTY_READONLY)
      || !gs_object_define_property (ctx, own, "SCRIPT",
                                     gs_value_new_number (
                                         ctx, GI_OWNERSHIP_SCRIPT),
                                     GS_PROPERTY_READONLY)
      || !gs_object_define_property (ctx, own, "NATIVE",
                                     gs_value_new_number (
                                         ctx, GI_OWNERSHIP_NATIVE),
                                     GS_PROPERTY_READONLY)
      || !gs_object_define_property (ctx, ns, "Ownership", own,
                                     GS_PROPERTY_DEFAULT))
    return FALSE;
  return gi_define_method (ctx, ns, "setObjectOwnership", 2, set_ownership,
                           NULL)
         && gi_define_method (ctx, ns, "getObjectOwnership", 1, get_ownership,
                              NULL)
         && gi_subclass_install (ctx, ns);
}

/* Gio's additions, in script as GJS has them: _promisify, which turns
 * an _async/_finish pair into a method that returns a Promise when no
 * callback is given, and the prototype of local files. */
static const char gio_extras_source[]
    = "(function (Gio) {\n"
      "  Gio._promisify = function (proto, asyncName,\n"
      "      finishName = asyncName.replace(/_(begin|async)$/, '_finish')) {\n"
      "    const original = proto[asyncName];\n"
      "    if (typeof original !== 'function')\n"
      "      throw new TypeError(`${asyncName} is not a method`);\n"
      "    if (original._promisified)\n"
      "      return;\n"
      "    const wrapper = function (...args) {\n"
      "      if (args.length === original.length)\n"
      "        return original.apply(this, args);\n"
      "      return new Promise((resolve, reject) => {\n"
      "        original.call(this, ...args, (source, result) => {\n"
      "          try {\n"
      "            const finish = source !== null && source[finishName]\n"
      "              ? source[finishName].bind(source)\n"
      "              : proto[finishName];\n"
      "            resolve(finish(result));\n"
      "          } catch (e) {\n"
      "            reject(e);\n"
      "          }\n"
      "        });\n"
      "      });\n"
      "    };\n"
      "    Object.defineProperty(wrapper, '_promisified', {value: true});\n"
      "    Object.defineProperty(wrapper, 'length', {value: original.length});\n"
      "    proto[asyncName] = wrapper;\n"
      "  };\n"
      "  let localFile;\n"
      "  Object.defineProperty(Gio, '_LocalFilePrototype', {\n"
      "    get () {\n"
      "      if (!localFile)\n"
      "        localFile = Object.getPrototypeOf(Gio.File.new_for_path('/'));\n"
      "      return localFile;\n"
      "    },\n"
      "  });\n"
      "})";

static gboolean
install_gio_extras (GsContext *ctx, GsValue *ns)
{
  GsValue *fn = gs_context_eval (ctx, gio_extras_source, -1, "<gio>",
                                 GS_EVAL_DEFAULT);
  GsValue *args[] = { ns };
  return fn && gs_function_call (ctx, fn, NULL, 1, args);
}

GsValue *
gi_repo_require (GsContext *ctx, const char *name, const char *version)
{
  GsPersistent *p = g_hash_table_lookup (gi.namespaces, name);
  if (p)
    {
      const char *loaded = g_irepository_get_version (gi.repo, name);
      if (version && loaded && strcmp (version, loaded) != 0)
        return gs_context_throw_error (ctx, GS_ERROR_ERROR,
                                       "Requiring %s, version %s: version "
                                       "%s is already loaded",
                                       name, version, loaded);
      return gs_persistent_get (p);
    }
  GError *err = NULL;
  if (!g_irepository_require (gi.repo, name, version, 0, &err))
    {
      gs_context_throw_error (ctx, GS_ERROR_ERROR,
                              "Requiring %s, version %s: %s", name,
                              version ? version : "none", err->message);
      g_error_free (err);
      return NULL;
    }
  GiNamespace *ns = g_new0 (GiNamespace, 1);
  ns->name = g_strdup (name);
  ns->version = g_strdup (g_irepository_get_version (gi.repo, name));
  GsValue *o = gs_object_new_native (ctx, gi.namespace_class, NULL, ns);
  if (!o
      || !gs_object_define_property (ctx, o, "__name__",
                                     gs_value_new_string (ctx, name, -1),
                                     GS_PROPERTY_READONLY
                                         | GS_PROPERTY_DONTENUM)
      || !gs_object_define_property (ctx, o, "__version__",
                                     gs_value_new_string (ctx, ns->version,
                                                          -1),
                                     GS_PROPERTY_READONLY
                                         | GS_PROPERTY_DONTENUM))
    return NULL;
  g_hash_table_insert (gi.namespaces, g_strdup (name),
                       gs_persistent_new (gi.rt, o));
  if (strcmp (name, "GLib") == 0 && !gi_error_install (ctx, o))
    return NULL;
  if (strcmp (name, "GObject") == 0 && !install_gobject_extras (ctx, o))
    return NULL;
  if (strcmp (name, "Gtk") == 0)
    gi_gtk_init ();
  if (strcmp (name, "Gio") == 0 && !install_gio_extras (ctx, o))
    return NULL;
  return o;
}
