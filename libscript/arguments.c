/* arguments.c — arguments objects, unmapped and mapped.
 *
 * Strict functions, and sloppy ones whose parameters are not simple, get
 * an ordinary object holding a copy of the arguments.  A sloppy function
 * with simple parameters gets a mapped one (the spec's arguments exotic
 * object): while index i is mapped, arguments[i] and the i-th parameter
 * are one variable, in both directions.
 *
 * The design that keeps the aliasing exact: the resolver puts the
 * parameters of such a function in its environment (scope.c marks them
 * captured), and the object keeps a pointer to that environment and, per
 * mapped index, the slot of its parameter.  Reads and writes of a mapped
 * index go to the slot; so do the function's own reads and writes of the
 * parameter, so there is nothing to synchronise, and the object stays
 * right after the frame is gone (a closure may keep it).  Deleting an
 * index, or redefining it as an accessor or as non-writable, removes it
 * from the map ([[DefineOwnProperty]], [[Delete]]), after which it is an
 * ordinary property.  Functions that never name arguments keep their
 * parameters in registers and pay nothing.
 *
 * The ordinary property of a mapped index exists too (its attributes are
 * the truth for everything but the value); its value is brought up to
 * date whenever the index leaves the map, so the stale copy is never
 * seen.
 */
#include "config.h"

#include "realm.h"

#include "builtins.h"
#include "property.h"

/* [shape | storage | env | map]: properties live in storage (no inline
 * slots); map is an internal array whose element i is the environment
 * slot of mapped index i, or -1 once unmapped. */
typedef struct
{
  JsShape *shape;     /* header: an arguments shape */
  JsStorage *storage; /* properties and elements, as an ordinary object */
  JsEnv *env;         /* the function's parameter environment */
  JsObject *map;      /* index → slot (int32), -1 when unmapped */
} JsMappedArguments;

static void
mapped_trace (JsTracer *trc, JsCell *cell)
{
  JsMappedArguments *a = (JsMappedArguments *) cell;
  gc_mark_cell (trc, (JsCell *) a->storage);
  gc_mark_cell (trc, (JsCell *) a->env);
  gc_mark_cell (trc, (JsCell *) a->map);
}

static void
ordinary_trace (JsTracer *trc, JsCell *cell)
{
  js_object_class.trace (trc, cell);
}

const JsCellClass js_arguments_class = {
  .name = "Arguments",
  .kind = JS_KIND_OBJECT,
  .trace = ordinary_trace,
};

const JsCellClass js_mapped_arguments_class = {
  .name = "Arguments",
  .kind = JS_KIND_OBJECT,
  .trace = mapped_trace,
  .flags = JS_CLASS_EXOTIC,
};

bool
arguments_is_arguments (JsObject *o)
{
  return o->shape->cls == &js_arguments_class
         || o->shape->cls == &js_mapped_arguments_class;
}

/* Gives a new arguments object (of its root shape, no properties yet) its
 * indices (from the frame's saved arguments), length, @@iterator and
 * callee (an unmapped one's throws): the layout a definition of each in
 * that order makes, built directly (the shape by three transitions, the
 * values stored), since functions that use arguments make one per call. */
static bool
define_properties (JsContext *ctx, JsValue *pa, JsFrame *frame,
                   bool unmapped)
{
  JsRuntime *rt = ctx->rt;
  uint32_t argc = frame->argc;
  JsValue *saved = rt_save_roots (rt);
  JsValue callee = frame->base[0];
  if (unmapped)
    {
      JsAccessorPair *p = object_new_accessor (rt, ctx->throw_type_error,
                                               ctx->throw_type_error);
      if (!p)
        goto fail;
      callee = js_cell_value (JS_TAG_INTERNAL, p);
    }
  JsValue *pc = rt_push_root (rt, callee);
  /* The three transitions are the same for every object of a kind: the
     shape they end in is kept by the context. */
  JsShape *shape = ctx->args_shapes[!unmapped];
  JsValue *ps = rt_push_cell (rt, shape);
  if (!shape)
    {
      shape = js_get_object (*pa)->shape;
      *ps = js_cell_value (JS_TAG_INTERNAL, shape);
      const struct
      {
        JsKey key;
        uint8_t attrs;
      } props[3] = {
        { atom_common_key (rt, JS_ATOM_length),
          JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE },
        { symbol_key (rt->well_known[JS_SYM_iterator]),
          JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE },
        { atom_common_key (rt, JS_ATOM_callee),
          unmapped ? JS_ATTR_ACCESSOR
                   : JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE },
      };
      g_assert (shape->count == 0 && !shape_is_dictionary (shape));
      for (int i = 0; i < 3; i++)
        {
          shape = shape_add_property (rt, shape, props[i].key,
                                      props[i].attrs);
          if (!shape)
            goto fail;
          *ps = js_cell_value (JS_TAG_INTERNAL, shape);
        }
      ctx->args_shapes[!unmapped] = shape;
    }
  g_assert (shape->proto == js_get_object (*pa)->shape->proto
            && shape->cls == js_get_object (*pa)->shape->cls);
  JsObject *o = js_get_object (*pa);
  uint32_t cap = shape->inline_cap;
  if (!object_reserve (rt, o, cap < 3 ? 3 - cap : 0, argc))
    goto fail;
  o = js_get_object (*pa);
  o->shape = (JsShape *) js_get_cell (*ps);
  gc_write_barrier (&rt->heap, (JsCell *) o);
  object_store_slot (rt, o, 0, js_int32 ((int32_t) argc));
  object_store_slot (rt, o, 1, ctx->array_values);
  object_store_slot (rt, o, 2, *pc);
  if (argc)
    {
      memcpy (object_elements (o), object_elements (frame->args),
              argc * sizeof (JsValue));
      o->storage->elem_len = argc;
      gc_write_barrier (&rt->heap, (JsCell *) o->storage);
    }
  rt_restore_roots (rt, saved);
  return true;
fail:
  rt_restore_roots (rt, saved);
  return false;
}

JsValue
realm_create_arguments (JsContext *ctx, JsFrame *frame)
{
  JsRuntime *rt = ctx->rt;
  JsShape *s = shape_root_for (rt, &js_arguments_class,
                               (JsCell *) ctx->object_proto, 4);
  JsObject *a = s ? object_new (rt, s) : NULL;
  if (!a)
    return js_throw_out_of_memory (ctx);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, js_object_value (a));
  /* CreateArguments makes the unmapped objects only (strict code, or
     parameters that are not simple): their callee is always the
     %ThrowTypeError% accessor (CreateUnmappedArgumentsObject). */
  bool ok = define_properties (ctx, pa, frame, true);
  JsValue r = *pa;
  rt_restore_roots (rt, saved);
  return ok ? r : js_throw_out_of_memory (ctx);
}

JsValue
arguments_create_mapped (JsContext *ctx, JsFrame *frame, JsValue slots)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pslots = rt_push_root (rt, slots);
  uint32_t n = MIN (frame->argc, object_elem_len (js_get_object (slots)));
  JsObject *map = object_new_array (rt, (JsCell *) ctx->array_proto, n);
  JsValue *pmap = rt_push_root (rt, map ? js_object_value (map)
                                        : JS_UNDEFINED);
  JsShape *s = map ? shape_root_for (rt, &js_mapped_arguments_class,
                                     (JsCell *) ctx->object_proto, 0)
                   : NULL;
  JsValue *ps = rt_push_cell (rt, s);
  JsMappedArguments *a = NULL;
  for (uint32_t i = 0; map && i < n; i++)
    if (object_array_push (rt, js_get_object (*pmap),
                           object_elements (js_get_object (*pslots))[i])
        != JS_PROP_DONE)
      map = NULL;
  if (map && s)
    a = (JsMappedArguments *) heap_alloc_slots (&rt->heap, JS_SPACE_CELLS,
                                                js_slots_for (sizeof *a));
  if (!a)
    {
      rt_restore_roots (rt, saved);
      return js_throw_out_of_memory (ctx);
    }
  a->shape = (JsShape *) js_get_cell (*ps);
  a->storage = NULL;
  a->env = frame->env;
  a->map = js_get_object (*pmap);
  gc_write_barrier (&rt->heap, (JsCell *) a);
  JsValue *pa = rt_push_root (rt, js_object_value ((JsObject *) a));
  bool ok = define_properties (ctx, pa, frame, false);
  JsValue r = *pa;
  rt_restore_roots (rt, saved);
  return ok ? r : js_throw_out_of_memory (ctx);
}

/* ------------------------------------------------------------------ */
/* The exotic internal methods                                         */
/* ------------------------------------------------------------------ */

/* The environment slot key maps to, or -1. */
static int32_t
mapped_slot (JsObject *o, JsKey key)
{
  if (o->shape->cls != &js_mapped_arguments_class || !js_key_is_index (key))
    return -1;
  JsMappedArguments *a = (JsMappedArguments *) o;
  uint32_t i = js_key_index (key);
  if (i >= object_elem_len (a->map))
    return -1;
  JsValue s = object_elements (a->map)[i];
  return js_is_int32 (s) ? js_get_int32 (s) : -1;
}

static void
unmap (JsObject *o, JsKey key)
{
  JsMappedArguments *a = (JsMappedArguments *) o;
  object_elements (a->map)[js_key_index (key)] = js_int32 (-1);
}

static JsValue
slot_value (JsObject *o, int32_t slot)
{
  return ((JsMappedArguments *) o)->env->slots[slot];
}

static void
store_slot (JsRuntime *rt, JsObject *o, int32_t slot, JsValue v)
{
  JsEnv *env = ((JsMappedArguments *) o)->env;
  env->slots[slot] = v;
  gc_write_barrier (&rt->heap, (JsCell *) env);
}

int
arguments_get_own (JsContext *ctx, JsObject *o, JsKey key, JsValue *value,
                   uint8_t *attrs)
{
  int32_t slot = mapped_slot (o, key);
  if (slot < 0)
    return 2;
  if (!object_get_own (ctx->rt, o, key, value, attrs))
    return 0;
  *value = slot_value (o, slot);
  return 1;
}

int64_t
arguments_copy_list (JsRuntime *rt, JsObject *o, JsValue *out, uint32_t max)
{
  JsValue len;
  uint8_t attrs;
  if (!arguments_is_arguments (o) || (o->shape->flags & JS_SHAPE_HAS_INDEXED)
      || !object_get_own (rt, o, atom_common_key (rt, JS_ATOM_length), &len,
                          &attrs)
      || (attrs & JS_ATTR_ACCESSOR) || !js_is_int32 (len)
      || js_get_int32 (len) < 0 || (uint32_t) js_get_int32 (len) > max)
    return -1;
  uint32_t n = (uint32_t) js_get_int32 (len);
  if (n == 0)
    return 0;
  if (n > object_elem_len (o))
    return -1;
  const JsValue *elems = object_elements (o);
  for (uint32_t i = 0; i < n; i++)
    {
      if (js_is_empty (elems[i]))
        return -1;
      int32_t slot = mapped_slot (o, js_key_from_index (i));
      out[i] = slot >= 0 ? slot_value (o, slot) : elems[i];
    }
  return n;
}

int
arguments_get (JsContext *ctx, JsObject *o, JsKey key, JsValue *out)
{
  (void) ctx;
  int32_t slot = mapped_slot (o, key);
  if (slot < 0)
    return 2;
  *out = slot_value (o, slot);
  return 1;
}

int
arguments_set (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
               JsValue receiver)
{
  /* Only a [[Set]] on the object itself writes the parameter; the
     ordinary [[Set]] follows either way. */
  int32_t slot = mapped_slot (o, key);
  if (slot >= 0 && js_is_object (receiver) && js_get_object (receiver) == o)
    store_slot (ctx->rt, o, slot, v);
  return 2;
}

int
arguments_delete (JsContext *ctx, JsObject *o, JsKey key)
{
  int32_t slot = mapped_slot (o, key);
  if (slot < 0)
    return 2;
  JsPropResult r = object_delete (ctx->rt, o, key);
  if (r == JS_PROP_NO_MEMORY)
    {
      js_throw_out_of_memory (ctx);
      return -1;
    }
  if (r != JS_PROP_DONE)
    return 0;
  unmap (o, key);
  return 1;
}

/* The value form of [[DefineOwnProperty]] (a [[Set]]'s receiver step,
 * CreateDataProperty). */
int
arguments_define (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                  uint8_t attrs)
{
  int32_t slot = mapped_slot (o, key);
  if (slot < 0)
    return 2;
  JsPropResult r = object_define_own (ctx->rt, o, key, v, attrs);
  if (r == JS_PROP_NO_MEMORY)
    {
      js_throw_out_of_memory (ctx);
      return -1;
    }
  if (r != JS_PROP_DONE)
    return 0;
  store_slot (ctx->rt, o, slot, v);
  if (!(attrs & JS_ATTR_WRITABLE))
    unmap (o, key);
  return 1;
}

int
arguments_define_property (JsContext *ctx, JsObject *o, JsKey key,
                           const JsPropertyDescriptor *d)
{
  JsRuntime *rt = ctx->rt;
  int32_t slot = mapped_slot (o, key);
  if (slot < 0)
    return 2;
  /* The ordinary definition, with the index out of the map meanwhile
     and its value brought up to date: a data descriptor that makes it
     read-only without a value freezes the parameter's current one. */
  JsPropertyDescriptor nd = *d;
  bool accessor = d->has_get || d->has_set;
  JsValue cur = slot_value (o, slot);
  JsValue *saved = rt_save_roots (rt);
  JsValue *po = rt_push_root (rt, js_object_value (o));
  rt_push_root (rt, cur);
  uint8_t attrs;
  JsValue old;
  if (object_get_own (rt, o, key, &old, &attrs)
      && object_define_own (rt, o, key, cur, attrs) == JS_PROP_NO_MEMORY)
    {
      rt_restore_roots (rt, saved);
      js_throw_out_of_memory (ctx);
      return -1;
    }
  if (!accessor && !d->has_value && d->has_writable && !d->writable)
    {
      nd.value = cur;
      nd.has_value = true;
    }
  unmap (o, key);
  int r = builtins_define_property (ctx, o, key, &nd);
  o = js_get_object (*po);
  rt_restore_roots (rt, saved);
  if (r <= 0)
    {
      if (r == 0)
        object_elements (((JsMappedArguments *) o)->map)[js_key_index (key)]
            = js_int32 (slot);
      return r;
    }
  if (!accessor)
    {
      if (d->has_value)
        store_slot (rt, o, slot, d->value);
      if (!(d->has_writable && !d->writable))
        object_elements (((JsMappedArguments *) o)->map)[js_key_index (key)]
            = js_int32 (slot);
    }
  return 1;
}
