/* compat.c — the globals GJS scripts expect besides imports.gi:
 * printerr, log and logError, and the old imports.mainloop and
 * imports.byteArray modules.
 *
 * log () writes "JS LOG: message" through GLib's message log (stderr),
 * logError (error, prefix) writes "JS ERROR: prefix: error" and the
 * error's stack, as GJS does.  imports.mainloop (run, quit, idle_add,
 * timeout_add, timeout_add_seconds, source_remove) is written in script
 * over GLib, so it loads the GObject bridge.  imports.byteArray is written
 * in script over TextEncoder and TextDecoder; only its GLib.Bytes
 * functions load the bridge, when first called.
 */
#include "config.h"

#include "host.h"

#include <string.h>

/* The arguments as one line, each converted with String (). */
static char *
join_args (GsContext *ctx, const GsCallbackInfo *info)
{
  GString *s = g_string_new (NULL);
  guint n = gs_callback_info_get_n_args (info);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *part = gs_value_to_string (
          ctx, gs_callback_info_get_arg (info, i));
      if (!part)
        {
          g_string_free (s, TRUE);
          return NULL;
        }
      if (i)
        g_string_append_c (s, ' ');
      g_string_append (s, part);
    }
  return g_string_free (s, FALSE);
}

static GsValue *
printerr (GsContext *ctx, const GsCallbackInfo *info)
{
  g_autofree char *line = join_args (ctx, info);
  if (!line)
    return NULL;
  g_printerr ("%s\n", line);
  return gs_value_new_undefined (ctx);
}

static GsValue *
log_message (GsContext *ctx, const GsCallbackInfo *info)
{
  g_autofree char *line = join_args (ctx, info);
  if (!line)
    return NULL;
  g_message ("JS LOG: %s", line);
  return gs_value_new_undefined (ctx);
}

static GsValue *
log_error (GsContext *ctx, const GsCallbackInfo *info)
{
  GsValue *e = gs_callback_info_get_arg (info, 0);
  GsValue *prefix = gs_callback_info_get_arg (info, 1);
  g_autofree char *text = gs_value_to_string (ctx, e);
  if (!text)
    return NULL;
  g_autofree char *pre = gs_value_is_undefined (prefix)
                             ? NULL
                             : gs_value_to_string (ctx, prefix);
  g_autofree char *stack = NULL;
  if (gs_value_is_object (e))
    {
      GsValue *st = gs_object_get_property (ctx, e, "stack");
      if (!st)
        return NULL;
      if (gs_value_is_string (st))
        stack = gs_value_dup_string (st);
    }
  g_warning ("JS ERROR: %s%s%s%s%s", pre ? pre : "", pre ? ": " : "", text,
             stack ? "\n" : "", stack ? stack : "");
  return gs_value_new_undefined (ctx);
}

void
host_define_global (GsContext *ctx, const char *name, guint length,
                    GsNativeFunc fn)
{
  GsValue *f = gs_function_new (ctx, name, length, fn, NULL);
  if (f)
    gs_object_define_property (ctx, gs_context_get_global (ctx), name, f,
                               GS_PROPERTY_DONTENUM);
}

void
host_compat_install (GsContext *ctx)
{
  host_define_global (ctx, "printerr", 1, printerr);
  host_define_global (ctx, "log", 1, log_message);
  host_define_global (ctx, "logError", 2, log_error);
}

static const char mainloop_source[]
    = "(function (GLib) {\n"
      "  const loops = new Map();\n"
      "  return {\n"
      "    run (name = 'default') {\n"
      "      let loop = loops.get(name);\n"
      "      if (!loop) {\n"
      "        loop = new GLib.MainLoop(null, false);\n"
      "        loops.set(name, loop);\n"
      "      }\n"
      "      loop.run();\n"
      "      loops.delete(name);\n"
      "    },\n"
      "    quit (name = 'default') {\n"
      "      const loop = loops.get(name);\n"
      "      if (!loop)\n"
      "        throw new Error('No main loop with this id');\n"
      "      loop.quit();\n"
      "    },\n"
      "    idle_add (fn, priority = GLib.PRIORITY_DEFAULT_IDLE) {\n"
      "      return GLib.idle_add(priority, () => fn());\n"
      "    },\n"
      "    timeout_add (ms, fn, priority = GLib.PRIORITY_DEFAULT) {\n"
      "      return GLib.timeout_add(priority, ms, () => fn());\n"
      "    },\n"
      "    timeout_add_seconds (s, fn, priority = GLib.PRIORITY_DEFAULT) {\n"
      "      return GLib.timeout_add_seconds(priority, s, () => fn());\n"
      "    },\n"
      "    source_remove (id) {\n"
      "      return GLib.source_remove(id);\n"
      "    },\n"
      "  };\n"
      "})";

GsValue *
host_compat_mainloop (GsContext *ctx, GsValue *gi_root)
{
  GsValue *glib = gs_object_get_property (ctx, gi_root, "GLib");
  if (!glib)
    return NULL;
  GsValue *make = gs_context_eval (ctx, mainloop_source, -1, "<mainloop>",
                                   GS_EVAL_DEFAULT);
  if (!make)
    return NULL;
  GsValue *args[] = { glib };
  return gs_function_call (ctx, make, NULL, 1, args);
}

/* GJS's legacy byteArray module.  fromString and fromGBytes return
 * Uint8Arrays with the old ByteArray's toString (encoding) method;
 * toString decodes up to the first NUL byte and throws on invalid input.
 * fromString encodes UTF-8 only (a TypeError names any other encoding);
 * toString takes the encodings TextDecoder knows.  fromArray returns the
 * old ByteArray wrapper, whose indices past the end grow it. */
static const char byte_array_source[]
    = "(function (imports, TextEncoder, TextDecoder) {\n"
      "  'use strict';\n"
      "  const isUtf8 = e => /^utf-?8$/i.test(e);\n"
      "  function toString (array, encoding = 'utf-8') {\n"
      "    if (!(array instanceof Uint8Array))\n"
      "      throw new TypeError('byteArray.toString: the argument must be "
      "a Uint8Array');\n"
      "    const end = array.indexOf(0);\n"
      "    const bytes = end < 0 ? array : array.subarray(0, end);\n"
      "    return new TextDecoder(String(encoding), {fatal: true})"
      ".decode(bytes);\n"
      "  }\n"
      "  function legacyToString (encoding = 'utf-8') {\n"
      "    return toString(this, encoding);\n"
      "  }\n"
      "  function withToString (array) {\n"
      "    Object.defineProperty(array, 'toString', {\n"
      "      value: legacyToString, writable: true, configurable: true,\n"
      "    });\n"
      "    return array;\n"
      "  }\n"
      "  function fromString (string, encoding = 'utf-8') {\n"
      "    if (typeof string !== 'string')\n"
      "      throw new TypeError('byteArray.fromString: the argument must "
      "be a string');\n"
      "    if (!isUtf8(String(encoding)))\n"
      "      throw new TypeError(`byteArray.fromString: encoding "
      "'${encoding}' is not supported (only UTF-8 is)`);\n"
      "    return withToString(new TextEncoder().encode(string));\n"
      "  }\n"
      "  const glib = () => imports.gi.GLib;\n"
      "  function fromGBytes (bytes) {\n"
      "    if (!(bytes instanceof glib().Bytes))\n"
      "      throw new TypeError('byteArray.fromGBytes: the argument must "
      "be a GLib.Bytes');\n"
      "    return withToString(new Uint8Array(bytes.toArray()));\n"
      "  }\n"
      "  function toGBytes (array) {\n"
      "    if (!(array instanceof Uint8Array))\n"
      "      throw new TypeError('byteArray.toGBytes: the argument must be "
      "a Uint8Array');\n"
      "    return new (glib().Bytes)(array);\n"
      "  }\n"
      "  const isIndex = p => typeof p === 'string' && "
      "/^(0|[1-9][0-9]*)$/.test(p);\n"
      "  class ByteArray {\n"
      "    constructor (arg = 0) {\n"
      "      this._array = arg instanceof Uint8Array ? arg : new "
      "Uint8Array(arg);\n"
      "      return new Proxy(this, {\n"
      "        get (target, prop, receiver) {\n"
      "          return isIndex(prop) ? target._array[prop]\n"
      "                               : Reflect.get(target, prop, "
      "receiver);\n"
      "        },\n"
      "        set (target, prop, value, receiver) {\n"
      "          if (!isIndex(prop))\n"
      "            return Reflect.set(target, prop, value, receiver);\n"
      "          if (Number(prop) >= target._array.length)\n"
      "            target.length = Number(prop) + 1;\n"
      "          target._array[prop] = value;\n"
      "          return true;\n"
      "        },\n"
      "      });\n"
      "    }\n"
      "    get length () {\n"
      "      return this._array.length;\n"
      "    }\n"
      "    set length (n) {\n"
      "      if (n <= this._array.length) {\n"
      "        this._array = this._array.subarray(0, n);\n"
      "        return;\n"
      "      }\n"
      "      const grown = new Uint8Array(n);\n"
      "      grown.set(this._array);\n"
      "      this._array = grown;\n"
      "    }\n"
      "    toString (encoding = 'utf-8') {\n"
      "      return toString(this._array, encoding);\n"
      "    }\n"
      "    toGBytes () {\n"
      "      return toGBytes(this._array);\n"
      "    }\n"
      "  }\n"
      "  function fromArray (array) {\n"
      "    return new ByteArray(Uint8Array.from(array));\n"
      "  }\n"
      "  return {ByteArray, fromArray, fromGBytes, fromString, toGBytes,\n"
      "          toString};\n"
      "})";

GsValue *
host_byte_array_module (GsContext *ctx, GsValue *imports)
{
  GsValue *global = gs_context_get_global (ctx);
  GsValue *make = gs_context_eval (ctx, byte_array_source, -1,
                                   "<byteArray>", GS_EVAL_DEFAULT);
  GsValue *enc = gs_object_get_property (ctx, global, "TextEncoder");
  GsValue *dec = gs_object_get_property (ctx, global, "TextDecoder");
  if (!make || !enc || !dec)
    return NULL;
  GsValue *args[] = { imports, enc, dec };
  return gs_function_call (ctx, make, NULL, 3, args);
}
