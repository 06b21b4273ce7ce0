/* map.c — the ordered hash table of the collections (see map.h).
 *
 * Invariants: a table's entries [0, used) are in insertion order, holes
 * included; every entry, hole or not, is on the chain of the bucket its
 * key hashed to when it was added (a hole's key no longer compares equal
 * to anything, so it is never found); size counts the entries that are
 * not holes.  A table with a successor (next) is frozen: only its holes
 * are read, by map_follow, and its trace marks nothing but next.
 */
#include "config.h"

#include "map.h"

#include "bigint.h"
#include "jsstring.h"

/* The smallest table: room for two entries, one bucket. */
#define MAP_MIN_CAP 2u

static inline uint32_t *
chain_of (JsMapTable *t)
{
  return (uint32_t *) (t->data + (size_t) t->cap * t->width);
}

static inline uint32_t *
buckets_of (JsMapTable *t)
{
  return chain_of (t) + t->cap;
}

static void
table_trace (JsTracer *trc, JsCell *cell)
{
  JsMapTable *t = (JsMapTable *) cell;
  gc_mark_cell (trc, (JsCell *) t->next);
  /* A rebuilt table's entries are stale copies: the successor holds
     them. */
  if (!t->next)
    gc_mark_values (trc, t->data, (size_t) t->used * t->width);
}

static const JsCellClass table_class = {
  .name = "MapTable",
  .kind = JS_KIND_INTERNAL,
  .trace = table_trace,
};

/* Weak tables hold nothing strongly: see builtins-weak.c. */
static const JsCellClass weak_table_class = {
  .name = "WeakMapTable",
  .kind = JS_KIND_INTERNAL,
};

static void
collection_trace (JsTracer *trc, JsCell *cell)
{
  JsMapObject *m = (JsMapObject *) cell;
  gc_mark_cell (trc, (JsCell *) m->storage);
  gc_mark_cell (trc, (JsCell *) m->table);
}

const JsCellClass js_map_class = {
  .name = "Map",
  .kind = JS_KIND_OBJECT,
  .trace = collection_trace,
};

const JsCellClass js_set_class = {
  .name = "Set",
  .kind = JS_KIND_OBJECT,
  .trace = collection_trace,
};

const JsCellClass js_weak_map_class = {
  .name = "WeakMap",
  .kind = JS_KIND_OBJECT,
  .trace = collection_trace,
};

const JsCellClass js_weak_set_class = {
  .name = "WeakSet",
  .kind = JS_KIND_OBJECT,
  .trace = collection_trace,
};

static bool
class_is_weak (const JsCellClass *cls)
{
  return cls == &js_weak_map_class || cls == &js_weak_set_class;
}

static uint32_t
class_width (const JsCellClass *cls)
{
  return cls == &js_map_class || cls == &js_weak_map_class ? 2 : 1;
}

/* ------------------------------------------------------------------ */
/* Keys                                                                */
/* ------------------------------------------------------------------ */

JsValue
map_normalize_key (JsValue key)
{
  if (js_is_double (key))
    {
      double d = js_get_double (key);
      /* js_number makes whole values int32 and leaves NaN canonical;
         -0 becomes +0 as the spec's Map.prototype.set does. */
      return js_number (d == 0 ? 0 : d);
    }
  return key;
}

static uint32_t
hash_key (JsRuntime *rt, JsValue key)
{
  if (js_is_string (key))
    return string_hash (rt, js_get_string (key));
  if (js_is_bigint (key))
    return bigint_hash (key);
  /* Bits, identities and small numbers: a 64-bit finalizer spreads
     them. */
  uint64_t x = key;
  x ^= x >> 33;
  x *= UINT64_C (0xff51afd7ed558ccd);
  x ^= x >> 33;
  x *= UINT64_C (0xc4ceb9fe1a85ec53);
  x ^= x >> 33;
  return (uint32_t) x;
}

static bool
keys_equal (JsRuntime *rt, JsValue a, JsValue b)
{
  if (a == b)
    return true;
  if (js_is_string (a) && js_is_string (b))
    return string_equals (rt, js_get_string (a), js_get_string (b));
  if (js_is_bigint (a) && js_is_bigint (b))
    return bigint_equals (a, b);
  return false;
}

uint32_t
map_find (JsRuntime *rt, JsMapTable *t, JsValue key)
{
  uint32_t *chain = chain_of (t);
  uint32_t i = buckets_of (t)[hash_key (rt, key) & t->mask];
  while (i != JS_MAP_NONE)
    {
      if (keys_equal (rt, map_entry (t, i)[0], key))
        return i;
      i = chain[i];
    }
  return JS_MAP_NONE;
}

/* ------------------------------------------------------------------ */
/* Tables                                                              */
/* ------------------------------------------------------------------ */

size_t
map_table_bytes (uint32_t width, uint32_t cap)
{
  uint32_t buckets = MAX (1u, cap / 2);
  return sizeof (JsMapTable) + (size_t) cap * width * sizeof (JsValue)
         + ((size_t) cap + buckets) * sizeof (uint32_t);
}

/* An empty table; its shape says strong or weak. */
static JsMapTable *
table_new (JsContext *ctx, JsShape *shape, uint32_t width, uint32_t cap)
{
  JsRuntime *rt = ctx->rt;
  size_t bytes = map_table_bytes (width, cap);
  if (bytes > (size_t) UINT32_MAX * JS_SLOT_SIZE)
    return NULL;
  JsMapTable *t = (JsMapTable *) heap_alloc_slots (&rt->heap, JS_SPACE_CELLS,
                                                   js_slots_for (bytes));
  if (!t)
    return NULL;
  t->shape = shape;
  t->next = NULL;
  t->size = t->used = 0;
  t->cap = cap;
  t->mask = MAX (1u, cap / 2) - 1;
  t->width = (uint8_t) width;
  t->cleared = 0;
  t->unused16 = 0;
  t->unused32 = 0;
  memset (buckets_of (t), 0xFF, (size_t) (t->mask + 1) * sizeof (uint32_t));
  gc_write_barrier (&rt->heap, (JsCell *) t);
  return t;
}

static void
link_entry (JsRuntime *rt, JsMapTable *t, uint32_t i)
{
  uint32_t *b = &buckets_of (t)[hash_key (rt, map_entry (t, i)[0]) & t->mask];
  chain_of (t)[i] = *b;
  *b = i;
}

/* Replaces the collection's table by one of capacity cap holding its
 * entries without the holes. */
static bool
rebuild (JsContext *ctx, JsValue collection, uint32_t cap)
{
  JsRuntime *rt = ctx->rt;
  JsMapObject *m = (JsMapObject *) js_get_cell (collection);
  JsMapTable *old = m->table;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, collection);
  rt_push_cell (rt, old);
  JsMapTable *t = table_new (ctx, old->shape, old->width, cap);
  rt_restore_roots (rt, saved);
  if (!t)
    return false;
  uint32_t w = old->width;
  for (uint32_t i = 0; i < old->used; i++)
    {
      JsValue *e = map_entry (old, i);
      if (js_is_empty (e[0]))
        continue;
      memcpy (map_entry (t, t->used), e, w * sizeof (JsValue));
      link_entry (rt, t, t->used);
      t->used++;
    }
  t->size = t->used;
  gc_write_barrier (&rt->heap, (JsCell *) t);
  old->next = t;
  gc_write_barrier (&rt->heap, (JsCell *) old);
  m = (JsMapObject *) js_get_cell (collection);
  m->table = t;
  gc_write_barrier (&rt->heap, (JsCell *) m);
  return true;
}

JsObject *
map_object_new (JsContext *ctx, const JsCellClass *cls, JsObject *proto)
{
  JsRuntime *rt = ctx->rt;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (proto));
  JsShape *s = shape_root_for (rt, cls, (JsCell *) proto, 0);
  JsValue *ps = rt_push_cell (rt, s);
  JsShape *ts = class_is_weak (cls) ? ctx->weak_table_shape
                                    : ctx->map_table_shape;
  JsMapTable *t = s ? table_new (ctx, ts, class_width (cls), MAP_MIN_CAP)
                    : NULL;
  rt_push_cell (rt, t);
  JsMapObject *m = t ? (JsMapObject *) heap_alloc_slots (
                       &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *m))
                     : NULL;
  (void) ps;
  rt_restore_roots (rt, saved);
  if (!m)
    return NULL;
  m->shape = s;
  m->storage = NULL;
  m->table = t;
  m->unused = JS_UNDEFINED;
  gc_write_barrier (&rt->heap, (JsCell *) m);
  if (class_is_weak (cls) && !builtins_weak_track (rt, (JsObject *) m))
    return NULL;
  return (JsObject *) m;
}

bool
map_set (JsContext *ctx, JsValue collection, JsValue key, JsValue value)
{
  JsRuntime *rt = ctx->rt;
  JsMapTable *t = map_table_of (collection);
  uint32_t i = map_find (rt, t, key);
  if (i != JS_MAP_NONE)
    {
      if (t->width == 2)
        {
          map_entry (t, i)[1] = value;
          gc_write_barrier (&rt->heap, (JsCell *) t);
        }
      return true;
    }
  if (t->used == t->cap)
    {
      /* Full: compact in place when at most half the entries are live,
         else double. */
      uint32_t cap = t->size <= t->cap / 2 ? t->cap : t->cap * 2;
      if (cap < t->cap)
        return false;
      JsValue *saved = rt_save_roots (rt);
      JsValue *pk = rt_push_root (rt, key);
      JsValue *pv = rt_push_root (rt, value);
      bool ok = rebuild (ctx, collection, cap);
      key = *pk;
      value = *pv;
      rt_restore_roots (rt, saved);
      if (!ok)
        {
          js_throw_out_of_memory (ctx);
          return false;
        }
      t = map_table_of (collection);
    }
  i = t->used++;
  JsValue *e = map_entry (t, i);
  e[0] = key;
  if (t->width == 2)
    e[1] = value;
  link_entry (rt, t, i);
  t->size++;
  gc_write_barrier (&rt->heap, (JsCell *) t);
  return true;
}

void
map_remove_entry (JsMapTable *t, uint32_t i)
{
  JsValue *e = map_entry (t, i);
  e[0] = JS_EMPTY;
  if (t->width == 2)
    e[1] = JS_UNDEFINED;
  t->size--;
}

bool
map_delete (JsContext *ctx, JsValue collection, JsValue key)
{
  JsMapTable *t = map_table_of (collection);
  uint32_t i = map_find (ctx->rt, t, key);
  if (i == JS_MAP_NONE)
    return false;
  map_remove_entry (t, i);
  /* A table four times too large gives memory back; if that fails, the
     old one serves. */
  if (t->cap > 8 && t->size < t->cap / 4)
    rebuild (ctx, collection, t->cap / 2);
  return true;
}

bool
map_clear (JsContext *ctx, JsValue collection)
{
  JsRuntime *rt = ctx->rt;
  JsMapTable *old = map_table_of (collection);
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, collection);
  rt_push_cell (rt, old);
  JsMapTable *t = table_new (ctx, old->shape, old->width, MAP_MIN_CAP);
  rt_restore_roots (rt, saved);
  if (!t)
    {
      js_throw_out_of_memory (ctx);
      return false;
    }
  /* The old table keeps nothing alive from now on. */
  old->next = t;
  old->cleared = 1;
  old->used = 0;
  old->size = 0;
  gc_write_barrier (&rt->heap, (JsCell *) old);
  JsMapObject *m = (JsMapObject *) js_get_cell (collection);
  m->table = t;
  gc_write_barrier (&rt->heap, (JsCell *) m);
  return true;
}

JsMapTable *
map_follow (JsMapTable *t, uint32_t *index)
{
  while (t->next)
    {
      if (t->cleared)
        *index = 0;
      else
        {
          uint32_t holes = 0, n = MIN (*index, t->used);
          for (uint32_t i = 0; i < n; i++)
            if (js_is_empty (map_entry (t, i)[0]))
              holes++;
          *index -= holes;
        }
      t = t->next;
    }
  return t;
}

/* Called by builtins-map.c's init: the realm's table shapes. */
bool
map_init_shapes (JsContext *ctx)
{
  ctx->map_table_shape = shape_new_root (ctx->rt, &table_class, NULL, 0);
  ctx->weak_table_shape = ctx->map_table_shape
                              ? shape_new_root (ctx->rt, &weak_table_class,
                                                NULL, 0)
                              : NULL;
  return ctx->weak_table_shape != NULL;
}
