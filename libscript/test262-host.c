/* test262-host.c — the $262 host object of the conformance suite.
 *
 * Installed by the runner only (gscript --test262), never in a user's
 * global scope.  createRealm makes a new context of the same runtime, so
 * objects of two realms can meet; evalScript runs a script in the realm
 * the $262 object belongs to, which its functions carry as their data
 * (that realm's global object).
 */
#include "config.h"

#include <gscript/gscript.h>

#include "builtins.h"
#include "compiler.h"

/* The context whose global object is info->data. */
static JsContext *
host_realm (const JsCallInfo *info)
{
  JsRuntime *rt = info->ctx->rt;
  JsValue g = *info->data;
  for (guint i = 0; i < rt->contexts->len; i++)
    {
      JsContext *c = g_ptr_array_index (rt->contexts, i);
      if (js_object_value (c->global) == g)
        return c;
    }
  return info->ctx;
}

static JsValue
host_eval_script (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx, *realm = host_realm (info);
  JsValue s = js_to_string (ctx, js_arg (info, 0));
  if (js_is_exception (s))
    return s;
  size_t len;
  g_autofree char *src = string_to_utf8 (ctx->rt, js_get_string (s), &len);
  if (!src)
    return js_throw_out_of_memory (ctx);
  CompileOptions opts = { 0 };
  CompileError err;
  JsCode *code = compile_source (realm, "<evalScript>", src, len, &opts,
                                 &err);
  if (!code)
    return js_throw_error (realm, err.kind == COMPILE_ERROR_SYNTAX
                                      ? JS_ERR_SYNTAX
                                      : JS_ERR_RANGE,
                           "%s", err.message);
  JsValue r = js_run_code (realm, code);
  if (js_is_exception (r) && realm != ctx)
    ctx->pending_exception = js_take_exception (realm);
  return r;
}

static JsValue
host_gc (const JsCallInfo *info)
{
  JsRuntime *rt = info->ctx->rt;
  gc_collect (&rt->heap, JS_GC_REASON_EXPLICIT);
  return JS_UNDEFINED;
}

/* DetachArrayBuffer (buffer): the buffer's bytes go, its views see
 * nothing any more. */
static JsValue
host_detach_array_buffer (const JsCallInfo *info)
{
  if (!builtins_detach_array_buffer (info->ctx, js_arg (info, 0)))
    return JS_EXCEPTION;
  return JS_NULL;
}

static JsValue make_host (JsContext *ctx);

static JsValue
host_create_realm (const JsCallInfo *info)
{
  JsContext *realm = runtime_context_new (info->ctx->rt);
  if (!realm)
    return js_throw_out_of_memory (info->ctx);
  /* The new realm lives as long as the runtime: contexts are roots, and
     this one is freed with the runtime. */
  realm->owned_by_runtime = true;
  return make_host (realm);
}

/* Defines $262 on ctx's global object and returns it. */
static JsValue
make_host (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const struct
  {
    const char *name;
    JsNativeFn fn;
    uint32_t length;
  } methods[] = {
    { "evalScript", host_eval_script, 1 },
    { "createRealm", host_create_realm, 0 },
    { "gc", host_gc, 0 },
    { "detachArrayBuffer", host_detach_array_buffer, 1 },
  };
  JsObject *host = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                          8);
  if (!host)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *ph = rt_push_root (rt, js_object_value (host));
  JsValue result = JS_EXCEPTION;
  for (size_t i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      JsString *name = atom_intern_utf8 (rt, methods[i].name, -1);
      JsValue *pn = rt_push_root (rt, name ? js_string_value (name)
                                           : JS_UNDEFINED);
      JsNativeFunction *f
          = name ? function_new_native (ctx, realm_builtin_trampoline,
                                        (void *) methods[i].fn, name,
                                        methods[i].length,
                                        js_object_value (ctx->global))
                 : NULL;
      if (!f
          || js_define_data (ctx, js_get_object (*ph),
                             atom_key (js_get_string (*pn)),
                             js_object_value ((JsObject *) f), false)
                 <= 0)
        goto out;
    }
  if (js_define_data (ctx, js_get_object (*ph),
                      atom_key_from_utf8 (rt, "global"),
                      js_object_value (ctx->global), false)
          <= 0
      || !realm_define_global (ctx, "$262", *ph))
    goto out;
  result = *ph;
out:
  rt_restore_roots (rt, saved);
  return result;
}

void
gs_context_install_test262_host (GsContext *ctx)
{
  g_return_if_fail (ctx != NULL);
  JsValue r = make_host (ctx);
  if (js_is_exception (r))
    js_take_exception (ctx);
}
