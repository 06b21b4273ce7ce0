/* builtins-iterator.c — %IteratorPrototype% and the array iterators.
 *
 * An array iterator is an ordinary object of its own class whose three
 * hidden fields (the iterated object, the next index, the kind) live in
 * the cell, out of reach of properties.
 */
#include "config.h"

#include "builtins.h"

#include "property.h"

typedef struct
{
  JsShape *shape;
  JsStorage *storage;
  JsValue target; /* the array-like, or undefined when exhausted */
  JsValue state;  /* index << 2 | kind, an int32 */
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
  it->state = js_int32 (kind);
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
  int32_t st = js_get_int32 (it->state);
  uint32_t index = (uint32_t) st >> 2;
  int kind = st & 3;
  JsValue lv = js_get (ctx, it->target, atom_common_key (rt, JS_ATOM_length));
  double len;
  if (js_is_exception (lv) || !js_to_length (ctx, lv, &len))
    return JS_EXCEPTION;
  it = (JsArrayIterator *) js_get_cell (t);
  if (index >= len)
    {
      it->target = JS_UNDEFINED;
      return builtins_iter_result (ctx, JS_UNDEFINED, true);
    }
  it->state = js_int32 ((int32_t) (((index + 1) << 2) | (uint32_t) kind));
  if (kind == ITER_KEYS)
    return builtins_iter_result (ctx, js_number (index), false);
  JsValue v = js_get (ctx, it->target, js_key_from_index (index));
  if (js_is_exception (v))
    return v;
  if (kind == ITER_VALUES)
    return builtins_iter_result (ctx, v, false);
  JsValue *saved = rt_save_roots (rt);
  JsValue *pv = rt_push_root (rt, v);
  JsObject *pair = object_new_array (rt, (JsCell *) ctx->array_proto, 2);
  JsValue r = JS_EXCEPTION;
  if (pair)
    {
      object_array_push (rt, pair, js_number (index));
      object_array_push (rt, pair, *pv);
      r = builtins_iter_result (ctx, js_object_value (pair), false);
    }
  else
    r = js_throw_out_of_memory (ctx);
  rt_restore_roots (rt, saved);
  return r;
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
