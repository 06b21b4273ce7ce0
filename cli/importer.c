/* importer.c — the global `imports`: GJS's legacy importer.
 *
 * `imports` is a native object whose resolve hook imports what a script
 * names: `imports.foo` is, on the root importer, a built-in module (gi,
 * system, mainloop, gettext, byteArray); else the first match along
 * `imports.searchPath`, an array of directories scripts may change at any
 * time.  In each directory, in order: a name defined by the directory's
 * __init__.js (only the first directory's counts, as in GJS); a
 * subdirectory foo/, which makes a sub-importer whose searchPath is every
 * foo/ of the path; a file foo.js, run once with its own top-level scope
 * (gs_context_eval_in_object), whose top-level var and function
 * declarations — and, as GJS still allows, let, const and class — become
 * properties of the module object.  The module is defined on the importer
 * before its code runs, so that circular imports see it partly filled; if
 * its code throws, the definition is removed again and the exception
 * propagates, so the next access tries again.  A name found nowhere is an
 * Error named ImportError, "No JS module 'foo' found in search path".
 *
 * Modules and importers carry GJS's meta properties: __moduleName__,
 * __parentModule__, __modulePath__ ("foo.bar"), __file__ for files, and a
 * Symbol.toStringTag of "GjsModule foo.bar".  The search path starts with
 * $GSCRIPT_PATH and $GJS_PATH (colon-separated), then the installed
 * module directory when it exists.  Not supported: resource:// entries
 * (the program does not link GIO) and enumerating an importer's modules.
 */
#include "config.h"

#include "host.h"

#include <string.h>

#define MODULE_INIT_NAME "__init__"
#define META_FLAGS                                                          \
  (GS_PROPERTY_READONLY | GS_PROPERTY_DONTENUM | GS_PROPERTY_DONTDELETE)

static GsClass *importer_class;
static guint proto_eternal;     /* GjsFileImporter.prototype */
static guint helpers_eternal;   /* the script helpers, once made */
static gboolean have_helpers;
static int root_tag;            /* the root importer's native pointer */

/* Small helpers written in script: what the embedding API has no call
 * for (symbol keys, deleting a property). */
static const char helpers_source[]
    = "({\n"
      "  tag (o, text) {\n"
      "    Object.defineProperty (o, Symbol.toStringTag, { value: text });\n"
      "  },\n"
      "  remove (o, name) {\n"
      "    delete o[name];\n"
      "  },\n"
      "})";

static GsValue *
helper (GsContext *ctx, const char *name)
{
  GsRuntime *rt = gs_context_get_runtime (ctx);
  if (!have_helpers)
    {
      GsValue *h = gs_context_eval (ctx, helpers_source, -1, "<importer>",
                                    GS_EVAL_STRICT);
      if (!h)
        return NULL;
      helpers_eternal = gs_eternal_new (rt, h);
      have_helpers = TRUE;
    }
  return gs_object_get_property (ctx, gs_eternal_get (rt, helpers_eternal),
                                 name);
}

static gboolean
call_helper (GsContext *ctx, const char *name, GsValue *a, GsValue *b)
{
  GsValue *fn = helper (ctx, name);
  GsValue *args[] = { a, b };
  return fn && gs_function_call (ctx, fn, NULL, 2, args) != NULL;
}

/* Defines importer.name = value, or throws. */
static gboolean
define (GsContext *ctx, GsValue *object, const char *name, GsValue *value,
        GsPropertyFlags flags)
{
  return value && gs_object_define_property (ctx, object, name, value, flags);
}

static GsValue *
string_or_null (GsContext *ctx, const char *s)
{
  return s ? gs_value_new_string (ctx, s, -1) : gs_value_new_null (ctx);
}

/* The module path of a module named name in parent ("a.b.name"), or
 * NULL with an exception pending. */
static char *
module_path (GsContext *ctx, GsValue *parent, const char *name)
{
  GsValue *pp = gs_object_get_property (ctx, parent, "__modulePath__");
  if (!pp)
    return NULL;
  if (!gs_value_is_string (pp))
    return g_strdup (name);
  g_autofree char *p = gs_value_dup_string (pp);
  return g_strconcat (p, ".", name, NULL);
}

/* GJS's meta properties of a module or importer: read-only, hidden and
 * permanent.  parent NULL: the root importer. */
static gboolean
define_meta (GsContext *ctx, GsValue *object, const char *name,
             GsValue *parent, const char *file)
{
  g_autofree char *path = parent ? module_path (ctx, parent, name) : NULL;
  if (parent && !path)
    return FALSE;
  if (file && !define (ctx, object, "__file__", string_or_null (ctx, file),
                       META_FLAGS))
    return FALSE;
  if (!define (ctx, object, "__moduleName__",
               string_or_null (ctx, parent ? name : NULL), META_FLAGS)
      || !define (ctx, object, "__parentModule__",
                  parent ? parent : gs_value_new_null (ctx), META_FLAGS)
      || !define (ctx, object, "__modulePath__", string_or_null (ctx, path),
                  META_FLAGS))
    return FALSE;
  g_autofree char *tag = path ? g_strconcat ("GjsModule ", path, NULL)
                              : g_strdup ("GjsModule");
  return call_helper (ctx, "tag", object, gs_value_new_string (ctx, tag, -1));
}

/* The directories a new root importer searches. */
static GsValue *
initial_search_path (GsContext *ctx)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const char *vars[] = { "GSCRIPT_PATH", "GJS_PATH" };
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *v = g_getenv (vars[i]);
      if (!v)
        continue;
      g_auto (GStrv) parts = g_strsplit (v, G_SEARCHPATH_SEPARATOR_S, -1);
      for (char **p = parts; *p; p++)
        if (**p)
          g_ptr_array_add (dirs, g_strdup (*p));
    }
  if (g_file_test (GSCRIPT_JS_MODULE_DIR, G_FILE_TEST_IS_DIR))
    g_ptr_array_add (dirs, g_strdup (GSCRIPT_JS_MODULE_DIR));
  GsValue *a = gs_value_new_array (ctx, dirs->len);
  for (guint i = 0; a && i < dirs->len; i++)
    if (!gs_object_set_index (ctx, a, i,
                              gs_value_new_string (
                                  ctx, g_ptr_array_index (dirs, i), -1)))
      a = NULL;
  g_ptr_array_free (dirs, TRUE);
  return a;
}

/* An importer: the root (parent NULL) or the sub-importer name of
 * parent, searching search_path. */
static GsValue *
importer_new (GsContext *ctx, GsValue *parent, const char *name,
              GsValue *search_path)
{
  GsValue *proto = gs_eternal_get (gs_context_get_runtime (ctx),
                                   proto_eternal);
  GsValue *o = gs_object_new_native (ctx, importer_class, proto,
                                     parent ? NULL : &root_tag);
  if (!o || !search_path
      || !define (ctx, o, "searchPath", search_path,
                  GS_PROPERTY_DONTENUM | GS_PROPERTY_DONTDELETE)
      || !define_meta (ctx, o, name, parent, NULL))
    return NULL;
  return o;
}

/* Reads a module file and runs it in a new module object defined as
 * importer[name].  FALSE with the exception pending (and the definition
 * removed) if it could not be read or threw. */
static gboolean
import_file (GsContext *ctx, GsValue *importer, const char *name,
             const char *file)
{
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  if (!g_file_get_contents (file, &text, &length, &error))
    {
      gs_context_throw_error (ctx, GS_ERROR_ERROR, "%s", error->message);
      return FALSE;
    }
  const char *bad;
  if (!g_utf8_validate_len (text, length, &bad))
    {
      gs_context_throw_error (ctx, GS_ERROR_ERROR,
                              "'%s' is not valid UTF-8: invalid byte at "
                              "offset %" G_GSIZE_FORMAT,
                              file, (gsize) (bad - text));
      return FALSE;
    }
  GsValue *module = gs_value_new_object (ctx);
  /* Defined first: a module that imports this one back while it runs
     gets this object, partly filled. */
  if (!define (ctx, importer, name, module, GS_PROPERTY_DEFAULT))
    return FALSE;
  if (!gs_context_eval_in_object (ctx, text, (gssize) length, file, module,
                                  GS_EVAL_EXPORT_LEXICALS)
      || !define_meta (ctx, module, name, importer, file)
      || !define (ctx, importer, name, module, GS_PROPERTY_DONTDELETE))
    {
      GsValue *e = gs_context_take_exception (ctx);
      call_helper (ctx, "remove", importer, gs_value_new_string (ctx, name,
                                                                 -1));
      gs_context_take_exception (ctx);
      gs_context_throw (ctx, e);
      return FALSE;
    }
  return TRUE;
}

/* The module made by an importer's __init__.js: loaded once per
 * importer, from the first directory asked (an empty object if it has
 * no such file), as GJS does. */
static GsValue *
module_init (GsContext *ctx, GsValue *importer, const char *dir)
{
  if (gs_object_has_own_property (ctx, importer, MODULE_INIT_NAME))
    {
      GsValue *m = gs_object_get_property (ctx, importer, MODULE_INIT_NAME);
      if (m && !gs_value_is_object (m))
        return gs_context_throw_error (ctx, GS_ERROR_ERROR,
                                       "Unexpected non-object module "
                                       "__init__ in %s",
                                       dir);
      return m;
    }
  if (gs_context_has_exception (ctx))
    return NULL;
  GsValue *m = gs_value_new_object (ctx);
  g_autofree char *file = g_build_filename (dir, MODULE_INIT_NAME ".js",
                                            NULL);
  if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *text = NULL;
      gsize length = 0;
      g_autoptr (GError) error = NULL;
      g_autofree char *full = g_canonicalize_filename (file, NULL);
      if (!g_file_get_contents (file, &text, &length, &error))
        return gs_context_throw_error (ctx, GS_ERROR_ERROR, "%s",
                                       error->message);
      if (!gs_context_eval_in_object (ctx, text, (gssize) length, full, m,
                                      GS_EVAL_EXPORT_LEXICALS))
        return NULL;
    }
  if (!define (ctx, importer, MODULE_INIT_NAME, m, GS_PROPERTY_DEFAULT))
    return NULL;
  return m;
}

/* A built-in module of the root importer, made on first use. */
typedef GsValue *(*BuiltinFunc) (GsContext *ctx, GsValue *imports);

static GsValue *
builtin_gi (GsContext *ctx, GsValue *imports)
{
  return host_gi_root (ctx);
}

static GsValue *
builtin_mainloop (GsContext *ctx, GsValue *imports)
{
  GsValue *gi = host_gi_root (ctx);
  return gi ? host_compat_mainloop (ctx, gi) : NULL;
}

static const struct
{
  const char *name;
  BuiltinFunc make;
  gboolean meta; /* give it GJS's meta properties */
} builtins[] = {
  { "gi", builtin_gi, FALSE },
  { "system", host_system_module, TRUE },
  { "mainloop", builtin_mainloop, FALSE },
  { "gettext", host_gettext_module, TRUE },
  { "byteArray", host_byte_array_module, TRUE },
};

/* Names the importer leaves to its prototype and Object.prototype, so
 * that an importer can be printed and inspected. */
static gboolean
is_reserved (const char *name)
{
  static const char *const reserved[] = {
    MODULE_INIT_NAME, "toString", "valueOf", "constructor", "__proto__",
    "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
    "toLocaleString",
  };
  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    if (strcmp (name, reserved[i]) == 0)
      return TRUE;
  return FALSE;
}

/* GJS's do_import: the search described at the top of the file. */
static gboolean
do_import (GsContext *ctx, GsValue *importer, const char *name,
           gboolean is_root)
{
  if (is_root)
    for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
      if (strcmp (name, builtins[i].name) == 0)
        {
          GsValue *m = builtins[i].make (ctx, importer);
          if (!m || (builtins[i].meta
                     && !define_meta (ctx, m, name, importer, NULL)))
            return FALSE;
          return define (ctx, importer, name, m, GS_PROPERTY_DONTDELETE);
        }
  GsValue *sp = gs_object_get_property (ctx, importer, "searchPath");
  if (!sp)
    return FALSE;
  if (!gs_value_is_array (sp))
    {
      gs_context_throw_error (ctx, GS_ERROR_ERROR,
                              "searchPath property on importer is not an "
                              "array");
      return FALSE;
    }
  GsValue *len_v = gs_object_get_property (ctx, sp, "length");
  double len = 0;
  if (!len_v || !gs_value_to_number (ctx, len_v, &len))
    return FALSE;
  g_autofree char *file_name = g_strconcat (name, ".js", NULL);
  GsValue *dirs = gs_value_new_array (ctx, 0);
  guint n_dirs = 0;
  for (guint i = 0; i < (guint) len; i++)
    {
      GsValue *elem = gs_object_get_index (ctx, sp, i);
      if (!elem)
        return FALSE;
      if (gs_value_is_undefined (elem))
        continue;
      if (!gs_value_is_string (elem))
        {
          gs_context_throw_error (ctx, GS_ERROR_ERROR,
                                  "importer searchPath contains non-string");
          return FALSE;
        }
      g_autofree char *dir = gs_value_dup_string (elem);
      if (!*dir)
        continue;
      GsValue *init = module_init (ctx, importer, dir);
      if (!init)
        return FALSE;
      if (gs_object_has_own_property (ctx, init, name))
        {
          GsValue *v = gs_object_get_property (ctx, init, name);
          if (!v)
            return FALSE;
          if (!gs_value_is_undefined (v))
            return define (ctx, importer, name, v, GS_PROPERTY_DEFAULT);
        }
      g_autofree char *sub = g_build_filename (dir, name, NULL);
      if (g_file_test (sub, G_FILE_TEST_IS_DIR))
        {
          g_autofree char *full = g_canonicalize_filename (sub, NULL);
          if (!gs_object_set_index (ctx, dirs, n_dirs++,
                                    gs_value_new_string (ctx, full, -1)))
            return FALSE;
        }
      /* Once a directory matched, files further on are not looked at:
         every later directory of the same name joins the sub-importer. */
      if (n_dirs)
        continue;
      g_autofree char *file = g_build_filename (dir, file_name, NULL);
      if (!g_file_test (file, G_FILE_TEST_EXISTS))
        continue;
      /* A file that exists but fails stops the search: a broken module
         does not let a later one of the same name in. */
      g_autofree char *full = g_canonicalize_filename (file, NULL);
      return import_file (ctx, importer, name, full);
    }
  if (n_dirs)
    {
      GsValue *sub = importer_new (ctx, importer, name, dirs);
      return define (ctx, importer, name, sub, GS_PROPERTY_DONTDELETE);
    }
  /* An Error named ImportError, as GJS throws; its stack was captured
     under the name Error, so its first line is renamed too. */
  g_autofree char *message = g_strdup_printf (
      "No JS module '%s' found in search path", name);
  GsValue *e = gs_value_new_error (ctx, GS_ERROR_ERROR, message);
  if (!e
      || !define (ctx, e, "name", gs_value_new_string (ctx, "ImportError", -1),
                  GS_PROPERTY_DONTENUM))
    return FALSE;
  GsValue *stack = gs_object_get_property (ctx, e, "stack");
  if (!stack)
    return FALSE;
  g_autofree char *text = gs_value_dup_string (stack);
  if (text && g_str_has_prefix (text, "Error"))
    {
      g_autofree char *renamed = g_strconcat ("Import", text, NULL);
      if (!define (ctx, e, "stack", gs_value_new_string (ctx, renamed, -1),
                   GS_PROPERTY_DONTENUM))
        return FALSE;
    }
  gs_context_throw (ctx, e);
  return FALSE;
}

static gboolean
importer_resolve (GsContext *ctx, GsValue *object, const char *name,
                  gpointer native)
{
  if (is_reserved (name))
    return TRUE;
  return do_import (ctx, object, name, native == &root_tag);
}

static const GsClassInfo importer_info = {
  .name = "GjsFileImporter",
  .resolve = importer_resolve,
};

/* GjsFileImporter.prototype.toString: "[GjsFileImporter root]", or the
 * module path of a sub-importer. */
static GsValue *
importer_to_string (GsContext *ctx, const GsCallbackInfo *info)
{
  GsValue *self = gs_callback_info_get_this (info);
  if (!gs_value_is_object (self))
    return gs_value_new_string (ctx, "[object GjsFileImporter]", -1);
  GsValue *path = gs_object_get_property (ctx, self, "__modulePath__");
  if (!path)
    return NULL;
  g_autofree char *p = gs_value_is_string (path) ? gs_value_dup_string (path)
                                                 : g_strdup ("root");
  g_autofree char *s = g_strdup_printf ("[GjsFileImporter %s]", p);
  return gs_value_new_string (ctx, s, -1);
}

void
host_importer_install (GsContext *ctx)
{
  GsRuntime *rt = gs_context_get_runtime (ctx);
  importer_class = gs_class_new (rt, &importer_info);
  GsValue *proto = gs_value_new_object (ctx);
  GsValue *to_string = gs_function_new (ctx, "toString", 0,
                                        importer_to_string, NULL);
  if (!proto || !to_string
      || !define (ctx, proto, "toString", to_string, GS_PROPERTY_DONTENUM))
    return;
  proto_eternal = gs_eternal_new (rt, proto);
  GsValue *imports = gs_object_new_native (ctx, importer_class, proto,
                                           &root_tag);
  GsValue *sp = initial_search_path (ctx);
  if (imports && sp
      && define (ctx, imports, "searchPath", sp,
                 GS_PROPERTY_DONTENUM | GS_PROPERTY_DONTDELETE))
    {
      /* The root's meta properties are all null.  It gets no
         Symbol.toStringTag: that takes the script helpers, an eval a
         plain script should not pay for at startup. */
      define (ctx, imports, "__moduleName__", gs_value_new_null (ctx),
              META_FLAGS);
      define (ctx, imports, "__parentModule__", gs_value_new_null (ctx),
              META_FLAGS);
      define (ctx, imports, "__modulePath__", gs_value_new_null (ctx),
              META_FLAGS);
      gs_object_define_property (ctx, gs_context_get_global (ctx),
                                 "imports", imports, GS_PROPERTY_DONTENUM);
    }
}
