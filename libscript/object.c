/* object.c — ordinary objects and arrays.
 *
 * [shape | storage | slot0 | slot1 ...]: the first shape->inline_cap
 * properties live in the cell, the rest and every element in the one
 * storage cell, [prop_cap overflow properties | elem_cap elements].
 * The storage is replaced, never resized in place: growing allocates a
 * larger cell, copies, and lets the old one die.
 *
 * Invariants kept here: property slots an object's shape does not use
 * hold undefined (a delete clears them), so the storage's trace may scan
 * all prop_cap of them; elements at or past elem_len are never read or
 * traced, so they need no initialisation.
 */
#include "config.h"

#include "object.h"

/* ------------------------------------------------------------------ */
/* Classes                                                             */
/* ------------------------------------------------------------------ */

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

const JsCellClass js_array_class = {
  .name = "Array",
  .kind = JS_KIND_ARRAY,
  .trace = object_trace,
};

static void
storage_trace (JsTracer *trc, JsCell *cell)
{
  JsStorage *st = (JsStorage *) cell;
  /* Every property slot (unused ones are undefined), and the elements
     in use: the capacity past elem_len is not. */
  gc_mark_values (trc, st->values, (size_t) st->prop_cap + st->elem_len);
}

static const JsCellClass storage_class = {
  .name = "Storage",
  .kind = JS_KIND_STORAGE,
  .trace = storage_trace,
};

static void
accessor_trace (JsTracer *trc, JsCell *cell)
{
  JsAccessorPair *p = (JsAccessorPair *) cell;
  gc_mark_value (trc, p->getter);
  gc_mark_value (trc, p->setter);
}

const JsCellClass js_accessor_class = {
  .name = "Accessor",
  .kind = JS_KIND_INTERNAL,
  .trace = accessor_trace,
};

void
object_runtime_init (JsRuntime *rt)
{
  rt->storage_shape = shape_new_root (rt, &storage_class, NULL, 0);
  rt->accessor_shape = shape_new_root (rt, &js_accessor_class, NULL, 0);
  g_assert (rt->storage_shape && rt->accessor_shape);
}

static inline void
set_shape (JsRuntime *rt, JsObject *o, JsShape *s)
{
  o->shape = s;
  gc_write_barrier (&rt->heap, (JsCell *) o);
}

static inline JsValue *
elems (JsStorage *st)
{
  return st->values + st->prop_cap;
}

/* ------------------------------------------------------------------ */
/* Creation                                                            */
/* ------------------------------------------------------------------ */

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
  gc_write_barrier (&rt->heap, (JsCell *) o);
  return o;
}

static JsShape *object_array_shape_uncached (JsRuntime *rt, JsCell *proto);

JsObject *
object_new_with_proto (JsRuntime *rt, JsCell *proto, uint32_t inline_cap)
{
  /* Whatever the slots hold past the capacity asked for is free. */
  uint32_t want = MIN (inline_cap, 255u);
  uint32_t slots = js_slots_for (sizeof (JsObject) + want * sizeof (JsValue));
  uint32_t cap = MIN (js_object_inline_cap (slots), 255u);
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, proto);
  JsShape *s = shape_root_for (rt, &js_object_class, proto, cap);
  JsObject *o = s ? object_new (rt, s) : NULL;
  rt_restore_roots (rt, saved);
  return o;
}

JsShape *
object_array_shape (JsRuntime *rt, JsCell *proto)
{
  /* Nearly every array has the realm's Array.prototype: remember the
     last answer (a weak reference, dropped by each collection). */
  JsShape *last = rt->last_array_shape;
  if (last && last->proto == proto)
    return last;
  JsShape *s = object_array_shape_uncached (rt, proto);
  if (s)
    rt->last_array_shape = s;
  return s;
}

static JsShape *
object_array_shape_uncached (JsRuntime *rt, JsCell *proto)
{
  JsShape *root = shape_root_for (rt, &js_array_class, proto,
                                  JS_OBJECT_DEFAULT_INLINE);
  if (!root)
    return NULL;
  return shape_add_property (rt, root, atom_common_key (rt, JS_ATOM_length),
                             JS_ATTR_WRITABLE);
}

JsObject *
object_new_array (JsRuntime *rt, JsCell *proto, uint32_t capacity)
{
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, proto);
  JsShape *s = object_array_shape (rt, proto);
  JsObject *a = s ? object_new (rt, s) : NULL;
  if (a)
    {
      a->slots[0] = js_int32 (0);
      rt_push_root (rt, js_object_value (a));
      if (capacity
          && !object_reserve (rt, a, 0, MIN (capacity, JS_ARRAY_PREALLOC_MAX)))
        a = NULL;
    }
  rt_restore_roots (rt, saved);
  return a;
}

JsAccessorPair *
object_new_accessor (JsRuntime *rt, JsValue getter, JsValue setter)
{
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, getter);
  rt_push_root (rt, setter);
  JsAccessorPair *p = (JsAccessorPair *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *p));
  rt_restore_roots (rt, saved);
  if (!p)
    return NULL;
  p->shape = rt->accessor_shape;
  p->getter = getter;
  p->setter = setter;
  p->unused = 0;
  gc_write_barrier (&rt->heap, (JsCell *) p);
  return p;
}

/* ------------------------------------------------------------------ */
/* Storage                                                             */
/* ------------------------------------------------------------------ */

/* A storage cell with at least these capacities; the rest of its last
 * slot goes to the elements if any were asked for, else to the
 * properties. */
static JsStorage *
storage_alloc (JsRuntime *rt, uint32_t prop_cap, uint32_t elem_cap)
{
  uint64_t total = (uint64_t) prop_cap + elem_cap;
  if (total > JS_STORAGE_MAX_VALUES)
    return NULL;
  uint32_t nslots = js_slots_for (offsetof (JsStorage, values)
                                  + total * sizeof (JsValue));
  JsStorage *st = (JsStorage *) heap_alloc_slots (&rt->heap, JS_SPACE_CELLS,
                                                  nslots);
  if (!st)
    return NULL;
  uint32_t room = (uint32_t) (((size_t) nslots * JS_SLOT_SIZE
                               - offsetof (JsStorage, values))
                              / sizeof (JsValue));
  if (elem_cap)
    elem_cap += room - (uint32_t) total;
  else
    prop_cap += room - (uint32_t) total;
  st->shape = rt->storage_shape;
  st->prop_cap = prop_cap;
  st->elem_cap = elem_cap;
  st->elem_len = 0;
  st->flags = 0;
  for (uint32_t i = 0; i < prop_cap; i++)
    st->values[i] = JS_UNDEFINED;
  return st;
}

bool
object_reserve (JsRuntime *rt, JsObject *o, uint32_t props, uint32_t nelems)
{
  JsStorage *old = o->storage;
  uint32_t pc = old ? old->prop_cap : 0;
  uint32_t ec = old ? old->elem_cap : 0;
  if (props <= pc && nelems <= ec)
    return true;
  /* Properties double; elements grow by half, so that appending is
     amortised O(1) without doubling large arrays. */
  uint64_t npc = pc, nec = ec;
  if (props > pc)
    npc = MAX ((uint64_t) props, MAX (4u, 2 * (uint64_t) pc));
  if (nelems > ec)
    nec = MAX ((uint64_t) nelems, (uint64_t) ec + ec / 2 + 8);
  if (npc + nec > JS_STORAGE_MAX_VALUES)
    {
      nec = MAX ((uint64_t) nelems, ec);
      npc = MAX ((uint64_t) props, pc);
      if (npc + nec > JS_STORAGE_MAX_VALUES)
        return false;
    }
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  JsStorage *st = storage_alloc (rt, (uint32_t) npc, (uint32_t) nec);
  rt_restore_roots (rt, saved);
  if (!st)
    return false;
  old = o->storage;
  if (old)
    {
      memcpy (st->values, old->values, old->prop_cap * sizeof (JsValue));
      memcpy (elems (st), elems (old), old->elem_len * sizeof (JsValue));
      st->elem_len = old->elem_len;
      st->flags = old->flags;
    }
  /* Born black while marking: what was copied in must be traced. */
  gc_write_barrier (&rt->heap, (JsCell *) st);
  o->storage = st;
  gc_write_barrier (&rt->heap, (JsCell *) o);
  return true;
}

/* Makes sure property slot `slot` exists. */
static bool
ensure_slot (JsRuntime *rt, JsObject *o, uint32_t slot)
{
  uint32_t cap = o->shape->inline_cap;
  if (slot < cap)
    return true;
  return object_reserve (rt, o, slot - cap + 1, 0);
}

/* ------------------------------------------------------------------ */
/* Looking up own properties                                           */
/* ------------------------------------------------------------------ */

/* Where the own property key lives: a pointer to its value and the cell
 * that holds it (for the barrier), or NULL. */
static JsValue *
own_ref (JsObject *o, JsKey key, uint8_t *attrs, JsCell **owner)
{
  if (js_key_is_index (key))
    {
      JsStorage *st = o->storage;
      uint32_t i = js_key_index (key);
      if (st && i < st->elem_len && elems (st)[i] != JS_EMPTY)
        {
          *attrs = JS_ATTR_DEFAULT;
          *owner = (JsCell *) st;
          return &elems (st)[i];
        }
      if (!(o->shape->flags & JS_SHAPE_HAS_INDEXED))
        return NULL;
    }
  uint32_t slot;
  if (!shape_lookup (o->shape, key, &slot, attrs))
    return NULL;
  *owner = slot < o->shape->inline_cap ? (JsCell *) o : (JsCell *) o->storage;
  return object_slot_ptr (o, slot);
}

bool
object_get_own (JsRuntime *rt, JsObject *o, JsKey key, JsValue *value,
                uint8_t *attrs)
{
  JsCell *owner;
  JsValue *p = own_ref (o, key, attrs, &owner);
  if (!p)
    return false;
  *value = *p;
  return true;
}

JsGetResult
object_get (JsRuntime *rt, JsObject *o, JsKey key, JsValue *out)
{
  for (JsObject *p = o; p; p = object_get_proto (p))
    {
      uint8_t attrs;
      if (object_get_own (rt, p, key, out, &attrs))
        return (attrs & JS_ATTR_ACCESSOR) ? JS_GET_ACCESSOR : JS_GET_VALUE;
    }
  *out = JS_UNDEFINED;
  return JS_GET_NONE;
}

/* ------------------------------------------------------------------ */
/* Adding and defining                                                 */
/* ------------------------------------------------------------------ */

/* Adds key, known to be absent, as a named property (extensibility is
 * the caller's business). */
static JsPropResult
add_named (JsRuntime *rt, JsObject *o, JsKey key, JsValue value,
           uint8_t attrs)
{
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  rt_push_root (rt, value);
  if (!js_key_is_index (key))
    rt_push_cell (rt, js_key_cell (key));
  JsPropResult r = JS_PROP_NO_MEMORY;
  JsShape *s = o->shape;
  if (!shape_is_dictionary (s) && s->count >= JS_SHAPE_MAX_FAST_PROPERTIES)
    {
      s = shape_to_dictionary (rt, s);
      if (!s)
        goto done;
      set_shape (rt, o, s);
    }
  if (shape_is_dictionary (s))
    {
      /* Room first, so that a failure leaves the object as it was. */
      if (!ensure_slot (rt, o, shape_dict_next_slot (s)))
        goto done;
      uint32_t slot = shape_dict_add (rt, s, key, attrs);
      object_store_slot (rt, o, slot, value);
    }
  else
    {
      JsShape *c = shape_add_property (rt, s, key, attrs);
      if (!c)
        goto done;
      rt_push_cell (rt, c);
      if (!ensure_slot (rt, o, s->count))
        goto done;
      set_shape (rt, o, c);
      object_store_slot (rt, o, c->count - 1, value);
    }
  r = JS_PROP_DONE;
done:
  rt_restore_roots (rt, saved);
  return r;
}

/* Defines a named (or sparse index) property. */
static JsPropResult
define_named (JsRuntime *rt, JsObject *o, JsKey key, JsValue value,
              uint8_t attrs)
{
  uint32_t slot;
  uint8_t old;
  if (!shape_lookup (o->shape, key, &slot, &old))
    {
      if (!shape_is_extensible (o->shape))
        return JS_PROP_REJECTED;
      return add_named (rt, o, key, value, attrs);
    }
  if (old != attrs)
    {
      JsValue *saved = rt_save_roots (rt);
      rt_push_root (rt, js_object_value (o));
      rt_push_root (rt, value);
      JsShape *s = shape_change_attrs (rt, o->shape, key, attrs);
      rt_restore_roots (rt, saved);
      if (!s)
        return JS_PROP_NO_MEMORY;
      set_shape (rt, o, s);
    }
  object_store_slot (rt, o, slot, value);
  return JS_PROP_DONE;
}

static uint8_t
array_length_attrs (JsRuntime *rt, JsObject *a)
{
  /* Most arrays have no other named property: "length" is the key their
     shape added. */
  JsShape *s = a->shape;
  if (s->count == 1 && !shape_is_dictionary (s)
      && s->key == atom_common_key (rt, JS_ATOM_length))
    return s->attrs;
  uint32_t slot;
  uint8_t attrs = 0;
  shape_lookup (a->shape, atom_common_key (rt, JS_ATOM_length), &slot,
                &attrs);
  return attrs;
}

static void
set_length_slot (JsObject *a, uint32_t len)
{
  /* A number: no barrier needed. */
  a->slots[0] = js_number ((double) len);
}

static inline bool
value_is_length (JsValue v, uint32_t *len)
{
  if (!js_is_number (v))
    return false;
  double d = js_get_number (v);
  if (!(d >= 0 && d <= 4294967295.0) || d != (double) (uint32_t) d)
    return false;
  *len = (uint32_t) d;
  return true;
}

/* May index i be stored densely (st's elements end before i)? */
static bool
dense_ok (JsStorage *st, uint32_t i)
{
  uint32_t len = st ? st->elem_len : 0, cap = st ? st->elem_cap : 0;
  return i < cap
         || (i - len <= JS_ELEMENTS_MAX_GAP && i < JS_STORAGE_MAX_VALUES);
}

static JsPropResult
define_element (JsRuntime *rt, JsObject *o, uint32_t i, JsValue value,
                uint8_t attrs)
{
  JsKey key = js_key_from_index (i);
  uint32_t slot;
  uint8_t old;
  /* Already a named property: it stays one. */
  if ((o->shape->flags & JS_SHAPE_HAS_INDEXED)
      && shape_lookup (o->shape, key, &slot, &old))
    return define_named (rt, o, key, value, attrs);

  JsStorage *st = o->storage;
  bool present = st && i < st->elem_len && elems (st)[i] != JS_EMPTY;
  bool array = object_is_array (o);
  if (!present)
    {
      if (!shape_is_extensible (o->shape))
        return JS_PROP_REJECTED;
      if (array && i >= object_array_length (o)
          && !(array_length_attrs (rt, o) & JS_ATTR_WRITABLE))
        return JS_PROP_REJECTED;
    }

  if (attrs == JS_ATTR_DEFAULT && st && i < st->elem_len)
    {
      elems (st)[i] = value;
      gc_write_barrier (&rt->heap, (JsCell *) st);
    }
  else if (attrs == JS_ATTR_DEFAULT && dense_ok (st, i))
    {
      JsValue *saved = rt_save_roots (rt);
      rt_push_root (rt, js_object_value (o));
      rt_push_root (rt, value);
      bool ok = object_reserve (rt, o, 0, i + 1);
      rt_restore_roots (rt, saved);
      if (!ok)
        return JS_PROP_NO_MEMORY;
      st = o->storage;
      if (i > st->elem_len)
        st->flags |= JS_STORAGE_HOLEY;
      for (uint32_t k = st->elem_len; k < i; k++)
        elems (st)[k] = JS_EMPTY;
      elems (st)[i] = value;
      st->elem_len = i + 1;
      gc_write_barrier (&rt->heap, (JsCell *) st);
    }
  else
    {
      /* Sparse, or not a plain data property: a named property.  A
         present element moves out of the elements once it is safely
         in the shape. */
      JsPropResult r = add_named (rt, o, key, value, attrs);
      if (r != JS_PROP_DONE)
        return r;
      if (present)
        {
          st = o->storage;
          elems (st)[i] = JS_EMPTY;
          st->flags |= JS_STORAGE_HOLEY;
        }
    }
  if (array && i >= object_array_length (o))
    set_length_slot (o, i + 1);
  return JS_PROP_DONE;
}

JsPropResult
object_array_set_length (JsRuntime *rt, JsObject *a, uint32_t len)
{
  uint32_t old = object_array_length (a);
  if (len == old)
    return JS_PROP_DONE;
  if (!(array_length_attrs (rt, a) & JS_ATTR_WRITABLE))
    return JS_PROP_REJECTED;
  JsPropResult r = JS_PROP_DONE;
  if (len < old && (a->shape->flags & JS_SHAPE_HAS_INDEXED))
    {
      /* Index properties at or past len go from the top down; a
         non-configurable one stops the deletion just above it. */
      JsValue *saved = rt_save_roots (rt);
      rt_push_root (rt, js_object_value (a));
      uint32_t n;
      JsKey *keys = shape_own_keys (a->shape, JS_KEYS_STRINGS, &n);
      uint32_t k = 0;
      while (k < n && js_key_is_index (keys[k]))
        k++;
      while (k-- > 0 && js_key_index (keys[k]) >= len)
        {
          JsValue v;
          uint8_t attrs;
          object_get_own (rt, a, keys[k], &v, &attrs);
          if (!(attrs & JS_ATTR_CONFIGURABLE))
            {
              len = js_key_index (keys[k]) + 1;
              r = JS_PROP_REJECTED;
              break;
            }
          JsPropResult d = object_delete (rt, a, keys[k]);
          if (d != JS_PROP_DONE)
            {
              len = js_key_index (keys[k]) + 1;
              r = d;
              break;
            }
        }
      g_free (keys);
      rt_restore_roots (rt, saved);
    }
  JsStorage *st = a->storage;
  if (st && st->elem_len > len)
    st->elem_len = len;
  set_length_slot (a, len);
  return r;
}

JsObject *
object_new_array_from (JsRuntime *rt, JsCell *proto, const JsValue *values,
                       uint32_t n)
{
  JsObject *a = object_new_array (rt, proto, n);
  if (!a || n == 0)
    return a;
  if (n > JS_ARRAY_PREALLOC_MAX)
    {
      for (uint32_t i = 0; i < n; i++)
        if (object_array_push (rt, a, values[i]) != JS_PROP_DONE)
          return NULL;
      return a;
    }
  JsStorage *st = a->storage;
  memcpy (elems (st), values, n * sizeof (JsValue));
  st->elem_len = n;
  set_length_slot (a, n);
  gc_write_barrier (&rt->heap, (JsCell *) st);
  return a;
}

JsPropResult
object_array_push (JsRuntime *rt, JsObject *a, JsValue v)
{
  uint32_t len = object_array_length (a);
  if (len == UINT32_MAX)
    return JS_PROP_REJECTED;
  return define_element (rt, a, len, v, JS_ATTR_DEFAULT);
}

/* "length" of an array: the length, then the attributes. */
static JsPropResult
define_array_length (JsRuntime *rt, JsObject *a, JsValue value,
                     uint8_t attrs)
{
  uint32_t len;
  if (!value_is_length (value, &len) || (attrs & JS_ATTR_ACCESSOR))
    return JS_PROP_REJECTED;
  JsPropResult r = object_array_set_length (rt, a, len);
  if (r == JS_PROP_NO_MEMORY)
    return r;
  uint8_t old = array_length_attrs (rt, a);
  if (attrs != old)
    {
      JsValue *saved = rt_save_roots (rt);
      rt_push_root (rt, js_object_value (a));
      JsShape *s = shape_change_attrs (
          rt, a->shape, atom_common_key (rt, JS_ATOM_length), attrs);
      rt_restore_roots (rt, saved);
      if (!s)
        return JS_PROP_NO_MEMORY;
      set_shape (rt, a, s);
    }
  return r;
}

JsPropResult
object_define_own (JsRuntime *rt, JsObject *o, JsKey key, JsValue value,
                   uint8_t attrs)
{
  if (js_key_is_index (key))
    return define_element (rt, o, js_key_index (key), value, attrs);
  if (object_is_array (o) && key == atom_common_key (rt, JS_ATOM_length))
    return define_array_length (rt, o, value, attrs);
  return define_named (rt, o, key, value, attrs);
}

JsSetResult
object_set (JsRuntime *rt, JsObject *o, JsKey key, JsValue v, JsValue *out)
{
  uint8_t attrs;
  JsCell *owner;
  JsValue *p = own_ref (o, key, &attrs, &owner);
  if (p)
    {
      if (attrs & JS_ATTR_ACCESSOR)
        {
          *out = *p;
          return JS_SET_ACCESSOR;
        }
      if (!(attrs & JS_ATTR_WRITABLE))
        return JS_SET_REJECTED;
      if (object_is_array (o) && key == atom_common_key (rt, JS_ATOM_length))
        {
          uint32_t len;
          if (!value_is_length (v, &len))
            return JS_SET_REJECTED;
          JsPropResult r = object_array_set_length (rt, o, len);
          return r == JS_PROP_DONE     ? JS_SET_DONE
                 : r == JS_PROP_REJECTED ? JS_SET_REJECTED
                                         : JS_SET_NO_MEMORY;
        }
      *p = v;
      gc_write_barrier (&rt->heap, owner);
      return JS_SET_DONE;
    }
  for (JsObject *q = object_get_proto (o); q; q = object_get_proto (q))
    {
      JsValue pv;
      if (!object_get_own (rt, q, key, &pv, &attrs))
        continue;
      if (attrs & JS_ATTR_ACCESSOR)
        {
          *out = pv;
          return JS_SET_ACCESSOR;
        }
      if (!(attrs & JS_ATTR_WRITABLE))
        return JS_SET_REJECTED;
      break;
    }
  JsPropResult r = object_define_own (rt, o, key, v, JS_ATTR_DEFAULT);
  return r == JS_PROP_DONE       ? JS_SET_DONE
         : r == JS_PROP_REJECTED ? JS_SET_REJECTED
                                 : JS_SET_NO_MEMORY;
}

/* ------------------------------------------------------------------ */
/* Deleting                                                            */
/* ------------------------------------------------------------------ */

JsPropResult
object_delete (JsRuntime *rt, JsObject *o, JsKey key)
{
  if (js_key_is_index (key))
    {
      JsStorage *st = o->storage;
      uint32_t i = js_key_index (key);
      if (st && i < st->elem_len && elems (st)[i] != JS_EMPTY)
        {
          elems (st)[i] = JS_EMPTY;
          st->flags |= JS_STORAGE_HOLEY;
          /* Trailing holes need not be traced, or kept. */
          while (st->elem_len > 0 && elems (st)[st->elem_len - 1] == JS_EMPTY)
            st->elem_len--;
          return JS_PROP_DONE;
        }
      if (!(o->shape->flags & JS_SHAPE_HAS_INDEXED))
        return JS_PROP_DONE;
    }
  uint32_t slot;
  uint8_t attrs;
  JsShape *old = o->shape;
  if (!shape_lookup (old, key, &slot, &attrs))
    return JS_PROP_DONE;
  if (!(attrs & JS_ATTR_CONFIGURABLE))
    return JS_PROP_REJECTED;

  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  JsStorage *st = o->storage;
  if (!shape_is_dictionary (old) && old->key != key && st)
    {
      /* A delete that rebuilds a branch: count it, and once they are
         many, stop making branches for this object. */
      if ((st->flags & JS_STORAGE_REBUILDS_MASK)
          >= JS_OBJECT_MAX_REBUILDS * JS_STORAGE_REBUILDS_ONE)
        {
          JsShape *d = shape_to_dictionary (rt, old);
          if (!d)
            {
              rt_restore_roots (rt, saved);
              return JS_PROP_NO_MEMORY;
            }
          set_shape (rt, o, d);
          old = d;
        }
      else
        st->flags += JS_STORAGE_REBUILDS_ONE;
    }
  JsShape *s = shape_delete_property (rt, old, key, &slot);
  rt_restore_roots (rt, saved);
  if (!s)
    return JS_PROP_NO_MEMORY;
  if (shape_is_dictionary (s))
    object_store_slot (rt, o, slot, JS_UNDEFINED);
  else
    {
      /* The properties after the deleted one moved down a slot: so do
         their values.  A value moves within a cell or from the storage
         into the object cell, never the other way, so the object's
         barrier (set_shape, below) is the only one needed. */
      uint32_t last = old->count - 1;
      for (uint32_t j = slot; j < last; j++)
        *object_slot_ptr (o, j) = *object_slot_ptr (o, j + 1);
      *object_slot_ptr (o, last) = JS_UNDEFINED;
    }
  set_shape (rt, o, s);
  return JS_PROP_DONE;
}

/* ------------------------------------------------------------------ */
/* Extensibility, prototype, keys                                      */
/* ------------------------------------------------------------------ */

JsPropResult
object_prevent_extensions (JsRuntime *rt, JsObject *o)
{
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  JsShape *s = shape_prevent_extensions (rt, o->shape);
  rt_restore_roots (rt, saved);
  if (!s)
    return JS_PROP_NO_MEMORY;
  set_shape (rt, o, s);
  return JS_PROP_DONE;
}

JsPropResult
object_set_proto (JsRuntime *rt, JsObject *o, JsCell *proto)
{
  if (o->shape->proto == proto)
    return JS_PROP_DONE;
  if (!shape_is_extensible (o->shape))
    return JS_PROP_REJECTED;
  for (JsObject *p = (JsObject *) proto; p; p = object_get_proto (p))
    if (p == o)
      return JS_PROP_REJECTED;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_object_value (o));
  JsShape *s = shape_set_proto (rt, o->shape, proto);
  rt_restore_roots (rt, saved);
  if (!s)
    return JS_PROP_NO_MEMORY;
  set_shape (rt, o, s);
  return JS_PROP_DONE;
}

JsKey *
object_own_keys (JsRuntime *rt, JsObject *o, uint32_t flags, uint32_t *n)
{
  uint32_t ns;
  JsKey *sk = shape_own_keys (o->shape, flags, &ns);
  uint32_t ne = 0;
  JsStorage *st = o->storage;
  if ((flags & JS_KEYS_STRINGS) && st)
    for (uint32_t i = 0; i < st->elem_len; i++)
      ne += elems (st)[i] != JS_EMPTY;
  if (ne == 0)
    {
      *n = ns;
      return sk;
    }
  /* Merge the elements' indices with the shape's, both ascending. */
  JsKey *out = g_new (JsKey, ns + ne);
  uint32_t k = 0, j = 0, i = 0;
  while (i < st->elem_len || (j < ns && js_key_is_index (sk[j])))
    {
      while (i < st->elem_len && elems (st)[i] == JS_EMPTY)
        i++;
      bool have_e = i < st->elem_len;
      bool have_s = j < ns && js_key_is_index (sk[j]);
      if (have_e && (!have_s || i < js_key_index (sk[j])))
        out[k++] = js_key_from_index (i++);
      else if (have_s)
        out[k++] = sk[j++];
    }
  while (j < ns)
    out[k++] = sk[j++];
  g_free (sk);
  *n = k;
  return out;
}
