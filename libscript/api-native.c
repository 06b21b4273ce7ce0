/* api-native.c — the embedding API a binding needs (gs-native.h).
 *
 * Native classes.  An embedder's object is a host cell,
 * [shape | storage | native | unused], one slot, whose properties all
 * live in its storage (inline capacity 0, as functions do).  Its cell
 * class is the first member of the GsClass, so the class of any host
 * object is its shape's class.  The trace hook runs inside marking; the
 * finalize hook never does: the sweep only queues (hook, pointer) pairs,
 * and the queue is drained at the next safe point or when the embedder
 * asks (gs_runtime_run_finalizers), where script may run.  Releasing a
 * GObject can run signal handlers, which is why.
 *
 * Lazy properties.  A class with a resolve hook sets JS_CLASS_RESOLVE:
 * property.c calls api_native_resolve when an own lookup of a string key
 * misses, and keeps the ordinary [[Set]] fast path (which walks shapes
 * without asking) away from chains that hold such an object.
 *
 * The module hook.  module.c asks rt->module_hook about specifiers that
 * are not paths; this file installs the trampoline to the embedder's
 * GsModuleResolveFunc.
 */
#include "config.h"

#include <gscript/gscript.h>

#include "api-native.h"
#include "builtins.h"
#include "builtins-typedarray.h"
#include "function.h"
#include "interp.h"
#include "heap.h"
#include "ops.h"
#include "property.h"
#include "runtime.h"

#include <stdarg.h>

/* A host object: one slot. */
typedef struct
{
  JsShape *shape;     /* header: a shape of the object's GsClass */
  JsStorage *storage; /* properties, or NULL */
  gpointer native;    /* the embedder's pointer, or NULL */
  uint64_t external;  /* bytes counted as external memory for it */
} JsHostObject;

struct _GsClass
{
  JsCellClass cell_class; /* first: a host shape's cls points here */
  GsClassInfo info;       /* the embedder's hooks */
  char *name;             /* owned copy of info.name */
};

/* A finalizer the sweep queued. */
typedef struct
{
  GsFinalizeFunc func;
  gpointer native;
} PendingFinalizer;

struct GsNativeState
{
  GPtrArray *classes;        /* GsClass*, freed with the runtime */
  GPtrArray *tracers;        /* EmbedderTracer*, likewise */
  GArray *pending;           /* PendingFinalizer, in the order found */
  bool drain_queued;         /* a runtime cleanup will drain pending */
  bool draining;             /* gs_runtime_run_finalizers is running */
  bool dying;                /* the heap is being destroyed */
  GsModuleResolveFunc resolver; /* the embedder's module hook */
  gpointer resolver_data;
  GDestroyNotify resolver_destroy;
  JsObject *resolving;       /* the object whose hook runs now ... */
  JsKey resolving_key;       /* ... and for which key: defining the
                                property must not ask the hook again */
};

static inline JsValue *
slot_of (GsValue *v)
{
  return (JsValue *) v;
}

static inline GsValue *
handle_of (JsValue *slot)
{
  return (GsValue *) slot;
}

static GsValue *
new_handle (JsRuntime *rt, JsValue v)
{
  return handle_of (rt_push_root (rt, v));
}

static struct GsNativeState *
native_state (JsRuntime *rt)
{
  if (!rt->native)
    {
      rt->native = g_new0 (struct GsNativeState, 1);
      rt->native->classes = g_ptr_array_new ();
      rt->native->tracers = g_ptr_array_new_with_free_func (g_free);
      rt->native->pending = g_array_new (FALSE, FALSE,
                                         sizeof (PendingFinalizer));
    }
  return rt->native;
}

void
api_native_runtime_dying (JsRuntime *rt)
{
  if (rt->native)
    rt->native->dying = true;
}

void
api_native_runtime_free (JsRuntime *rt)
{
  struct GsNativeState *st = rt->native;
  if (!st)
    return;
  if (st->resolver_destroy)
    st->resolver_destroy (st->resolver_data);
  for (guint i = 0; i < st->classes->len; i++)
    {
      GsClass *c = g_ptr_array_index (st->classes, i);
      g_free (c->name);
      g_free (c);
    }
  g_ptr_array_free (st->classes, TRUE);
  g_ptr_array_free (st->tracers, TRUE);
  g_array_free (st->pending, TRUE);
  g_free (st);
  rt->native = NULL;
}

/* ------------------------------------------------------------------ */
/* Modules                                                             */
/* ------------------------------------------------------------------ */

static JsValue
module_hook (JsContext *ctx, const char *specifier, const char *referrer,
             void *data)
{
  JsRuntime *rt = ctx->rt;
  struct GsNativeState *st = data;
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  GsValue *v = st->resolver (ctx, specifier, referrer, st->resolver_data);
  JsValue r;
  if (v)
    r = *slot_of (v);
  else if (!js_is_empty (ctx->pending_exception))
    r = JS_EXCEPTION;
  else
    r = JS_EMPTY;
  gs_handle_scope_close (&scope);
  return r;
}

void
gs_runtime_set_module_resolver (GsRuntime *rt, GsModuleResolveFunc func,
                                gpointer user_data, GDestroyNotify destroy)
{
  g_return_if_fail (rt != NULL);
  struct GsNativeState *st = native_state (rt);
  if (st->resolver_destroy)
    st->resolver_destroy (st->resolver_data);
  st->resolver = func;
  st->resolver_data = user_data;
  st->resolver_destroy = destroy;
  rt->module_hook = func ? module_hook : NULL;
  rt->module_hook_data = st;
}

/* ------------------------------------------------------------------ */
/* Native classes                                                      */
/* ------------------------------------------------------------------ */

static inline GsClass *
class_of_cell (JsCell *c)
{
  return (GsClass *) c->shape->cls;
}

static void
host_trace (JsTracer *trc, JsCell *cell)
{
  JsHostObject *h = (JsHostObject *) cell;
  gc_mark_cell (trc, (JsCell *) h->storage);
  GsClass *c = class_of_cell (cell);
  if (c->info.trace && h->native)
    c->info.trace ((GsTracer *) trc, h->native);
}

static void
drain_cleanup (JsRuntime *rt, void *data)
{
  gs_runtime_run_finalizers (rt);
}

/* During the sweep: the finalizer is queued, never run here (it may run
 * script), unless the runtime is going away and nothing could. */
static void
host_finalize (JsHeap *heap, JsCell *cell)
{
  JsHostObject *h = (JsHostObject *) cell;
  GsClass *c = class_of_cell (cell);
  JsRuntime *rt = heap->rt;
  if (h->external)
    {
      /* Released as far as the collector is concerned: the finalizer
         will free it. */
      rt->external_bytes -= (int64_t) h->external;
      heap_add_unmanaged (heap, -(int64_t) h->external);
      h->external = 0;
    }
  if (!h->native || !c->info.finalize)
    return;
  struct GsNativeState *st = rt->native;
  if (st->dying)
    {
      c->info.finalize (h->native);
      return;
    }
  PendingFinalizer pf = { c->info.finalize, h->native };
  g_array_append_val (st->pending, pf);
  if (!st->drain_queued)
    {
      st->drain_queued = true;
      runtime_queue_cleanup (rt, drain_cleanup, NULL);
    }
}

void
gs_runtime_run_finalizers (GsRuntime *rt)
{
  g_return_if_fail (rt != NULL);
  struct GsNativeState *st = rt->native;
  if (!st || st->draining)
    return;
  st->draining = true;
  st->drain_queued = false;
  /* A finalizer may collect and queue more: take them in order until
     none is left.  (A finalizer that asks for a drain gets none: this
     loop reaches what it queued.) */
  for (guint i = 0; i < st->pending->len; i++)
    {
      PendingFinalizer pf = g_array_index (st->pending, PendingFinalizer, i);
      pf.func (pf.native);
    }
  g_array_set_size (st->pending, 0);
  st->draining = false;
}

GsClass *
gs_class_new (GsRuntime *rt, const GsClassInfo *info)
{
  g_return_val_if_fail (rt != NULL && info != NULL, NULL);
  GsClass *c = g_new0 (GsClass, 1);
  c->info = *info;
  c->name = g_strdup (info->name ? info->name : "Object");
  c->info.name = c->name;
  c->cell_class.name = c->name;
  c->cell_class.kind = JS_KIND_HOST;
  c->cell_class.trace = host_trace;
  c->cell_class.finalize = host_finalize;
  c->cell_class.flags = info->resolve ? JS_CLASS_RESOLVE : 0;
  g_ptr_array_add (native_state (rt)->classes, c);
  return c;
}

static bool
is_host (JsValue v)
{
  return js_is_object (v)
         && js_get_cell (v)->shape->cls->kind == JS_KIND_HOST
         && js_get_cell (v)->shape->cls->trace == host_trace;
}

GsValue *
gs_object_new_native (GsContext *ctx, GsClass *klass, GsValue *prototype,
                      gpointer native)
{
  g_return_val_if_fail (ctx != NULL && klass != NULL, NULL);
  JsRuntime *rt = ctx->rt;
  JsCell *proto = (JsCell *) ctx->object_proto;
  if (prototype)
    {
      g_return_val_if_fail (js_is_object (*slot_of (prototype))
                                || js_is_null (*slot_of (prototype)),
                            NULL);
      proto = js_is_null (*slot_of (prototype))
                  ? NULL
                  : js_get_cell (*slot_of (prototype));
    }
  JsShape *shape = shape_root_for (rt, &klass->cell_class, proto, 0);
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, shape);
  JsHostObject *h = shape ? (JsHostObject *) heap_alloc_slots (
                                &rt->heap, JS_SPACE_CELLS,
                                js_slots_for (sizeof *h))
                          : NULL;
  rt_restore_roots (rt, saved);
  if (!h)
    {
      js_throw_out_of_memory (ctx);
      return NULL;
    }
  h->shape = shape;
  h->storage = NULL;
  h->native = native;
  h->external = 0;
  heap_set_finalize ((JsCell *) h, true);
  return new_handle (rt, js_object_value ((JsObject *) h));
}

gpointer
gs_object_get_native (GsValue *object, GsClass *klass)
{
  g_return_val_if_fail (object != NULL, NULL);
  JsValue v = *slot_of (object);
  if (!js_is_object (v) || js_get_cell (v)->shape->cls != &klass->cell_class)
    return NULL;
  return ((JsHostObject *) js_get_cell (v))->native;
}

GsClass *
gs_object_get_class (GsValue *object)
{
  g_return_val_if_fail (object != NULL, NULL);
  JsValue v = *slot_of (object);
  return is_host (v) ? class_of_cell (js_get_cell (v)) : NULL;
}

void
gs_object_set_native (GsValue *object, GsClass *klass, gpointer native)
{
  g_return_if_fail (object != NULL && klass != NULL);
  JsValue v = *slot_of (object);
  g_return_if_fail (js_is_object (v)
                    && js_get_cell (v)->shape->cls == &klass->cell_class);
  ((JsHostObject *) js_get_cell (v))->native = native;
}

void
gs_object_set_external_size (GsValue *object, GsClass *klass, gsize bytes)
{
  g_return_if_fail (object != NULL && klass != NULL);
  JsValue v = *slot_of (object);
  g_return_if_fail (js_is_object (v)
                    && js_get_cell (v)->shape->cls == &klass->cell_class);
  JsHostObject *h = (JsHostObject *) js_get_cell (v);
  JsRuntime *rt = js_chunk_of (h)->heap->rt;
  int64_t delta = (int64_t) bytes - (int64_t) h->external;
  h->external = bytes;
  gs_runtime_adjust_external_memory (rt, delta);
}

void
gs_tracer_mark_persistent (GsTracer *tracer, GsPersistent *p)
{
  g_return_if_fail (tracer != NULL && p != NULL);
  gc_mark_value ((JsTracer *) tracer, p->value);
}

/* An embedder's root tracer: what JsRootTracer.data points at. */
typedef struct
{
  GsTraceFunc trace;
  gpointer data;
} EmbedderTracer;

static void
embedder_trace (JsRuntime *rt, JsTracer *trc, void *data)
{
  EmbedderTracer *t = data;
  if (t->trace)
    t->trace ((GsTracer *) trc, t->data);
}

void
gs_runtime_add_root_tracer (GsRuntime *rt, GsTraceFunc trace, gpointer data)
{
  g_return_if_fail (rt != NULL && trace != NULL);
  EmbedderTracer *t = g_new (EmbedderTracer, 1);
  t->trace = trace;
  t->data = data;
  g_ptr_array_add (native_state (rt)->tracers, t);
  JsRootTracer jt = { .trace = embedder_trace, .data = t };
  runtime_add_root_tracer (rt, &jt);
}

void
gs_runtime_remove_root_tracer (GsRuntime *rt, GsTraceFunc trace,
                               gpointer data)
{
  g_return_if_fail (rt != NULL);
  struct GsNativeState *st = native_state (rt);
  for (guint i = 0; i < st->tracers->len; i++)
    {
      EmbedderTracer *t = g_ptr_array_index (st->tracers, i);
      if (t->trace == trace && t->data == data)
        {
          /* The runtime's entry stays (it has no removal) but traces
             nothing from now on. */
          t->trace = NULL;
          return;
        }
    }
}

int
api_native_resolve (JsContext *ctx, JsObject *o, JsKey key)
{
  if (js_key_is_index (key) || atom_key_is_symbol (key))
    return 0;
  GsClass *c = class_of_cell ((JsCell *) o);
  JsRuntime *rt = ctx->rt;
  struct GsNativeState *st = rt->native;
  if (st->resolving == o && st->resolving_key == key)
    return 0;
  g_autofree char *name = string_to_utf8 (rt, (JsString *) js_key_cell (key),
                                          NULL);
  if (!name)
    {
      js_throw_out_of_memory (ctx);
      return -1;
    }
  GsHandleScope scope;
  gs_handle_scope_open (&scope, rt);
  GsValue *h = new_handle (rt, js_object_value (o));
  /* The key's atom must outlive the hook's allocations, so that the
     property it defines has this very key. */
  new_handle (rt, js_string_value ((JsString *) js_key_cell (key)));
  JsObject *outer = st->resolving;
  JsKey outer_key = st->resolving_key;
  st->resolving = o;
  st->resolving_key = key;
  gboolean ok = c->info.resolve (ctx, h, name, ((JsHostObject *) o)->native);
  st->resolving = outer;
  st->resolving_key = outer_key;
  gs_handle_scope_close (&scope);
  if (!ok)
    return -1;
  return 1;
}

/* ------------------------------------------------------------------ */
/* Properties                                                          */
/* ------------------------------------------------------------------ */

static uint8_t
attrs_of (GsPropertyFlags flags)
{
  uint8_t a = JS_ATTR_DEFAULT;
  if (flags & GS_PROPERTY_READONLY)
    a &= ~JS_ATTR_WRITABLE;
  if (flags & GS_PROPERTY_DONTENUM)
    a &= ~JS_ATTR_ENUMERABLE;
  if (flags & GS_PROPERTY_DONTDELETE)
    a &= ~JS_ATTR_CONFIGURABLE;
  return a;
}

static JsKey
key_of (GsContext *ctx, const char *name)
{
  JsKey key = atom_key_from_utf8 (ctx->rt, name);
  if (key == JS_KEY_NONE)
    js_throw_out_of_memory (ctx);
  return key;
}

static gboolean
define (GsContext *ctx, GsValue *object, const char *name,
        JsPropertyDescriptor *d)
{
  g_return_val_if_fail (js_is_object (*slot_of (object)), FALSE);
  JsKey key = key_of (ctx, name);
  if (key == JS_KEY_NONE)
    return FALSE;
  /* Defining a property does not ask a resolve hook to make it first. */
  struct GsNativeState *st = native_state (ctx->rt);
  JsObject *o = js_get_object (*slot_of (object));
  JsObject *outer = st->resolving;
  JsKey outer_key = st->resolving_key;
  st->resolving = o;
  st->resolving_key = key;
  int r = builtins_define_property (ctx, o, key, d);
  st->resolving = outer;
  st->resolving_key = outer_key;
  if (r == 0)
    js_throw_type_error (ctx, "Cannot redefine property: %s", name);
  return r > 0;
}

gboolean
gs_object_define_property (GsContext *ctx, GsValue *object, const char *name,
                           GsValue *value, GsPropertyFlags flags)
{
  g_return_val_if_fail (ctx != NULL && object != NULL && name != NULL,
                        FALSE);
  uint8_t a = attrs_of (flags);
  JsPropertyDescriptor d = {
    .value = value ? *slot_of (value) : JS_UNDEFINED,
    .get = JS_UNDEFINED, .set = JS_UNDEFINED,
    .has_value = true, .has_writable = true, .has_enumerable = true,
    .has_configurable = true,
    .writable = (a & JS_ATTR_WRITABLE) != 0,
    .enumerable = (a & JS_ATTR_ENUMERABLE) != 0,
    .configurable = (a & JS_ATTR_CONFIGURABLE) != 0,
  };
  return define (ctx, object, name, &d);
}

gboolean
gs_object_define_accessor (GsContext *ctx, GsValue *object, const char *name,
                           GsValue *getter, GsValue *setter,
                           GsPropertyFlags flags)
{
  g_return_val_if_fail (ctx != NULL && object != NULL && name != NULL,
                        FALSE);
  uint8_t a = attrs_of (flags);
  JsPropertyDescriptor d = {
    .value = JS_UNDEFINED,
    .get = getter ? *slot_of (getter) : JS_UNDEFINED,
    .set = setter ? *slot_of (setter) : JS_UNDEFINED,
    .has_get = true, .has_set = true, .has_enumerable = true,
    .has_configurable = true,
    .enumerable = (a & JS_ATTR_ENUMERABLE) != 0,
    .configurable = (a & JS_ATTR_CONFIGURABLE) != 0,
  };
  return define (ctx, object, name, &d);
}

gboolean
gs_object_has_own_property (GsContext *ctx, GsValue *object, const char *name)
{
  g_return_val_if_fail (ctx != NULL && object != NULL && name != NULL,
                        FALSE);
  if (!js_is_object (*slot_of (object)))
    return FALSE;
  JsKey key = key_of (ctx, name);
  if (key == JS_KEY_NONE)
    return FALSE;
  JsValue v;
  uint8_t attrs;
  return prop_get_own (ctx, js_get_object (*slot_of (object)), key, &v,
                       &attrs)
         > 0;
}

char **
gs_object_dup_keys (GsContext *ctx, GsValue *object)
{
  g_return_val_if_fail (ctx != NULL && object != NULL, NULL);
  JsRuntime *rt = ctx->rt;
  if (!js_is_object (*slot_of (object)))
    {
      js_throw_type_error (ctx, "not an object");
      return NULL;
    }
  JsObject *o = js_get_object (*slot_of (object));
  js_resolve_lazy (ctx, o);
  uint32_t n = 0;
  JsKey *keys = object_own_keys (rt, o, JS_KEYS_STRINGS
                                            | JS_KEYS_ENUMERABLE_ONLY,
                                 &n);
  GPtrArray *out = g_ptr_array_new ();
  for (uint32_t i = 0; i < n; i++)
    {
      if (js_key_is_index (keys[i]))
        g_ptr_array_add (out, g_strdup_printf ("%u",
                                               js_key_index (keys[i])));
      else
        g_ptr_array_add (out, string_to_utf8 (rt, (JsString *) js_key_cell (
                                                      keys[i]),
                                              NULL));
    }
  g_free (keys);
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

GsValue *
gs_value_new_object_with_prototype (GsContext *ctx, GsValue *prototype)
{
  g_return_val_if_fail (ctx != NULL, NULL);
  JsRuntime *rt = ctx->rt;
  JsCell *proto = prototype && js_is_object (*slot_of (prototype))
                      ? js_get_cell (*slot_of (prototype))
                      : NULL;
  JsObject *o = object_new_with_proto (rt, proto, JS_OBJECT_DEFAULT_INLINE);
  if (!o)
    {
      js_throw_out_of_memory (ctx);
      return NULL;
    }
  return new_handle (rt, js_object_value (o));
}

GsValue *
gs_object_get_prototype (GsContext *ctx, GsValue *object)
{
  g_return_val_if_fail (ctx != NULL && object != NULL, NULL);
  g_return_val_if_fail (js_is_object (*slot_of (object)), NULL);
  JsValue p = prop_get_prototype_of (ctx, js_get_object (*slot_of (object)));
  if (js_is_exception (p))
    return NULL;
  return new_handle (ctx->rt, p);
}

gboolean
gs_object_set_prototype (GsContext *ctx, GsValue *object, GsValue *prototype)
{
  g_return_val_if_fail (ctx != NULL && object != NULL, FALSE);
  g_return_val_if_fail (js_is_object (*slot_of (object)), FALSE);
  JsValue p = prototype ? *slot_of (prototype) : JS_NULL;
  int r = builtins_set_prototype_of (ctx, js_get_object (*slot_of (object)),
                                     p);
  if (r == 0)
    js_throw_type_error (ctx, "Cannot set the prototype");
  return r > 0;
}

/* ------------------------------------------------------------------ */
/* Constructors                                                        */
/* ------------------------------------------------------------------ */

GsValue *
gs_constructor_new (GsContext *ctx, const char *name, guint length,
                    GsNativeFunc func, GsValue *data, GsValue *prototype)
{
  g_return_val_if_fail (ctx != NULL && func != NULL, NULL);
  JsRuntime *rt = ctx->rt;
  GsValue *fn = gs_function_new (ctx, name, length, func, data);
  if (!fn)
    return NULL;
  JsNativeFunction *f = (JsNativeFunction *) js_get_cell (*slot_of (fn));
  f->flags |= JS_NATIVE_CONSTRUCTOR;
  if (prototype)
    {
      g_return_val_if_fail (js_is_object (*slot_of (prototype)), NULL);
      js_resolve_lazy (ctx, (JsObject *) f);
      if (object_define_own (rt, js_get_object (*slot_of (fn)),
                             atom_common_key (rt, JS_ATOM_prototype),
                             *slot_of (prototype), 0)
              != JS_PROP_DONE
          || !gs_object_define_property (ctx, prototype, "constructor", fn,
                                         GS_PROPERTY_DONTENUM))
        {
          if (js_is_empty (ctx->pending_exception))
            js_throw_out_of_memory (ctx);
          return NULL;
        }
    }
  return fn;
}

GsValue *
gs_callback_info_get_new_target (const GsCallbackInfo *info)
{
  const JsCallInfo *ci = (const JsCallInfo *) info;
  JsRuntime *rt = ci->ctx->rt;
  return new_handle (rt, ci->new_target);
}

GsValue *
gs_function_construct (GsContext *ctx, GsValue *function, guint n_args,
                       GsValue **args)
{
  g_return_val_if_fail (ctx != NULL && function != NULL, NULL);
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *argv = rt->stack_top;
  for (guint i = 0; i < n_args; i++)
    rt_push_root (rt, *slot_of (args[i]));
  rt->call_depth++;
  JsValue r = js_construct (ctx, *slot_of (function), n_args, argv,
                            *slot_of (function));
  rt->call_depth--;
  rt_restore_roots (rt, saved);
  if (rt->call_depth == 0 && !js_is_exception (r))
    {
      JsValue *pr = rt_push_root (rt, r);
      runtime_safe_point (rt);
      r = *pr;
      rt_restore_roots (rt, saved);
    }
  if (js_is_exception (r))
    return NULL;
  return new_handle (rt, r);
}

gboolean
gs_value_instance_of (GsContext *ctx, GsValue *value, GsValue *constructor,
                      gboolean *result)
{
  g_return_val_if_fail (ctx != NULL && value != NULL && constructor != NULL,
                        FALSE);
  JsValue r = js_instance_of (ctx, *slot_of (value), *slot_of (constructor));
  if (js_is_exception (r))
    return FALSE;
  if (result)
    *result = js_get_bool (r);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Conversions, arrays, errors                                         */
/* ------------------------------------------------------------------ */

gboolean
gs_value_to_boolean (GsValue *v)
{
  g_return_val_if_fail (v != NULL, FALSE);
  return js_to_boolean (*slot_of (v));
}

gboolean
gs_value_to_number (GsContext *ctx, GsValue *v, double *out)
{
  g_return_val_if_fail (ctx != NULL && v != NULL, FALSE);
  JsValue x = *slot_of (v);
  if (js_is_number (x))
    {
      *out = js_get_number (x);
      return TRUE;
    }
  return js_to_number (ctx, x, out);
}

char *
gs_value_to_string (GsContext *ctx, GsValue *v)
{
  g_return_val_if_fail (ctx != NULL && v != NULL, NULL);
  JsRuntime *rt = ctx->rt;
  JsValue s = js_to_string (ctx, *slot_of (v));
  if (js_is_exception (s))
    return NULL;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, s);
  char *r = string_to_utf8 (rt, js_get_string (s), NULL);
  rt_restore_roots (rt, saved);
  if (!r)
    js_throw_out_of_memory (ctx);
  return r;
}

gboolean
gs_value_is_array (GsValue *v)
{
  g_return_val_if_fail (v != NULL, FALSE);
  return js_is_object (*slot_of (v))
         && object_is_array (js_get_object (*slot_of (v)));
}

GsValue *
gs_value_new_array (GsContext *ctx, guint length)
{
  g_return_val_if_fail (ctx != NULL, NULL);
  JsRuntime *rt = ctx->rt;
  JsObject *a = object_new_array (rt, (JsCell *) ctx->array_proto, length);
  if (!a)
    {
      js_throw_out_of_memory (ctx);
      return NULL;
    }
  GsValue *h = new_handle (rt, js_object_value (a));
  if (length && object_array_set_length (rt, a, length) != JS_PROP_DONE)
    {
      js_throw_out_of_memory (ctx);
      return NULL;
    }
  return h;
}

GsValue *
gs_object_get_index (GsContext *ctx, GsValue *object, guint32 index)
{
  g_return_val_if_fail (ctx != NULL && object != NULL, NULL);
  JsValue o = *slot_of (object);
  if (js_is_object (o))
    {
      JsObject *obj = js_get_object (o);
      if (index < object_elem_len (obj)
          && !(obj->shape->cls->flags & JS_CLASS_EXOTIC))
        {
          JsValue v = object_elements (obj)[index];
          if (!js_is_empty (v))
            return new_handle (ctx->rt, v);
        }
    }
  JsValue r = js_get (ctx, o, js_key_from_index (index));
  if (js_is_exception (r))
    return NULL;
  return new_handle (ctx->rt, r);
}

gboolean
gs_object_set_index (GsContext *ctx, GsValue *object, guint32 index,
                     GsValue *value)
{
  g_return_val_if_fail (ctx != NULL && object != NULL && value != NULL,
                        FALSE);
  JsValue o = *slot_of (object);
  return js_set (ctx, o, js_key_from_index (index), *slot_of (value), o,
                 true)
         > 0;
}

GsValue *
gs_value_new_uint8_array (GsContext *ctx, const guint8 *data, gsize length)
{
  g_return_val_if_fail (ctx != NULL, NULL);
  JsRuntime *rt = ctx->rt;
  if (length > JS_BUFFER_MAX_BYTES)
    {
      js_throw_range_error (ctx, "Invalid typed array length: %zu", length);
      return NULL;
    }
  JsValue *saved = rt_save_roots (rt);
  JsValue ctor = js_object_value (ctx->typed_array_ctors[JS_TA_UINT8]);
  JsValue *arg = rt_push_root (rt, js_number ((double) length));
  rt->call_depth++;
  JsValue r = js_construct (ctx, ctor, 1, arg, ctor);
  rt->call_depth--;
  rt_restore_roots (rt, saved);
  if (js_is_exception (r))
    return NULL;
  JsArrayView *ta = (JsArrayView *) js_get_cell (r);
  if (length && data)
    memcpy (ta->buffer->data + ta->byte_offset, data, length);
  return new_handle (rt, r);
}

const guint8 *
gs_value_peek_bytes (GsValue *v, gsize *length)
{
  g_return_val_if_fail (v != NULL && length != NULL, NULL);
  JsValue x = *slot_of (v);
  *length = G_MAXSIZE;
  if (!js_is_object (x))
    return NULL;
  JsCell *c = js_get_cell (x);
  const JsCellClass *cls = c->shape->cls;
  if (cls == &js_array_buffer_class)
    {
      JsArrayBuffer *b = (JsArrayBuffer *) c;
      *length = b->byte_length;
      return b->data;
    }
  if (typed_array_class_is (cls) || cls == &js_data_view_class)
    {
      JsArrayView *view = (JsArrayView *) c;
      if (!view->buffer || buffer_is_detached (view->buffer))
        {
          *length = 0;
          return NULL;
        }
      *length = cls == &js_data_view_class
                    ? view->length
                    : (gsize) view->length
                          * js_typed_array_sizes[typed_array_type (view)];
      return view->buffer->data ? view->buffer->data + view->byte_offset
                                : NULL;
    }
  return NULL;
}

static const JsErrorType error_types[] = {
  [GS_ERROR_ERROR] = JS_ERR_ERROR,
  [GS_ERROR_TYPE] = JS_ERR_TYPE,
  [GS_ERROR_RANGE] = JS_ERR_RANGE,
  [GS_ERROR_REFERENCE] = JS_ERR_REFERENCE,
  [GS_ERROR_SYNTAX] = JS_ERR_SYNTAX,
};

GsValue *
gs_value_new_error (GsContext *ctx, GsErrorType type, const char *message)
{
  g_return_val_if_fail (ctx != NULL && message != NULL, NULL);
  g_return_val_if_fail ((guint) type <= GS_ERROR_SYNTAX, NULL);
  JsValue e = js_new_error (ctx, error_types[type], "%s", message);
  if (js_is_exception (e))
    return NULL;
  return new_handle (ctx->rt, e);
}

GsValue *
gs_context_throw_error (GsContext *ctx, GsErrorType type, const char *format,
                        ...)
{
  g_return_val_if_fail (ctx != NULL && format != NULL, NULL);
  g_return_val_if_fail ((guint) type <= GS_ERROR_SYNTAX, NULL);
  va_list args;
  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);
  js_throw_error (ctx, error_types[type], "%s", message);
  return NULL;
}
