/* builtins-eval.c — eval, the Function constructor, and running code.
 *
 * Both compile source at run time.  Indirect eval and new Function see
 * only the global scope.  A direct eval (a call spelled eval (...) whose
 * callee is this realm's %eval%) runs in the caller's environment: the
 * compiler made every binding the call can see live in a named
 * environment slot, so the eval code finds them by name.
 */
#include "config.h"

#include "builtins.h"

#include "compiler.h"
#include "property.h"

/* A SyntaxError (or RangeError) for a failed compilation. */
static JsValue
throw_compile_error (JsContext *ctx, const CompileError *err)
{
  if (err->kind == COMPILE_ERROR_MEMORY)
    return js_throw_out_of_memory (ctx);
  return js_throw_error (ctx,
                         err->kind == COMPILE_ERROR_SYNTAX ? JS_ERR_SYNTAX
                                                           : JS_ERR_RANGE,
                         "%s (%u:%u)", err->message, err->line, err->column);
}

/* Compiles and runs eval code.  direct: in frame's scope with this. */
static JsValue
perform_eval (JsContext *ctx, JsValue x, bool strict_caller, JsFrame *frame,
              JsValue this_value)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_string (x))
    return x;
  size_t len;
  g_autofree char *src = string_to_utf8 (rt, js_get_string (x), &len);
  if (!src)
    return js_throw_out_of_memory (ctx);
  CompileOptions opts = { 0 };
  opts.eval = true;
  opts.strict = strict_caller;
  if (frame)
    {
      opts.dynamic_scope = true;
      JsCode *caller = frame->code;
      bool in_function = !(caller->flags & (JS_CODE_SCRIPT | JS_CODE_EVAL));
      opts.allow_new_target = in_function;
      opts.allow_super_property = (caller->flags & JS_CODE_METHOD) != 0;
      opts.allow_super_call = (caller->flags & JS_CODE_DERIVED) != 0;
    }
  CompileError err;
  JsCode *code = compile_source (ctx, "<eval>", src, len, &opts, &err);
  if (!code)
    return throw_compile_error (ctx, &err);
  if (!frame)
    return js_run_code (ctx, code);
  return js_run_code_in (ctx, code, frame->env, this_value,
                         frame->new_target);
}

static JsValue
global_eval (const JsCallInfo *info)
{
  return perform_eval (info->ctx, js_arg (info, 0), false, NULL,
                       JS_UNDEFINED);
}

JsValue
builtins_direct_eval (JsContext *ctx, JsFrame *frame, JsValue this_value,
                      JsValue x)
{
  return perform_eval (ctx, x, (frame->code->flags & JS_CODE_STRICT) != 0,
                       frame, this_value);
}

/* CreateDynamicFunction: "function anonymous(P\n) {\nbody\n}" is parsed
 * as one declaration whose body must start where it was put, so neither
 * the parameters nor the body can escape their place.  The magic is the
 * kind: 0 normal, 1 generator, 2 async, 3 async generator (the
 * constructors of builtins-async-generator.c share this one). */
JsValue
builtins_function_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  static const char *const prefixes[] = {
    "function anonymous(", "function* anonymous(",
    "async function anonymous(", "async function* anonymous(",
  };
  GString *src = g_string_new (prefixes[info->magic & 3]);
  JsValue result = JS_EXCEPTION;
  for (uint32_t i = 0; i + 1 < info->argc; i++)
    {
      JsValue s = js_to_string (ctx, info->argv[i]);
      if (js_is_exception (s))
        goto out;
      g_autofree char *u = string_to_utf8 (rt, js_get_string (s), NULL);
      if (!u)
        {
          result = js_throw_out_of_memory (ctx);
          goto out;
        }
      if (i)
        g_string_append_c (src, ',');
      g_string_append (src, u);
    }
  g_string_append (src, "\n) ");
  uint32_t body_start = (uint32_t) src->len;
  g_string_append (src, "{\n");
  if (info->argc > 0)
    {
      JsValue s = js_to_string (ctx, info->argv[info->argc - 1]);
      if (js_is_exception (s))
        goto out;
      g_autofree char *u = string_to_utf8 (rt, js_get_string (s), NULL);
      if (!u)
        {
          result = js_throw_out_of_memory (ctx);
          goto out;
        }
      g_string_append (src, u);
    }
  g_string_append (src, "\n}");
  CompileOptions opts = { 0 };
  opts.dynamic_function = true;
  opts.body_start = body_start;
  CompileError err;
  JsCode *code = compile_source (ctx, "<anonymous>", src->str, src->len,
                                 &opts, &err);
  if (!code)
    {
      result = throw_compile_error (ctx, &err);
      goto out;
    }
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, code);
  JsFunction *fn = function_new_closure (ctx, code, NULL);
  if (!fn)
    {
      rt_restore_roots (rt, saved);
      result = js_throw_out_of_memory (ctx);
      goto out;
    }
  JsValue *pf = rt_push_root (rt, js_object_value ((JsObject *) fn));
  /* new Function from a subclass: the prototype comes from newTarget. */
  if (!js_is_undefined (info->new_target)
      && info->new_target != info->callee)
    {
      JsValue proto = js_get (ctx, info->new_target,
                              atom_common_key (rt, JS_ATOM_prototype));
      if (js_is_exception (proto))
        {
          rt_restore_roots (rt, saved);
          goto out;
        }
      if (js_is_object (proto))
        {
          js_resolve_lazy (ctx, js_get_object (*pf));
          object_set_proto (rt, js_get_object (*pf), js_get_cell (proto));
        }
    }
  result = *pf;
  rt_restore_roots (rt, saved);
out:
  g_string_free (src, TRUE);
  return result;
}

bool
builtins_init_eval (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  JsValue e = function_new_builtin (ctx, "eval", global_eval, 1, 0, 0);
  if (js_is_exception (e) || !realm_define_global (ctx, "eval", e))
    return false;
  ctx->eval_fn = e;
  JsObject *ctor = builtins_define_class (ctx, "Function",
                                          builtins_function_ctor, 1,
                                          ctx->function_proto, 0);
  (void) rt;
  return ctor != NULL;
}
