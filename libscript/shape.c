/* shape.c — internal classes: roots, transitions, tables, dictionaries.
 *
 * Invariant: the transitions out of a shape are unique per (key,
 * attributes), and a child keeps its parent alive but not the other way
 * round: a parent's transitions are weak, and a dying child removes
 * itself from its parent if the parent lives.
 *
 * Transitions.  A shape's kids field holds its one child directly (most
 * shapes have one), or a tagged JsTransitions: a little array up to
 * JS_SHAPE_KIDS_LINEAR children, then an open-addressing hash on (key,
 * attributes).  The array is malloc'd, counted as unmanaged memory and
 * freed by the shape's finalizer.  Every child has its FINALIZE bit set:
 * when it dies and its parent is marked, its finalizer takes it out of
 * the parent's transitions.  Finalizers run before any shape of the
 * sweep is freed, and a dead parent's transitions are never touched
 * (its own finalizer frees them), so the order of finalizers is free.
 *
 * Tables.  A lookup never walks the chain of parents: it hashes into a
 * property table.  In the tree the i-th property of a chain is always in
 * entry i, so one table can serve every shape of a chain at once, each
 * shape reading only its first count entries.  Tables are therefore
 * shared along chains and reference-counted:
 *   - adding a property to a shape whose table ends at its count (the
 *     usual case: the shape is the newest of its chain) appends to that
 *     table and shares it, in O(1);
 *   - if the table goes on past the shape's count with the very property
 *     being added, the child shares it as it is;
 *   - otherwise (a second branch) the child gets no table, and its first
 *     lookup builds one: it walks up to the nearest shape with a table,
 *     once, and extends that table if it can, or copies its prefix.
 * So building a chain of n properties costs O(n) in all, a lookup is a
 * hash probe, and the memory is one table per branch of the tree rather
 * than one per shape (stealing a parent's table, the other way, loses
 * the parent's table when the child comes and goes).  A dictionary's
 * table is its own, and is the only record of its keys: the shape's
 * trace marks them from it.
 *
 * The thresholds (shape.h).  Objects go to dictionary mode beyond
 * JS_SHAPE_MAX_FAST_PROPERTIES (64) properties: past that, objects are
 * maps more often than records, and a tree of hundreds of shapes per
 * object would buy nothing.  Deleting a property other than the last
 * (or changing its attributes) replays the later properties onto the
 * shape before it, when the shape has at most JS_SHAPE_REBUILD_MAX (16)
 * properties: the new branch is shared by every object that does the
 * same, which keeps small records fast; larger objects, or the
 * delete-heavy ones that are really maps, become dictionaries.  A
 * prototype change replays up to JS_SHAPE_REPLAY_MAX (64) properties
 * onto the root for the new prototype: it happens once per object, when
 * it is built (Object.setPrototypeOf, class boilerplate).
 */
#include "config.h"

#include "shape.h"

/* Assertions that cost time on hot paths: internal checks only. */
#if GSCRIPT_INTERNAL_CHECKS
#define CHECK(x) g_assert (x)
#else
#define CHECK(x) ((void) 0)
#endif

/* The key of a link that only makes a shape non-extensible: even (not
 * an index) and no cell's address. */
#define KEY_NOT_EXTENSIBLE ((JsKey) 2)

/* The transitions of a shape with more than one child. */
struct JsTransitions
{
  uint32_t cap;     /* slots: JS_SHAPE_KIDS_LINEAR, or a power of two */
  uint32_t count;   /* live children */
  uint32_t used;    /* hashed: live children and tombstones */
  uint32_t hashed;  /* 0: a little array in order, 1: open addressing */
  JsShape *slots[]; /* the children */
};

#define KIDS_TOMBSTONE ((JsShape *) (uintptr_t) 1)
#define KIDS_HASHED_MIN 16u

static inline bool
key_is_cell (JsKey k)
{
  return k != JS_KEY_NONE && !js_key_is_index (k) && k != KEY_NOT_EXTENSIBLE;
}

static inline uint32_t
key_hash (JsKey k)
{
  return (uint32_t) ((k * UINT64_C (0x9E3779B97F4A7C15)) >> 32);
}

static inline JsHeap *
shape_heap (const JsShape *s)
{
  return js_chunk_of (s)->heap;
}

static inline uint32_t
pow2_at_least (uint32_t n)
{
  uint32_t p = 1;
  while (p < n)
    p *= 2;
  return p;
}

/* ------------------------------------------------------------------ */
/* Property tables                                                     */
/* ------------------------------------------------------------------ */

/* Brings the unmanaged-memory count up to date with the table's size. */
static void
table_account (JsHeap *heap, JsShapeTable *t)
{
  size_t bytes = sizeof *t + (size_t) t->cap * sizeof (JsShapeEntry)
                 + ((size_t) t->mask + 1) * sizeof (uint32_t)
                 + (size_t) t->free_cap * sizeof (uint32_t);
  heap_add_unmanaged (heap, (int64_t) bytes - (int64_t) t->bytes);
  t->bytes = bytes;
}

static JsShapeTable *
table_new (JsHeap *heap, uint32_t cap)
{
  JsShapeTable *t = g_new0 (JsShapeTable, 1);
  t->cap = MAX (cap, 4u);
  t->entries = g_new (JsShapeEntry, t->cap);
  uint32_t nb = pow2_at_least (2 * t->cap);
  t->buckets = g_new0 (uint32_t, nb);
  t->mask = nb - 1;
  table_account (heap, t);
  return t;
}

static void
table_unref (JsHeap *heap, JsShapeTable *t)
{
  if (--t->refs > 0)
    return;
  heap_add_unmanaged (heap, -(int64_t) t->bytes);
  g_free (t->free_slots);
  g_free (t->buckets);
  g_free (t->entries);
  g_free (t);
}

/* Points a free bucket of e's probe sequence at entry e. */
static void
table_index (JsShapeTable *t, uint32_t e)
{
  for (uint32_t i = key_hash (t->entries[e].key) & t->mask;;
       i = (i + 1) & t->mask)
    if (!t->buckets[i])
      {
        t->buckets[i] = e + 1;
        return;
      }
}

/* Rebuilds the buckets (nb of them) from the live entries. */
static void
table_reindex (JsShapeTable *t, uint32_t nb)
{
  g_free (t->buckets);
  t->buckets = g_new0 (uint32_t, nb);
  t->mask = nb - 1;
  for (uint32_t e = 0; e < t->len; e++)
    if (t->entries[e].key != JS_KEY_NONE)
      table_index (t, e);
}

static void
table_append (JsHeap *heap, JsShapeTable *t, JsKey key, uint32_t slot,
              uint8_t attrs)
{
  if (t->len == t->cap)
    {
      t->cap *= 2;
      t->entries = g_renew (JsShapeEntry, t->entries, t->cap);
      table_reindex (t, pow2_at_least (2 * t->cap));
      table_account (heap, t);
    }
  uint32_t e = t->len++;
  t->entries[e] = (JsShapeEntry){ .key = key, .slot = slot, .attrs = attrs };
  table_index (t, e);
}

/* The entry of key, or -1.  Counts its probes: tests prove with them that
 * a lookup costs O(1) whatever the number of properties. */
static int64_t
table_find (JsShapeTable *t, JsKey key)
{
  t->lookups++;
  for (uint32_t i = key_hash (key) & t->mask;; i = (i + 1) & t->mask)
    {
      t->probes++;
      uint32_t b = t->buckets[i];
      if (!b)
        return -1;
      if (t->entries[b - 1].key == key)
        return b - 1;
    }
}

/* A new table holding the first n entries of src, with room for extra
 * more. */
static JsShapeTable *
table_copy_prefix (JsHeap *heap, const JsShapeTable *src, uint32_t n,
                   uint32_t extra)
{
  JsShapeTable *t = table_new (heap, n + extra);
  for (uint32_t i = 0; i < n; i++)
    table_append (heap, t, src->entries[i].key, src->entries[i].slot,
                  src->entries[i].attrs);
  return t;
}

static void
shape_set_table (JsShape *s, JsShapeTable *t)
{
  s->table = t;
  t->refs++;
  heap_set_finalize ((JsCell *) s, true);
}

/* The table of a shape of the tree that has none yet: see the essay at
 * the top.  Walks the chain once; every shape on the way gets the
 * table too. */
static JsShapeTable *
build_table (JsShape *s)
{
  JsHeap *heap = shape_heap (s);
  uint32_t n = 0, cap = 16;
  JsShape **path = g_new (JsShape *, cap);
  JsShape *a = s;
  while (a->count > 0 && !a->table)
    {
      if (n == cap)
        path = g_renew (JsShape *, path, cap *= 2);
      path[n++] = a;
      a = a->parent;
    }

  /* path[n-1] is a's child, path[0] is s.  Find how far down the path
     a's table already matches (a longer branch may have filled it). */
  JsShapeTable *t = a->table;
  uint32_t j = n;
  while (t && j > 0)
    {
      JsShape *p = path[j - 1];
      if (p->key != KEY_NOT_EXTENSIBLE)
        {
          uint32_t e = p->count - 1;
          if (e >= t->len || t->entries[e].key != p->key
              || t->entries[e].attrs != p->attrs)
            break;
        }
      j--;
    }
  uint32_t covered = j == n ? a->count : path[j]->count;
  if (j > 0)
    {
      /* Entries are still to come: append to t if it ends where they
         start, else start a table of this branch. */
      if (!t)
        t = table_new (heap, s->count);
      else if (t->len != covered)
        t = table_copy_prefix (heap, t, covered, s->count - covered);
      for (uint32_t k = j; k-- > 0;)
        if (path[k]->key != KEY_NOT_EXTENSIBLE)
          {
            CHECK (t->len == path[k]->count - 1);
            table_append (heap, t, path[k]->key, path[k]->count - 1,
                          path[k]->attrs);
          }
    }
  t->walk_steps += n;
  for (uint32_t k = 0; k < n; k++)
    shape_set_table (path[k], t);
  g_free (path);
  return t;
}

/* The table of s; NULL when s has no property (and needs none). */
static inline JsShapeTable *
shape_table (JsShape *s)
{
  if (s->table || s->count == 0)
    return s->table;
  return build_table (s);
}

bool
shape_lookup (JsShape *s, JsKey key, uint32_t *slot, uint8_t *attrs)
{
  JsShapeTable *t = shape_table (s);
  if (!t)
    return false;
  int64_t e = table_find (t, key);
  if (e < 0 || (!shape_is_dictionary (s) && (uint64_t) e >= s->count))
    return false;
  *slot = t->entries[e].slot;
  *attrs = t->entries[e].attrs;
  return true;
}

/* ------------------------------------------------------------------ */
/* Transitions                                                         */
/* ------------------------------------------------------------------ */

static inline bool
kids_is_table (const void *kids)
{
  return ((uintptr_t) kids & 1) != 0;
}

static inline JsTransitions *
kids_table (void *kids)
{
  return (JsTransitions *) ((uintptr_t) kids & ~(uintptr_t) 1);
}

static inline uint32_t
kid_hash (JsKey key, uint8_t attrs)
{
  return key_hash (key) ^ (attrs * 0x9E3779B9u);
}

static inline bool
kid_is (const JsShape *c, JsKey key, uint8_t attrs)
{
  return c->key == key && c->attrs == attrs;
}

static JsShape *
kids_find (JsShape *parent, JsKey key, uint8_t attrs)
{
  void *k = parent->kids;
  if (!k)
    return NULL;
  if (!kids_is_table (k))
    return kid_is (k, key, attrs) ? k : NULL;
  JsTransitions *t = kids_table (k);
  if (!t->hashed)
    {
      for (uint32_t i = 0; i < t->count; i++)
        if (kid_is (t->slots[i], key, attrs))
          return t->slots[i];
      return NULL;
    }
  uint32_t mask = t->cap - 1;
  for (uint32_t i = kid_hash (key, attrs) & mask;; i = (i + 1) & mask)
    {
      JsShape *c = t->slots[i];
      if (!c)
        return NULL;
      if (c != KIDS_TOMBSTONE && kid_is (c, key, attrs))
        return c;
    }
}

static JsTransitions *
kids_alloc (JsHeap *heap, uint32_t cap, bool hashed)
{
  JsTransitions *t = g_malloc0 (sizeof *t + cap * sizeof (JsShape *));
  t->cap = cap;
  t->hashed = hashed;
  heap_add_unmanaged (heap, (int64_t) (sizeof *t + cap * sizeof (JsShape *)));
  return t;
}

static void
kids_free (JsHeap *heap, JsTransitions *t)
{
  heap_add_unmanaged (heap,
                      -(int64_t) (sizeof *t + t->cap * sizeof (JsShape *)));
  g_free (t);
}

static void
kids_put (JsTransitions *t, JsShape *c)
{
  uint32_t mask = t->cap - 1;
  for (uint32_t i = kid_hash (c->key, c->attrs) & mask;; i = (i + 1) & mask)
    if (!t->slots[i] || t->slots[i] == KIDS_TOMBSTONE)
      {
        if (!t->slots[i])
          t->used++;
        t->slots[i] = c;
        t->count++;
        return;
      }
}

/* A hashed copy of t's children with room for one more. */
static JsTransitions *
kids_rehash (JsHeap *heap, JsTransitions *t)
{
  uint32_t cap = KIDS_HASHED_MIN;
  while (cap / 2 < t->count + 1)
    cap *= 2;
  JsTransitions *h = kids_alloc (heap, cap, true);
  for (uint32_t i = 0; i < t->cap; i++)
    if (t->slots[i] && t->slots[i] != KIDS_TOMBSTONE)
      kids_put (h, t->slots[i]);
  kids_free (heap, t);
  return h;
}

static void
kids_add (JsHeap *heap, JsShape *parent, JsShape *c)
{
  void *k = parent->kids;
  if (!k)
    {
      parent->kids = c;
      return;
    }
  JsTransitions *t;
  if (!kids_is_table (k))
    {
      t = kids_alloc (heap, JS_SHAPE_KIDS_LINEAR, false);
      t->slots[0] = k;
      t->count = 1;
      heap_set_finalize ((JsCell *) parent, true);
    }
  else
    t = kids_table (k);
  if (!t->hashed && t->count < t->cap)
    t->slots[t->count++] = c;
  else
    {
      if (!t->hashed || (t->used + 1) * 4 > t->cap * 3)
        t = kids_rehash (heap, t);
      kids_put (t, c);
    }
  parent->kids = (void *) ((uintptr_t) t | 1);
}

static void
kids_remove (JsShape *parent, JsShape *c)
{
  void *k = parent->kids;
  if (!kids_is_table (k))
    {
      if (k == c)
        parent->kids = NULL;
      return;
    }
  JsTransitions *t = kids_table (k);
  for (uint32_t i = 0; i < (t->hashed ? t->cap : t->count); i++)
    if (t->slots[i] == c)
      {
        if (t->hashed)
          {
            t->slots[i] = KIDS_TOMBSTONE;
            t->count--;
          }
        else
          {
            /* Keep the little array dense: the last takes the hole. */
            t->slots[i] = t->slots[--t->count];
            t->slots[t->count] = NULL;
          }
        return;
      }
}

/* ------------------------------------------------------------------ */
/* The class of shapes                                                 */
/* ------------------------------------------------------------------ */

static void
shape_trace (JsTracer *trc, JsCell *cell)
{
  JsShape *s = (JsShape *) cell;
  gc_mark_cell (trc, s->proto);
  gc_mark_cell (trc, (JsCell *) s->parent);
  if (key_is_cell (s->key))
    gc_mark_cell (trc, js_key_cell (s->key));
  /* A dictionary's keys are nowhere else. */
  if (shape_is_dictionary (s))
    for (uint32_t i = 0; i < s->table->len; i++)
      if (key_is_cell (s->table->entries[i].key))
        gc_mark_cell (trc, js_key_cell (s->table->entries[i].key));
}

static void
shape_finalize (JsHeap *heap, JsCell *cell)
{
  JsShape *s = (JsShape *) cell;
  /* A dead parent's transitions die with it: only a live one is
     edited. */
  if (s->parent && js_cell_is_marked (s->parent))
    kids_remove (s->parent, s);
  if (kids_is_table (s->kids))
    kids_free (heap, kids_table (s->kids));
  s->kids = NULL;
  if (s->table)
    table_unref (heap, s->table);
  s->table = NULL;
}

const JsCellClass js_shape_class = {
  .name = "Shape",
  .kind = JS_KIND_SHAPE,
  .trace = shape_trace,
  .finalize = shape_finalize,
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
}

void
shape_runtime_free (JsRuntime *rt)
{
  g_free (rt->shape_roots.slots);
  memset (&rt->shape_roots, 0, sizeof rt->shape_roots);
}

/* ------------------------------------------------------------------ */
/* Roots                                                               */
/* ------------------------------------------------------------------ */

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
  gc_write_barrier (&rt->heap, (JsCell *) s);
  return s;
}

static inline uint32_t
root_hash (const JsCellClass *cls, const JsCell *proto, uint32_t cap)
{
  uint64_t k = (uint64_t) (uintptr_t) cls * 31 + (uint64_t) (uintptr_t) proto
               + cap;
  return key_hash (k);
}

static void
roots_put (JsShapeRootTable *t, JsShape *s)
{
  uint32_t mask = t->cap - 1;
  for (uint32_t i = root_hash (s->cls, s->proto, s->inline_cap) & mask;;
       i = (i + 1) & mask)
    if (!t->slots[i] || t->slots[i] == JS_SHAPE_TOMBSTONE)
      {
        if (!t->slots[i])
          t->used++;
        t->slots[i] = s;
        t->count++;
        return;
      }
}

static void
roots_rehash (JsShapeRootTable *t)
{
  uint32_t cap = 64;
  while (cap / 2 < t->count + 1)
    cap *= 2;
  JsShape **old = t->slots;
  uint32_t old_cap = t->cap;
  t->slots = g_new0 (JsShape *, cap);
  t->cap = cap;
  t->count = t->used = 0;
  for (uint32_t i = 0; i < old_cap; i++)
    if (old[i] && old[i] != JS_SHAPE_TOMBSTONE)
      roots_put (t, old[i]);
  g_free (old);
}

JsShape *
shape_root_for (JsRuntime *rt, const JsCellClass *cls, JsCell *proto,
                uint32_t inline_cap)
{
  JsShapeRootTable *t = &rt->shape_roots;
  inline_cap = MIN (inline_cap, 255u);
  if (t->cap)
    {
      uint32_t mask = t->cap - 1;
      for (uint32_t i = root_hash (cls, proto, inline_cap) & mask;;
           i = (i + 1) & mask)
        {
          JsShape *s = t->slots[i];
          if (!s)
            break;
          if (s != JS_SHAPE_TOMBSTONE && s->cls == cls && s->proto == proto
              && s->inline_cap == inline_cap)
            return s;
        }
    }
  /* A collection here may drop dead roots, never add one. */
  JsShape *s = shape_new_root (rt, cls, proto, inline_cap);
  if (!s)
    return NULL;
  if ((t->used + 1) * 4 > t->cap * 3)
    roots_rehash (t);
  roots_put (t, s);
  return s;
}

void
shape_sweep (JsRuntime *rt)
{
  JsShapeRootTable *t = &rt->shape_roots;
  for (uint32_t i = 0; i < t->cap; i++)
    {
      JsShape *s = t->slots[i];
      if (s && s != JS_SHAPE_TOMBSTONE && !js_cell_is_marked (s))
        {
          t->slots[i] = JS_SHAPE_TOMBSTONE;
          t->count--;
        }
    }
  if (t->cap && t->used - t->count > t->cap / 4)
    roots_rehash (t);
}

/* ------------------------------------------------------------------ */
/* Transitions: adding, and the non-extensible link                    */
/* ------------------------------------------------------------------ */

/* A new child of s (rooted by the caller or by s's own holder) with the
 * fields that do not depend on what the child adds. */
static JsShape *
child_alloc (JsRuntime *rt, JsShape *s, JsKey key)
{
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, s);
  if (key_is_cell (key))
    rt_push_cell (rt, js_key_cell (key));
  JsShape *c = shape_alloc (rt);
  rt_restore_roots (rt, saved);
  if (!c)
    return NULL;
  c->cls = s->cls;
  c->proto = s->proto;
  c->parent = s;
  c->key = key;
  c->flags = s->flags & (JS_SHAPE_HAS_INDEXED | JS_SHAPE_NOT_EXTENSIBLE);
  c->inline_cap = s->inline_cap;
  return c;
}

/* Makes c a transition of its parent, weakly. */
static void
child_link (JsRuntime *rt, JsShape *c)
{
  kids_add (&rt->heap, c->parent, c);
  heap_set_finalize ((JsCell *) c, true);
  /* Born black while marking: proto, parent and key must be traced. */
  gc_write_barrier (&rt->heap, (JsCell *) c);
}

JsShape *
shape_add_property (JsRuntime *rt, JsShape *s, JsKey key, uint8_t attrs)
{
  CHECK (!shape_is_dictionary (s)
         && (key_is_cell (key) || js_key_is_index (key)));
  JsShape *c = kids_find (s, key, attrs);
  if (c)
    return c;
  c = child_alloc (rt, s, key);
  if (!c)
    return NULL;
  c->count = s->count + 1;
  c->attrs = attrs;
  if (js_key_is_index (key))
    c->flags |= JS_SHAPE_HAS_INDEXED;

  /* Share the parent's table when it ends here or already goes on with
     this very property; start one at the root; else build it lazily. */
  JsHeap *heap = &rt->heap;
  JsShapeTable *t = s->table;
  if (s->count == 0)
    {
      t = table_new (heap, 4);
      table_append (heap, t, key, 0, attrs);
    }
  else if (t && t->len == s->count)
    table_append (heap, t, key, s->count, attrs);
  else if (t && !(t->entries[s->count].key == key
                  && t->entries[s->count].attrs == attrs))
    t = NULL;
  if (t)
    shape_set_table (c, t);
  child_link (rt, c);
  return c;
}

JsShape *
shape_prevent_extensions (JsRuntime *rt, JsShape *s)
{
  if (!shape_is_extensible (s))
    return s;
  if (shape_is_dictionary (s))
    {
      s->flags |= JS_SHAPE_NOT_EXTENSIBLE;
      return s;
    }
  JsShape *c = kids_find (s, KEY_NOT_EXTENSIBLE, 0);
  if (c)
    return c;
  c = child_alloc (rt, s, KEY_NOT_EXTENSIBLE);
  if (!c)
    return NULL;
  c->count = s->count;
  c->flags |= JS_SHAPE_NOT_EXTENSIBLE;
  /* The same properties: the same table serves. */
  if (s->table)
    shape_set_table (c, s->table);
  child_link (rt, c);
  return c;
}

/* ------------------------------------------------------------------ */
/* Dictionaries                                                        */
/* ------------------------------------------------------------------ */

JsShape *
shape_to_dictionary (JsRuntime *rt, JsShape *s)
{
  if (shape_is_dictionary (s))
    return s;
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, s);
  JsShape *d = shape_alloc (rt);
  rt_restore_roots (rt, saved);
  if (!d)
    return NULL;
  JsHeap *heap = &rt->heap;
  d->cls = s->cls;
  d->proto = s->proto;
  d->count = s->count;
  d->flags = (s->flags & (JS_SHAPE_NOT_EXTENSIBLE | JS_SHAPE_HAS_INDEXED))
             | JS_SHAPE_DICTIONARY;
  d->inline_cap = s->inline_cap;
  JsShapeTable *t;
  if (s->count)
    t = table_copy_prefix (heap, shape_table (s), s->count, 0);
  else
    t = table_new (heap, 4);
  shape_set_table (d, t);
  gc_write_barrier (heap, (JsCell *) d);
  return d;
}

/* Inline caches trust a prototype's layout while the runtime's epoch is
 * unchanged; a prototype's dictionary changing in place must end that
 * trust (a new shadowing key, a deleted one, an attribute or a
 * prototype changed). */
static inline void
prototype_changed (JsRuntime *rt, JsShape *d)
{
  if (d->flags & JS_SHAPE_PROTOTYPE)
    rt->proto_epoch++;
  /* Global caches trust the global object's dictionary the same way. */
  if (d->flags & JS_SHAPE_GLOBAL)
    rt->global_epoch++;
}

uint32_t
shape_dict_next_slot (JsShape *d)
{
  JsShapeTable *t = d->table;
  return t->free_len ? t->free_slots[t->free_len - 1] : d->count;
}

uint32_t
shape_dict_add (JsRuntime *rt, JsShape *d, JsKey key, uint8_t attrs)
{
  g_assert (shape_is_dictionary (d));
  prototype_changed (rt, d);
  JsShapeTable *t = d->table;
  uint32_t slot = t->free_len ? t->free_slots[--t->free_len] : d->count++;
  table_append (&rt->heap, t, key, slot, attrs);
  if (js_key_is_index (key))
    d->flags |= JS_SHAPE_HAS_INDEXED;
  /* The shape now holds the key (traced from its table). */
  gc_write_barrier (&rt->heap, (JsCell *) d);
  return slot;
}

/* Removes key (present) from a dictionary; its slot becomes free. */
static void
dict_delete (JsHeap *heap, JsShape *d, JsKey key)
{
  JsShapeTable *t = d->table;
  int64_t e = table_find (t, key);
  g_assert (e >= 0);
  if (t->free_len == t->free_cap)
    {
      t->free_cap = MAX (8u, t->free_cap * 2);
      t->free_slots = g_renew (uint32_t, t->free_slots, t->free_cap);
    }
  t->free_slots[t->free_len++] = t->entries[e].slot;
  t->entries[e].key = JS_KEY_NONE;
  t->deleted++;
  /* Deleted entries are tombstones in the index: squeeze them out when
     they are the majority. */
  if (t->deleted > 8 && t->deleted * 2 > t->len)
    {
      uint32_t n = 0;
      for (uint32_t i = 0; i < t->len; i++)
        if (t->entries[i].key != JS_KEY_NONE)
          t->entries[n++] = t->entries[i];
      t->len = n;
      t->deleted = 0;
      table_reindex (t, t->mask + 1);
    }
  table_account (heap, t);
}

/* ------------------------------------------------------------------ */
/* Deleting, changing attributes, changing the prototype               */
/* ------------------------------------------------------------------ */

/* The shape of s's chain that the property at depth n was added to. */
static JsShape *
ancestor_at (JsShape *s, uint32_t n)
{
  while (s->count > n || s->key == KEY_NOT_EXTENSIBLE)
    s = s->parent;
  return s;
}

/* Adds to base the properties of s from depth `from` on, in order,
 * giving the one at depth `change` the attributes `attrs`; then makes
 * the result non-extensible if s is. */
static JsShape *
replay (JsRuntime *rt, JsShape *base, JsShape *s, uint32_t from,
        uint32_t change, uint8_t attrs)
{
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, s);
  JsValue *cur = rt_push_cell (rt, base);
  JsShapeTable *t = shape_table (s);
  JsShape *r = base;
  for (uint32_t i = from; i < s->count && r; i++)
    {
      /* The table may grow (and move its entries) as we add. */
      JsShapeEntry e = t->entries[i];
      r = shape_add_property (rt, r, e.key, i == change ? attrs : e.attrs);
      *cur = js_cell_value (JS_TAG_INTERNAL, r);
    }
  if (r && !shape_is_extensible (s))
    r = shape_prevent_extensions (rt, r);
  rt_restore_roots (rt, saved);
  return r;
}

JsShape *
shape_delete_property (JsRuntime *rt, JsShape *s, JsKey key, uint32_t *slot)
{
  uint8_t attrs;
  if (!shape_lookup (s, key, slot, &attrs))
    {
      *slot = UINT32_MAX;
      return s;
    }
  if (shape_is_dictionary (s))
    {
      prototype_changed (rt, s);
      dict_delete (&rt->heap, s, key);
      return s;
    }
  /* The newest property: back to the shape before it. */
  if (s->key == key)
    return s->parent;
  if (s->count > JS_SHAPE_REBUILD_MAX)
    {
      JsShape *d = shape_to_dictionary (rt, s);
      if (d)
        dict_delete (&rt->heap, d, key);
      return d;
    }
  return replay (rt, ancestor_at (s, *slot), s, *slot + 1, UINT32_MAX, 0);
}

JsShape *
shape_change_attrs (JsRuntime *rt, JsShape *s, JsKey key, uint8_t attrs)
{
  uint32_t slot;
  uint8_t old;
  if (!shape_lookup (s, key, &slot, &old) || old == attrs)
    return s;
  if (shape_is_dictionary (s))
    {
      prototype_changed (rt, s);
      s->table->entries[table_find (s->table, key)].attrs = attrs;
      return s;
    }
  if (s->key == key)
    return shape_add_property (rt, s->parent, key, attrs);
  if (s->count > JS_SHAPE_REBUILD_MAX)
    {
      JsShape *d = shape_to_dictionary (rt, s);
      if (d)
        d->table->entries[table_find (d->table, key)].attrs = attrs;
      return d;
    }
  return replay (rt, ancestor_at (s, slot), s, slot, slot, attrs);
}

JsShape *
shape_set_proto (JsRuntime *rt, JsShape *s, JsCell *proto)
{
  if (s->proto == proto)
    return s;
  if (shape_is_dictionary (s) || s->count > JS_SHAPE_REPLAY_MAX)
    {
      JsValue *saved = rt_save_roots (rt);
      rt_push_cell (rt, proto);
      JsShape *d = shape_to_dictionary (rt, s);
      rt_restore_roots (rt, saved);
      if (!d)
        return NULL;
      prototype_changed (rt, d);
      d->proto = proto;
      gc_write_barrier (&rt->heap, (JsCell *) d);
      return d;
    }
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, s);
  JsShape *base = shape_root_for (rt, s->cls, proto, s->inline_cap);
  JsShape *r = base ? replay (rt, base, s, 0, UINT32_MAX, 0) : NULL;
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Enumeration                                                         */
/* ------------------------------------------------------------------ */

static int
compare_index_keys (const void *a, const void *b)
{
  uint32_t x = js_key_index (*(const JsKey *) a);
  uint32_t y = js_key_index (*(const JsKey *) b);
  return x < y ? -1 : x > y;
}

static inline bool
key_is_symbol (JsKey k)
{
  return js_key_cell (k)->shape->cls->kind == JS_KIND_SYMBOL;
}

JsKey *
shape_own_keys (JsShape *s, uint32_t flags, uint32_t *n_out)
{
  *n_out = 0;
  JsShapeTable *t = shape_table (s);
  if (!t)
    return NULL;
  uint32_t len = shape_is_dictionary (s) ? t->len : s->count;
  JsKey *out = g_new (JsKey, len);
  uint32_t n = 0;
  bool enum_only = (flags & JS_KEYS_ENUMERABLE_ONLY) != 0;
  /* Three passes over the entries, one per group of the spec's order. */
  for (int pass = 0; pass < 3; pass++)
    {
      uint32_t first = n;
      for (uint32_t i = 0; i < len; i++)
        {
          JsShapeEntry *e = &t->entries[i];
          if (e->key == JS_KEY_NONE
              || (enum_only && !(e->attrs & JS_ATTR_ENUMERABLE)))
            continue;
          bool want;
          if (js_key_is_index (e->key))
            want = pass == 0 && (flags & JS_KEYS_STRINGS);
          else if (!key_is_symbol (e->key))
            want = pass == 1 && (flags & JS_KEYS_STRINGS);
          else if (((JsSymbol *) js_key_cell (e->key))->flags
                   & JS_SYMBOL_PRIVATE)
            want = pass == 2 && (flags & JS_KEYS_PRIVATE);
          else
            want = pass == 2 && (flags & JS_KEYS_SYMBOLS);
          if (want)
            out[n++] = e->key;
        }
      if (pass == 0)
        qsort (out + first, n - first, sizeof *out, compare_index_keys);
    }
  *n_out = n;
  return out;
}
