/* builtins-iterator.c — %IteratorPrototype% and the array iterators.
 *
 * An array iterator is an ordinary object of its own class whose three
 * hidden fields (the iterated object, the next index, the kind) live in
 * the cell, out of reach of properties.
 */
#include "config.h"

#include "builtins.h"

#include "property.h"

/* An array iterator: [shape | storage | target | index | kind | unused],
 * two slots.  The index is a number: an array-like's length may reach
 * 2^53 - 1. */
typedef struct
{
  JsShape *shape;
  JsStorage *storage;
  JsValue target; /* the array-like, or undefined when exhausted */
  JsValue index;  /* the next index, a number */
  int32_t kind;   /* ITER_KEYS, ITER_VALUES or ITER_ENTRIES */
  int32_t unused; /* padding */
} JsArrayIterator;

static void
array_iterator_trace (JsTracer *trc, JsCell *cell)
{
  JsArrayIterator *it = (JsArrayIterator *) cell;
  gc_mark_cell (trc, (JsCell *) it->storage);
  gc_mark_value (trc, it->target);
}

const JsCellClass js_array_iterator_class = {
  .name = "Array Iterator",
  .kind = JS_KIND_OBJECT,
  .trace = array_iterator_trace,
};

enum
{
  ITER_KEYS,
  ITER_VALUES,
  ITER_ENTRIES
};

JsValue
builtins_new_array_iterator (JsContext *ctx, JsValue target, int kind)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, target);
  JsShape *s = shape_root_for (rt, &js_array_iterator_class,
                               (JsCell *) ctx->array_iterator_proto, 0);
  rt_push_cell (rt, s);
  JsArrayIterator *it = s ? (JsArrayIterator *) heap_alloc_slots (
                          &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *it))
                        : NULL;
  target = saved[0];
  rt_restore_roots (rt, saved);
  if (!it)
    return js_throw_out_of_memory (ctx);
  it->shape = s;
  it->storage = NULL;
  it->target = target;
  it->index = js_int32 (0);
  it->kind = kind;
  it->unused = 0;
  gc_write_barrier (&rt->heap, (JsCell *) it);
  return js_object_value ((JsObject *) it);
}

/* A fresh { value, done } object. */
JsValue
builtins_iter_result (JsContext *ctx, JsValue value, bool done)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, value);
  JsObject *o = object_new_with_proto (rt, (JsCell *) ctx->object_proto, 2);
  JsValue r = JS_EXCEPTION;
  if (o)
    {
      JsValue *po = rt_push_root (rt, js_object_value (o));
      if (js_define_data (ctx, o, atom_common_key (rt, JS_ATOM_value),
                          saved[0], false) > 0
          && js_define_data (ctx, js_get_object (*po),
                             atom_common_key (rt, JS_ATOM_done),
                             js_bool (done), false) > 0)
        r = *po;
    }
  else
    r = js_throw_out_of_memory (ctx);
  rt_restore_roots (rt, saved);
  return r;
}

/* %ArrayIteratorPrototype%.next: the closure of CreateArrayIterator. */
static JsValue
array_iterator_next (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue t = *info->this_arg;
  if (!js_is_object (t)
      || js_get_cell (t)->shape->cls != &js_array_iterator_class)
    return js_throw_type_error (ctx, "next method called on an "
                                     "incompatible receiver");
  JsArrayIterator *it = (JsArrayIterator *) js_get_cell (t);
  if (js_is_undefined (it->target))
    return builtins_iter_result (ctx, JS_UNDEFINED, true);
  double index = js_get_number (it->index);
  int kind = it->kind;
  double len;
  if (builtins_is_typed_array (it->target))
    {
      /* A typed array's length is its own, not a property's; once its
         buffer is detached the iterator fails until it is done. */
      int64_t n = builtins_typed_array_length (js_get_object (it->target));
      if (n < 0)
        return js_throw_type_error (ctx, "Cannot iterate a typed array "
                                         "whose buffer is detached");
      len = (double) n;
    }
  else
    {
      JsValue lv = js_get (ctx, it->target,
                           atom_common_key (rt, JS_ATOM_length));
      if (js_is_exception (lv) || !js_to_length (ctx, lv, &len))
        return JS_EXCEPTION;
    }
  it = (JsArrayIterator *) js_get_cell (t);
  if (index >= len)
    {
      it->target = JS_UNDEFINED;
      return builtins_iter_result (ctx, JS_UNDEFINED, true);
    }
  it->index = js_number (index + 1);
  JsValue key = js_number (index);
  if (kind == ITER_KEYS)
    return builtins_iter_result (ctx, key, false);
  JsKey k;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, JS_UNDEFINED);
  JsValue r = JS_EXCEPTION;
  if (!js_to_property_key (ctx, key, &k))
    goto out;
  if (!js_key_is_index (k))
    rt_push_root (rt, atom_key_to_value (k));
  *pv = js_get (ctx, it->target, k);
  if (js_is_exception (*pv))
    goto out;
  if (kind == ITER_VALUES)
    r = builtins_iter_result (ctx, *pv, false);
  else
    {
      JsValue pair[2] = { key, *pv };
      r = builtins_array_from_list (ctx, pair, 2);
      if (!js_is_exception (r))
        r = builtins_iter_result (ctx, r, false);
    }
out:
  rt_restore_roots (rt, saved);
  return r;
}

bool
builtins_array_iterator_pristine (JsContext *ctx, JsValue method)
{
  if (method != ctx->array_values)
    return false;
  JsValue next;
  uint8_t attrs;
  if (!object_get_own (ctx->rt, ctx->array_iterator_proto,
                       atom_common_key (ctx->rt, JS_ATOM_next), &next,
                       &attrs)
      || (attrs & JS_ATTR_ACCESSOR) || !js_is_object (next)
      || js_get_cell (next)->shape->cls != &js_native_function_class)
    return false;
  return ((JsNativeFunction *) js_get_cell (next))->fn
         == (void *) array_iterator_next;
}

JsValue
builtins_array_iterator_at (JsContext *ctx, JsValue target, double index)
{
  JsValue it = builtins_new_array_iterator (ctx, target, ITER_VALUES);
  if (!js_is_exception (it))
    ((JsArrayIterator *) js_get_cell (it))->index = js_number (index);
  return it;
}

static JsValue
iterator_self (const JsCallInfo *info)
{
  return *info->this_arg;
}

bool
builtins_init_iterator (JsContext *ctx)
{
  JsRuntime *rt = ctx->rt;
  static const JsMethodSpec iter_methods[] = {
    { "@@iterator", iterator_self, 0, 0 },
  };
  static const JsMethodSpec array_iter_methods[] = {
    { "next", array_iterator_next, 0, 0 },
  };
  ctx->iterator_proto = object_new_with_proto (rt, (JsCell *) ctx->object_proto,
                                               2);
  if (!ctx->iterator_proto
      || !builtins_define_methods (ctx, ctx->iterator_proto, iter_methods, 1))
    return false;
  ctx->array_iterator_proto = object_new_with_proto (
      rt, (JsCell *) ctx->iterator_proto, 2);
  if (!ctx->array_iterator_proto
      || !builtins_define_methods (ctx, ctx->array_iterator_proto,
                                   array_iter_methods, 1))
    return false;
  JsString *tag = atom_intern_utf8 (rt, "Array Iterator", -1);
  return tag
         && object_define_own (rt, ctx->array_iterator_proto,
                               symbol_key (rt->well_known[JS_SYM_toStringTag]),
                               js_string_value (tag), JS_ATTR_CONFIGURABLE)
                == JS_PROP_DONE;
}
