/* interp.c — the dispatch loop.
 *
 * One C function runs every script frame: a call pushes a JsFrame and
 * switches the loop's registers (pc, regs, code) to the callee; a return
 * pops it.  Dispatch is computed goto over the opcodes of bytecode.h.
 * Handlers read their operands relative to pc and advance it only when
 * they finish, so a handler that throws leaves pc on its own instruction,
 * which is what the handler-table lookup needs.
 *
 * Inline caches.  Property loads and stores remember, per instruction,
 * the receiver's shape and where the property was: in the receiver's
 * slot, or in a prototype (holder) whose layout is guarded by the
 * runtime's prototype epoch, bumped whenever an object used as a
 * prototype changes (prototypes are kept in dictionary mode for that).
 */
#include "config.h"

#include "interp.h"

#include "compiler.h"
#include "function.h"
#include "ic.h"
#include "log.h"
#include "module.h"
#include "ops.h"
#include "promise.h"
#include "property.h"
#include "realm.h"
#include "regexp.h"
#include "builtins.h"

#include <math.h>
#include <sys/mman.h>

/* ------------------------------------------------------------------ */
/* Frames                                                              */
/* ------------------------------------------------------------------ */

static void init_op_lengths (void);

void
interp_runtime_init (JsRuntime *rt)
{
  size_t bytes = (size_t) (JS_MAX_FRAMES + 1) * sizeof (JsFrame);
  void *p = mmap (NULL, bytes, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  g_assert (p != MAP_FAILED);
  rt->frames = p;
  rt->frame_count = 0;
  init_op_lengths ();
}

void
interp_runtime_free (JsRuntime *rt)
{
  munmap (rt->frames, (size_t) (JS_MAX_FRAMES + 1) * sizeof (JsFrame));
  rt->frames = NULL;
}

uint32_t
interp_frame_count (JsRuntime *rt)
{
  return rt->frame_count;
}

JsFrame *
interp_frame (JsRuntime *rt, uint32_t i)
{
  return &rt->frames[i];
}

/* Marks what the frames hold, registers included.  The stack's top is
 * the innermost frame's top, and a callee whose window is smaller than
 * what is left of its caller's ends below the caller's top: while it
 * runs, the caller's registers above it are past the stack's top, and
 * the natives it calls put their windows and roots there.  Those
 * registers are scanned again as soon as the callee returns, so they
 * must be marked meanwhile: a cell that died there would otherwise be
 * marked after the sweep freed it, or reused its slots. */
void
interp_trace_frames (JsRuntime *rt, JsTracer *trc)
{
  for (uint32_t i = 0; i < rt->frame_count; i++)
    {
      JsFrame *f = &rt->frames[i];
      gc_mark_values (trc, f->base, (size_t) (f->top - f->base));
      gc_mark_cell (trc, (JsCell *) f->code);
      gc_mark_cell (trc, (JsCell *) f->env);
      gc_mark_value (trc, f->new_target);
      gc_mark_cell (trc, (JsCell *) f->args);
      gc_mark_cell (trc, (JsCell *) f->gen);
    }
}

bool
js_is_callable (JsValue v)
{
  return function_is_callable (v);
}

bool
js_is_constructor (JsValue v)
{
  return function_is_constructor (v);
}

/* Sets up a frame for code over window base (base[0] the callee, base[1]
 * this, base[2..2+argc) the arguments).  False with a RangeError when the
 * stack is exhausted. */
static inline __attribute__ ((always_inline)) bool
frame_push (JsContext *ctx, JsFunction *fn, JsValue *base, uint32_t argc,
            JsValue new_target, uint32_t flags)
{
  JsRuntime *rt = ctx->rt;
  JsCode *code = fn->code;
  JsValue *top = base + 1 + code->n_regs;
  if (rt->frame_count >= JS_MAX_FRAMES || top >= rt->stack_limit - 64)
    {
      js_throw_range_error (ctx, "Maximum call stack size exceeded");
      return false;
    }
  JsObject *args = NULL;
  if (code->flags & JS_CODE_NEEDS_ARGS)
    {
      /* Extra arguments would be overwritten by the callee's registers:
         keep them all in an array first. */
      JsValue *saved = rt->stack_top;
      if (rt->stack_top < base + 2 + argc)
        rt->stack_top = base + 2 + argc;
      args = object_new_array_from (rt, (JsCell *) ctx->array_proto,
                                    base + 2, argc);
      rt->stack_top = saved;
      if (!args)
        {
          js_throw_out_of_memory (ctx);
          return false;
        }
    }
  uint32_t given = MIN (argc, code->n_params);
  for (JsValue *p = base + 2 + given; p < top; p++)
    *p = JS_UNDEFINED;
  /* OrdinaryCallBindThis: sloppy functions see the global object for a
     nullish this, and an object for a primitive. */
  if (!(code->flags & (JS_CODE_STRICT | JS_CODE_ARROW))
      && !(flags & JS_FRAME_CONSTRUCT))
    {
      JsValue t = base[1];
      if (js_is_nullish (t))
        base[1] = js_object_value (ctx->global);
      else if (!js_is_object (t))
        {
          JsValue *saved = rt->stack_top;
          rt->stack_top = top;
          JsValue o = js_to_object (ctx, t);
          rt->stack_top = saved;
          if (js_is_exception (o))
            return false;
          base[1] = o;
        }
    }
  JsFrame *f = &rt->frames[rt->frame_count++];
  f->code = code;
  f->pc = code->bytecode;
  f->base = base;
  f->top = top;
  f->env = fn->env;
  f->new_target = new_target;
  f->args = args;
  f->argc = argc;
  f->flags = flags;
  f->gen = NULL;
  rt->stack_top = top;
  return true;
}

/* ------------------------------------------------------------------ */
/* Slow paths                                                          */
/* ------------------------------------------------------------------ */

static JsKey
const_key (JsCode *code, uint32_t k)
{
  return atom_key (js_get_string (code->consts[k]));
}

/* ToBoolean, with the booleans the comparisons give inline. */
static inline bool
truthy (JsValue v)
{
  if (G_LIKELY (js_is_bool (v)))
    return js_get_bool (v);
  return js_to_boolean (v);
}

/* Whether o's elements are plain (not a typed array, arguments, ...). */
static inline bool
plain_elements (JsObject *o)
{
  return !(o->shape->cls->flags & JS_CLASS_EXOTIC);
}

/* Bytes of each instruction in its short form, for the return to a
 * caller (whose pc is on its call instruction). */
static uint8_t op_length[JS_OP_COUNT];

static void
init_op_lengths (void)
{
  static gsize done;
  if (g_once_init_enter (&done))
    {
      for (uint32_t op = 0; op < JS_OP_COUNT; op++)
        {
          uint32_t n = 1;
          for (const char *c = js_op_signature[op]; *c; c++)
            n += bc_operand_size (*c, false);
          op_length[op] = (uint8_t) n;
        }
      g_once_init_leave (&done, 1);
    }
}

static JsValue
lookup_global (JsContext *ctx, JsKey key, bool *found)
{
  JsRuntime *rt = ctx->rt;
  JsValue v;
  uint8_t attrs;
  *found = true;
  /* Script-level let/const first, then the global object. */
  if (object_get_own (rt, ctx->script_scope, key, &v, &attrs))
    return v;
  int h = prop_has (ctx, ctx->global, key);
  if (h < 0)
    return JS_EXCEPTION;
  if (!h)
    {
      *found = false;
      return JS_UNDEFINED;
    }
  return prop_get (ctx, ctx->global, key, js_object_value (ctx->global));
}

/* Code compiled with var_slots (JS_CODE_VAR_OBJECT) runs below the
 * environment of its variable object (gs_context_eval_in_object), the
 * root of its chain; a global name is that object's own property, when
 * it has one, before it is a global.  The object is a dictionary whose
 * changes bump the global epoch (builtins_eval_bind_var_object), so a
 * global cache filled when the object lacked the name stays right until
 * the object gains some name.  Returns the object if it holds key. */
static JsObject *
var_object_holding (JsRuntime *rt, JsEnv *env, JsKey key)
{
  if (!env)
    return NULL;
  while (env->parent)
    env = env->parent;
  JsObject *o = function_env_eval_vars (env);
  JsValue v;
  uint8_t a;
  return o && object_get_own (rt, o, key, &v, &a) ? o : NULL;
}

/* Whether the object of names eval added to env holds key: such a name
 * is found before the env's own bindings only when those are the
 * function's name (read-only, no TDZ), which eval's var shadows. */
static JsObject *
eval_vars_holding (JsRuntime *rt, JsEnv *env, JsKey key, bool found,
                   uint8_t attrs)
{
  if (found && ((attrs & JS_ATTR_WRITABLE) || (attrs & JS_ATTR_TDZ)))
    return NULL;
  JsObject *o = function_env_eval_vars (env);
  JsValue v;
  uint8_t a;
  return o && object_get_own (rt, o, key, &v, &a) ? o : NULL;
}

/* Finds the environment holding name along the chain, for eval and with
 * code: returns the depth's env and slot, or an object holding it (a
 * with object, or the names eval added to a variable environment: then
 * *where is not a with environment). */
static bool
env_find (JsContext *ctx, JsEnv *env, JsKey key, JsEnv **where,
          uint32_t *slot, JsObject **with_obj, int *err)
{
  *err = 0;
  for (; env; env = env->parent)
    {
      if (env->shape->cls == &js_with_env_class)
        {
          JsObject *o = js_get_object (env->slots[0]);
          int h = prop_has (ctx, o, key);
          if (h < 0)
            {
              *err = -1;
              return false;
            }
          if (h && !realm_blocked_by_unscopables (ctx, o, key, err))
            {
              if (*err)
                return false;
              *with_obj = o;
              *where = env;
              return true;
            }
          if (*err)
            return false;
          continue;
        }
      uint8_t attrs = 0;
      bool found = shape_lookup (env->shape, key, slot, &attrs);
      JsObject *ev = eval_vars_holding (ctx->rt, env, key, found, attrs);
      if (ev || found)
        {
          *where = env;
          *with_obj = ev;
          return true;
        }
    }
  return false;
}

/* GetBindingValue of an object environment (a with object, or the
 * names eval added): the binding may have gone since it was found. */
static JsValue
object_binding_get (JsContext *ctx, JsObject *o, JsKey key, bool strict)
{
  int h = prop_has (ctx, o, key);
  if (h < 0)
    return JS_EXCEPTION;
  if (!h)
    {
      if (!strict)
        return JS_UNDEFINED;
      g_autofree char *s = string_to_utf8 (ctx->rt, atom_key_string (key),
                                           NULL);
      return js_throw_reference_error (ctx, "%s is not defined", s);
    }
  return prop_get (ctx, o, key, js_object_value (o));
}

/* SetMutableBinding of an object environment.  1 done, -1 exception. */
static int
object_binding_set (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                    bool strict)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, v);
  int h = prop_has (ctx, o, key);
  if (h == 0 && strict)
    {
      g_autofree char *s = string_to_utf8 (rt, atom_key_string (key), NULL);
      js_throw_reference_error (ctx, "%s is not defined", s);
      h = -1;
    }
  if (h >= 0)
    h = js_set (ctx, js_object_value (o), key, *pv, js_object_value (o),
                strict);
  rt_restore_roots (rt, saved);
  return h < 0 ? -1 : 1;
}

/* SetMutableBinding of a declarative environment's slot: TDZ and
 * read-only bindings refuse.  1 done, -1 exception. */
static int
env_binding_set (JsContext *ctx, JsEnv *where, uint32_t slot, JsKey key,
                 JsValue v, bool strict)
{
  uint8_t attrs = 0;
  uint32_t s2;
  shape_lookup (where->shape, key, &s2, &attrs);
  if (js_is_empty (where->slots[slot]))
    {
      js_throw_reference_error (ctx, "Cannot access variable before "
                                     "initialization");
      return -1;
    }
  if (!(attrs & JS_ATTR_WRITABLE))
    {
      /* A const (TDZ) always throws; the name of a function expression
         only in strict code. */
      if (!strict && !(attrs & JS_ATTR_TDZ))
        return 1;
      js_throw_type_error (ctx, "Assignment to constant variable.");
      return -1;
    }
  where->slots[slot] = v;
  gc_write_barrier (&ctx->rt->heap, (JsCell *) where);
  return 1;
}

/* ------------------------------------------------------------------ */
/* Generators                                                          */
/* ------------------------------------------------------------------ */

static void
generator_trace (JsTracer *trc, JsCell *cell)
{
  JsGenerator *g = (JsGenerator *) cell;
  gc_mark_cell (trc, (JsCell *) g->storage);
  gc_mark_cell (trc, (JsCell *) g->code);
  gc_mark_cell (trc, (JsCell *) g->env);
  gc_mark_cell (trc, (JsCell *) g->args);
  gc_mark_value (trc, g->promise);
  gc_mark_values (trc, g->values, g->n_values);
}

const JsCellClass js_generator_class = {
  .name = "Generator",
  .kind = JS_KIND_OBJECT,
  .trace = generator_trace,
};

const JsCellClass js_async_generator_class = {
  .name = "AsyncGenerator",
  .kind = JS_KIND_OBJECT,
  .trace = generator_trace,
};

/* Copies the frame's window into the generator. */
static void
generator_save (JsRuntime *rt, JsGenerator *g, JsFrame *f)
{
  memcpy (g->values, f->base, g->n_values * sizeof (JsValue));
  g->env = f->env;
  g->args = f->args;
  g->argc = f->argc;
  gc_write_barrier (&rt->heap, (JsCell *) g);
}

/* OrdinaryCreateFromConstructor (F, "%GeneratorPrototype%") holding the
 * frame, which is suspended at start_pc. */
static JsValue
generator_create (JsContext *ctx, JsFrame *f, uint32_t start_pc)
{
  JsRuntime *rt = ctx->rt;
  JsValue proto = js_get (ctx, f->base[0],
                          atom_common_key (rt, JS_ATOM_prototype));
  if (js_is_exception (proto))
    return proto;
  bool async_gen = (f->code->flags & (JS_CODE_ASYNC | JS_CODE_GENERATOR))
                   == (JS_CODE_ASYNC | JS_CODE_GENERATOR);
  JsCell *p = js_is_object (proto) ? js_get_cell (proto)
              : async_gen          ? (JsCell *) ctx->async_generator_proto
                                   : (JsCell *) ctx->generator_proto;
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, p);
  JsShape *s = shape_root_for (rt, async_gen ? &js_async_generator_class
                                             : &js_generator_class,
                               p, 0);
  JsValue *ps = rt_push_cell (rt, s);
  uint32_t n = (uint32_t) (f->top - f->base);
  JsGenerator *g = s ? (JsGenerator *) heap_alloc_slots (
                       &rt->heap, JS_SPACE_CELLS,
                       js_slots_for (sizeof (JsGenerator)
                                     + n * sizeof (JsValue)))
                     : NULL;
  if (!g)
    {
      rt_restore_roots (rt, saved);
      return js_throw_out_of_memory (ctx);
    }
  g->shape = (JsShape *) js_get_cell (*ps);
  g->storage = NULL;
  g->code = f->code;
  g->n_values = n;
  g->state = JS_GEN_SUSPENDED_START;
  g->pc = start_pc;
  g->resume_kind = JS_RESUME_NEXT;
  g->raw = 0;
  g->awaiting = 0;
  g->promise = JS_UNDEFINED;
  generator_save (rt, g, f);
  rt_restore_roots (rt, saved);
  return js_object_value ((JsObject *) g);
}

static JsValue run (JsContext *ctx, JsValue initial_acc);

/* Resumes the saved frame: the value it yields or returns (with *done),
 * or JS_EXCEPTION. */
static JsValue
generator_run (JsContext *ctx, JsValue gv, JsResumeKind kind, JsValue value,
               bool *done)
{
  JsRuntime *rt = ctx->rt;
  JsGenerator *g = (JsGenerator *) js_get_cell (gv);
  if (rt->native_depth >= JS_MAX_NATIVE_DEPTH
      || rt->frame_count >= JS_MAX_FRAMES
      || rt->stack_top + g->n_values + 64 >= rt->stack_limit)
    return js_throw_range_error (ctx, "Maximum call stack size exceeded");
  JsValue *saved = rt->stack_top;
  rt_push_root (rt, gv);
  rt_push_root (rt, value);
  JsValue *base = rt->stack_top;
  memcpy (base, g->values, g->n_values * sizeof (JsValue));
  JsFrame *f = &rt->frames[rt->frame_count++];
  f->code = g->code;
  f->pc = g->code->bytecode + g->pc;
  f->base = base;
  f->top = base + g->n_values;
  f->env = g->env;
  f->new_target = JS_UNDEFINED;
  f->args = g->args;
  f->argc = g->argc;
  f->flags = JS_FRAME_ENTRY | JS_FRAME_GENERATOR;
  f->gen = g;
  rt->stack_top = f->top;
  g->state = JS_GEN_EXECUTING;
  g->resume_kind = kind;
  rt->native_depth++;
  JsValue r = run (ctx, saved[1]);
  rt->native_depth--;
  g = (JsGenerator *) js_get_cell (saved[0]);
  rt->stack_top = saved;
  *done = true;
  if (js_is_exception (r))
    g->state = JS_GEN_COMPLETED;
  else if (g->state == JS_GEN_SUSPENDED_YIELD)
    *done = false;
  else
    g->state = JS_GEN_COMPLETED;
  if (g->state == JS_GEN_COMPLETED)
    {
      /* The frame is gone for good. */
      g->env = NULL;
      g->args = NULL;
      for (uint32_t i = 0; i < g->n_values; i++)
        g->values[i] = JS_UNDEFINED;
    }
  return r;
}

/* ------------------------------------------------------------------ */
/* Async functions                                                     */
/* ------------------------------------------------------------------ */

static void async_step (JsContext *ctx, JsValue gv, JsResumeKind kind,
                        JsValue value);

/* The reaction of an awaited promise: resume the function with the
 * value, or throw the reason into it. */
static JsValue
async_resume_handler (JsContext *ctx, JsValue data, JsValue argument,
                      bool rejected)
{
  async_step (ctx, data, rejected ? JS_RESUME_THROW : JS_RESUME_NEXT,
              argument);
  return JS_UNDEFINED;
}

/* Runs an async function until it awaits or finishes: an await hangs the
 * resumption on the awaited promise; the end settles the function's
 * promise. */
static void
async_step (JsContext *ctx, JsValue gv, JsResumeKind kind, JsValue value)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pg = rt_push_root (rt, gv);
  for (;;)
    {
      bool done;
      JsValue r = generator_run (ctx, *pg, kind, value, &done);
      JsGenerator *g = (JsGenerator *) js_get_cell (*pg);
      if (js_is_exception (r))
        {
          JsValue e = js_take_exception (ctx);
          promise_reject_native (ctx, g->promise, e);
          break;
        }
      if (done)
        {
          JsValue *pr = rt_push_root (rt, r);
          if (!promise_resolve_native (ctx, g->promise, *pr))
            {
              JsValue e = js_take_exception (ctx);
              g = (JsGenerator *) js_get_cell (*pg);
              promise_reject_native (ctx, g->promise, e);
            }
          break;
        }
      /* Await: PromiseResolve (%Promise%, v), which may throw into the
         function at the await. */
      JsValue p = promise_resolve (ctx, ctx->promise_ctor, r);
      if (js_is_exception (p))
        {
          kind = JS_RESUME_THROW;
          value = js_take_exception (ctx);
          rt_push_root (rt, value);
          continue;
        }
      if (!promise_then_native (ctx, p, async_resume_handler, *pg, NULL))
        {
          kind = JS_RESUME_THROW;
          value = js_take_exception (ctx);
          rt_push_root (rt, value);
          continue;
        }
      break;
    }
  rt_restore_roots (rt, saved);
}

/* InitAsync: the frame becomes a suspended "generator" whose first run
 * happens now, synchronously, until the first await. */
static JsValue
async_start (JsContext *ctx, JsFrame *frame, uint32_t start_pc)
{
  JsRuntime *rt = ctx->rt;
  JsValue gv = generator_create (ctx, frame, start_pc);
  if (js_is_exception (gv))
    return gv;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pg = rt_push_root (rt, gv);
  JsValue p = promise_new (ctx);
  if (js_is_exception (p))
    {
      rt_restore_roots (rt, saved);
      return p;
    }
  JsGenerator *g = (JsGenerator *) js_get_cell (*pg);
  g->promise = p;
  gc_write_barrier (&rt->heap, (JsCell *) g);
  async_step (ctx, *pg, JS_RESUME_NEXT, JS_UNDEFINED);
  g = (JsGenerator *) js_get_cell (*pg);
  JsValue r = g->promise;
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Async generators                                                    */
/* ------------------------------------------------------------------ */

/* The reaction of a promise an async generator awaits. */
static JsValue
async_generator_resume_handler (JsContext *ctx, JsValue data,
                                JsValue argument, bool rejected)
{
  js_async_generator_resume (ctx, data,
                             rejected ? JS_RESUME_THROW : JS_RESUME_NEXT,
                             argument);
  return JS_UNDEFINED;
}

/* The frame runs until it awaits (the state stays executing: requests
 * made meanwhile queue up), yields (the first request settles, and the
 * next one waiting resumes the frame at once, as AsyncGeneratorYield
 * says), or completes (every request waiting settles).  The queue and
 * the requests are builtins-async-generator.c's. */
void
js_async_generator_resume (JsContext *ctx, JsValue gv, JsResumeKind kind,
                           JsValue value)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pg = rt_push_root (rt, gv);
  JsValue *pv = rt_push_root (rt, value);
  for (;;)
    {
      bool done;
      JsValue r = generator_run (ctx, *pg, kind, *pv, &done);
      JsGenerator *g = (JsGenerator *) js_get_cell (*pg);
      if (js_is_exception (r) || done)
        {
          bool threw = js_is_exception (r);
          *pv = threw ? js_take_exception (ctx) : r;
          g->state = JS_GEN_COMPLETED;
          builtins_async_generator_finish (ctx, *pg, threw, *pv);
          break;
        }
      if (g->awaiting)
        {
          g->state = JS_GEN_EXECUTING;
          *pv = r;
          JsValue p = promise_resolve (ctx, ctx->promise_ctor, *pv);
          if (!js_is_exception (p)
              && promise_then_native (ctx, p, async_generator_resume_handler,
                                      *pg, NULL))
            break;
          /* PromiseResolve threw (a getter of constructor): the await
             throws into the body. */
          kind = JS_RESUME_THROW;
          *pv = js_take_exception (ctx);
          continue;
        }
      *pv = r;
      if (!builtins_async_generator_yield (ctx, *pg, pv, &kind))
        break;
    }
  rt_restore_roots (rt, saved);
}

JsValue
js_generator_resume (JsContext *ctx, JsValue gv, JsResumeKind kind,
                     JsValue value)
{
  JsGenerator *g = (JsGenerator *) js_get_cell (gv);
  if (g->state == JS_GEN_EXECUTING)
    return js_throw_type_error (ctx, "Generator is already running");
  if (g->state == JS_GEN_SUSPENDED_START && kind != JS_RESUME_NEXT)
    g->state = JS_GEN_COMPLETED;
  if (g->state == JS_GEN_COMPLETED)
    {
      if (kind == JS_RESUME_THROW)
        return js_throw (ctx, value);
      return builtins_iter_result (ctx, kind == JS_RESUME_RETURN
                                            ? value
                                            : JS_UNDEFINED,
                                   true);
    }
  bool done;
  JsValue r = generator_run (ctx, gv, kind, value, &done);
  if (js_is_exception (r))
    return r;
  g = (JsGenerator *) js_get_cell (gv);
  if (!done && g->raw)
    return r;
  return builtins_iter_result (ctx, r, done);
}

/* One step of yield*: it[0] the iterator, it[1] its next method; *mode
 * the resumption (next, throw, return); value what was sent.  Returns the
 * inner result object; *mode becomes 3 when a return found no return
 * method (the generator then returns value itself).  In an async
 * generator the result is returned unchecked (it is awaited first), and
 * a throw that finds no throw method sets *mode to 4 and returns what
 * the iterator's return method gave (a hole if it has none): the code
 * awaits it and throws the TypeError. */
static JsValue
generator_delegate_step (JsContext *ctx, JsValue *it, JsValue *mode,
                         JsValue value, bool async)
{
  JsRuntime *rt = ctx->rt;
  int m = js_get_int32 (*mode);
  JsValue r;
  if (m == JS_RESUME_NEXT)
    r = js_call (ctx, it[1], it[0], 1, &value);
  else
    {
      JsCommonAtom name = m == JS_RESUME_THROW ? JS_ATOM_throw
                                               : JS_ATOM_return;
      JsValue method = js_get_method (ctx, it[0], atom_common_key (rt, name));
      if (js_is_exception (method))
        return method;
      if (js_is_undefined (method))
        {
          if (m == JS_RESUME_RETURN)
            {
              *mode = js_int32 (3);
              return value;
            }
          if (async)
            {
              *mode = js_int32 (4);
              return builtins_iterator_close_call (ctx, it[0], false);
            }
          /* throw without a throw method: close the inner iterator,
             then a TypeError. */
          if (realm_iterator_close (ctx, it[0]) < 0)
            return JS_EXCEPTION;
          return js_throw_type_error (ctx, "The iterator does not provide a "
                                           "'throw' method");
        }
      r = js_call (ctx, method, it[0], 1, &value);
    }
  if (js_is_exception (r) || async)
    return r;
  if (!js_is_object (r))
    return js_throw_type_error (ctx, "Iterator result %s is not an object",
                                realm_describe (ctx, r));
  return r;
}

/* ------------------------------------------------------------------ */
/* The loop                                                            */
/* ------------------------------------------------------------------ */

/* Operand readers, relative to pc (pc[0] is the opcode). */
#define U16(off) bc_u16 (pc + 1 + (off))
#define I32(off) bc_i32 (pc + 1 + (off))
#define REG(off) regs[U16 (off)]
#define NEXT(size)                                                          \
  do                                                                        \
    {                                                                       \
      pc += (size);                                                         \
      goto *dispatch[*pc];                                                  \
    }                                                                       \
  while (0)
#define THROW() goto exception
#define CHECK(v)                                                            \
  do                                                                        \
    {                                                                       \
      if (G_UNLIKELY (js_is_exception (v)))                                 \
        THROW ();                                                           \
    }                                                                       \
  while (0)
/* Saves the loop's state in the frame before anything that may run
 * script, collect, or look at the frames. */
#define SYNC() (frame->pc = pc)
/* Reloads after a call that may have pushed frames. */
#define RELOAD()                                                            \
  do                                                                        \
    {                                                                       \
      frame = &rt->frames[rt->frame_count - 1];                             \
      code = frame->code;                                                   \
      pc = frame->pc;                                                       \
      regs = frame->base + 1;                                               \
    }                                                                       \
  while (0)

static JsValue
run (JsContext *ctx, JsValue initial_acc)
{
  JsRuntime *rt = ctx->rt;
  static const void *const dispatch[256] = {
#define JS_OP_LABEL(name, sig) [JS_OP_##name] = &&op_##name,
    JS_OPCODES (JS_OP_LABEL)
#undef JS_OP_LABEL
  };
  JsFrame *frame;
  JsCode *code;
  const uint8_t *pc;
  JsValue *regs;
  JsValue acc = initial_acc;
  RELOAD ();
  goto *dispatch[*pc];

op_Wide:
  /* The long forms (bytecode.h): a u32 for each u16 operand.  Only
     here, so the short forms' handlers never test for them. */
  switch (pc[1])
    {
    case JS_OP_Ldar:
      acc = regs[bc_u32 (pc + 2)];
      NEXT (6);
    case JS_OP_Star:
      regs[bc_u32 (pc + 2)] = acc;
      NEXT (6);
    case JS_OP_Mov:
      regs[bc_u32 (pc + 6)] = regs[bc_u32 (pc + 2)];
      NEXT (10);
    case JS_OP_LdaConst:
      acc = code->consts[bc_u32 (pc + 2)];
      NEXT (6);
    case JS_OP_LdaEnv:
    case JS_OP_StaEnv:
      {
        JsEnv *e = frame->env;
        for (uint32_t d = bc_u32 (pc + 2); d > 0; d--)
          e = e->parent;
        if (pc[1] == JS_OP_LdaEnv)
          acc = e->slots[bc_u32 (pc + 6)];
        else
          {
            e->slots[bc_u32 (pc + 6)] = acc;
            gc_write_barrier (&rt->heap, (JsCell *) e);
          }
        NEXT (10);
      }
    default:
      SYNC ();
      js_throw_range_error (ctx, "no long form of %s", js_op_name[pc[1]]);
      THROW ();
    }

op_Nop:
  NEXT (1);
op_LdaUndefined:
  acc = JS_UNDEFINED;
  NEXT (1);
op_LdaNull:
  acc = JS_NULL;
  NEXT (1);
op_LdaTrue:
  acc = JS_TRUE;
  NEXT (1);
op_LdaFalse:
  acc = JS_FALSE;
  NEXT (1);
op_LdaHole:
  acc = JS_EMPTY;
  NEXT (1);
op_LdaInt:
  acc = js_int32 (I32 (0));
  NEXT (5);
op_LdaConst:
  acc = code->consts[U16 (0)];
  NEXT (3);
op_Ldar:
  acc = REG (0);
  NEXT (3);
op_Star:
  REG (0) = acc;
  NEXT (3);
op_Mov:
  REG (2) = REG (0);
  NEXT (5);
op_StarLdar:
  REG (0) = acc;
  acc = REG (2);
  NEXT (6);
op_ClearRegs:
  {
    JsValue *r = &REG (0);
    for (uint32_t n = U16 (2); n > 0; n--)
      *r++ = JS_UNDEFINED;
    NEXT (5);
  }
op_LdaCallee:
  acc = frame->base[0];
  NEXT (1);
op_LdaNewTarget:
  acc = frame->new_target;
  NEXT (1);
op_CheckHole:
  if (G_UNLIKELY (js_is_empty (acc)))
    {
      SYNC ();
      JsString *name = js_get_string (code->consts[U16 (0)]);
      g_autofree char *s = string_to_utf8 (rt, name, NULL);
      js_throw_reference_error (ctx, "Cannot access '%s' before "
                                     "initialization", s ? s : "?");
      THROW ();
    }
  NEXT (3);
op_CheckThis:
  if (G_UNLIKELY (js_is_empty (acc)))
    {
      SYNC ();
      js_throw_reference_error (ctx, "Must call super constructor in "
                                     "derived class before accessing "
                                     "'this' or returning from derived "
                                     "constructor");
      THROW ();
    }
  NEXT (1);
op_CheckObjectCoercible:
  if (G_UNLIKELY (js_is_nullish (acc)))
    {
      SYNC ();
      js_throw_type_error (ctx, "Cannot destructure '%s' as it is %s.",
                           js_is_null (acc) ? "null" : "undefined",
                           js_is_null (acc) ? "null" : "undefined");
      THROW ();
    }
  NEXT (1);

op_CheckBase:
  if (G_UNLIKELY (js_is_nullish (REG (0))))
    {
      SYNC ();
      js_throw_type_error (ctx, "Cannot read properties of %s",
                           js_is_null (REG (0)) ? "null" : "undefined");
      THROW ();
    }
  NEXT (3);

  /* Environments. */
op_LdaEnv:
  {
    JsEnv *e = frame->env;
    for (uint32_t d = U16 (0); d > 0; d--)
      e = e->parent;
    acc = e->slots[U16 (2)];
    NEXT (5);
  }
op_StaEnv:
  {
    JsEnv *e = frame->env;
    for (uint32_t d = U16 (0); d > 0; d--)
      e = e->parent;
    e->slots[U16 (2)] = acc;
    gc_write_barrier (&rt->heap, (JsCell *) e);
    NEXT (5);
  }
op_LdaImport:
  {
    JsEnv *e = frame->env;
    for (uint32_t d = U16 (0); d > 0; d--)
      e = e->parent;
    bool tdz;
    acc = module_import_value (ctx, e->slots[U16 (2)], &tdz);
    if (G_UNLIKELY (tdz))
      {
        SYNC ();
        js_throw_reference_error (ctx, "Cannot access an imported binding "
                                       "before its module initialized it");
        THROW ();
      }
    NEXT (5);
  }
op_ImportMeta:
  SYNC ();
  acc = module_import_meta (ctx, code);
  CHECK (acc);
  NEXT (1);
op_DynamicImport:
  SYNC ();
  acc = module_dynamic_import (ctx, code, acc);
  CHECK (acc);
  NEXT (1);
op_PushEnv:
  {
    SYNC ();
    JsShape *s = (JsShape *) js_get_cell (code->consts[U16 (0)]);
    JsValue *r = rt_push_root (rt, acc);
    JsEnv *e = function_new_env (rt, s, frame->env);
    acc = *r;
    rt->stack_top = frame->top;
    if (!e)
      {
        js_throw_out_of_memory (ctx);
        THROW ();
      }
    frame->env = e;
    NEXT (3);
  }
op_PopEnv:
  frame->env = frame->env->parent;
  NEXT (1);
op_PushWithEnv:
  {
    SYNC ();
    JsValue o = js_to_object (ctx, acc);
    CHECK (o);
    JsEnv *e = function_new_with_env (ctx, js_get_object (o), frame->env);
    if (!e)
      {
        js_throw_out_of_memory (ctx);
        THROW ();
      }
    frame->env = e;
    NEXT (1);
  }
op_CopyEnv:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    JsEnv *e = function_copy_env (rt, frame->env);
    acc = *r;
    rt->stack_top = frame->top;
    if (!e)
      {
        js_throw_out_of_memory (ctx);
        THROW ();
      }
    frame->env = e;
    NEXT (1);
  }
op_SaveEnv:
  REG (0) = frame->env ? js_cell_value (JS_TAG_INTERNAL, frame->env)
                       : JS_UNDEFINED;
  NEXT (3);
op_RestoreEnv:
  frame->env = js_is_undefined (REG (0)) ? NULL
                                         : (JsEnv *) js_get_cell (REG (0));
  NEXT (3);

  /* Globals. */
op_LdaGlobal:
op_TypeofGlobal:
  {
    JsIC *ic = &code->ics[U16 (2)];
    JsObject *h = ic->holder;
    if (G_LIKELY (h && h->shape == ic->shape
                  && ic->epoch == rt->global_epoch))
      {
        acc = *ic_slot_ptr (h, ic->slot);
        if (G_LIKELY (!js_is_empty (acc)))
          {
            IC_COUNT_HIT (rt, code, ic);
            if (*pc == JS_OP_TypeofGlobal)
              goto do_typeof;
            NEXT (5);
          }
      }
    SYNC ();
    JsKey key = const_key (code, U16 (0));
    bool found;
    JsObject *vo = (code->flags & JS_CODE_VAR_OBJECT)
                       ? var_object_holding (rt, frame->env, key)
                       : NULL;
    if (vo)
      {
        acc = prop_get (ctx, vo, key, js_object_value (vo));
        CHECK (acc);
        if (*pc == JS_OP_TypeofGlobal)
          goto do_typeof;
        NEXT (5);
      }
    acc = lookup_global (ctx, key, &found);
    CHECK (acc);
    if (*pc == JS_OP_TypeofGlobal)
      {
        if (js_is_empty (acc))
          {
            g_autofree char *s = string_to_utf8 (rt, atom_key_string (key),
                                                 NULL);
            js_throw_reference_error (ctx, "Cannot access '%s' before "
                                           "initialization", s);
            THROW ();
          }
        goto do_typeof;
      }
    if (!found || js_is_empty (acc))
      {
        g_autofree char *s = string_to_utf8 (rt, atom_key_string (key), NULL);
        if (!found)
          js_throw_reference_error (ctx, "%s is not defined", s);
        else
          js_throw_reference_error (ctx, "Cannot access '%s' before "
                                         "initialization", s);
        THROW ();
      }
    ic_fill_global_load (ctx, code, ic, key);
    NEXT (5);
  }
do_typeof:
  acc = js_typeof (ctx, acc);
  NEXT (5);
op_StaGlobal:
op_StaGlobalStrict:
  {
    JsIC *ic = &code->ics[U16 (2)];
    JsObject *holder = ic->holder;
    if (G_LIKELY (holder && holder->shape == ic->shape
                  && ic->epoch == rt->global_epoch
                  && !js_is_empty (*ic_slot_ptr (holder, ic->slot))))
      {
        IC_COUNT_HIT (rt, code, ic);
        ic_store_slot (rt, holder, ic->slot, acc);
        NEXT (5);
      }
    SYNC ();
    JsKey key = const_key (code, U16 (0));
    JsValue *r = rt_push_root (rt, acc);
    JsObject *vo = (code->flags & JS_CODE_VAR_OBJECT)
                       ? var_object_holding (rt, frame->env, key)
                       : NULL;
    int h = vo ? object_binding_set (ctx, vo, key, acc,
                                     *pc == JS_OP_StaGlobalStrict)
               : realm_store_global (ctx, key, acc,
                                     *pc == JS_OP_StaGlobalStrict);
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    if (!vo)
      ic_fill_global_store (ctx, code, ic, key);
    NEXT (5);
  }
op_DeclareGlobals:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    int h = realm_declare_globals (ctx, code->consts[U16 (0)]);
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (3);
  }
op_DeclareEvalVars:
op_InitEvalFunction:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    int h = *pc == JS_OP_DeclareEvalVars
                ? builtins_eval_declare (ctx, frame->env,
                                         code->consts[U16 (0)])
                : builtins_eval_init_function (ctx, frame->env,
                                               const_key (code, U16 (0)),
                                               acc);
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (3);
  }
op_BindVarObject:
  {
    SYNC ();
    int h = builtins_eval_bind_var_object (ctx, frame->env, acc,
                                           code->consts[U16 (0)]);
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (3);
  }
op_InitGlobal:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    int h = realm_init_global_lexical (ctx, const_key (code, U16 (0)), acc);
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (3);
  }
op_LdaLookup:
op_TypeofLookup:
op_LdaLookupThis:
  {
    SYNC ();
    JsKey key = const_key (code, U16 (0));
    JsEnv *where;
    uint32_t slot;
    JsObject *with_obj;
    int err;
    JsValue this_v = JS_UNDEFINED;
    if (env_find (ctx, frame->env, key, &where, &slot, &with_obj, &err))
      {
        if (with_obj)
          {
            acc = object_binding_get (ctx, with_obj, key,
                                      (code->flags & JS_CODE_STRICT) != 0);
            if (where->shape->cls == &js_with_env_class)
              this_v = js_object_value (with_obj);
          }
        else
          acc = where->slots[slot];
      }
    else if (err)
      THROW ();
    else
      {
        bool found;
        acc = lookup_global (ctx, key, &found);
        CHECK (acc);
        if (!found && *pc != JS_OP_TypeofLookup)
          {
            g_autofree char *s = string_to_utf8 (rt, atom_key_string (key),
                                                 NULL);
            js_throw_reference_error (ctx, "%s is not defined", s);
            THROW ();
          }
      }
    CHECK (acc);
    if (js_is_empty (acc))
      {
        g_autofree char *s = string_to_utf8 (rt, atom_key_string (key), NULL);
        js_throw_reference_error (ctx, "Cannot access '%s' before "
                                       "initialization", s);
        THROW ();
      }
    if (*pc == JS_OP_TypeofLookup)
      {
        acc = js_typeof (ctx, acc);
        NEXT (3);
      }
    if (*pc == JS_OP_LdaLookupThis)
      {
        REG (2) = this_v;
        NEXT (5);
      }
    NEXT (3);
  }
op_StaLookup:
op_StaLookupStrict:
  {
    SYNC ();
    JsKey key = const_key (code, U16 (0));
    JsEnv *where;
    uint32_t slot;
    JsObject *with_obj;
    int err;
    bool strict = *pc == JS_OP_StaLookupStrict;
    JsValue *r = rt_push_root (rt, acc);
    int h = 1;
    if (env_find (ctx, frame->env, key, &where, &slot, &with_obj, &err))
      {
        if (with_obj)
          h = object_binding_set (ctx, with_obj, key, acc, strict);
        else
          h = env_binding_set (ctx, where, slot, key, acc, strict);
      }
    else if (err)
      h = -1;
    else
      h = realm_store_global (ctx, key, acc, strict);
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (3);
  }
  /* References to names found at run time, resolved before the right
     side of an assignment runs (PutValue uses the binding found then):
     r holds the object, the environment (with the slot in r+1), or
     undefined for the global scope. */
op_ResolveLookup:
  {
    SYNC ();
    JsKey key = const_key (code, U16 (0));
    JsEnv *where;
    uint32_t slot;
    JsObject *with_obj;
    int err;
    JsValue *ref = &REG (2);
    if (env_find (ctx, frame->env, key, &where, &slot, &with_obj, &err))
      {
        ref[0] = with_obj ? js_object_value (with_obj)
                          : js_cell_value (JS_TAG_INTERNAL, where);
        ref[1] = js_int32 ((int32_t) slot);
      }
    else if (err)
      THROW ();
    else
      ref[0] = ref[1] = JS_UNDEFINED;
    NEXT (5);
  }
op_LdaRef:
  {
    SYNC ();
    JsKey key = const_key (code, U16 (0));
    JsValue *ref = &REG (2);
    if (js_is_object (ref[0]))
      acc = object_binding_get (ctx, js_get_object (ref[0]), key,
                                (code->flags & JS_CODE_STRICT) != 0);
    else if (js_is_undefined (ref[0]))
      {
        bool found;
        acc = lookup_global (ctx, key, &found);
        CHECK (acc);
        if (!found)
          {
            g_autofree char *s = string_to_utf8 (rt, atom_key_string (key),
                                                 NULL);
            js_throw_reference_error (ctx, "%s is not defined", s);
            THROW ();
          }
      }
    else
      acc = ((JsEnv *) js_get_cell (ref[0]))->slots[js_get_int32 (ref[1])];
    CHECK (acc);
    if (js_is_empty (acc))
      {
        g_autofree char *s = string_to_utf8 (rt, atom_key_string (key), NULL);
        js_throw_reference_error (ctx, "Cannot access '%s' before "
                                       "initialization", s);
        THROW ();
      }
    NEXT (5);
  }
op_StaRef:
op_StaRefStrict:
  {
    SYNC ();
    JsKey key = const_key (code, U16 (0));
    JsValue *ref = &REG (2);
    bool strict = *pc == JS_OP_StaRefStrict;
    JsValue *r = rt_push_root (rt, acc);
    int h;
    if (js_is_object (ref[0]))
      h = object_binding_set (ctx, js_get_object (ref[0]), key, acc, strict);
    else if (js_is_undefined (ref[0]))
      h = realm_store_global (ctx, key, acc, strict);
    else
      h = env_binding_set (ctx, (JsEnv *) js_get_cell (ref[0]),
                           (uint32_t) js_get_int32 (ref[1]), key, acc,
                           strict);
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (5);
  }
op_DeleteLookup:
  {
    SYNC ();
    JsKey key = const_key (code, U16 (0));
    JsEnv *where;
    uint32_t slot;
    JsObject *with_obj;
    int err;
    if (env_find (ctx, frame->env, key, &where, &slot, &with_obj, &err))
      {
        if (with_obj)
          {
            int h = js_delete (ctx, js_object_value (with_obj), key, false);
            if (h < 0)
              THROW ();
            acc = js_bool (h);
          }
        else
          acc = JS_FALSE;
      }
    else if (err)
      THROW ();
    else
      {
        int h = js_delete (ctx, js_object_value (ctx->global), key, false);
        if (h < 0)
          THROW ();
        acc = js_bool (h);
      }
    NEXT (3);
  }

  /* Properties. */
  /* GetNamed, and GetNamedStar (the compiler's fusion of a GetNamed and
     the Star after it: r3 = acc too, and a Nop byte). */
#define GET_NAMED(LEN, THEN)                                                \
  {                                                                         \
    JsValue o = REG (0);                                                    \
    JsIC *ic = &code->ics[U16 (4)];                                         \
    if (G_LIKELY (js_is_object (o)))                                        \
      {                                                                     \
        JsObject *obj = js_get_object (o);                                  \
        if (G_LIKELY (obj->shape == ic->shape))                             \
          {                                                                 \
            if (!ic->holder)                                                \
              {                                                             \
                IC_COUNT_HIT (rt, code, ic);                                \
                acc = *ic_slot_ptr (obj, ic->slot);                         \
                THEN;                                                       \
                NEXT (LEN);                                                 \
              }                                                             \
            if (ic->epoch == rt->proto_epoch)                               \
              {                                                             \
                IC_COUNT_HIT (rt, code, ic);                                \
                if (G_UNLIKELY (ic->slot & JS_IC_SLOT_GETTER))              \
                  {                                                         \
                    if (ic_env_slot_getter (ic->holder, ic->slot, &acc))    \
                      {                                                     \
                        THEN;                                               \
                        NEXT (LEN);                                         \
                      }                                                     \
                    SYNC ();                                                \
                    acc = ic_call_getter (ctx, ic->holder, ic->slot, o);    \
                    CHECK (acc);                                            \
                  }                                                         \
                else                                                        \
                  acc = *ic_slot_ptr (ic->holder, ic->slot);                \
                THEN;                                                       \
                NEXT (LEN);                                                 \
              }                                                             \
          }                                                                 \
      }                                                                     \
    SYNC ();                                                                \
    acc = ic_get_named (ctx, code, ic, o, const_key (code, U16 (2)));       \
    CHECK (acc);                                                            \
    THEN;                                                                   \
    NEXT (LEN);                                                             \
  }
op_GetNamed:
  GET_NAMED (7, (void) 0)
op_GetNamedStar:
  GET_NAMED (10, REG (6) = acc)
#undef GET_NAMED
op_SetNamed:
op_SetNamedStrict:
  {
    JsValue o = REG (0);
    JsIC *ic = &code->ics[U16 (4)];
    if (G_LIKELY (js_is_object (o)))
      {
        JsObject *obj = js_get_object (o);
        if (G_LIKELY (obj->shape == ic->shape))
          {
            if (!ic->shape2)
              {
                IC_COUNT_HIT (rt, code, ic);
                ic_store_slot (rt, obj, ic->slot, acc);
                NEXT (7);
              }
            if (ic->epoch == rt->proto_epoch
                && ic_has_room (obj, ic->shape2))
              {
                IC_COUNT_HIT (rt, code, ic);
                obj->shape = ic->shape2;
                ic_store_slot (rt, obj, ic->slot, acc);
                NEXT (7);
              }
          }
      }
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    bool ok = ic_set_named (ctx, code, ic, o, const_key (code, U16 (2)), acc,
                            *pc == JS_OP_SetNamedStrict);
    acc = *r;
    rt->stack_top = frame->top;
    if (!ok)
      THROW ();
    NEXT (7);
  }
op_GetKeyed:
  {
    JsValue o = REG (0);
    if (js_is_object (o) && js_is_int32 (acc) && js_get_int32 (acc) >= 0)
      {
        JsObject *obj = js_get_object (o);
        uint32_t i = (uint32_t) js_get_int32 (acc);
        if (i < object_elem_len (obj) && plain_elements (obj))
          {
            JsValue v = object_elements (obj)[i];
            if (!js_is_empty (v))
              {
                acc = v;
                NEXT (5);
              }
          }
      }
    SYNC ();
    /* GetValue: the base is checked before the key is converted. */
    if (G_UNLIKELY (js_is_nullish (o)))
      {
        js_throw_type_error (ctx, "Cannot read properties of %s",
                             js_is_null (o) ? "null" : "undefined");
        THROW ();
      }
    JsKey key;
    if (!js_to_property_key (ctx, acc, &key))
      THROW ();
    acc = js_get (ctx, o, key);
    CHECK (acc);
    NEXT (5);
  }
op_SetKeyed:
op_SetKeyedStrict:
  {
    JsValue o = REG (0), k = REG (2);
    if (js_is_object (o) && js_is_int32 (k) && js_get_int32 (k) >= 0)
      {
        JsObject *obj = js_get_object (o);
        uint32_t i = (uint32_t) js_get_int32 (k);
        if (i < object_elem_len (obj) && plain_elements (obj)
            && !js_is_empty (object_elements (obj)[i]))
          {
            object_elements (obj)[i] = acc;
            gc_write_barrier (&rt->heap, (JsCell *) obj->storage);
            NEXT (7);
          }
      }
    SYNC ();
    /* PutValue: the base is checked before the key is converted. */
    if (G_UNLIKELY (js_is_nullish (o)))
      {
        js_throw_type_error (ctx, "Cannot set properties of %s",
                             js_is_null (o) ? "null" : "undefined");
        THROW ();
      }
    JsValue *r = rt_push_root (rt, acc);
    JsKey key;
    int h = -1;
    if (js_to_property_key (ctx, k, &key))
      h = js_set (ctx, o, key, *r, o, *pc == JS_OP_SetKeyedStrict);
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (7);
  }
op_DefineNamed:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    int h = js_define_data (ctx, js_get_object (REG (0)),
                            const_key (code, U16 (2)), acc, true);
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (5);
  }
op_DefineKeyed:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    JsKey key;
    int h = -1;
    if (js_to_property_key (ctx, REG (2), &key))
      h = js_define_data (ctx, js_get_object (REG (0)), key, *r, true);
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (5);
  }
op_DefineGetter:
op_DefineSetter:
op_DefineClassGetter:
op_DefineClassSetter:
op_DefineMethod:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    JsKey key;
    int h = -1;
    if (js_to_property_key (ctx, REG (2), &key))
      h = realm_define_member (ctx, js_get_object (REG (0)), key, *r, *pc);
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (5);
  }
op_SetHomeObject:
  function_set_home (rt, REG (0), acc);
  NEXT (3);
op_SetFunctionName:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    int h = function_set_name (ctx, REG (0), acc, NULL);
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (3);
  }
op_DeleteProp:
op_DeletePropStrict:
  {
    SYNC ();
    JsKey key;
    if (!js_to_property_key (ctx, acc, &key))
      THROW ();
    int h = js_delete (ctx, REG (0), key, *pc == JS_OP_DeletePropStrict);
    if (h < 0)
      THROW ();
    acc = js_bool (h);
    NEXT (3);
  }
op_GetSuper:
  {
    /* MakeSuperPropertyReference takes the base (GetSuperBase) before
       GetValue converts the key. */
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    JsValue home = function_home_object (frame);
    JsValue proto = js_is_object (home)
                        ? prop_get_prototype_of (ctx, js_get_object (home))
                        : JS_UNDEFINED;
    if (G_UNLIKELY (!js_is_object (proto)))
      {
        rt->stack_top = frame->top;
        CHECK (proto);
        js_throw_type_error (ctx, "super: no prototype");
        THROW ();
      }
    JsValue *pp = rt_push_root (rt, proto);
    JsKey key;
    bool ok = js_to_property_key (ctx, *r, &key);
    proto = *pp;
    rt->stack_top = frame->top;
    if (!ok)
      THROW ();
    acc = prop_get (ctx, js_get_object (proto), key, REG (0));
    CHECK (acc);
    NEXT (3);
  }
op_SetSuper:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    JsKey key;
    int h = -1;
    /* The base first (GetSuperBase), then the key (PutValue). */
    JsValue home = function_home_object (frame);
    JsValue proto = js_is_object (home)
                        ? prop_get_prototype_of (ctx, js_get_object (home))
                        : JS_UNDEFINED;
    JsValue *pp = rt_push_root (rt, proto);
    if (js_is_exception (proto))
      h = -1;
    else if (!js_is_object (proto))
      {
        js_throw_type_error (ctx, "super: no prototype");
        h = -1;
      }
    else if (js_to_property_key (ctx, REG (2), &key))
      {
        h = prop_set (ctx, js_get_object (*pp), key, *r, REG (0));
        if (h == 0 && (code->flags & JS_CODE_STRICT))
          {
            js_throw_type_error (ctx, "Cannot assign to read only "
                                      "property");
            h = -1;
          }
      }
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (5);
  }
op_SetProto:
  if (js_is_object (acc) || js_is_null (acc))
    object_set_proto (rt, js_get_object (REG (0)),
                      js_is_null (acc) ? NULL : js_get_cell (acc));
  NEXT (3);
op_CopyDataProps:
  {
    SYNC ();
    if (realm_copy_data_properties (ctx, js_get_object (REG (0)), acc, NULL,
                                    0) < 0)
      THROW ();
    NEXT (3);
  }
op_CopyDataPropsExcept:
  {
    SYNC ();
    JsValue *src = rt_push_root (rt, acc);
    JsObject *o = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                         JS_OBJECT_DEFAULT_INLINE);
    if (!o)
      {
        js_throw_out_of_memory (ctx);
        THROW ();
      }
    REG (0) = js_object_value (o);
    int h = realm_copy_data_properties (ctx, o, *src, &REG (2), U16 (4));
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (7);
  }
op_GetPrivate:
op_HasPrivate:
  {
    SYNC ();
    acc = realm_private_op (ctx, *pc, REG (0), acc, JS_UNDEFINED);
    CHECK (acc);
    NEXT (3);
  }
op_SetPrivate:
op_DefinePrivate:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    JsValue res = realm_private_op (ctx, *pc, REG (0), REG (2), acc);
    acc = *r;
    rt->stack_top = frame->top;
    CHECK (res);
    NEXT (5);
  }

  /* Literals. */
op_CreateObject:
  {
    SYNC ();
    JsObject *o = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                         MAX (U16 (0), 2u));
    if (!o)
      {
        js_throw_out_of_memory (ctx);
        THROW ();
      }
    acc = js_object_value (o);
    NEXT (3);
  }
op_CreateArray:
  {
    SYNC ();
    JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto,
                                    U16 (0));
    if (!a)
      {
        js_throw_out_of_memory (ctx);
        THROW ();
      }
    acc = js_object_value (a);
    NEXT (3);
  }
op_ArrayPush:
  {
    SYNC ();
    JsPropResult h = object_array_push (rt, js_get_object (REG (0)), acc);
    if (h != JS_PROP_DONE)
      {
        js_throw_out_of_memory (ctx);
        THROW ();
      }
    NEXT (3);
  }
op_ArrayPushHole:
  {
    JsObject *a = js_get_object (REG (0));
    uint32_t len = object_array_length (a);
    SYNC ();
    if (object_array_set_length (rt, a, len + 1) != JS_PROP_DONE)
      {
        js_throw_out_of_memory (ctx);
        THROW ();
      }
    NEXT (3);
  }
op_ArraySpread:
  {
    SYNC ();
    if (realm_array_spread (ctx, js_get_object (REG (0)), acc) < 0)
      THROW ();
    NEXT (3);
  }
op_CreateClosure:
  {
    SYNC ();
    JsCode *c = (JsCode *) js_get_cell (code->consts[U16 (0)]);
    JsFunction *fn = function_new_closure (ctx, c, frame->env);
    if (!fn)
      {
        js_throw_out_of_memory (ctx);
        THROW ();
      }
    if ((c->flags & (JS_CODE_ARROW | JS_CODE_METHOD))
        == (JS_CODE_ARROW | JS_CODE_METHOD))
      fn->extra[0] = function_home_object (frame);
    acc = js_object_value ((JsObject *) fn);
    NEXT (3);
  }
op_CreateClass:
  {
    SYNC ();
    JsValue *r = &REG (0);
    JsCode *c = (JsCode *) js_get_cell (code->consts[U16 (2)]);
    /* Through a local: taking acc's address would keep it in memory
       for the whole loop. */
    JsValue cls = acc;
    bool ok = realm_create_class (ctx, r[0], c, frame->env, &cls, &r[1]);
    acc = cls;
    rt->stack_top = frame->top;
    if (!ok)
      THROW ();
    NEXT (5);
  }
op_SetClassFields:
  {
    JsFunction *f = (JsFunction *) js_get_cell (REG (0));
    f->extra[1] = acc;
    gc_write_barrier (&rt->heap, (JsCell *) f);
    NEXT (3);
  }
op_InitFields:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    int h = realm_init_fields (ctx, REG (0), acc);
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (3);
  }
op_CreatePrivateName:
  {
    SYNC ();
    JsSymbol *sym = symbol_new (rt, js_get_string (code->consts[U16 (0)]));
    if (!sym)
      {
        js_throw_out_of_memory (ctx);
        THROW ();
      }
    sym->flags |= JS_SYMBOL_PRIVATE;
    acc = js_symbol_value (sym);
    NEXT (3);
  }
op_LdaHomeOfCallee:
  {
    JsValue home = JS_UNDEFINED;
    if (js_is_object (acc))
      {
        JsCell *c = js_get_cell (acc);
        if (c->shape->cls == &js_function_class
            && (((JsFunction *) c)->code->flags & JS_CODE_METHOD))
          home = ((JsFunction *) c)->extra[0];
      }
    acc = home;
    NEXT (1);
  }
op_DefinePrivateMethod:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    int h = realm_define_private_method (ctx, REG (0), REG (2), acc,
                                         U16 (4));
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (7);
  }
op_NamePrivateMethod:
  {
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    int h = realm_name_private_method (ctx, REG (0), acc, U16 (2));
    acc = *r;
    rt->stack_top = frame->top;
    if (h < 0)
      THROW ();
    NEXT (5);
  }
op_SuperCall:
op_SuperCallSpread:
op_SuperCallForward:
  {
    SYNC ();
    JsValue *win, fval, nt;
    uint32_t argc;
    uint32_t size;
    JsValue *argv;
    JsValue *saved_top = rt->stack_top;
    if (*pc == JS_OP_SuperCallForward)
      {
        fval = frame->base[0];
        nt = frame->new_target;
        argc = frame->argc;
        argv = rt->stack_top;
        for (uint32_t i = 0; i < argc; i++)
          rt_push_root (rt, object_elements (frame->args)[i]);
        size = 1;
      }
    else
      {
        win = &REG (0);
        fval = win[0];
        nt = win[1];
        if (*pc == JS_OP_SuperCall)
          {
            argc = U16 (2);
            argv = win + 2;
            size = 5;
          }
        else
          {
            JsObject *arr = js_get_object (win[2]);
            argc = object_array_length (arr);
            argv = rt->stack_top;
            for (uint32_t i = 0; i < argc; i++)
              {
                JsValue v = i < object_elem_len (arr)
                                ? object_elements (arr)[i]
                                : JS_UNDEFINED;
                rt_push_root (rt, js_is_empty (v) ? JS_UNDEFINED : v);
              }
            size = 3;
          }
      }
    JsObject *parent = object_get_proto (js_get_object (fval));
    JsValue pv = parent ? js_object_value (parent) : JS_NULL;
    if (!js_is_constructor (pv))
      {
        rt->stack_top = frame->top;
        js_throw_type_error (ctx, "Super constructor %s of anonymous class "
                                  "is not a constructor",
                             realm_describe (ctx, pv));
        THROW ();
      }
    acc = js_construct (ctx, pv, argc, argv, nt);
    rt->stack_top = saved_top;
    rt->stack_top = frame->top;
    CHECK (acc);
    NEXT (size);
  }
op_CreateRegExp:
  {
    SYNC ();
    acc = regexp_create_from_literal (ctx,
                                      js_get_string (code->consts[U16 (0)]),
                                      js_get_string (code->consts[U16 (2)]));
    CHECK (acc);
    NEXT (5);
  }
op_GetTemplateObject:
op_AsyncReturn:

op_TailCall:
op_SwitchJump:
  SYNC ();
  js_throw_error (ctx, JS_ERR_SYNTAX, "%s is not supported yet",
                  js_op_name[*pc]);
  THROW ();
op_CreateArguments:
  {
    SYNC ();
    acc = realm_create_arguments (ctx, frame);
    CHECK (acc);
    NEXT (1);
  }
op_CreateMappedArguments:
  {
    SYNC ();
    acc = arguments_create_mapped (ctx, frame, code->consts[U16 (0)]);
    CHECK (acc);
    NEXT (3);
  }
op_CreateRest:
  {
    SYNC ();
    acc = realm_create_rest (ctx, frame, U16 (0));
    CHECK (acc);
    NEXT (3);
  }

  /* Arithmetic with int32 fast paths. */
#define ARITH(NAME, OPCHAR, FAST)                                           \
  op_##NAME:                                                                \
  {                                                                         \
    JsValue a = REG (0), b = acc;                                           \
    if (js_is_int32 (a) && js_is_int32 (b))                                 \
      {                                                                     \
        int32_t x = js_get_int32 (a), y = js_get_int32 (b);                 \
        FAST                                                                \
      }                                                                     \
    if (js_is_number (a) && js_is_number (b) && OPCHAR != '%'               \
        && OPCHAR != 'e' && OPCHAR != '&' && OPCHAR != '|' && OPCHAR != '^' \
        && OPCHAR != '<' && OPCHAR != '>' && OPCHAR != 'u')                 \
      {                                                                     \
        double x = js_get_number (a), y = js_get_number (b);                \
        acc = js_double (OPCHAR == '+'   ? x + y                            \
                         : OPCHAR == '-' ? x - y                            \
                         : OPCHAR == '*' ? x * y                            \
                                         : x / y);                          \
        NEXT (5);                                                           \
      }                                                                     \
    SYNC ();                                                                \
    acc = OPCHAR == '+' ? js_add (ctx, a, b) : js_arith (ctx, OPCHAR, a, b);\
    CHECK (acc);                                                            \
    NEXT (5);                                                               \
  }

  ARITH (Add, '+', {
    int32_t r;
    if (!__builtin_add_overflow (x, y, &r))
      {
        acc = js_int32 (r);
        NEXT (5);
      }
  })
  ARITH (Sub, '-', {
    int32_t r;
    if (!__builtin_sub_overflow (x, y, &r))
      {
        acc = js_int32 (r);
        NEXT (5);
      }
  })
  ARITH (Mul, '*', {
    int32_t r;
    if (!__builtin_mul_overflow (x, y, &r) && r != 0)
      {
        acc = js_int32 (r);
        NEXT (5);
      }
  })
  ARITH (Div, '/', {
    if (y != 0 && x % y == 0 && !(x == INT32_MIN && y == -1)
        && !(x == 0 && y < 0))
      {
        acc = js_int32 (x / y);
        NEXT (5);
      }
  })
  ARITH (Mod, '%', {
    if (y > 0 && x >= 0)
      {
        acc = js_int32 (x % y);
        NEXT (5);
      }
  })
  ARITH (Exp, 'e', {
    (void) x;
    (void) y;
  })
  ARITH (BitAnd, '&', {
    acc = js_int32 (x & y);
    NEXT (5);
  })
  ARITH (BitOr, '|', {
    acc = js_int32 (x | y);
    NEXT (5);
  })
  ARITH (BitXor, '^', {
    acc = js_int32 (x ^ y);
    NEXT (5);
  })
  ARITH (Shl, '<', {
    acc = js_int32 ((int32_t) ((uint32_t) x << (y & 31)));
    NEXT (5);
  })
  ARITH (Sar, '>', {
    acc = js_int32 (x >> (y & 31));
    NEXT (5);
  })
  ARITH (Shr, 'u', {
    acc = js_number ((double) ((uint32_t) x >> (y & 31)));
    NEXT (5);
  })
#undef ARITH

  /* A literal right operand: acc = acc OP s. */
#define ARITH_SMI(NAME, OPCHAR, FAST, DFAST)                                \
  op_##NAME##Smi:                                                           \
  {                                                                         \
    JsValue a = acc;                                                        \
    int32_t y = I32 (0);                                                    \
    if (G_LIKELY (js_is_int32 (a)))                                         \
      {                                                                     \
        int32_t x = js_get_int32 (a);                                       \
        FAST                                                                \
      }                                                                     \
    else if (js_is_double (a))                                              \
      {                                                                     \
        double x = js_get_double (a);                                       \
        DFAST                                                               \
      }                                                                     \
    SYNC ();                                                                \
    acc = OPCHAR == '+' ? js_add (ctx, a, js_int32 (y))                     \
                        : js_arith (ctx, OPCHAR, a, js_int32 (y));          \
    CHECK (acc);                                                            \
    NEXT (5);                                                               \
  }
#define DOUBLE_RESULT(EXPR)                                                 \
  {                                                                         \
    acc = js_number (EXPR);                                                 \
    NEXT (5);                                                               \
  }
#define INT_RESULT(EXPR)                                                    \
  {                                                                         \
    acc = js_int32 (EXPR);                                                  \
    NEXT (5);                                                               \
  }

  ARITH_SMI (Add, '+', {
    int32_t r;
    if (!__builtin_add_overflow (x, y, &r))
      INT_RESULT (r)
  }, DOUBLE_RESULT (x + y))
  ARITH_SMI (Sub, '-', {
    int32_t r;
    if (!__builtin_sub_overflow (x, y, &r))
      INT_RESULT (r)
  }, DOUBLE_RESULT (x - y))
  ARITH_SMI (Mul, '*', {
    int32_t r;
    if (!__builtin_mul_overflow (x, y, &r) && r != 0)
      INT_RESULT (r)
  }, DOUBLE_RESULT (x * y))
  ARITH_SMI (BitAnd, '&', INT_RESULT (x & y), (void) x;)
  ARITH_SMI (BitOr, '|', INT_RESULT (x | y), (void) x;)
  ARITH_SMI (BitXor, '^', INT_RESULT (x ^ y), (void) x;)
  ARITH_SMI (Shl, '<', INT_RESULT ((int32_t) ((uint32_t) x << (y & 31))),
             (void) x;)
  ARITH_SMI (Sar, '>', INT_RESULT (x >> (y & 31)), (void) x;)
  ARITH_SMI (Shr, 'u',
             {
               acc = js_number ((double) ((uint32_t) x >> (y & 31)));
               NEXT (5);
             },
             (void) x;)
#undef ARITH_SMI
#undef DOUBLE_RESULT
#undef INT_RESULT

#define COMPARE_SMI(NAME, CMP, LEFT, SWAP, OREQ)                            \
  op_##NAME##Smi:                                                           \
  {                                                                         \
    JsValue a = acc;                                                        \
    int32_t y = I32 (0);                                                    \
    if (G_LIKELY (js_is_int32 (a)))                                         \
      {                                                                     \
        acc = js_bool (js_get_int32 (a) CMP y);                             \
        NEXT (5);                                                           \
      }                                                                     \
    if (js_is_double (a))                                                   \
      {                                                                     \
        acc = js_bool (js_get_double (a) CMP (double) y);                   \
        NEXT (5);                                                           \
      }                                                                     \
    SYNC ();                                                                \
    JsValue b = js_int32 (y);                                               \
    int r = SWAP ? js_less_than (ctx, b, a, LEFT, OREQ)                     \
                 : js_less_than (ctx, a, b, LEFT, OREQ);                    \
    if (r < 0)                                                              \
      THROW ();                                                             \
    acc = js_bool (r);                                                      \
    NEXT (5);                                                               \
  }
  COMPARE_SMI (Lt, <, true, false, false)
  COMPARE_SMI (Le, <=, true, false, true)
  COMPARE_SMI (Gt, >, false, true, false)
  COMPARE_SMI (Ge, >=, false, true, true)
#undef COMPARE_SMI
op_StrictEqSmi:
op_StrictNeSmi:
  {
    JsValue b = js_int32 (I32 (0));
    bool eq;
    if (js_is_int32 (acc))
      eq = acc == b;
    else
      eq = js_strict_equals (rt, acc, b);
    acc = js_bool (eq == (*pc == JS_OP_StrictEqSmi));
    NEXT (5);
  }

op_StrictEq:
op_StrictNe:
  {
    JsValue a = REG (0);
    bool eq;
    if (js_is_int32 (a) && js_is_int32 (acc))
      eq = a == acc;
    else
      eq = js_strict_equals (rt, a, acc);
    acc = js_bool (eq == (*pc == JS_OP_StrictEq));
    NEXT (3);
  }
op_Eq:
op_Ne:
  {
    JsValue a = REG (0);
    int eq;
    if (js_is_int32 (a) && js_is_int32 (acc))
      eq = a == acc;
    else
      {
        SYNC ();
        eq = js_loose_equals (ctx, a, acc);
        if (eq < 0)
          THROW ();
      }
    acc = js_bool ((eq != 0) == (*pc == JS_OP_Eq));
    NEXT (3);
  }
#define COMPARE(NAME, CMP, LEFT, SWAP, OREQ)                                \
  op_##NAME:                                                                \
  {                                                                         \
    JsValue a = REG (0), b = acc;                                           \
    if (js_is_int32 (a) && js_is_int32 (b))                                 \
      {                                                                     \
        acc = js_bool (js_get_int32 (a) CMP js_get_int32 (b));              \
        NEXT (3);                                                           \
      }                                                                     \
    if (js_is_number (a) && js_is_number (b))                               \
      {                                                                     \
        acc = js_bool (js_get_number (a) CMP js_get_number (b));            \
        NEXT (3);                                                           \
      }                                                                     \
    SYNC ();                                                                \
    int r = SWAP ? js_less_than (ctx, b, a, LEFT, OREQ)                     \
                 : js_less_than (ctx, a, b, LEFT, OREQ);                    \
    if (r < 0)                                                              \
      THROW ();                                                             \
    acc = js_bool (r);                                                      \
    NEXT (3);                                                               \
  }
  COMPARE (Lt, <, true, false, false)
  COMPARE (Le, <=, true, false, true)
  COMPARE (Gt, >, false, true, false)
  COMPARE (Ge, >=, false, true, true)
#undef COMPARE

op_InstanceOf:
  SYNC ();
  acc = js_instance_of (ctx, REG (0), acc);
  CHECK (acc);
  NEXT (3);
op_In:
  SYNC ();
  acc = js_in (ctx, REG (0), acc);
  CHECK (acc);
  NEXT (3);
op_Inc:
  if (js_is_int32 (acc) && js_get_int32 (acc) != INT32_MAX)
    {
      acc = js_int32 (js_get_int32 (acc) + 1);
      NEXT (1);
    }
  SYNC ();
  acc = js_unary (ctx, 'i', acc);
  CHECK (acc);
  NEXT (1);
op_Dec:
  if (js_is_int32 (acc) && js_get_int32 (acc) != INT32_MIN)
    {
      acc = js_int32 (js_get_int32 (acc) - 1);
      NEXT (1);
    }
  SYNC ();
  acc = js_unary (ctx, 'd', acc);
  CHECK (acc);
  NEXT (1);
op_Negate:
  if (js_is_int32 (acc) && js_get_int32 (acc) != 0
      && js_get_int32 (acc) != INT32_MIN)
    {
      acc = js_int32 (-js_get_int32 (acc));
      NEXT (1);
    }
  SYNC ();
  acc = js_unary (ctx, '-', acc);
  CHECK (acc);
  NEXT (1);
op_BitNot:
  if (js_is_int32 (acc))
    {
      acc = js_int32 (~js_get_int32 (acc));
      NEXT (1);
    }
  SYNC ();
  acc = js_unary (ctx, '~', acc);
  CHECK (acc);
  NEXT (1);
op_Not:
  acc = js_bool (!truthy (acc));
  NEXT (1);
op_Typeof:
  acc = js_typeof (ctx, acc);
  NEXT (1);
op_ToNumeric:
  if (!js_is_number (acc))
    {
      SYNC ();
      acc = js_to_numeric (ctx, acc);
      CHECK (acc);
    }
  NEXT (1);
op_ToNumber:
  if (!js_is_number (acc))
    {
      SYNC ();
      acc = js_to_number_value (ctx, acc);
      CHECK (acc);
    }
  NEXT (1);
op_ToString:
  if (!js_is_string (acc))
    {
      SYNC ();
      acc = js_to_string (ctx, acc);
      CHECK (acc);
    }
  NEXT (1);
op_ToPropertyKey:
  if (!js_is_string (acc) && !js_is_symbol (acc))
    {
      SYNC ();
      acc = js_to_property_key_value (ctx, acc);
      CHECK (acc);
    }
  NEXT (1);
op_ToObject:
  if (!js_is_object (acc))
    {
      SYNC ();
      acc = js_to_object (ctx, acc);
      CHECK (acc);
    }
  NEXT (1);

  /* Control. */
op_Jump:
  NEXT (5 + I32 (0));
op_JumpLoop:
  if (G_UNLIKELY (rt->interrupt_pending))
    {
      SYNC ();
      if (realm_check_interrupt (ctx) < 0)
        THROW ();
    }
  NEXT (5 + I32 (0));
op_JumpIfTrue:
  NEXT (truthy (acc) ? 5 + I32 (0) : 5);
op_JumpIfFalse:
  NEXT (truthy (acc) ? 5 : 5 + I32 (0));
op_JumpIfNullish:
  NEXT (js_is_nullish (acc) ? 5 + I32 (0) : 5);
op_JumpIfNotNullish:
  NEXT (js_is_nullish (acc) ? 5 : 5 + I32 (0));
op_JumpIfUndefined:
  NEXT (js_is_undefined (acc) ? 5 + I32 (0) : 5);
op_JumpIfNotUndefined:
  NEXT (js_is_undefined (acc) ? 5 : 5 + I32 (0));
op_JumpIfHole:
  NEXT (js_is_empty (acc) ? 5 + I32 (0) : 5);
op_JumpIfNotHole:
  NEXT (js_is_empty (acc) ? 5 : 5 + I32 (0));
op_Throw:
  SYNC ();
  js_throw (ctx, acc);
  THROW ();
op_ThrowError:
  {
    SYNC ();
    JsString *m = js_get_string (code->consts[U16 (2)]);
    g_autofree char *s = string_to_utf8 (rt, m, NULL);
    static const JsErrorType kinds[] = {
      [JS_ERROR_TYPE] = JS_ERR_TYPE, [JS_ERROR_REFERENCE] = JS_ERR_REFERENCE,
      [JS_ERROR_SYNTAX] = JS_ERR_SYNTAX, [JS_ERROR_RANGE] = JS_ERR_RANGE,
    };
    js_throw_error (ctx, kinds[U16 (0) & 3], "%s", s ? s : "");
    THROW ();
  }
op_Debugger:
  NEXT (1);

op_InitGenerator:
  {
    /* The parameters are bound: the rest of the body runs when the
       generator is resumed.  The call returns the generator object. */
    SYNC ();
    acc = generator_create (ctx, frame, (uint32_t) (pc + 1 - code->bytecode));
    CHECK (acc);
    goto do_return;
  }
op_InitAsync:
  {
    SYNC ();
    acc = async_start (ctx, frame, (uint32_t) (pc + 1 - code->bytecode));
    CHECK (acc);
    goto do_return;
  }
op_Yield:
op_YieldRaw:
op_Await:
  {
    JsGenerator *g = frame->gen;
    if (G_UNLIKELY (!g))
      {
        /* Only generator and async frames suspend. */
        SYNC ();
        js_throw_error (ctx, JS_ERR_SYNTAX, "%s is not supported here",
                        js_op_name[*pc]);
        THROW ();
      }
    g->raw = *pc == JS_OP_YieldRaw;
    g->awaiting = *pc == JS_OP_Await;
    g->pc = (uint32_t) (pc + 1 - code->bytecode);
    generator_save (rt, g, frame);
    g->state = JS_GEN_SUSPENDED_YIELD;
    rt->frame_count--;
    return acc;
  }
op_ResumeKind:
  acc = js_int32 ((int32_t) frame->gen->resume_kind);
  NEXT (1);
op_DelegateStep:
  {
    SYNC ();
    acc = generator_delegate_step (ctx, &REG (0), &REG (2), REG (4),
                                   (code->flags & JS_CODE_ASYNC) != 0);
    rt->stack_top = frame->top;
    CHECK (acc);
    NEXT (7);
  }

op_Return:
do_return:
  {
    uint32_t flags = frame->flags;
    if (G_UNLIKELY (flags & JS_FRAME_CONSTRUCT) && !js_is_object (acc))
      {
        if (!js_is_undefined (acc) && (code->flags & JS_CODE_DERIVED))
          {
            SYNC ();
            js_throw_type_error (ctx, "Derived constructors may only return "
                                      "object or undefined");
            goto throw_from_caller;
          }
        acc = regs[0];
        if (js_is_empty (acc))
          {
            SYNC ();
            js_throw_reference_error (ctx, "Must call super constructor "
                                           "before returning from derived "
                                           "constructor");
            goto throw_from_caller;
          }
      }
    rt->frame_count--;
    if (flags & JS_FRAME_ENTRY)
      return acc;
    RELOAD ();
    rt->stack_top = frame->top;
    /* Resume after the call instruction. */
    pc += G_LIKELY (*pc != JS_OP_Wide) ? op_length[*pc]
                                       : bc_instruction_length (pc);
    goto *dispatch[*pc];
  }

throw_from_caller:
  {
    /* [[Construct]] throws after the body has returned: the
       constructor's own handlers must not see it. */
    uint32_t flags = frame->flags;
    rt->frame_count--;
    if (flags & JS_FRAME_ENTRY)
      return JS_EXCEPTION;
    RELOAD ();
    rt->stack_top = frame->top;
    THROW ();
  }

  /* Calls. */
op_CallEval:
  {
    /* eval (...) spelled directly: a direct eval only if the callee is
       this realm's %eval%; the compiler put the caller's this and
       new.target after the arguments for that case.  Otherwise an
       ordinary call (this: undefined, or a with object). */
    JsValue *win = &REG (0);
    if (win[0] == ctx->eval_fn)
      {
        SYNC ();
        uint32_t argc = U16 (2);
        acc = argc ? builtins_direct_eval (ctx, frame, win[2 + argc],
                                           win[3 + argc], win[2])
                   : JS_UNDEFINED;
        rt->stack_top = frame->top;
        CHECK (acc);
        NEXT (7);
      }
  }
op_Call:
op_Construct:
  {
    JsValue *win = &REG (0);
    uint32_t argc = U16 (2);
    JsValue callee = win[0];
    bool construct = *pc == JS_OP_Construct;
    SYNC ();
    JsIC *ic = &code->ics[U16 (4)];
    JsFunction *fn = NULL;
    if (G_LIKELY (js_is_object (callee)))
      {
        /* The closure this site called last (a function for sure): no
           need to look at its class. */
        if (G_LIKELY ((JsObject *) js_get_cell (callee) == ic->holder))
          {
            fn = (JsFunction *) ic->holder;
            IC_COUNT_HIT (rt, code, ic);
          }
        else if (js_get_cell (callee)->shape->cls == &js_function_class)
          {
            fn = (JsFunction *) js_get_cell (callee);
            if (ic->target == (JsCell *) fn->code)
              IC_COUNT_HIT (rt, code, ic);
            else
              ic_call_miss (rt, code, ic, (JsCell *) fn->code);
            if (ic->state != JS_IC_MEGA)
              ic->holder = (JsObject *) fn;
          }
      }
    /* f.call (this, ...) and f.apply (this, list) of a script function:
       the window becomes f's own call, with no native frame and no C
       re-entry in between.  Lists apply cannot copy at once take the
       native's path. */
    if (!fn && !construct && js_is_object (callee) && js_is_object (win[1])
        && js_get_cell (win[1])->shape->cls == &js_function_class)
      {
        int kind = builtins_function_call_kind (callee);
        int64_t n = -1;
        if (kind == 2)
          {
            JsValue list = argc >= 2 ? win[3] : JS_UNDEFINED;
            if (js_is_nullish (list))
              n = 0;
            else if (js_is_object (list)
                     && (size_t) (rt->stack_limit - rt->stack_top)
                            > 65535 + 128)
              n = builtins_copy_list (rt, js_get_object (list),
                                      rt->stack_top, 65535);
          }
        if (kind == 1 || n >= 0)
          {
            if (ic->target == js_get_cell (callee))
              IC_COUNT_HIT (rt, code, ic);
            else
              ic_call_miss (rt, code, ic, js_get_cell (callee));
            JsValue target = win[1];
            if (kind == 1)
              {
                /* this, then the arguments, each one slot down. */
                if (argc == 0)
                  win[1] = JS_UNDEFINED;
                else
                  memmove (win + 1, win + 2, argc-- * sizeof (JsValue));
              }
            else
              {
                win[1] = argc >= 1 ? win[2] : JS_UNDEFINED;
                memmove (win + 2, rt->stack_top, (size_t) n * sizeof (JsValue));
                argc = (uint32_t) n;
              }
            win[0] = callee = target;
            fn = (JsFunction *) js_get_cell (target);
          }
      }
    if (G_LIKELY (fn))
      {
        uint32_t flags = 0;
        JsValue nt = JS_UNDEFINED;
        if (construct)
          {
            if (!(fn->code->flags & JS_CODE_CONSTRUCTOR))
              goto not_constructor;
            nt = callee;
            flags = JS_FRAME_CONSTRUCT;
            if (!(fn->code->flags & JS_CODE_DERIVED))
              {
                JsValue t = function_ordinary_create_this (ctx, callee,
                                                           win + 2, argc);
                CHECK (t);
                win[1] = t;
                if ((fn->code->flags & JS_CODE_CLASS_CONSTRUCTOR)
                    && realm_init_fields (ctx, callee, t) < 0)
                  THROW ();
              }
            else
              win[1] = JS_EMPTY;
          }
        else if (G_UNLIKELY (fn->code->flags & JS_CODE_CLASS_CONSTRUCTOR))
          {
            js_throw_type_error (ctx, "Class constructor cannot be invoked "
                                      "without 'new'");
            THROW ();
          }
        if (!frame_push (ctx, fn, win, argc, nt, flags))
          THROW ();
        RELOAD ();
        goto *dispatch[*pc];
      }
    /* Native functions, bound functions, proxies: through C. */
    if (js_is_object (callee))
      {
        if (ic->target == js_get_cell (callee))
          IC_COUNT_HIT (rt, code, ic);
        else
          ic_call_miss (rt, code, ic, js_get_cell (callee));
      }
    if (construct)
      {
        if (!js_is_constructor (callee))
          goto not_constructor;
        acc = js_construct (ctx, callee, argc, win + 2, callee);
      }
    else
      {
        /* A native function takes the window as it stands (callee, this
           and the arguments in place, as a script callee would): no
           copy, no second look at the callee's class. */
        if (js_is_object (callee)
            && js_get_cell (callee)->shape->cls == &js_native_function_class
            && (size_t) (rt->stack_limit - rt->stack_top)
                   >= (size_t) argc + 64)
          acc = function_call_native (ctx, win, argc, JS_UNDEFINED);
        else
          {
            if (!js_is_callable (callee))
              {
                js_throw_type_error (ctx, "%s is not a function",
                                     realm_describe (ctx, callee));
                THROW ();
              }
            acc = js_call (ctx, callee, win[1], argc, win + 2);
          }
      }
    rt->stack_top = frame->top;
    CHECK (acc);
    NEXT (7);
  not_constructor:
    js_throw_type_error (ctx, "%s is not a constructor",
                         realm_describe (ctx, callee));
    THROW ();
  }
op_CallEvalSpread:
  {
    JsValue *win = &REG (0);
    if (win[0] == ctx->eval_fn)
      {
        SYNC ();
        JsObject *arr = js_get_object (win[2]);
        JsValue x = object_array_length (arr) && object_elem_len (arr)
                        ? object_elements (arr)[0]
                        : JS_UNDEFINED;
        acc = object_array_length (arr)
                  ? builtins_direct_eval (ctx, frame, win[3], win[4],
                                          js_is_empty (x) ? JS_UNDEFINED : x)
                  : JS_UNDEFINED;
        rt->stack_top = frame->top;
        CHECK (acc);
        NEXT (3);
      }
  }
op_CallSpread:
op_ConstructSpread:
  {
    SYNC ();
    JsValue *win = &REG (0);
    JsObject *arr = js_get_object (win[2]);
    uint32_t n = object_array_length (arr);
    JsValue *argv = rt->stack_top;
    if (rt->stack_top + n + 8 >= rt->stack_limit)
      {
        js_throw_range_error (ctx, "Maximum call stack size exceeded");
        THROW ();
      }
    for (uint32_t i = 0; i < n; i++)
      {
        JsValue v = i < object_elem_len (arr) ? object_elements (arr)[i]
                                              : JS_UNDEFINED;
        *rt->stack_top++ = js_is_empty (v) ? JS_UNDEFINED : v;
      }
    if (*pc == JS_OP_ConstructSpread)
      {
        if (!js_is_constructor (win[0]))
          {
            js_throw_type_error (ctx, "%s is not a constructor",
                                 realm_describe (ctx, win[0]));
            THROW ();
          }
        acc = js_construct (ctx, win[0], n, argv, win[0]);
      }
    else
      acc = js_call (ctx, win[0], win[1], n, argv);
    rt->stack_top = frame->top;
    CHECK (acc);
    NEXT (3);
  }

  /* Iteration. */
op_GetIterator:
  {
    SYNC ();
    if (realm_get_iterator (ctx, acc, &REG (0)) < 0)
      THROW ();
    NEXT (3);
  }
op_IteratorStep:
  {
    JsValue *it = &REG (0);
    if (js_is_undefined (it[1]))
      NEXT (7 + I32 (2));
    SYNC ();
    bool done;
    acc = realm_iterator_step (ctx, it, &done);
    if (js_is_exception (acc))
      {
        /* A throwing next, done or value leaves the iterator done: an
           enclosing IteratorCloseThrow must not call return. */
        it[1] = JS_UNDEFINED;
        THROW ();
      }
    if (done)
      {
        it[1] = JS_UNDEFINED;
        NEXT (7 + I32 (2));
      }
    NEXT (7);
  }
op_GetAsyncIterator:
  {
    SYNC ();
    if (builtins_get_async_iterator (ctx, acc, &REG (0)) < 0)
      THROW ();
    NEXT (3);
  }
op_IteratorComplete:
  {
    JsValue *it = &REG (0);
    SYNC ();
    bool done;
    acc = builtins_iterator_complete (ctx, acc, &done);
    CHECK (acc);
    if (done)
      {
        it[1] = JS_UNDEFINED;
        NEXT (7 + I32 (2));
      }
    NEXT (7);
  }
op_IteratorCloseCall:
  {
    JsValue *it = &REG (0);
    uint32_t flags = U16 (2);
    if (js_is_undefined (it[1]))
      {
        acc = JS_EMPTY;
        NEXT (5);
      }
    SYNC ();
    it[1] = JS_UNDEFINED;
    acc = builtins_iterator_close_call (ctx, it[0], (flags & 1) != 0);
    rt->stack_top = frame->top;
    CHECK (acc);
    NEXT (5);
  }
op_CheckIterResult:
  if (G_UNLIKELY (!js_is_object (acc)))
    {
      SYNC ();
      js_throw_type_error (ctx, "Iterator result %s is not an object",
                           realm_describe (ctx, acc));
      THROW ();
    }
  NEXT (1);
op_IteratorClose:
  {
    JsValue *it = &REG (0);
    if (!js_is_undefined (it[1]))
      {
        SYNC ();
        JsValue *r = rt_push_root (rt, acc);
        int h = realm_iterator_close (ctx, it[0]);
        acc = *r;
        rt->stack_top = frame->top;
        it[1] = JS_UNDEFINED;
        if (h < 0)
          THROW ();
      }
    NEXT (3);
  }
op_IteratorCloseThrow:
  {
    /* IteratorClose with a throw completion: return is called, but what
       it throws or returns is ignored; the original exception goes on. */
    JsValue *it = &REG (0);
    SYNC ();
    JsValue *r = rt_push_root (rt, acc);
    if (!js_is_undefined (it[1]))
      {
        it[1] = JS_UNDEFINED;
        if (realm_iterator_close (ctx, it[0]) < 0)
          (void) js_take_exception (ctx);
      }
    js_throw (ctx, *r);
    rt->stack_top = frame->top;
    THROW ();
  }
op_ForInPrepare:
  {
    SYNC ();
    if (realm_for_in_prepare (ctx, acc, &REG (0)) < 0)
      THROW ();
    NEXT (3);
  }
op_ForInNext:
  {
    SYNC ();
    bool done;
    acc = realm_for_in_next (ctx, &REG (0), &done);
    CHECK (acc);
    if (done)
      NEXT (7 + I32 (2));
    NEXT (7);
  }

exception:
  {
    /* Unwind to the nearest handler: in this frame, or in a caller, up
       to the frame where C entered the loop. */
    for (;;)
      {
        uint32_t off = (uint32_t) (pc - code->bytecode);
        for (uint32_t i = 0; i < code->n_handlers; i++)
          {
            JsHandler *h = &code->handlers[i];
            if (off >= h->start && off < h->end)
              {
                acc = js_take_exception (ctx);
                rt->stack_top = frame->top;
                pc = code->bytecode + h->target;
                goto *dispatch[*pc];
              }
          }
        uint32_t flags = frame->flags;
        rt->frame_count--;
        if (flags & JS_FRAME_ENTRY)
          return JS_EXCEPTION;
        RELOAD ();
        rt->stack_top = frame->top;
      }
  }
}

/* ------------------------------------------------------------------ */
/* Entries from C                                                      */
/* ------------------------------------------------------------------ */

/* Runs fn over window base as an entry frame. */
static JsValue
enter (JsContext *ctx, JsFunction *fn, JsValue *base, uint32_t argc,
       JsValue new_target, uint32_t flags)
{
  JsRuntime *rt = ctx->rt;
  if (rt->native_depth >= JS_MAX_NATIVE_DEPTH)
    return js_throw_range_error (ctx, "Maximum call stack size exceeded");
  if (!frame_push (ctx, fn, base, argc, new_target, flags | JS_FRAME_ENTRY))
    return JS_EXCEPTION;
  rt->native_depth++;
  JsValue r = run (ctx, JS_UNDEFINED);
  rt->native_depth--;
  return r;
}

JsValue
js_call (JsContext *ctx, JsValue fn, JsValue this_arg, uint32_t argc,
         const JsValue *argv)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_callable (fn))
    return js_throw_type_error (ctx, "%s is not a function",
                                realm_describe (ctx, fn));
  if ((size_t) (rt->stack_limit - rt->stack_top) < (size_t) argc + 64)
    return js_throw_range_error (ctx, "Maximum call stack size exceeded");
  JsValue *saved = rt->stack_top;
  JsValue *base = rt->stack_top;
  base[0] = fn;
  base[1] = this_arg;
  if (argc)
    memmove (base + 2, argv, argc * sizeof (JsValue));
  rt->stack_top = base + 2 + argc;
  JsValue r;
  JsCell *cell = js_get_cell (fn);
  if (cell->shape->cls == &js_function_class)
    {
      JsFunction *f = (JsFunction *) cell;
      if (f->code->flags & JS_CODE_CLASS_CONSTRUCTOR)
        r = js_throw_type_error (ctx, "Class constructor cannot be invoked "
                                      "without 'new'");
      else
        r = enter (ctx, f, base, argc, JS_UNDEFINED, 0);
    }
  else
    r = function_call_native (ctx, base, argc, JS_UNDEFINED);
  rt->stack_top = saved;
  return r;
}

JsValue
js_construct (JsContext *ctx, JsValue fn, uint32_t argc, const JsValue *argv,
              JsValue new_target)
{
  JsRuntime *rt = ctx->rt;
  if (!js_is_constructor (fn))
    return js_throw_type_error (ctx, "%s is not a constructor",
                                realm_describe (ctx, fn));
  if ((size_t) (rt->stack_limit - rt->stack_top) < (size_t) argc + 64)
    return js_throw_range_error (ctx, "Maximum call stack size exceeded");
  JsValue *saved = rt->stack_top;
  JsValue *base = rt->stack_top;
  base[0] = fn;
  base[1] = JS_UNDEFINED;
  if (argc)
    memmove (base + 2, argv, argc * sizeof (JsValue));
  rt->stack_top = base + 2 + argc;
  JsValue *nt = rt_push_root (rt, new_target);
  JsValue r;
  JsCell *cell = js_get_cell (fn);
  if (cell->shape->cls == &js_function_class)
    {
      JsFunction *f = (JsFunction *) cell;
      if (f->code->flags & JS_CODE_DERIVED)
        base[1] = JS_EMPTY;
      else
        {
          JsValue t = function_ordinary_create_this (ctx, *nt, base + 2, argc);
          if (js_is_exception (t))
            {
              rt->stack_top = saved;
              return t;
            }
          base[1] = t;
          if ((f->code->flags & JS_CODE_CLASS_CONSTRUCTOR)
              && realm_init_fields (ctx, base[0], t) < 0)
            {
              rt->stack_top = saved;
              return JS_EXCEPTION;
            }
        }
      rt->stack_top = base + 2 + argc;
      r = enter (ctx, f, base, argc, *nt, JS_FRAME_CONSTRUCT);
    }
  else
    {
      rt->stack_top = base + 2 + argc;
      r = function_call_native (ctx, base, argc, *nt);
    }
  rt->stack_top = saved;
  return r;
}

JsValue
js_run_code_in (JsContext *ctx, JsCode *code, JsEnv *env, JsValue this_value,
                JsValue new_target, JsValue home)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt->stack_top;
  rt_push_cell (rt, code);
  rt_push_root (rt, this_value);
  rt_push_root (rt, new_target);
  rt_push_root (rt, home);
  JsFunction *fn = function_new_closure (ctx, code, env);
  if (!fn)
    {
      rt->stack_top = saved;
      return js_throw_out_of_memory (ctx);
    }
  if (code->flags & JS_CODE_METHOD)
    {
      fn->extra[0] = saved[3];
      gc_write_barrier (&rt->heap, (JsCell *) fn);
    }
  JsValue *base = rt->stack_top;
  base[0] = js_object_value ((JsObject *) fn);
  base[1] = saved[1];
  rt->stack_top = base + 2;
  JsValue r = enter (ctx, fn, base, 0, saved[2], 0);
  rt->stack_top = saved;
  return r;
}

JsValue
js_run_code (JsContext *ctx, JsCode *code)
{
  return js_run_code_in (ctx, code, ctx->script_env,
                         js_object_value (ctx->global), JS_UNDEFINED,
                         JS_UNDEFINED);
}

uint32_t
bc_instruction_length (const uint8_t *pc)
{
  bool wide = pc[0] == JS_OP_Wide;
  if (wide)
    pc++;
  const char *sig = js_op_signature[pc[0]];
  uint32_t n = 1 + (wide ? 1 : 0);
  for (; *sig; sig++)
    n += bc_operand_size (*sig, wide);
  return n;
}

const char *const js_op_signature[JS_OP_COUNT] = {
#define JS_OP_SIG(name, sig) [JS_OP_##name] = sig,
  JS_OPCODES (JS_OP_SIG)
#undef JS_OP_SIG
};

const char *const js_op_name[JS_OP_COUNT] = {
#define JS_OP_NAME(name, sig) [JS_OP_##name] = #name,
  JS_OPCODES (JS_OP_NAME)
#undef JS_OP_NAME
};
