/* string.c — string cells.
 *
 * Short strings keep their characters inline; long ones point at
 * g_malloc'd data counted as unmanaged memory; concatenations are ropes
 * flattened (without C recursion) on first read, in place.
 */
#include "config.h"

#include "jsstring.h"
#include "shape.h"

static void
rope_trace (JsTracer *trc, JsCell *cell)
{
  JsRope *r = (JsRope *) cell;
  gc_mark_cell (trc, (JsCell *) r->left);
  gc_mark_cell (trc, (JsCell *) r->right);
}

static void
external_finalize (JsHeap *heap, JsCell *cell)
{
  JsExternalString *s = (JsExternalString *) cell;
  size_t unit = (cell->shape->flags & JS_SHAPE_STR_LATIN1) ? 1 : 2;
  heap_add_unmanaged (heap, -(int64_t) ((s->base.length + 1) * unit));
  g_free (s->chars);
}

static void
symbol_trace (JsTracer *trc, JsCell *cell)
{
  gc_mark_cell (trc, (JsCell *) ((JsSymbol *) cell)->description);
}

static const JsCellClass inline_class = {
  .name = "String",
  .kind = JS_KIND_STRING,
};

static const JsCellClass external_class = {
  .name = "String",
  .kind = JS_KIND_STRING,
  .finalize = external_finalize,
};

static const JsCellClass rope_class = {
  .name = "Rope",
  .kind = JS_KIND_STRING,
  .trace = rope_trace,
};

static const JsCellClass symbol_class = {
  .name = "Symbol",
  .kind = JS_KIND_SYMBOL,
  .trace = symbol_trace,
};

void
string_runtime_init (JsRuntime *rt)
{
  static const struct
  {
    const JsCellClass *cls;
    uint16_t flags;
  } forms[JS_STR_FORM_COUNT] = {
    [JS_STR_INLINE8] = { &inline_class, JS_SHAPE_STR_LATIN1 },
    [JS_STR_INLINE16] = { &inline_class, 0 },
    [JS_STR_EXTERNAL8] = { &external_class,
                           JS_SHAPE_STR_LATIN1 | JS_SHAPE_STR_EXTERNAL },
    [JS_STR_EXTERNAL16] = { &external_class, JS_SHAPE_STR_EXTERNAL },
    [JS_STR_ROPE] = { &rope_class, JS_SHAPE_STR_ROPE },
  };
  for (int i = 0; i < JS_STR_FORM_COUNT; i++)
    {
      rt->string_shapes[i] = shape_new_root (rt, forms[i].cls, NULL, 0);
      g_assert (rt->string_shapes[i]);
      rt->string_shapes[i]->flags = forms[i].flags;
    }
  rt->symbol_shape = shape_new_root (rt, &symbol_class, NULL, 0);
  g_assert (rt->symbol_shape);
}
