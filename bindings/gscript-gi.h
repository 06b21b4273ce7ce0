/* gscript-gi.h — the GObject Introspection bridge's entry points.
 *
 * The bridge is a shared library of its own (libgscript-gi) that links
 * GObject, girepository and libffi.  The gscript program does not link
 * it: it dlopens it the first time a script asks for a GI namespace
 * (imports.gi or a gi:// import) and finds everything through
 * gs_gi_get_module(), so plain scripts never load GObject or GTK.  An
 * embedder may instead link it and call the functions directly.
 */
#pragma once

#include <gscript/gscript.h>
#include <glib-object.h>

G_BEGIN_DECLS

#ifdef GSCRIPT_GI_COMPILATION
#define GS_GI_API __attribute__ ((visibility ("default"))) extern
#else
#define GS_GI_API extern
#endif

/**
 * GsGiOwnership:
 * @GS_GI_OWNERSHIP_AUTOMATIC: the default: the wrapper holds a toggle
 *   reference; the object lives while script or native code uses it
 * @GS_GI_OWNERSHIP_SCRIPT: collecting the wrapper destroys the object
 * @GS_GI_OWNERSHIP_NATIVE: the wrapper only watches the object
 *
 * Who owns a wrapped GObject; see gs_gi_set_ownership().
 */
typedef enum
{
  GS_GI_OWNERSHIP_AUTOMATIC,
  GS_GI_OWNERSHIP_SCRIPT,
  GS_GI_OWNERSHIP_NATIVE,
} GsGiOwnership;

/**
 * gs_gi_install:
 * @ctx: the context to serve
 * @error: where to put an error
 *
 * Makes the bridge serve @ctx: gi:// modules resolve through it.  The
 * bridge serves one context at a time.
 *
 * Returns: %FALSE if the bridge already serves another context
 */
GS_GI_API gboolean gs_gi_install (GsContext *ctx, GError **error);

/**
 * gs_gi_get_root:
 * @ctx: the context the bridge serves
 *
 * Returns: (transfer none): the object scripts know as `imports.gi`
 */
GS_GI_API GsValue *gs_gi_get_root (GsContext *ctx);

/**
 * gs_gi_import:
 * @ctx: the context the bridge serves
 * @specifier: `gi://Name` or `gi://Name?version=V`
 *
 * Returns: (transfer none) (nullable): the namespace, or %NULL with an
 *   exception pending
 */
GS_GI_API GsValue *gs_gi_import (GsContext *ctx, const char *specifier);

/**
 * gs_gi_has_pending_work:
 *
 * Returns: whether a main loop should keep running for the bridge: a
 *   visible window or an asynchronous call (destroy ()s still pending
 *   at the end run in gs_gi_shutdown())
 */
GS_GI_API gboolean gs_gi_has_pending_work (void);

/**
 * gs_gi_wrap_object:
 * @ctx: the context the bridge serves
 * @object: a GObject
 *
 * Returns: (transfer none): the wrapper of @object (always the same one)
 */
GS_GI_API GsValue *gs_gi_wrap_object (GsContext *ctx, GObject *object);

/**
 * gs_gi_get_object:
 * @wrapper: a handle
 *
 * Returns: (transfer none) (nullable): the GObject a wrapper stands for,
 *   or %NULL if @wrapper is not a live GObject wrapper
 */
GS_GI_API GObject *gs_gi_get_object (GsValue *wrapper);

/**
 * gs_gi_set_ownership:
 * @object: a GObject that has a wrapper
 * @mode: the new ownership
 *
 * Returns: %FALSE if @object has no wrapper
 */
GS_GI_API gboolean gs_gi_set_ownership (GObject *object, GsGiOwnership mode);

/**
 * gs_gi_get_ownership:
 * @object: a GObject
 * @mode: (out): where to put its ownership
 *
 * Returns: %FALSE if @object has no wrapper (then @mode is not set)
 */
GS_GI_API gboolean gs_gi_get_ownership (GObject *object,
                                        GsGiOwnership *mode);

/**
 * gs_gi_shutdown:
 * @ctx: the context the bridge serves
 *
 * Runs the destroy () calls still pending, then stops serving @ctx:
 * closures connected by script are disconnected, and no script runs
 * from the bridge any more.  Call it before freeing the context; the
 * objects are released when the runtime frees their wrappers.
 */
GS_GI_API void gs_gi_shutdown (GsContext *ctx);

/**
 * GsGiModule:
 * @abi: GS_GI_ABI
 * @install: gs_gi_install()
 * @get_root: gs_gi_get_root()
 * @import: gs_gi_import()
 * @has_pending_work: gs_gi_has_pending_work()
 * @shutdown: gs_gi_shutdown()
 *
 * The bridge's entry points, for a program that dlopens it.
 */
typedef struct
{
  guint abi;
  gboolean (*install) (GsContext *ctx, GError **error);
  GsValue *(*get_root) (GsContext *ctx);
  GsValue *(*import) (GsContext *ctx, const char *specifier);
  gboolean (*has_pending_work) (void);
  void (*shutdown) (GsContext *ctx);
} GsGiModule;

#define GS_GI_ABI 1

/**
 * gs_gi_get_module:
 *
 * Returns: (transfer none): the table of entry points
 */
GS_GI_API const GsGiModule *gs_gi_get_module (void);

G_END_DECLS
