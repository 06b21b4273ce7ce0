/* host.h — what the gscript program adds to a script's world besides
 * the engine: imports and gi:// modules (gi-loader.c), timers and the
 * main loop (loop.c). */
#pragma once

#include <gscript/gscript.h>

/* The script's file and arguments, for ARGV and imports.system; call
 * before host_gi_install. */
void host_set_program (const char *file, char **args);
/* Defines `imports`, ARGV and the module resolver; the GObject bridge is not
 * loaded until a script asks for it. */
void host_gi_install (GsContext *ctx);
/* The root of the GI namespaces (imports.gi), loading the bridge; NULL
 * with an exception pending if it cannot be loaded. */
GsValue *host_gi_root (GsContext *ctx);
/* imports.system. */
GsValue *host_system_module (GsContext *ctx, GsValue *imports);

/* Defines the global `imports`, GJS's importer (importer.c). */
void host_importer_install (GsContext *ctx);
/* imports.gettext, over libc's gettext (gettext.c). */
GsValue *host_gettext_module (GsContext *ctx, GsValue *imports);
/* imports.byteArray, GJS's legacy byte array helpers (compat.c). */
GsValue *host_byte_array_module (GsContext *ctx, GsValue *imports);
/* Whether the bridge has work for the main loop (windows, destroys). */
gboolean host_gi_has_pending_work (void);
/* Runs pending destroys and stops the bridge, if it was loaded. */
void host_gi_shutdown (GsContext *ctx);

/* Defines GJS's printerr, log and logError. */
void host_compat_install (GsContext *ctx);
/* Defines a native function as a non-enumerable global. */
void host_define_global (GsContext *ctx, const char *name, guint length,
                         GsNativeFunc fn);
/* imports.mainloop, over the GLib namespace of gi_root (imports.gi). */
GsValue *host_compat_mainloop (GsContext *ctx, GsValue *gi_root);

/* Defines TextEncoder and TextDecoder. */
void host_text_install (GsContext *ctx);

/* Defines setTimeout, setInterval, clearTimeout and clearInterval. */
void host_loop_install (GsContext *ctx);
/* Runs the GLib main loop while timers or the bridge have work.
 * Returns FALSE if a callback threw an exception nothing caught. */
gboolean host_loop_run (GsContext *ctx);
void host_loop_shutdown (void);
