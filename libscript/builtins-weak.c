/* builtins-weak.c — WeakMap, WeakSet, WeakRef and FinalizationRegistry.
 *
 * Every object of these four classes is listed in rt->weak_objects when
 * it is made, and a root tracer registered once per runtime visits the
 * list in two phases of each collection (gc.c):
 *
 *   ephemerons  For each marked WeakMap, the values of entries whose
 *               key is marked are marked; the collector repeats this
 *               until a round marks nothing, so a value alive only
 *               through its own key (or a chain of them) dies with it.
 *   weak        Entries of weak tables whose key is white become holes;
 *               WeakRef targets that are white become undefined;
 *               FinalizationRegistry records whose target is white are
 *               flagged cleared, and a native cleanup is queued.  Dead
 *               objects leave the list (they are swept next).
 *
 * Nothing in these phases allocates or runs script.  The cleanup queued
 * for registries runs at the next safe point (runtime_run_cleanups,
 * never inside the collection) and only queues a job per registry; the
 * job calls the registry's callback for each cleared record, so the
 * callbacks run as any other job does, with no script on the stack.
 *
 * WeakRef's [[KeepDuringJob]]: the target given to the constructor or
 * returned by deref stays alive until the current job ends (the
 * runtime's kept list), so a script never sees a target vanish between
 * two reads in one synchronous run.
 */
#include "config.h"

#include "map.h"

#include "property.h"

#include <stddef.h>

/* A WeakRef.  One slot. */
typedef struct
{
  JsShape *shape;     /* header: a WeakRef shape of the realm */
  JsStorage *storage; /* properties, or NULL */
  JsValue target;     /* weak: undefined once collected */
  JsValue unused;     /* padding to one slot */
} JsWeakRef;

/* A FinalizationRegistry.  Two slots. */
typedef struct
{
  JsShape *shape;     /* header: a registry shape of the realm */
  JsStorage *storage; /* properties, or NULL */
  JsValue callback;   /* the cleanup callback */
  JsValue records;    /* a JsRegistryRecords (internal) or undefined */
  JsContext *realm;   /* where its cleanup jobs run */
  uint32_t count;     /* records in use */
  uint32_t flags;     /* REGISTRY_* */
} JsRegistry;

enum
{
  REGISTRY_CLEARED = 1 << 0, /* a record's target died */
  REGISTRY_QUEUED = 1 << 1,  /* a cleanup job is queued */
};

/* A registry's records: (target, held value, unregister token) triples,
 * dense; a cleared record's target is JS_EMPTY.  Only the held values
 * are strong. */
typedef struct
{
  JsShape *shape;   /* header: the records shape */
  uint32_t cap;     /* room for records */
  uint32_t unused;  /* padding */
  JsValue v[];      /* cap * 3 values */
} JsRegistryRecords;

enum
{
  REC_TARGET,
  REC_HELD,
  REC_TOKEN,
  REC_SIZE
};

static void
weak_ref_trace (JsTracer *trc, JsCell *cell)
{
  gc_mark_cell (trc, (JsCell *) ((JsWeakRef *) cell)->storage);
}

static const JsCellClass weak_ref_class = {
  .name = "WeakRef",
  .kind = JS_KIND_OBJECT,
  .trace = weak_ref_trace,
};

static void
registry_trace (JsTracer *trc, JsCell *cell)
{
  JsRegistry *r = (JsRegistry *) cell;
  gc_mark_cell (trc, (JsCell *) r->storage);
  gc_mark_value (trc, r->callback);
  gc_mark_value (trc, r->records);
}

static const JsCellClass registry_class = {
  .name = "FinalizationRegistry",
  .kind = JS_KIND_OBJECT,
  .trace = registry_trace,
};

/* The records' trace cannot know how many are in use (the count is in
 * the registry); unused triples are kept undefined. */
static void
records_trace (JsTracer *trc, JsCell *cell)
{
  JsRegistryRecords *r = (JsRegistryRecords *) cell;
  for (uint32_t i = 0; i < r->cap; i++)
    gc_mark_value (trc, r->v[i * REC_SIZE + REC_HELD]);
}

static const JsCellClass records_class = {
  .name = "FinalizationRecords",
  .kind = JS_KIND_INTERNAL,
  .trace = records_trace,
};

static inline bool
is_marked_value (JsValue v)
{
  return js_cell_is_marked (js_get_cell (v));
}

/* ------------------------------------------------------------------ */
/* The collector's hooks                                               */
/* ------------------------------------------------------------------ */

static void
weak_trace (JsRuntime *rt, JsTracer *trc, void *data)
{
  /* Nothing here is a root. */
  (void) rt;
  (void) trc;
  (void) data;
}

static bool
weak_ephemerons (JsRuntime *rt, JsTracer *trc, void *data)
{
  (void) data;
  bool marked = false;
  GPtrArray *a = rt->weak_objects;
  for (guint k = 0; k < a->len; k++)
    {
      JsCell *o = g_ptr_array_index (a, k);
      if (o->shape->cls != &js_weak_map_class || !js_cell_is_marked (o))
        continue;
      JsMapTable *t = ((JsMapObject *) o)->table;
      for (uint32_t i = 0; i < t->used; i++)
        {
          JsValue *e = map_entry (t, i);
          if (js_is_cell (e[0]) && is_marked_value (e[0])
              && js_is_cell (e[1]) && !is_marked_value (e[1]))
            {
              gc_mark_value (trc, e[1]);
              marked = true;
            }
        }
    }
  return marked;
}

/* The cleanup a collection queues when registries have cleared records:
 * a job per registry, run after it with no script on the stack. */
static JsValue cleanup_job (JsContext *ctx, const JsValue *args);

static void
queue_cleanup_jobs (JsRuntime *rt, void *data)
{
  (void) data;
  GPtrArray *a = rt->weak_objects;
  for (guint k = 0; k < a->len; k++)
    {
      JsRegistry *r = g_ptr_array_index (a, k);
      if (r->shape->cls != &registry_class
          || (r->flags & (REGISTRY_CLEARED | REGISTRY_QUEUED))
                 != REGISTRY_CLEARED)
        continue;
      /* A realm freed before its registry: run in any other. */
      JsContext *ctx = r->realm;
      bool alive = false;
      for (guint i = 0; i < rt->contexts->len && !alive; i++)
        alive = g_ptr_array_index (rt->contexts, i) == ctx;
      if (!alive)
        {
          if (rt->contexts->len == 0)
            continue;
          ctx = r->realm = g_ptr_array_index (rt->contexts, 0);
        }
      JsValue arg = js_object_value ((JsObject *) r);
      if (runtime_enqueue_job (ctx, cleanup_job, 1, &arg))
        r->flags |= REGISTRY_QUEUED;
    }
}

/* Clears the dead targets and tokens of a live registry; true if a
 * record was newly cleared. */
static bool
sweep_registry (JsRegistry *r)
{
  if (js_is_undefined (r->records))
    return false;
  JsRegistryRecords *rec = (JsRegistryRecords *) js_get_cell (r->records);
  bool cleared = false;
  for (uint32_t i = 0; i < r->count; i++)
    {
      JsValue *v = &rec->v[i * REC_SIZE];
      if (js_is_cell (v[REC_TARGET]) && !is_marked_value (v[REC_TARGET]))
        {
          v[REC_TARGET] = JS_EMPTY;
          cleared = true;
        }
      if (js_is_cell (v[REC_TOKEN]) && !is_marked_value (v[REC_TOKEN]))
        v[REC_TOKEN] = JS_UNDEFINED;
    }
  if (cleared)
    r->flags |= REGISTRY_CLEARED;
  return cleared;
}

static void
weak_process (JsRuntime *rt, void *data)
{
  (void) data;
  GPtrArray *a = rt->weak_objects;
  bool cleanup = false;
  guint kept = 0;
  for (guint k = 0; k < a->len; k++)
    {
      JsCell *o = g_ptr_array_index (a, k);
      /* A dead object is swept after this: only its mark bit is read. */
      if (!js_cell_is_marked (o))
        continue;
      a->pdata[kept++] = o;
      const JsCellClass *cls = o->shape->cls;
      if (cls == &js_weak_map_class || cls == &js_weak_set_class)
        {
          JsMapTable *t = ((JsMapObject *) o)->table;
          for (uint32_t i = 0; i < t->used; i++)
            {
              JsValue key = map_entry (t, i)[0];
              if (js_is_cell (key) && !is_marked_value (key))
                map_remove_entry (t, i);
            }
        }
      else if (cls == &weak_ref_class)
        {
          JsWeakRef *w = (JsWeakRef *) o;
          if (js_is_cell (w->target) && !is_marked_value (w->target))
            w->target = JS_UNDEFINED;
        }
      else if (sweep_registry ((JsRegistry *) o))
        cleanup = true;
    }
  g_ptr_array_set_size (a, kept);
  if (cleanup)
    runtime_queue_cleanup (rt, queue_cleanup_jobs, NULL);
}

/* Lists a new weak object, registering the hooks with the first.  It
 * must be listed before anything is stored in it: a collection could
 * otherwise find its entries and not know them for ephemerons. */
bool
builtins_weak_track (JsRuntime *rt, JsObject *o)
{
  if (!rt->weak_objects)
    {
      rt->weak_objects = g_ptr_array_new ();
      JsRootTracer t = { weak_trace, weak_process, NULL, weak_ephemerons };
      runtime_add_root_tracer (rt, &t);
    }
  g_ptr_array_add (rt->weak_objects, o);
  return true;
}

/* CanBeHeldWeakly: an object, or a symbol not in the global registry. */
static bool
can_be_held_weakly (JsValue v)
{
  return js_is_object (v)
         || (js_is_symbol (v)
             && !(js_get_symbol (v)->flags & JS_SYMBOL_REGISTERED));
}

/* ------------------------------------------------------------------ */
/* WeakMap and WeakSet                                                 */
/* ------------------------------------------------------------------ */

static JsValue
weak_collection_ctor (const JsCallInfo *info)
{
  if (info->magic)
    return builtins_collection_construct (info, &js_weak_set_class,
                                          offsetof (JsContext,
                                                    weak_set_proto));
  return builtins_collection_construct (info, &js_weak_map_class,
                                        offsetof (JsContext, weak_map_proto));
}

static bool
this_weak (const JsCallInfo *info, const JsCellClass *cls,
           const char *method)
{
  JsValue t = *info->this_arg;
  if (js_is_object (t) && js_get_cell (t)->shape->cls == cls)
    return true;
  js_throw_type_error (info->ctx, "Method %s.prototype.%s called on "
                                  "incompatible receiver %s",
                       cls->name, method, realm_describe (info->ctx, t));
  return false;
}

static const JsCellClass *
weak_class_of_magic (int magic)
{
  return magic ? &js_weak_set_class : &js_weak_map_class;
}

static JsValue
weak_get (const JsCallInfo *info)
{
  if (!this_weak (info, &js_weak_map_class, "get"))
    return JS_EXCEPTION;
  JsValue key = js_arg (info, 0);
  if (!can_be_held_weakly (key))
    return JS_UNDEFINED;
  JsMapTable *t = map_table_of (*info->this_arg);
  uint32_t i = map_find (info->ctx->rt, t, key);
  return i == JS_MAP_NONE ? JS_UNDEFINED : map_entry (t, i)[1];
}

static JsValue
weak_has (const JsCallInfo *info)
{
  if (!this_weak (info, weak_class_of_magic (info->magic), "has"))
    return JS_EXCEPTION;
  JsValue key = js_arg (info, 0);
  if (!can_be_held_weakly (key))
    return JS_FALSE;
  return js_bool (map_find (info->ctx->rt, map_table_of (*info->this_arg),
                            key)
                  != JS_MAP_NONE);
}

static JsValue
weak_delete (const JsCallInfo *info)
{
  if (!this_weak (info, weak_class_of_magic (info->magic), "delete"))
    return JS_EXCEPTION;
  JsValue key = js_arg (info, 0);
  if (!can_be_held_weakly (key))
    return JS_FALSE;
  return js_bool (map_delete (info->ctx, *info->this_arg, key));
}

/* WeakMap.prototype.set (magic 0) and WeakSet.prototype.add (1). */
static JsValue
weak_set (const JsCallInfo *info)
{
  if (!this_weak (info, weak_class_of_magic (info->magic),
                  info->magic ? "add" : "set"))
    return JS_EXCEPTION;
  JsValue key = js_arg (info, 0);
  if (!can_be_held_weakly (key))
    return js_throw_type_error (info->ctx, "Invalid value used %s",
                                info->magic ? "in weak set"
                                            : "as weak map key");
  if (!map_set (info->ctx, *info->this_arg, key, js_arg (info, 1)))
    return JS_EXCEPTION;
  return *info->this_arg;
}

/* ------------------------------------------------------------------ */
/* WeakRef                                                             */
/* ------------------------------------------------------------------ */

static JsValue
weak_ref_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (js_is_undefined (info->new_target))
    return js_throw_type_error (ctx, "Constructor WeakRef requires 'new'");
  if (!can_be_held_weakly (js_arg (info, 0)))
    return js_throw_type_error (ctx, "WeakRef: invalid target");
  JsObject *proto = builtins_proto_from_ctor (
      ctx, info->new_target, offsetof (JsContext, weak_ref_proto));
  if (!proto)
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (proto));
  JsShape *s = shape_root_for (rt, &weak_ref_class, (JsCell *) proto, 0);
  rt_push_cell (rt, s);
  JsWeakRef *w = s ? (JsWeakRef *) heap_alloc_slots (
                     &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *w))
                   : NULL;
  rt_restore_roots (rt, saved);
  if (!w)
    return js_throw_out_of_memory (ctx);
  w->shape = s;
  w->storage = NULL;
  w->target = js_arg (info, 0);
  w->unused = JS_UNDEFINED;
  gc_write_barrier (&rt->heap, (JsCell *) w);
  if (!builtins_weak_track (rt, (JsObject *) w)
      || !runtime_keep_during_job (rt, w->target))
    return js_throw_out_of_memory (ctx);
  return js_object_value ((JsObject *) w);
}

static JsValue
weak_ref_deref (const JsCallInfo *info)
{
  JsValue t = *info->this_arg;
  if (!js_is_object (t) || js_get_cell (t)->shape->cls != &weak_ref_class)
    return js_throw_type_error (info->ctx, "WeakRef.prototype.deref called "
                                           "on incompatible receiver %s",
                                realm_describe (info->ctx, t));
  JsValue target = ((JsWeakRef *) js_get_cell (t))->target;
  if (!js_is_undefined (target)
      && !runtime_keep_during_job (info->ctx->rt, target))
    return js_throw_out_of_memory (info->ctx);
  return target;
}

/* ------------------------------------------------------------------ */
/* FinalizationRegistry                                                */
/* ------------------------------------------------------------------ */

static JsValue
registry_ctor (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  if (js_is_undefined (info->new_target))
    return js_throw_type_error (ctx, "Constructor FinalizationRegistry "
                                     "requires 'new'");
  if (!js_is_callable (js_arg (info, 0)))
    return js_throw_type_error (ctx, "FinalizationRegistry: cleanup must "
                                     "be callable");
  JsObject *proto = builtins_proto_from_ctor (
      ctx, info->new_target,
      offsetof (JsContext, finalization_registry_proto));
  if (!proto)
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (proto));
  JsShape *s = shape_root_for (rt, &registry_class, (JsCell *) proto, 0);
  rt_push_cell (rt, s);
  JsRegistry *r = s ? (JsRegistry *) heap_alloc_slots (
                      &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *r))
                    : NULL;
  rt_restore_roots (rt, saved);
  if (!r)
    return js_throw_out_of_memory (ctx);
  r->shape = s;
  r->storage = NULL;
  r->callback = js_arg (info, 0);
  r->records = JS_UNDEFINED;
  r->realm = ctx;
  r->count = 0;
  r->flags = 0;
  gc_write_barrier (&rt->heap, (JsCell *) r);
  if (!builtins_weak_track (rt, (JsObject *) r))
    return js_throw_out_of_memory (ctx);
  return js_object_value ((JsObject *) r);
}

static JsRegistry *
this_registry (const JsCallInfo *info, const char *method)
{
  JsValue t = *info->this_arg;
  if (js_is_object (t) && js_get_cell (t)->shape->cls == &registry_class)
    return (JsRegistry *) js_get_cell (t);
  js_throw_type_error (info->ctx, "FinalizationRegistry.prototype.%s "
                                  "called on incompatible receiver %s",
                       method, realm_describe (info->ctx, t));
  return NULL;
}

static inline JsRegistryRecords *
records_of (JsRegistry *r)
{
  return (JsRegistryRecords *) js_get_cell (r->records);
}

/* Removes record i by moving the last one into its place. */
static void
remove_record (JsRuntime *rt, JsRegistry *r, uint32_t i)
{
  JsRegistryRecords *rec = records_of (r);
  uint32_t last = --r->count;
  if (i != last)
    memcpy (&rec->v[i * REC_SIZE], &rec->v[last * REC_SIZE],
            REC_SIZE * sizeof (JsValue));
  for (int k = 0; k < REC_SIZE; k++)
    rec->v[last * REC_SIZE + k] = JS_UNDEFINED;
  gc_write_barrier (&rt->heap, (JsCell *) rec);
}

static JsValue
registry_register (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsRegistry *r = this_registry (info, "register");
  if (!r)
    return JS_EXCEPTION;
  JsValue target = js_arg (info, 0), held = js_arg (info, 1);
  JsValue token = js_arg (info, 2);
  if (!can_be_held_weakly (target))
    return js_throw_type_error (ctx, "FinalizationRegistry.prototype."
                                     "register: invalid target");
  if (js_same_value (rt, target, held))
    return js_throw_type_error (ctx, "FinalizationRegistry.prototype."
                                     "register: target and holdings must "
                                     "not be same");
  if (!can_be_held_weakly (token) && !js_is_undefined (token))
    return js_throw_type_error (ctx, "FinalizationRegistry.prototype."
                                     "register: invalid unregister token");
  uint32_t cap = js_is_undefined (r->records) ? 0 : records_of (r)->cap;
  if (r->count == cap)
    {
      uint32_t ncap = MAX (4u, cap * 2);
      JsShape *s = shape_root_for (rt, &records_class, NULL, 0);
      JsValue *saved = rt_save_roots (rt);
      rt_push_cell (rt, s);
      size_t bytes = sizeof (JsRegistryRecords)
                     + (size_t) ncap * REC_SIZE * sizeof (JsValue);
      JsRegistryRecords *rec = s ? (JsRegistryRecords *) heap_alloc_slots (
                                   &rt->heap, JS_SPACE_CELLS,
                                   js_slots_for (bytes))
                                 : NULL;
      rt_restore_roots (rt, saved);
      if (!rec)
        return js_throw_out_of_memory (ctx);
      r = (JsRegistry *) js_get_cell (*info->this_arg);
      rec->shape = s;
      rec->cap = ncap;
      rec->unused = 0;
      for (uint32_t i = 0; i < ncap * REC_SIZE; i++)
        rec->v[i] = JS_UNDEFINED;
      if (cap)
        memcpy (rec->v, records_of (r)->v,
                (size_t) r->count * REC_SIZE * sizeof (JsValue));
      gc_write_barrier (&rt->heap, (JsCell *) rec);
      r->records = js_cell_value (JS_TAG_INTERNAL, rec);
      gc_write_barrier (&rt->heap, (JsCell *) r);
    }
  JsRegistryRecords *rec = records_of (r);
  JsValue *v = &rec->v[r->count++ * REC_SIZE];
  v[REC_TARGET] = js_arg (info, 0);
  v[REC_HELD] = js_arg (info, 1);
  v[REC_TOKEN] = js_arg (info, 2);
  gc_write_barrier (&rt->heap, (JsCell *) rec);
  return JS_UNDEFINED;
}

static JsValue
registry_unregister (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRegistry *r = this_registry (info, "unregister");
  if (!r)
    return JS_EXCEPTION;
  JsValue token = js_arg (info, 0);
  if (!can_be_held_weakly (token))
    return js_throw_type_error (ctx, "FinalizationRegistry.prototype."
                                     "unregister: invalid unregister "
                                     "token");
  bool removed = false;
  for (uint32_t i = 0; i < r->count;)
    if (records_of (r)->v[i * REC_SIZE + REC_TOKEN] == token)
      {
        remove_record (ctx->rt, r, i);
        removed = true;
      }
    else
      i++;
  return js_bool (removed);
}

/* CleanupFinalizationRegistry: the callback is called for each cleared
 * record, which leaves the registry first (the callback may unregister
 * others, or register more). */
static JsValue
cleanup_job (JsContext *ctx, const JsValue *args)
{
  JsRuntime *rt = ctx->rt;
  JsRegistry *r = (JsRegistry *) js_get_cell (args[0]);
  r->flags &= ~(uint32_t) (REGISTRY_QUEUED | REGISTRY_CLEARED);
  JsValue *saved = rt_save_roots (rt);
  JsValue *held = rt_push_root (rt, JS_UNDEFINED);
  JsValue result = JS_UNDEFINED;
  for (uint32_t i = 0;;)
    {
      r = (JsRegistry *) js_get_cell (args[0]);
      while (i < r->count
             && !js_is_empty (records_of (r)->v[i * REC_SIZE + REC_TARGET]))
        i++;
      if (i >= r->count)
        break;
      *held = records_of (r)->v[i * REC_SIZE + REC_HELD];
      remove_record (rt, r, i);
      result = js_call (ctx, r->callback, JS_UNDEFINED, 1, held);
      if (js_is_exception (result))
        break;
      /* The record moved into slot i is looked at next. */
    }
  rt_restore_roots (rt, saved);
  return js_is_exception (result) ? result : JS_UNDEFINED;
}

/* ------------------------------------------------------------------ */
/* The family                                                          */
/* ------------------------------------------------------------------ */

static bool
define_tag (JsContext *ctx, JsObject *o, const char *tag)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  JsString *s = atom_intern_utf8 (rt, tag, -1);
  bool ok = s && object_define_own (rt, o,
                                    symbol_key (rt->well_known
                                                    [JS_SYM_toStringTag]),
                                    js_string_value (s), JS_ATTR_CONFIGURABLE)
                     == JS_PROP_DONE;
  rt_restore_roots (rt, saved);
  return ok;
}

/* A prototype with its methods and tag, and its constructor. */
static JsObject *
define_family (JsContext *ctx, JsObject **proto_field, const char *name,
               JsNativeFn ctor, uint32_t length, int magic,
               const JsMethodSpec *methods, size_t n)
{
  JsObject *proto = object_new_with_proto (ctx->rt,
                                           (JsCell *) ctx->object_proto, 4);
  if (!proto)
    return NULL;
  *proto_field = proto;
  JsObject *c = builtins_define_class (ctx, name, ctor, length, proto, 0);
  if (!c || !builtins_define_methods (ctx, proto, methods, n)
      || !define_tag (ctx, proto, name))
    return NULL;
  ((JsNativeFunction *) c)->magic = (int16_t) magic;
  return c;
}

bool
builtins_init_weak (JsContext *ctx)
{
  static const JsMethodSpec weak_map_methods[] = {
    { "delete", weak_delete, 1, 0 },
    { "get", weak_get, 1, 0 },
    { "has", weak_has, 1, 0 },
    { "set", weak_set, 2, 0 },
  };
  static const JsMethodSpec weak_set_methods[] = {
    { "add", weak_set, 1, 1 },
    { "delete", weak_delete, 1, 1 },
    { "has", weak_has, 1, 1 },
  };
  static const JsMethodSpec weak_ref_methods[] = {
    { "deref", weak_ref_deref, 0, 0 },
  };
  static const JsMethodSpec registry_methods[] = {
    { "register", registry_register, 2, 0 },
    { "unregister", registry_unregister, 1, 0 },
  };
  return define_family (ctx, &ctx->weak_map_proto, "WeakMap",
                        weak_collection_ctor, 0, 0, weak_map_methods,
                        G_N_ELEMENTS (weak_map_methods))
         && define_family (ctx, &ctx->weak_set_proto, "WeakSet",
                           weak_collection_ctor, 0, 1, weak_set_methods,
                           G_N_ELEMENTS (weak_set_methods))
         && define_family (ctx, &ctx->weak_ref_proto, "WeakRef",
                           weak_ref_ctor, 1, 0, weak_ref_methods,
                           G_N_ELEMENTS (weak_ref_methods))
         && define_family (ctx, &ctx->finalization_registry_proto,
                           "FinalizationRegistry", registry_ctor, 1, 0,
                           registry_methods, G_N_ELEMENTS (registry_methods));
}
