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
/* Whether the bridge has work for the main loop (windows, destroys). */
gboolean host_gi_has_pending_work (void);
/* Runs pending destroys and stops the bridge, if it was loaded. */
void host_gi_shutdown (GsContext *ctx);

/* Defines GJS's printerr, log and logError. */
void host_compat_install (GsContext *ctx);
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
/* Prints an exception nothing caught, as "Uncaught <stack>". */
void host_report_uncaught (GsContext *ctx);
