/* shape.c — internal classes: roots, transitions, tables, dictionaries.
 *
 * Invariant: the transitions out of a shape are unique per (key,
 * attributes), and a child keeps its parent alive but not the other way
 * round: a parent's transitions are weak, and a dying child removes
 * itself from its parent if the parent lives.
 */
#include "config.h"

#include "shape.h"

static void
shape_trace (JsTracer *trc, JsCell *cell)
{
  JsShape *s = (JsShape *) cell;
  gc_mark_cell (trc, s->proto);
  gc_mark_cell (trc, (JsCell *) s->parent);
  if (s->key && !js_key_is_index (s->key))
    gc_mark_cell (trc, js_key_cell (s->key));
}

const JsCellClass js_shape_class = {
  .name = "Shape",
  .kind = JS_KIND_SHAPE,
  .trace = shape_trace,
  .finalize = NULL,
};

static const JsCellClass storage_class;

static void
storage_trace (JsTracer *trc, JsCell *cell)
{
  JsStorage *st = (JsStorage *) cell;
  gc_mark_values (trc, st->values, st->prop_cap + st->elem_len);
}

static const JsCellClass storage_class = {
  .name = "Storage",
  .kind = JS_KIND_STORAGE,
  .trace = storage_trace,
};

static JsShape *
shape_alloc (JsRuntime *rt)
{
  JsShape *s = (JsShape *) heap_alloc_slots (&rt->heap, JS_SPACE_SHAPES,
                                             js_slots_for (sizeof *s));
  if (!s)
    return NULL;
  memset (s, 0, sizeof *s);
  s->meta = rt->meta_shape;
  return s;
}

void
shape_runtime_init (JsRuntime *rt)
{
  JsShape *meta = (JsShape *) heap_alloc_slots_nogc (
      &rt->heap, JS_SPACE_SHAPES, js_slots_for (sizeof (JsShape)));
  g_assert (meta);
  memset (meta, 0, sizeof *meta);
  meta->meta = meta;
  meta->cls = &js_shape_class;
  rt->meta_shape = meta;
  rt->storage_shape = shape_new_root (rt, &storage_class, NULL, 0);
}

JsShape *
shape_new_root (JsRuntime *rt, const JsCellClass *cls, JsCell *proto,
                uint32_t inline_cap)
{
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, proto);
  JsShape *s = shape_alloc (rt);
  rt_restore_roots (rt, saved);
  if (!s)
    return NULL;
  s->cls = cls;
  s->proto = proto;
  s->inline_cap = (uint8_t) MIN (inline_cap, 255u);
  return s;
}
