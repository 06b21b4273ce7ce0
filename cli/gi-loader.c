/* gi-loader.c — imports.gi and gi:// modules, with the GObject bridge
 * loaded on first use; imports.system and ARGV, as GJS has them (the
 * importer itself is importer.c).
 *
 * The bridge (libgscript-gi) links GObject, girepository and libffi, and
 * through them GTK when a script asks for it; a plain script needs none
 * of that.  So the program does not link the bridge: it dlopens it the
 * first time a script reads `imports.gi` or imports a gi:// module, and
 * finds its entry points through gs_gi_get_module().  The library is
 * looked for in $GSCRIPT_GI_MODULE (a path), beside the program in the
 * build tree (../bindings), then in the installed module directory.
 */
#include "config.h"

#include "host.h"

#include "../bindings/gscript-gi.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GI_LIBRARY "libgscript-gi.so"

static const GsGiModule *gi_module; /* the loaded bridge, or NULL */

/* The directory of the running program. */
static char *
program_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  return exe ? g_path_get_dirname (exe) : NULL;
}

/* Loads and installs the bridge, or throws why it cannot. */
static const GsGiModule *
load_bridge (GsContext *ctx)
{
  if (gi_module)
    return gi_module;
  g_autofree char *dir = program_dir ();
  g_autofree char *in_tree = dir ? g_build_filename (dir, "..", "bindings",
                                                     GI_LIBRARY, NULL)
                                 : NULL;
  g_autofree char *installed = g_build_filename (GSCRIPT_GI_MODULE_DIR,
                                                 GI_LIBRARY, NULL);
  const char *candidates[] = { g_getenv ("GSCRIPT_GI_MODULE"), in_tree,
                               installed };
  GString *errors = g_string_new (NULL);
  void *handle = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && !handle; i++)
    {
      if (!candidates[i] || access (candidates[i], F_OK) != 0)
        continue;
      handle = dlopen (candidates[i], RTLD_NOW | RTLD_LOCAL);
      if (!handle)
        g_string_append_printf (errors, " %s", dlerror ());
    }
  if (!handle)
    {
      gs_context_throw_error (ctx, GS_ERROR_ERROR,
                              "Cannot load the GObject bridge (%s):%s",
                              GI_LIBRARY,
                              errors->len ? errors->str : " not found");
      g_string_free (errors, TRUE);
      return NULL;
    }
  g_string_free (errors, TRUE);
  const GsGiModule *(*get) (void) = (const GsGiModule *(*) (void)) dlsym (
      handle, "gs_gi_get_module");
  const GsGiModule *m = get ? get () : NULL;
  if (!m || m->abi != GS_GI_ABI)
    {
      gs_context_throw_error (ctx, GS_ERROR_ERROR,
                              "The GObject bridge %s does not match this "
                              "program",
                              GI_LIBRARY);
      return NULL;
    }
  g_autoptr (GError) err = NULL;
  if (!m->install (ctx, &err))
    {
      gs_context_throw_error (ctx, GS_ERROR_ERROR, "%s", err->message);
      return NULL;
    }
  gi_module = m;
  return m;
}

static char *program_file;   /* the script as named on the command line */
static char **program_args;  /* its arguments */

void
host_set_program (const char *file, char **args)
{
  g_free (program_file);
  g_strfreev (program_args);
  program_file = g_strdup (file);
  program_args = g_strdupv (args);
}

static GsValue *
strv_to_array (GsContext *ctx, char **strv)
{
  guint n = strv ? g_strv_length (strv) : 0;
  GsValue *a = gs_value_new_array (ctx, n);
  for (guint i = 0; a && i < n; i++)
    gs_object_set_index (ctx, a, i, gs_value_new_string (ctx, strv[i], -1));
  return a;
}

static GsValue *
system_exit (GsContext *ctx, const GsCallbackInfo *info)
{
  double code = 0;
  GsValue *v = gs_callback_info_get_arg (info, 0);
  if (!gs_value_is_undefined (v) && !gs_value_to_number (ctx, v, &code))
    return NULL;
  fflush (stdout);
  exit ((int) code);
}

static GsValue *
system_gc (GsContext *ctx, const GsCallbackInfo *info)
{
  gs_runtime_collect_garbage (gs_context_get_runtime (ctx));
  return gs_value_new_undefined (ctx);
}

/* imports.system: exit, gc and what GJS says about the program. */
GsValue *
host_system_module (GsContext *ctx, GsValue *imports)
{
  GsValue *o = gs_value_new_object (ctx);
  if (!o)
    return NULL;
  GsValue *f = gs_function_new (ctx, "exit", 1, system_exit, NULL);
  GsValue *g = gs_function_new (ctx, "gc", 0, system_gc, NULL);
  g_autofree char *path = program_file
                              ? g_canonicalize_filename (program_file, NULL)
                              : NULL;
  if (!f || !g || !gs_object_set_property (ctx, o, "exit", f)
      || !gs_object_set_property (ctx, o, "gc", g)
      || !gs_object_set_property (
          ctx, o, "programInvocationName",
          gs_value_new_string (ctx, program_file ? program_file : "gscript",
                               -1))
      || !gs_object_set_property (ctx, o, "programPath",
                                  path ? gs_value_new_string (ctx, path, -1)
                                       : gs_value_new_null (ctx))
      || !gs_object_set_property (ctx, o, "programArgs",
                                  strv_to_array (ctx, program_args))
      || !gs_object_set_property (ctx, o, "version",
                                  gs_value_new_number (
                                      ctx, GS_MAJOR_VERSION * 10000
                                               + GS_MINOR_VERSION * 100
                                               + GS_MICRO_VERSION)))
    return NULL;
  return o;
}

GsValue *
host_gi_root (GsContext *ctx)
{
  const GsGiModule *m = load_bridge (ctx);
  return m ? m->get_root (ctx) : NULL;
}

static GsValue *
resolve_module (GsContext *ctx, const char *specifier, const char *referrer,
                gpointer user_data)
{
  /* GJS's built-in ES modules: the same objects as imports.system and
     imports.gettext, their properties also named exports. */
  if (strcmp (specifier, "system") == 0 || strcmp (specifier, "gettext") == 0)
    {
      GsValue *imports = gs_object_get_property (
          ctx, gs_context_get_global (ctx), "imports");
      return imports && gs_value_is_object (imports)
                 ? gs_object_get_property (ctx, imports, specifier)
                 : NULL;
    }
  if (!g_str_has_prefix (specifier, "gi://"))
    return NULL;
  const GsGiModule *m = load_bridge (ctx);
  if (!m)
    return NULL;
  return m->import (ctx, specifier);
}

void
host_gi_install (GsContext *ctx)
{
  GsRuntime *rt = gs_context_get_runtime (ctx);
  host_importer_install (ctx);
  GsValue *argv = strv_to_array (ctx, program_args);
  if (argv)
    gs_object_define_property (ctx, gs_context_get_global (ctx), "ARGV", argv,
                               GS_PROPERTY_DONTENUM);
  gs_runtime_set_module_resolver (rt, resolve_module, NULL, NULL);
}

gboolean
host_gi_has_pending_work (void)
{
  return gi_module && gi_module->has_pending_work ();
}

void
host_gi_shutdown (GsContext *ctx)
{
  if (gi_module)
    gi_module->shutdown (ctx);
}
