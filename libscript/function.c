/* function.c — closures, environments, native functions.
 *
 * A closure is one slot, [shape | storage | code | env]: its name,
 * length and prototype are not made until something asks (the shape has
 * JS_SHAPE_LAZY and the property layer resolves it), so creating one is
 * an allocation and four stores.  Methods and class constructors carry
 * extra fields after env; the code's flags say how many.
 */
#include "config.h"

#include "function.h"

#include "interp.h"
#include "ops.h"
#include "realm.h"

/* ------------------------------------------------------------------ */
/* Classes                                                             */
/* ------------------------------------------------------------------ */

static uint32_t
extra_count (const JsCode *code)
{
  if (code->flags & JS_CODE_CLASS_CONSTRUCTOR)
    return 2;
  if (code->flags & JS_CODE_METHOD)
    return 1;
  return 0;
}

static void
closure_trace (JsTracer *trc, JsCell *cell)
{
  JsFunction *f = (JsFunction *) cell;
  gc_mark_cell (trc, (JsCell *) f->storage);
  gc_mark_cell (trc, (JsCell *) f->code);
  gc_mark_cell (trc, (JsCell *) f->env);
  gc_mark_values (trc, f->extra, extra_count (f->code));
}

const JsCellClass js_function_class = {
  .name = "Function",
  .kind = JS_KIND_FUNCTION,
  .trace = closure_trace,
};

static void
native_trace (JsTracer *trc, JsCell *cell)
{
  JsNativeFunction *f = (JsNativeFunction *) cell;
  gc_mark_cell (trc, (JsCell *) f->storage);
  gc_mark_value (trc, f->data);
  gc_mark_cell (trc, (JsCell *) f->name);
}

const JsCellClass js_native_function_class = {
  .name = "Function",
  .kind = JS_KIND_NATIVE_FUNCTION,
  .trace = native_trace,
};

static void
env_trace (JsTracer *trc, JsCell *cell)
{
  JsEnv *e = (JsEnv *) cell;
  gc_mark_cell (trc, (JsCell *) e->parent);
  gc_mark_values (trc, e->slots, e->shape->count);
}

const JsCellClass js_env_class = {
  .name = "Environment",
  .kind = JS_KIND_INTERNAL,
  .trace = env_trace,
};

const JsCellClass js_with_env_class = {
  .name = "WithEnvironment",
  .kind = JS_KIND_INTERNAL,
  .trace = env_trace,
};

/* ------------------------------------------------------------------ */
/* Environments                                                        */
/* ------------------------------------------------------------------ */

JsEnv *
function_new_env (JsRuntime *rt, JsShape *shape, JsEnv *parent)
{
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, shape);
  rt_push_cell (rt, parent);
  uint32_t n = shape->count;
  JsEnv *e = (JsEnv *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS,
      js_slots_for (sizeof (JsEnv) + n * sizeof (JsValue)));
  rt_restore_roots (rt, saved);
  if (!e)
    return NULL;
  e->shape = shape;
  e->parent = parent;
  if (n)
    {
      /* Lexical bindings start in their TDZ: the shape's attributes say
         which. */
      uint32_t k = 0;
      JsKey *keys = shape_own_keys (shape, JS_KEYS_ALL, &k);
      for (uint32_t i = 0; i < n; i++)
        e->slots[i] = JS_UNDEFINED;
      for (uint32_t i = 0; i < k; i++)
        {
          uint32_t slot;
          uint8_t attrs;
          if (shape_lookup (shape, keys[i], &slot, &attrs)
              && (attrs & JS_ATTR_TDZ))
            e->slots[slot] = JS_EMPTY;
        }
      g_free (keys);
    }
  return e;
}

JsObject *
function_env_eval_vars (JsEnv *env)
{
  uint32_t slot;
  uint8_t attrs;
  if (env->shape->cls != &js_env_class
      || !shape_lookup (env->shape, function_eval_vars_key (), &slot,
                        &attrs))
    return NULL;
  JsValue v = env->slots[slot];
  return js_is_object (v) ? js_get_object (v) : NULL;
}

JsEnv *
function_copy_env (JsRuntime *rt, JsEnv *env)
{
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, env);
  uint32_t n = env->shape->count;
  JsEnv *e = (JsEnv *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS,
      js_slots_for (sizeof (JsEnv) + n * sizeof (JsValue)));
  env = (JsEnv *) js_get_cell (saved[0]);
  rt_restore_roots (rt, saved);
  if (!e)
    return NULL;
  e->shape = env->shape;
  e->parent = env->parent;
  memcpy (e->slots, env->slots, n * sizeof (JsValue));
  return e;
}

JsEnv *
function_new_with_env (JsContext *ctx, JsObject *o, JsEnv *parent)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  rt_push_cell (rt, parent);
  if (!ctx->with_env_shape)
    {
      JsShape *s = shape_new_root (rt, &js_with_env_class, NULL, 0);
      if (s)
        s->count = 1;
      ctx->with_env_shape = s;
    }
  JsEnv *e = ctx->with_env_shape
                 ? (JsEnv *) heap_alloc_slots (
                       &rt->heap, JS_SPACE_CELLS,
                       js_slots_for (sizeof (JsEnv) + sizeof (JsValue)))
                 : NULL;
  rt_restore_roots (rt, saved);
  if (!e)
    return NULL;
  e->shape = ctx->with_env_shape;
  e->parent = parent;
  e->slots[0] = js_object_value (o);
  return e;
}

/* ------------------------------------------------------------------ */
/* Closures                                                            */
/* ------------------------------------------------------------------ */

JsFunction *
function_new_closure (JsContext *ctx, JsCode *code, JsEnv *env)
{
  JsRuntime *rt = ctx->rt;
  uint32_t extra = extra_count (code);
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, code);
  rt_push_cell (rt, env);
  JsFunction *f = (JsFunction *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS,
      js_slots_for (sizeof (JsFunction) + extra * sizeof (JsValue)));
  code = (JsCode *) js_get_cell (saved[0]);
  env = js_is_undefined (saved[1]) ? NULL : (JsEnv *) js_get_cell (saved[1]);
  rt_restore_roots (rt, saved);
  if (!f)
    return NULL;
  bool async_gen = (code->flags & (JS_CODE_ASYNC | JS_CODE_GENERATOR))
                   == (JS_CODE_ASYNC | JS_CODE_GENERATOR);
  f->shape = async_gen && ctx->async_generator_closure_shape
                 ? ctx->async_generator_closure_shape
             : (code->flags & JS_CODE_GENERATOR)
                     && ctx->generator_closure_shape
                 ? ctx->generator_closure_shape
             : (code->flags & JS_CODE_ASYNC) && ctx->async_closure_shape
                 ? ctx->async_closure_shape
                 : ctx->closure_shape;
  f->storage = NULL;
  f->code = code;
  f->env = env;
  for (uint32_t i = 0; i < extra; i++)
    f->extra[i] = JS_UNDEFINED;
  return f;
}

void
function_set_home (JsRuntime *rt, JsValue fn, JsValue home)
{
  if (!js_is_object (fn))
    return;
  JsCell *c = js_get_cell (fn);
  if (c->shape->cls != &js_function_class)
    return;
  JsFunction *f = (JsFunction *) c;
  if (extra_count (f->code) == 0)
    return;
  f->extra[0] = home;
  gc_write_barrier (&rt->heap, c);
}

JsValue
function_home_object (JsFrame *frame)
{
  JsValue callee = frame->base[0];
  JsFunction *f = (JsFunction *) js_get_cell (callee);
  if (f->shape->cls != &js_function_class || extra_count (f->code) == 0)
    return JS_UNDEFINED;
  return f->extra[0];
}

int
function_set_name (JsContext *ctx, JsValue fn, JsValue name,
                   const char *prefix)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_object (fn))
    return 1;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pf = rt_push_root (rt, fn);
  JsValue *pn = rt_push_root (rt, name);
  int r = -1;
  if (js_is_symbol (name))
    {
      /* [description] for a symbol's name. */
      JsSymbol *sym = js_get_symbol (name);
      JsString *d = sym->description;
      JsString *s;
      if (!d)
        s = atom_common (rt, JS_ATOM_empty);
      else
        {
          JsString *open = string_new_latin1 (rt, (const uint8_t *) "[", 1);
          JsValue *po = rt_push_root (rt, open ? js_string_value (open)
                                               : JS_UNDEFINED);
          s = open ? string_concat (rt, js_get_string (*po),
                                    js_get_symbol (*pn)->description)
                   : NULL;
          if (s)
            {
              *po = js_string_value (s);
              JsString *close = string_new_latin1 (rt,
                                                   (const uint8_t *) "]", 1);
              s = close ? string_concat (rt, js_get_string (*po), close)
                        : NULL;
            }
        }
      if (!s)
        goto oom;
      *pn = js_string_value (s);
    }
  if (prefix)
    {
      JsString *p = string_new_latin1 (rt, (const uint8_t *) prefix,
                                       strlen (prefix));
      if (!p)
        goto oom;
      JsValue *pp = rt_push_root (rt, js_string_value (p));
      JsString *sp = string_new_latin1 (rt, (const uint8_t *) " ", 1);
      if (!sp)
        goto oom;
      JsString *ps = string_concat (rt, js_get_string (*pp), sp);
      if (!ps)
        goto oom;
      *pp = js_string_value (ps);
      JsString *full = string_concat (rt, js_get_string (*pp),
                                      js_get_string (*pn));
      if (!full)
        goto oom;
      *pn = js_string_value (full);
    }
  {
    JsObject *o = js_get_object (*pf);
    js_resolve_lazy (ctx, o);
    object_define_own (rt, o, atom_common_key (rt, JS_ATOM_name), *pn,
                       JS_ATTR_CONFIGURABLE);
    r = 1;
  }
  rt_restore_roots (rt, saved);
  return r;
oom:
  rt_restore_roots (rt, saved);
  js_throw_out_of_memory (ctx);
  return -1;
}

bool
function_resolve_lazy (JsContext *ctx, JsObject *o)
{
  JsRuntime *rt = ctx->rt;
  if (!(o->shape->flags & JS_SHAPE_LAZY))
    return true;
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  JsCell *c = (JsCell *) o;
  JsValue name = JS_UNDEFINED, length = js_int32 (0);
  bool proto = false, generator = false, async_gen = false, legacy = false;
  if (c->shape->cls == &js_function_class)
    {
      JsFunction *f = (JsFunction *) c;
      name = f->code->name ? js_string_value (f->code->name)
                           : js_string_value (atom_common (rt,
                                                           JS_ATOM_empty));
      length = js_int32 ((int32_t) f->code->length);
      proto = (f->code->flags & JS_CODE_CONSTRUCTOR)
              && !(f->code->flags & JS_CODE_CLASS_CONSTRUCTOR);
      generator = (f->code->flags & JS_CODE_GENERATOR) != 0;
      async_gen = generator && (f->code->flags & JS_CODE_ASYNC);
      /* Plain sloppy functions carry the legacy caller and arguments
         properties (null, frozen) that strict functions, methods,
         arrows, generators and classes must not have (ECMA-262 17.1):
         without them, a read would reach Function.prototype's
         %ThrowTypeError% accessors. */
      legacy = !(f->code->flags & (JS_CODE_STRICT | JS_CODE_ARROW
                                   | JS_CODE_GENERATOR | JS_CODE_ASYNC
                                   | JS_CODE_CLASS_CONSTRUCTOR
                                   | JS_CODE_METHOD))
               && (f->code->flags & JS_CODE_CONSTRUCTOR);
      o->shape = async_gen   ? ctx->async_generator_function_shape
                 : generator ? ctx->generator_function_shape
                 : (f->code->flags & JS_CODE_ASYNC) ? ctx->async_function_shape
                                                    : ctx->function_shape;
    }
  else
    {
      JsNativeFunction *f = (JsNativeFunction *) c;
      name = f->name ? js_string_value (f->name)
                     : js_string_value (atom_common (rt, JS_ATOM_empty));
      length = js_int32 ((int32_t) f->length);
      o->shape = ctx->native_function_plain_shape;
    }
  JsValue *pn = rt_push_root (rt, name);
  bool ok = object_define_own (rt, js_get_object (*po),
                               atom_common_key (rt, JS_ATOM_length), length,
                               JS_ATTR_CONFIGURABLE) == JS_PROP_DONE
            && object_define_own (rt, js_get_object (*po),
                                  atom_common_key (rt, JS_ATOM_name), *pn,
                                  JS_ATTR_CONFIGURABLE) == JS_PROP_DONE;
  if (ok && legacy)
    {
      ok = object_define_own (rt, js_get_object (*po),
                              atom_common_key (rt, JS_ATOM_arguments),
                              JS_NULL, 0) == JS_PROP_DONE
           && object_define_own (rt, js_get_object (*po),
                                 atom_common_key (rt, JS_ATOM_caller),
                                 JS_NULL, 0) == JS_PROP_DONE;
    }
  if (ok && generator)
    {
      /* A generator function's prototype: the prototype of its
         generators, with no constructor property. */
      JsObject *p = object_new_with_proto (
          rt,
          async_gen ? (JsCell *) ctx->async_generator_proto
                    : (JsCell *) ctx->generator_proto,
          2);
      ok = p && object_define_own (rt, js_get_object (*po),
                                   atom_common_key (rt, JS_ATOM_prototype),
                                   js_object_value (p), JS_ATTR_WRITABLE)
                    == JS_PROP_DONE;
    }
  if (ok && proto)
    {
      JsObject *p = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                           JS_OBJECT_DEFAULT_INLINE);
      JsValue *pp = rt_push_root (rt, p ? js_object_value (p) : JS_UNDEFINED);
      ok = p
           && object_define_own (rt, p,
                                 atom_common_key (rt, JS_ATOM_constructor),
                                 *po, JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE)
                  == JS_PROP_DONE
           && object_define_own (rt, js_get_object (*po),
                                 atom_common_key (rt, JS_ATOM_prototype),
                                 *pp, JS_ATTR_WRITABLE) == JS_PROP_DONE;
    }
  rt_restore_roots (rt, saved);
  if (!ok)
    js_throw_out_of_memory (ctx);
  return ok;
}

JsValue
function_ordinary_create_this (JsContext *ctx, JsValue new_target,
                               JsValue *args, uint32_t argc)
{
  JsRuntime *rt = ctx->rt;
  (void) args;
  (void) argc;
  JsValue proto = js_get (ctx, new_target,
                          atom_common_key (rt, JS_ATOM_prototype));
  if (js_is_exception (proto))
    return proto;
  JsContext *realm = js_is_object (proto) ? ctx
                                           : realm_of (ctx, new_target);
  if (!realm)
    return JS_EXCEPTION;
  JsCell *p = js_is_object (proto) ? js_get_cell (proto)
                                   : (JsCell *) realm->object_proto;
  /* Room for what the constructor's code gives this, so that its
     objects need no storage cell.  (Learning from the objects it returns
     would give one shared constructor, like the closures of a class
     library, a new root shape per class it serves, and every site that
     reads them several shapes.) */
  uint32_t room = 4;
  JsCell *c = js_get_cell (new_target);
  if (c->shape->cls == &js_function_class)
    room = CLAMP (((JsFunction *) c)->code->this_props, 4u,
                  JS_CTOR_MAX_INLINE);
  JsObject *o = object_new_with_proto (rt, p, room);
  if (!o)
    return js_throw_out_of_memory (ctx);
  return js_object_value (o);
}

/* ------------------------------------------------------------------ */
/* Native functions                                                    */
/* ------------------------------------------------------------------ */

JsNativeFunction *
function_new_native (JsContext *ctx, JsNativeCall call, void *fn,
                     JsString *name, uint32_t length, JsValue data)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, name);
  rt_push_root (rt, data);
  JsNativeFunction *f = (JsNativeFunction *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *f));
  name = js_is_undefined (saved[0]) ? NULL : (JsString *) js_get_cell (saved[0]);
  data = saved[1];
  rt_restore_roots (rt, saved);
  if (!f)
    return NULL;
  f->shape = ctx->native_function_shape;
  f->storage = NULL;
  f->call = call;
  f->fn = fn;
  f->data = data;
  f->name = name;
  f->length = length;
  f->magic = 0;
  f->flags = 0;
  return f;
}

static JsValue
call_builtin (const JsCallInfo *info, void *fn)
{
  return ((JsNativeFn) fn) (info);
}

JsValue
function_new_builtin (JsContext *ctx, const char *name, JsNativeFn fn,
                      uint32_t length, int magic, uint32_t flags)
{
  JsRuntime *rt = ctx->rt;
  JsString *n = atom_intern_utf8 (rt, name, -1);
  if (!n)
    return js_throw_out_of_memory (ctx);
  JsNativeFunction *f = function_new_native (ctx, call_builtin, (void *) fn,
                                             n, length, JS_UNDEFINED);
  if (!f)
    return js_throw_out_of_memory (ctx);
  f->magic = (int16_t) magic;
  f->flags = (uint16_t) flags;
  return js_object_value ((JsObject *) f);
}

JsValue
function_call_native (JsContext *ctx, JsValue *base, uint32_t argc,
                      JsValue new_target)
{
  JsRuntime *rt = ctx->rt;
  JsCell *c = js_get_cell (base[0]);
  if (c->shape->cls != &js_native_function_class)
    return realm_call_exotic (ctx, base, argc, new_target);
  JsNativeFunction *f = (JsNativeFunction *) c;
  if (rt->native_depth >= JS_MAX_NATIVE_DEPTH)
    return js_throw_range_error (ctx, "Maximum call stack size exceeded");
  JsValue *saved = rt->stack_top;
  if (rt->stack_top < base + 2 + argc)
    rt->stack_top = base + 2 + argc;
  JsValue *undef = rt_push_root (rt, JS_UNDEFINED);
  JsValue *data = rt_push_root (rt, f->data);
  JsCallInfo info = { ctx, base + 1, base + 2, argc, data, undef,
                      new_target, base[0], f->magic };
  rt->native_depth++;
  JsValue r = f->call (&info, f->fn);
  rt->native_depth--;
  rt->stack_top = saved;
  return r;
}

bool
function_is_callable (JsValue v)
{
  if (!js_is_object (v))
    return false;
  const JsCellClass *cls = js_get_cell (v)->shape->cls;
  return cls->kind == JS_KIND_FUNCTION
         || cls->kind == JS_KIND_NATIVE_FUNCTION
         || realm_is_callable_exotic (v);
}

bool
function_is_constructor (JsValue v)
{
  if (!js_is_object (v))
    return false;
  JsCell *c = js_get_cell (v);
  if (c->shape->cls == &js_function_class)
    return (((JsFunction *) c)->code->flags & JS_CODE_CONSTRUCTOR) != 0;
  if (c->shape->cls == &js_native_function_class)
    return (((JsNativeFunction *) c)->flags & JS_NATIVE_CONSTRUCTOR) != 0;
  return realm_is_constructor_exotic (v);
}

bool
function_is_bound (JsValue v)
{
  return realm_is_bound_function (v);
}

JsValue
function_bound_target (JsValue v)
{
  return realm_bound_target (v);
}

JsValue
function_call (JsContext *ctx, JsValue fn, JsValue this_arg, uint32_t argc,
               const JsValue *argv)
{
  JsRuntime *rt = ctx->rt;
  rt->call_depth++;
  return runtime_leave_call (rt, js_call (ctx, fn, this_arg, argc, argv));
}
