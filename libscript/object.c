/* object.c — ordinary objects.
 *
 * [shape | storage | slot0 | slot1 ...]: the first shape->inline_cap
 * properties live in the cell, the rest and every element in the one
 * storage cell.
 */
#include "config.h"

#include "object.h"

static void
object_trace (JsTracer *trc, JsCell *cell)
{
  JsObject *o = (JsObject *) cell;
  uint32_t n = MIN (o->shape->count, (uint32_t) o->shape->inline_cap);
  gc_mark_values (trc, o->slots, n);
  gc_mark_cell (trc, (JsCell *) o->storage);
}

const JsCellClass js_object_class = {
  .name = "Object",
  .kind = JS_KIND_OBJECT,
  .trace = object_trace,
};

JsObject *
object_new (JsRuntime *rt, JsShape *shape)
{
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, shape);
  uint32_t cap = shape->inline_cap;
  JsObject *o = (JsObject *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS,
      js_slots_for (sizeof (JsObject) + cap * sizeof (JsValue)));
  rt_restore_roots (rt, saved);
  if (!o)
    return NULL;
  o->shape = shape;
  o->storage = NULL;
  for (uint32_t i = 0; i < cap; i++)
    o->slots[i] = JS_UNDEFINED;
  return o;
}
