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

/* What a direct eval's parser asks about its caller's scopes. */
typedef struct
{
  JsContext *ctx;
  JsEnv *env;
} CallerScope;

/* ParseOptions.private_name_visible for a direct eval: whether a class
 * around the caller declares #name (its environment holds "#name"). */
static bool
caller_private_name (void *data, const struct AstStr *name)
{
  CallerScope *cs = data;
  JsString *a = compile_private_atom (cs->ctx->rt, name);
  if (!a)
    return false;
  JsKey key = atom_key (a);
  for (JsEnv *e = cs->env; e; e = e->parent)
    {
      uint32_t slot;
      uint8_t attrs;
      if (e->shape->cls == &js_env_class
          && shape_lookup (e->shape, key, &slot, &attrs))
        return true;
    }
  return false;
}

/* Compiles and runs eval code.  direct: in frame's scope with this. */
static JsValue
perform_eval (JsContext *ctx, JsValue x, bool strict_caller, JsFrame *frame,
              JsValue this_value, JsValue new_target)
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
  CallerScope cs = { ctx, frame ? frame->env : NULL };
  if (frame)
    {
      opts.private_name_visible = caller_private_name;
      opts.private_name_data = &cs;
    }
  if (frame)
    {
      opts.dynamic_scope = true;
      /* What the caller's own code may use, arrows and eval code
         counting as their enclosing function. */
      JsCode *caller = frame->code;
      uint32_t cf = caller->flags;
      bool in_function = (cf & JS_CODE_IN_FUNCTION)
                         || !(cf & (JS_CODE_SCRIPT | JS_CODE_EVAL
                                    | JS_CODE_MODULE | JS_CODE_ARROW));
      opts.allow_new_target = in_function;
      opts.allow_super_property = (cf & JS_CODE_METHOD)
                                  && js_is_object (
                                      function_home_object (frame));
      opts.allow_super_call = (cf & JS_CODE_DERIVED) != 0;
      opts.in_class_field = (cf & JS_CODE_FIELD_INIT) != 0;
    }
  CompileError err;
  JsCode *code = compile_source (ctx, "<eval>", src, len, &opts, &err);
  if (!code)
    return throw_compile_error (ctx, &err);
  if (!frame)
    return js_run_code (ctx, code);
  /* Eval code using super reaches the caller's home object through its
     own closure, like an arrow. */
  return js_run_code_in (ctx, code, frame->env, this_value, new_target,
                         function_home_object (frame));
}

static JsValue
global_eval (const JsCallInfo *info)
{
  return perform_eval (info->ctx, js_arg (info, 0), false, NULL,
                       JS_UNDEFINED, JS_UNDEFINED);
}

JsValue
builtins_direct_eval (JsContext *ctx, JsFrame *frame, JsValue this_value,
                      JsValue new_target, JsValue x)
{
  return perform_eval (ctx, x, (frame->code->flags & JS_CODE_STRICT) != 0,
                       frame, this_value, new_target);
}

/* ------------------------------------------------------------------ */
/* EvalDeclarationInstantiation of sloppy eval code                     */
/* ------------------------------------------------------------------ */

/* Throws the SyntaxError of a name eval may not declare. */
static int
redeclared (JsContext *ctx, JsKey key)
{
  g_autofree char *s = string_to_utf8 (ctx->rt, atom_key_string (key), NULL);
  js_throw_error (ctx, JS_ERR_SYNTAX, "Identifier '%s' has already been "
                                      "declared", s ? s : "?");
  return -1;
}

/* The variable environment sloppy eval code running in env declares its
 * var and function names in: the first environment outwards whose shape
 * has the eval-vars key, or NULL for the global one.  With names, a name
 * bound by a scope in between, or lexically in that environment itself,
 * or as a parameter when eval runs in parameter expressions, is a
 * SyntaxError (with environments hold no declarations). */
static int
find_var_env (JsContext *ctx, JsEnv *env, JsObject *names, JsEnv **out)
{
  uint32_t n = names ? object_array_length (names) / 2 : 0;
  for (; env; env = env->parent)
    {
      if (env->shape->cls == &js_with_env_class)
        continue;
      uint32_t slot;
      uint8_t attrs = 0;
      bool var_env = shape_lookup (env->shape, function_eval_vars_key (),
                                   &slot, &attrs);
      bool params = var_env && (attrs & JS_ATTR_CONFIGURABLE);
      for (uint32_t i = 0; i < n; i++)
        {
          JsKey key = atom_key (js_get_string (object_elements (names)[2 * i]));
          uint8_t a;
          if (!shape_lookup (env->shape, key, &slot, &a))
            continue;
          /* The function's own name (read-only, no TDZ) is shadowed,
             not redeclared; a var environment's vars and parameters are
             eval's to reuse. */
          bool callee = !(a & (JS_ATTR_WRITABLE | JS_ATTR_TDZ));
          if (!var_env || (a & JS_ATTR_TDZ) || (params && !callee))
            return redeclared (ctx, key);
        }
      if (var_env)
        {
          *out = env;
          return 1;
        }
    }
  *out = NULL;
  return 1;
}

/* The object of env's eval-added names, made on first use. */
static JsObject *
eval_vars_object (JsContext *ctx, JsEnv *env)
{
  JsRuntime *rt = ctx->rt;
  JsObject *o = function_env_eval_vars (env);
  if (o)
    return o;
  uint32_t slot;
  uint8_t attrs;
  shape_lookup (env->shape, function_eval_vars_key (), &slot, &attrs);
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, env);
  o = object_new_with_proto (rt, NULL, 0);
  rt_restore_roots (rt, saved);
  if (!o)
    return NULL;
  env->slots[slot] = js_object_value (o);
  gc_write_barrier (&rt->heap, (JsCell *) env);
  return o;
}

/* Whether env binds key itself, other than as the function's own name. */
static bool
env_binds (JsEnv *env, JsKey key, uint32_t *slot)
{
  uint8_t a;
  return shape_lookup (env->shape, key, slot, &a)
         && (a & (JS_ATTR_WRITABLE | JS_ATTR_TDZ));
}

int
builtins_eval_declare (JsContext *ctx, JsEnv *env, JsValue names)
{
  JsRuntime *rt = ctx->rt;
  JsEnv *ve;
  if (find_var_env (ctx, env, js_get_object (names), &ve) < 0)
    return -1;
  if (!ve)
    return realm_declare_globals (ctx, names);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pn = rt_push_root (rt, names);
  rt_push_cell (rt, ve);
  int result = 1;
  uint32_t n = object_array_length (js_get_object (names)) / 2;
  for (uint32_t i = 0; i < n && result > 0; i++)
    {
      JsKey key = atom_key (js_get_string (
          object_elements (js_get_object (*pn))[2 * i]));
      uint32_t slot;
      if (env_binds (ve, key, &slot))
        continue;
      JsObject *o = eval_vars_object (ctx, ve);
      JsValue v;
      uint8_t a;
      if (!o)
        result = -1;
      else if (!object_get_own (rt, o, key, &v, &a)
               && object_define_own (rt, o, key, JS_UNDEFINED,
                                     JS_ATTR_DEFAULT) != JS_PROP_DONE)
        result = -1;
      if (result < 0)
        js_throw_out_of_memory (ctx);
    }
  rt_restore_roots (rt, saved);
  return result;
}

int
builtins_eval_init_function (JsContext *ctx, JsEnv *env, JsKey key,
                             JsValue fn)
{
  JsRuntime *rt = ctx->rt;
  /* A binding still in its TDZ is never copied out (the exported
     lexicals of gs_context_eval_in_object are all initialized by the
     end of the code; this keeps the hole from reaching a script if one
     were not). */
  if (js_is_empty (fn))
    return 1;
  JsEnv *ve;
  find_var_env (ctx, env, NULL, &ve);
  if (!ve)
    return prop_set (ctx, ctx->global, key, fn,
                     js_object_value (ctx->global)) < 0 ? -1 : 1;
  uint32_t slot;
  if (env_binds (ve, key, &slot))
    {
      ve->slots[slot] = fn;
      gc_write_barrier (&rt->heap, (JsCell *) ve);
      return 1;
    }
  JsObject *o = function_env_eval_vars (ve);
  if (!o || object_define_own (rt, o, key, fn, JS_ATTR_DEFAULT)
                != JS_PROP_DONE)
    {
      js_throw_out_of_memory (ctx);
      return -1;
    }
  return 1;
}

/* The accessors of a variable object over code with var_slots
 * (gs_context_eval_in_object): the data is the code's top-level
 * environment, the magic the slot of the name. */
static JsValue
var_slot_get (const JsCallInfo *info)
{
  JsEnv *env = (JsEnv *) js_get_cell (*info->data);
  JsValue v = env->slots[(uint16_t) info->magic];
  /* Var and function bindings have no TDZ; still, never let a hole reach
     a script. */
  return js_is_empty (v) ? JS_UNDEFINED : v;
}

static JsValue
var_slot_set (const JsCallInfo *info)
{
  JsEnv *env = (JsEnv *) js_get_cell (*info->data);
  env->slots[(uint16_t) info->magic] = js_arg (info, 0);
  gc_write_barrier (&info->ctx->rt->heap, (JsCell *) env);
  return JS_UNDEFINED;
}

/* A getter or setter of slot in the environment *pe; exception when out
 * of memory. */
static JsValue
var_slot_accessor (JsContext *ctx, JsValue *pe, uint32_t slot, bool set)
{
  JsValue f = function_new_builtin (ctx, "", set ? var_slot_set
                                                 : var_slot_get,
                                    set ? 1 : 0, (int16_t) slot,
                                    set ? 0 : JS_NATIVE_ENV_SLOT);
  if (js_is_exception (f))
    return f;
  JsNativeFunction *nf = (JsNativeFunction *) js_get_object (f);
  nf->data = *pe;
  gc_write_barrier (&ctx->rt->heap, (JsCell *) nf);
  return f;
}

int
builtins_eval_bind_var_object (JsContext *ctx, JsEnv *env, JsValue object,
                               JsValue names)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, object);
  JsValue *pn = rt_push_root (rt, names);
  JsValue *pe = rt_push_root (rt, js_cell_value (JS_TAG_INTERNAL, env));
  JsValue *pg = rt_push_root (rt, JS_UNDEFINED);
  JsValue *ps = rt_push_root (rt, JS_UNDEFINED);
  JsValue *pp = rt_push_root (rt, JS_UNDEFINED);
  int result = 1;
  /* The code's global names trust the global caches only while the
     object gains no name: as a dictionary flagged like the global
     object's, every name it gains or loses bumps the global epoch. */
  JsObject *o = js_get_object (*po);
  if (!(o->shape->flags & JS_SHAPE_GLOBAL))
    {
      /* Guarded as a prototype's is, too: its changes also move the
         prototype epoch, so loads of its accessors from outside can be
         cached (ic.c). */
      if (!realm_make_prototype (rt, o))
        {
          rt_restore_roots (rt, saved);
          js_throw_out_of_memory (ctx);
          return -1;
        }
      o->shape->flags |= JS_SHAPE_GLOBAL;
      rt->global_epoch++;
    }
  uint32_t n = object_array_length (js_get_object (*pn)) / 2;
  for (uint32_t i = 0; i < n; i++)
    {
      const JsValue *e = object_elements (js_get_object (*pn));
      JsKey key = atom_key (js_get_string (e[2 * i]));
      int kind = js_get_int32 (e[2 * i + 1]) & 7;
      JsEnv *ev = (JsEnv *) js_get_cell (*pe);
      uint32_t slot;
      uint8_t a;
      if (!shape_lookup (ev->shape, key, &slot, &a))
        continue;
      if (slot > UINT16_MAX)
        {
          js_throw_range_error (ctx, "too many top-level declarations");
          result = -1;
          break;
        }
      JsValue v;
      if (kind >= 2)
        {
          /* let, const and class: copied, as GJS's importer shows them
             (and as the slow layout does), never a hole. */
          v = ev->slots[slot];
          if (js_is_empty (v))
            continue;
          *pp = v;
          if (object_get_own (rt, js_get_object (*po), key, &v, &a)
              && !(a & JS_ATTR_CONFIGURABLE))
            continue;
          if (object_define_own (rt, js_get_object (*po), key, *pp,
                                 JS_ATTR_DEFAULT) != JS_PROP_DONE)
            {
              js_throw_out_of_memory (ctx);
              result = -1;
              break;
            }
          continue;
        }
      if (object_get_own (rt, js_get_object (*po), key, &v, &a))
        {
          /* A name the object holds for good stays the object's. */
          if (!(a & JS_ATTR_CONFIGURABLE))
            continue;
          /* A var keeps the value the object had, as one declared in the
             object would. */
          if (kind == 0 /* var */ && !(a & JS_ATTR_ACCESSOR))
            {
              ev->slots[slot] = v;
              gc_write_barrier (&rt->heap, (JsCell *) ev);
            }
        }
      *pg = var_slot_accessor (ctx, pe, slot, false);
      *ps = JS_UNDEFINED;
      if (!js_is_exception (*pg))
        *ps = var_slot_accessor (ctx, pe, slot, true);
      if (js_is_exception (*pg) || js_is_exception (*ps))
        {
          result = -1;
          break;
        }
      JsAccessorPair *p = object_new_accessor (rt, *pg, *ps);
      if (!p)
        {
          js_throw_out_of_memory (ctx);
          result = -1;
          break;
        }
      *pp = js_cell_value (JS_TAG_INTERNAL, p);
      JsPropResult r = object_define_own (
          rt, js_get_object (*po), key, *pp,
          JS_ATTR_ACCESSOR | JS_ATTR_ENUMERABLE | JS_ATTR_CONFIGURABLE);
      if (r != JS_PROP_DONE)
        {
          g_autofree char *s = string_to_utf8 (rt, atom_key_string (key),
                                               NULL);
          if (r == JS_PROP_REJECTED)
            js_throw_type_error (ctx, "Cannot define '%s' on the variable "
                                      "object",
                                 s ? s : "?");
          else
            js_throw_out_of_memory (ctx);
          result = -1;
          break;
        }
    }
  rt_restore_roots (rt, saved);
  return result;
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
