/* builtins.c — a realm's skeleton, the helpers every built-in family
 * uses, and the host functions (print, console).
 *
 * Order matters while a realm is built: Object.prototype first (it has
 * no prototype), then Function.prototype (a function whose prototype is
 * Object.prototype), then the shapes of functions, which need both, and
 * only then any built-in function.
 */
#include "config.h"

#include "builtins.h"

#include "bigint.h"
#include "ic.h"
#include "log.h"
#include "promise.h"
#include "property.h"

#include <math.h>
#include <stdio.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static JsKey
method_key (JsContext *ctx, const char *name)
{
  JsRuntime *rt = ctx->rt;
  if (name[0] == '@' && name[1] == '@')
    {
      for (int i = 0; i < JS_SYM_COUNT; i++)
        if (strcmp (name + 2, js_well_known_names[i]) == 0)
          return symbol_key (rt->well_known[i]);
      g_error ("unknown well-known symbol %s", name);
    }
  return atom_key_from_utf8 (rt, name);
}

bool
builtins_define_methods (JsContext *ctx, JsObject *o,
                         const JsMethodSpec *specs, size_t n)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  bool ok = true;
  for (size_t i = 0; i < n && ok; i++)
    {
      const JsMethodSpec *s = &specs[i];
      const char *fname = s->name;
      char buf[64];
      if (fname[0] == '@' && fname[1] == '@')
        {
          /* A symbol-named method is called "[Symbol.iterator]". */
          g_snprintf (buf, sizeof buf, "[Symbol.%s]", fname + 2);
          fname = buf;
        }
      JsValue f = function_new_builtin (ctx, fname, s->fn, s->length,
                                        s->magic, 0);
      if (js_is_exception (f))
        {
          ok = false;
          break;
        }
      JsValue *pf = rt_push_root (rt, f);
      JsKey key = method_key (ctx, s->name);
      ok = key != JS_KEY_NONE
           && object_define_own (rt, js_get_object (*po), key, *pf,
                                 JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
                  == JS_PROP_DONE;
      rt_restore_roots (rt, pf);
    }
  rt_restore_roots (rt, saved);
  return ok;
}

bool
builtins_define_getter (JsContext *ctx, JsObject *o, const char *name,
                        JsNativeFn fn)
{
  JsRuntime *rt = ctx->rt;
  char buf[64];
  if (name[0] == '@' && name[1] == '@')
    g_snprintf (buf, sizeof buf, "get [Symbol.%s]", name + 2);
  else
    g_snprintf (buf, sizeof buf, "get %s", name);
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  JsKey key = method_key (ctx, name);
  bool ok = false;
  if (key != JS_KEY_NONE)
    {
      /* The key's atom is kept alive on the stack while we allocate. */
      rt_push_root (rt, atom_key_to_value (key));
      JsValue f = function_new_builtin (ctx, buf, fn, 0, 0, 0);
      JsValue *pf = rt_push_root (rt, f);
      JsAccessorPair *pair = js_is_exception (f)
                                 ? NULL
                                 : object_new_accessor (rt, *pf,
                                                        JS_UNDEFINED);
      ok = pair
           && object_define_own (rt, js_get_object (*po), key,
                                 js_cell_value (JS_TAG_INTERNAL, pair),
                                 JS_ATTR_ACCESSOR | JS_ATTR_CONFIGURABLE)
                  == JS_PROP_DONE;
    }
  rt_restore_roots (rt, saved);
  return ok;
}

JsObject *
builtins_define_class (JsContext *ctx, const char *name, JsNativeFn ctor,
                       uint32_t length, JsObject *proto, uint32_t flags)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pp = rt_push_root (rt, js_object_value (proto));
  JsValue f = function_new_builtin (ctx, name, ctor, length, 0,
                                    flags | JS_NATIVE_CONSTRUCTOR);
  JsObject *result = NULL;
  if (js_is_exception (f))
    goto out;
  JsValue *pf = rt_push_root (rt, f);
  JsObject *fo = js_get_object (f);
  js_resolve_lazy (ctx, fo);
  if (object_define_own (rt, js_get_object (*pf),
                         atom_common_key (rt, JS_ATOM_prototype), *pp, 0)
          != JS_PROP_DONE
      || object_define_own (rt, js_get_object (*pp),
                            atom_common_key (rt, JS_ATOM_constructor), *pf,
                            JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
             != JS_PROP_DONE
      || !realm_define_global (ctx, name, *pf))
    goto out;
  result = js_get_object (*pf);
out:
  rt_restore_roots (rt, saved);
  return result;
}

JsObject *
builtins_proto_from_ctor (JsContext *ctx, JsValue new_target,
                          size_t fallback)
{
  JsContext *realm = ctx;
  if (!js_is_undefined (new_target))
    {
      JsValue p = js_get (ctx, new_target,
                          atom_common_key (ctx->rt, JS_ATOM_prototype));
      if (js_is_exception (p))
        return NULL;
      if (js_is_object (p))
        return js_get_object (p);
      realm = realm_of (ctx, new_target);
      if (!realm)
        return NULL;
    }
  return *(JsObject **) ((char *) realm + fallback);
}

JsObject *
builtins_this_object (const JsCallInfo *info, const char *method)
{
  JsValue t = *info->this_arg;
  if (!js_is_object (t))
    {
      js_throw_type_error (info->ctx, "%s called on a non-object", method);
      return NULL;
    }
  return js_get_object (t);
}

/* ------------------------------------------------------------------ */
/* The skeleton                                                        */
/* ------------------------------------------------------------------ */

static JsValue
function_proto_call (const JsCallInfo *info)
{
  (void) info;
  return JS_UNDEFINED;
}

static JsValue
throw_type_error_fn (const JsCallInfo *info)
{
  return js_throw_type_error (info->ctx, "'caller', 'callee', and "
                                         "'arguments' properties may not be "
                                         "accessed on strict mode functions "
                                         "or the arguments objects for calls "
                                         "to them");
}

static JsObject *
new_wrapper_proto (JsContext *ctx, JsValue v)
{
  JsRuntime *rt = ctx->rt;
  JsValue w = realm_wrap_primitive (ctx, v);
  if (js_is_exception (w))
    return NULL;
  JsObject *o = js_get_object (w);
  /* Wrappers made before their prototype existed point at nothing yet:
     give them Object.prototype. */
  if (object_set_proto (rt, o, (JsCell *) ctx->object_proto) != JS_PROP_DONE)
    return NULL;
  return o;
}

bool
realm_init (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  ctx->object_proto = object_new_with_proto (rt, NULL, 4);
  if (!ctx->object_proto)
    return false;

  /* Function.prototype: a native function that returns undefined. */
  JsShape *fps = shape_root_for (rt, &js_native_function_class,
                                 (JsCell *) ctx->object_proto, 0);
  if (!fps)
    return false;
  ctx->native_function_shape = fps;
  JsNativeFunction *fp = function_new_native (ctx, NULL, NULL, NULL, 0,
                                              JS_UNDEFINED);
  if (!fp)
    return false;
  fp->call = (JsNativeCall) NULL;
  ctx->function_proto = (JsObject *) fp;
  fp->fn = (void *) function_proto_call;
  fp->call = realm_builtin_trampoline;

  /* The shapes functions start with. */
  JsCell *fproto = (JsCell *) ctx->function_proto;
  ctx->native_function_plain_shape
      = shape_root_for (rt, &js_native_function_class, fproto, 0);
  ctx->native_function_shape = shape_new_root (rt, &js_native_function_class,
                                               fproto, 0);
  ctx->function_shape = shape_root_for (rt, &js_function_class, fproto, 0);
  ctx->closure_shape = shape_new_root (rt, &js_function_class, fproto, 0);
  if (!ctx->native_function_plain_shape || !ctx->native_function_shape
      || !ctx->function_shape || !ctx->closure_shape)
    return false;
  ctx->native_function_shape->flags |= JS_SHAPE_LAZY;
  ctx->closure_shape->flags |= JS_SHAPE_LAZY;
  /* Function.prototype itself keeps its own shape (its prototype is
     Object.prototype): its name "" and length 0 are made now. */
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (ctx->function_proto));
  bool ok = object_define_own (rt, ctx->function_proto,
                               atom_common_key (rt, JS_ATOM_length),
                               js_int32 (0), JS_ATTR_CONFIGURABLE)
                == JS_PROP_DONE
            && object_define_own (rt, ctx->function_proto,
                                  atom_common_key (rt, JS_ATOM_name),
                                  js_string_value (atom_common (rt,
                                                                JS_ATOM_empty)),
                                  JS_ATTR_CONFIGURABLE)
                   == JS_PROP_DONE;
  rt_restore_roots (rt, saved);
  if (!ok)
    return false;

  ctx->array_proto = object_new_array (rt, (JsCell *) ctx->object_proto, 0);
  ctx->global = object_new_with_proto (rt, (JsCell *) ctx->object_proto, 16);
  ctx->script_scope = object_new_with_proto (rt, NULL, 4);
  if (!ctx->array_proto || !ctx->global || !ctx->script_scope)
    return false;
  ctx->symbol_proto = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                             4);
  ctx->bigint_proto = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                             4);
  if (!ctx->symbol_proto || !ctx->bigint_proto)
    return false;
  ctx->string_proto = new_wrapper_proto (ctx, js_string_value (
                                                  atom_common (rt, JS_ATOM_empty)));
  ctx->number_proto = ctx->string_proto ? new_wrapper_proto (ctx, js_int32 (0))
                                        : NULL;
  ctx->boolean_proto = ctx->number_proto ? new_wrapper_proto (ctx, JS_FALSE)
                                         : NULL;
  if (!ctx->boolean_proto)
    return false;

  JsValue tte = function_new_builtin (ctx, "", throw_type_error_fn, 0, 0, 0);
  if (js_is_exception (tte))
    return false;
  ctx->throw_type_error = tte;
  /* %ThrowTypeError% is frozen: its length and name are not even
     configurable (ECMA-262 10.2.4.1). */
  js_resolve_lazy (ctx, js_get_object (tte));
  if (object_define_own (rt, js_get_object (tte),
                         atom_common_key (rt, JS_ATOM_length), js_int32 (0), 0)
          != JS_PROP_DONE
      || object_define_own (rt, js_get_object (tte),
                            atom_common_key (rt, JS_ATOM_name),
                            js_string_value (atom_common (rt, JS_ATOM_empty)),
                            0)
             != JS_PROP_DONE)
    return false;
  object_prevent_extensions (rt, js_get_object (tte));

  if (!realm_define_global (ctx, "globalThis", js_object_value (ctx->global)))
    return false;
  /* NaN, Infinity and undefined: neither writable nor configurable. */
  static const struct
  {
    const char *name;
    double value;
  } constants[] = { { "NaN", NAN }, { "Infinity", INFINITY } };
  for (size_t i = 0; i < G_N_ELEMENTS (constants); i++)
    if (object_define_own (rt, ctx->global,
                           atom_key_from_utf8 (rt, constants[i].name),
                           js_double (constants[i].value), 0)
        != JS_PROP_DONE)
      return false;
  if (object_define_own (rt, ctx->global,
                         atom_common_key (rt, JS_ATOM_undefined),
                         JS_UNDEFINED, 0)
      != JS_PROP_DONE)
    return false;
  /* The families, in an order that gives each what it builds on. */
  static bool (*const families[]) (JsContext *) = {
    builtins_init_error,
    builtins_init_object,
    builtins_init_function,
    builtins_init_eval,
    builtins_init_iterator,
    builtins_init_generator,
    builtins_init_string,
    builtins_init_uri,
    builtins_init_regexp,
    builtins_init_array,
    builtins_init_array_buffer,
    builtins_init_typed_array,
    builtins_init_data_view,
    builtins_init_bound,
    builtins_init_boolean,
    builtins_init_json,
    builtins_init_math,
    builtins_init_number,
    builtins_init_reflect,
    builtins_init_symbol,
    builtins_init_proxy,
    builtins_init_bigint,
    builtins_init_date,
    builtins_init_map,
    builtins_init_weak,
    builtins_init_promise,
    builtins_init_async_generator,
    builtins_init_host,
  };
  for (size_t i = 0; i < G_N_ELEMENTS (families); i++)
    if (!families[i] (ctx))
      return false;
  return true;
}

/* The trampoline of the engine's own built-ins (JsNativeFn). */
JsValue
realm_builtin_trampoline (const JsCallInfo *info, void *fn)
{
  return ((JsNativeFn) fn) (info);
}

/* ------------------------------------------------------------------ */
/* Host functions                                                      */
/* ------------------------------------------------------------------ */

/* Writes the arguments, ToString'd and separated by spaces, then a
 * newline. */
static JsValue
print_values (const JsCallInfo *info, FILE *out)
{
  JsContext *ctx = info->ctx;
  GString *line = g_string_new (NULL);
  for (uint32_t i = 0; i < info->argc; i++)
    {
      JsValue s = js_to_string (ctx, info->argv[i]);
      if (js_is_exception (s))
        {
          g_string_free (line, TRUE);
          return s;
        }
      size_t len;
      g_autofree char *u = string_to_utf8 (ctx->rt, js_get_string (s), &len);
      if (!u)
        {
          g_string_free (line, TRUE);
          return js_throw_out_of_memory (ctx);
        }
      if (i)
        g_string_append_c (line, ' ');
      g_string_append_len (line, u, (gssize) len);
    }
  g_string_append_c (line, '\n');
  fwrite (line->str, 1, line->len, out);
  fflush (out);
  g_string_free (line, TRUE);
  return JS_UNDEFINED;
}

static JsValue
host_print (const JsCallInfo *info)
{
  return print_values (info, stdout);
}

static JsValue
host_console_error (const JsCallInfo *info)
{
  return print_values (info, stderr);
}

/* console.debug goes through the js category, as Qt's qml category. */
static JsValue
host_console_debug (const JsCallInfo *info)
{
  if (!GS_LOG_ENABLED (&log_js, GS_LOG_DEBUG))
    return JS_UNDEFINED;
  JsContext *ctx = info->ctx;
  GString *line = g_string_new (NULL);
  for (uint32_t i = 0; i < info->argc; i++)
    {
      JsValue s = js_to_string (ctx, info->argv[i]);
      if (js_is_exception (s))
        {
          g_string_free (line, TRUE);
          return s;
        }
      g_autofree char *u = string_to_utf8 (ctx->rt, js_get_string (s), NULL);
      if (i)
        g_string_append_c (line, ' ');
      g_string_append (line, u ? u : "");
    }
  gs_log_debug (&log_js, "%s", line->str);
  g_string_free (line, TRUE);
  return JS_UNDEFINED;
}

/* gc(): a full collection.  The native cleanup it queues runs now only
 * if no script is on the stack; from a script, that is when the script
 * returns to C, which is when FinalizationRegistry callbacks run.  With
 * gscript.ic.stats on, it also prints the caches' summary so far. */
static JsValue
host_gc (const JsCallInfo *info)
{
  JsRuntime *rt = info->ctx->rt;
  gc_collect (&rt->heap, JS_GC_REASON_EXPLICIT);
  ic_stats_summary (rt);
  if (rt->call_depth == 0)
    runtime_run_cleanups (rt);
  return JS_UNDEFINED;
}

#if GSCRIPT_INTERNAL_CHECKS
/* gcState (): the collector's counters, for tests of builds with internal
 * checks only (never in a release build's global scope). */
static JsValue
host_gc_state (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsObject *o = object_new_with_proto (rt, (JsCell *) ctx->object_proto, 4);
  if (!o)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  static const char *const names[] = { "gcCount", "usedBytes",
                                       "committedBytes", "unmanagedBytes" };
  double values[] = { (double) rt->heap.counters.gc_count,
                      (double) rt->heap.used_bytes,
                      (double) rt->heap.committed_bytes,
                      (double) rt->heap.unmanaged_bytes };
  JsValue r = *po;
  for (size_t i = 0; i < G_N_ELEMENTS (names); i++)
    if (js_define_data (ctx, js_get_object (*po),
                        atom_key_from_utf8 (rt, names[i]),
                        js_number (values[i]), false)
        <= 0)
      r = js_throw_out_of_memory (ctx);
  rt_restore_roots (rt, saved);
  return r;
}
#endif

bool
builtins_init_host (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec console_methods[] = {
    { "log", host_print, 0, 0 },
    { "info", host_print, 0, 0 },
    { "warn", host_console_error, 0, 0 },
    { "error", host_console_error, 0, 0 },
    { "debug", host_console_debug, 0, 0 },
  };
  JsValue print = function_new_builtin (ctx, "print", host_print, 0, 0, 0);
  if (js_is_exception (print) || !realm_define_global (ctx, "print", print))
    return false;
  JsValue gc = function_new_builtin (ctx, "gc", host_gc, 0, 0, 0);
  if (js_is_exception (gc) || !realm_define_global (ctx, "gc", gc))
    return false;
#if GSCRIPT_INTERNAL_CHECKS
  JsValue state = function_new_builtin (ctx, "gcState", host_gc_state, 0, 0,
                                        0);
  if (js_is_exception (state) || !realm_define_global (ctx, "gcState", state))
    return false;
#endif
  JsObject *console = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                             8);
  if (!console)
    return false;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (console));
  bool ok = builtins_define_methods (ctx, console, console_methods,
                                     G_N_ELEMENTS (console_methods))
            && realm_define_global (ctx, "console", saved[0]);
  rt_restore_roots (rt, saved);
  return ok;
}
