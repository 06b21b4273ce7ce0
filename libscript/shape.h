/* shape.h — internal classes: the transition tree and property tables.
 *
 * An object's shape gives its prototype, its kind (through the class) and
 * the ordered list of its own property keys, each with a slot index and
 * attributes.  Shapes form a tree: adding key k with attributes a to a
 * shape follows the unique transition (k, a), creating it the first time,
 * so objects built the same way share one shape and inline caches can key
 * on its address.  Deletions and attribute changes take a new branch, or
 * turn the object's shape into a dictionary shape that belongs to it
 * alone and is edited in place.
 *
 * Slots.  In a shape of the tree the property added at depth i (the i-th
 * key of the chain, from 0) lives in slot i.  A dictionary shape keeps
 * each property's slot in its table, reuses the slots of deleted
 * properties, and its count is the number of slots ever used.
 *
 * A shape of the tree is never changed once made (its table may grow,
 * but only past its own count, which it never reads), so a cache keyed
 * on its address stays true.  Only dictionary shapes change in place, and
 * inline caches refuse them.
 *
 * Thresholds (see shape.c for why):
 *   JS_SHAPE_MAX_FAST_PROPERTIES  objects go to dictionary mode when they
 *                                 would get more properties than this;
 *   JS_SHAPE_REBUILD_MAX          deleting (or changing the attributes of)
 *                                 a property that is not the last one
 *                                 rebuilds a branch of the tree when the
 *                                 shape has at most this many properties,
 *                                 else makes a dictionary;
 *   JS_SHAPE_REPLAY_MAX           a prototype change replays up to this
 *                                 many properties on the new root, else
 *                                 makes a dictionary;
 *   JS_SHAPE_KIDS_LINEAR          up to this many transitions are kept in
 *                                 a little array, more in a hash table.
 */
#pragma once

#include "runtime.h"

#define JS_SHAPE_MAX_FAST_PROPERTIES 64u
#define JS_SHAPE_REBUILD_MAX 16u
#define JS_SHAPE_REPLAY_MAX 64u
#define JS_SHAPE_KIDS_LINEAR 4u

extern const JsCellClass js_shape_class;

/* One property in a table. */
typedef struct
{
  JsKey key;        /* JS_KEY_NONE: deleted (dictionaries only) */
  uint32_t slot;    /* where the value lives */
  uint8_t attrs;    /* JS_ATTR_* */
  uint8_t pad[3];   /* unused */
} JsShapeEntry;

/* A property table: the entries in insertion order, and a hash index over
 * them.  Tables of the tree are shared along a chain of shapes (see
 * shape.c); a dictionary's table is its own. */
struct JsShapeTable
{
  uint32_t refs;          /* shapes using the table */
  uint32_t len;           /* entries in use, deleted ones included */
  uint32_t cap;           /* entries allocated */
  uint32_t mask;          /* buckets - 1 (a power of two, >= 2 * cap) */
  uint32_t deleted;       /* deleted entries (dictionaries) */
  uint32_t free_len;      /* dictionaries: slots free for reuse ... */
  uint32_t free_cap;      /* ... and the room for them */
  uint32_t *free_slots;   /* ... themselves, or NULL */
  uint32_t *buckets;      /* entry index + 1 per bucket, 0 = empty */
  JsShapeEntry *entries;  /* in insertion order */
  size_t bytes;           /* malloc'd bytes, counted as unmanaged */
  uint64_t lookups;       /* statistics: lookups through this table */
  uint64_t probes;        /* ... buckets they examined */
  uint64_t walk_steps;    /* ... parent links walked to build it */
};

/* Creates rt->meta_shape, rt->storage_shape and rt->accessor_shape. */
void shape_runtime_init (JsRuntime *rt);
/* Frees the root table (after the heap died). */
void shape_runtime_free (JsRuntime *rt);
/* Drops dead roots from rt->shape_roots (runtime_process_weak). */
void shape_sweep (JsRuntime *rt);

/* A new shape with no properties for cells of class cls, not shared. */
JsShape *shape_new_root (JsRuntime *rt, const JsCellClass *cls,
                         JsCell *proto, uint32_t inline_cap);
/* The shared root for (cls, proto, inline_cap), made on first use: all
 * objects made alike start from it and so share their shapes. */
JsShape *shape_root_for (JsRuntime *rt, const JsCellClass *cls,
                         JsCell *proto, uint32_t inline_cap);

/* Finds key: true with its slot and attributes, or false.  O(1): the
 * table is built on first use (one walk of the chain) and shared. */
bool shape_lookup (JsShape *shape, JsKey key, uint32_t *slot,
                   uint8_t *attrs);

/* The unique child of shape (not a dictionary) that adds key with attrs,
 * in slot shape->count.  key must be absent.  NULL if memory ran out. */
JsShape *shape_add_property (JsRuntime *rt, JsShape *shape, JsKey key,
                             uint8_t attrs);
/* The shape without key (which must be present), and its slot in
 * *slot.  If the result is a dictionary, every other property kept its
 * slot and *slot is now free; otherwise the properties after *slot moved
 * down one slot each.  NULL if memory ran out. */
JsShape *shape_delete_property (JsRuntime *rt, JsShape *shape, JsKey key,
                                uint32_t *slot);
/* The shape with key's attributes changed; every slot stays.  NULL if
 * memory ran out. */
JsShape *shape_change_attrs (JsRuntime *rt, JsShape *shape, JsKey key,
                             uint8_t attrs);
/* The shape with another prototype; every slot stays. */
JsShape *shape_set_proto (JsRuntime *rt, JsShape *shape, JsCell *proto);
/* The shape with JS_SHAPE_NOT_EXTENSIBLE; every slot stays. */
JsShape *shape_prevent_extensions (JsRuntime *rt, JsShape *shape);

/* A new dictionary shape with shape's properties in the same slots. */
JsShape *shape_to_dictionary (JsRuntime *rt, JsShape *shape);
/* The slot shape_dict_add will give the next property (so the caller can
 * make room for it first). */
uint32_t shape_dict_next_slot (JsShape *dict);
/* Adds key (absent) to a dictionary in place; returns its slot. */
uint32_t shape_dict_add (JsRuntime *rt, JsShape *dict, JsKey key,
                         uint8_t attrs);

/* What shape_own_keys returns. */
enum
{
  JS_KEYS_STRINGS = 1 << 0,         /* string keys, indices included */
  JS_KEYS_SYMBOLS = 1 << 1,         /* symbol keys (not private ones) */
  JS_KEYS_ENUMERABLE_ONLY = 1 << 2, /* skip non-enumerable properties */
  JS_KEYS_PRIVATE = 1 << 3,         /* private symbols as well */
  JS_KEYS_ALL = JS_KEYS_STRINGS | JS_KEYS_SYMBOLS,
};

/* The shape's own keys in the spec's order (index keys ascending, then
 * strings, then symbols, each in insertion order), g_malloc'd; *n gets
 * how many.  The keys are alive as long as the shape is. */
JsKey *shape_own_keys (JsShape *shape, uint32_t flags, uint32_t *n);

static inline bool
shape_is_dictionary (const JsShape *shape)
{
  return (shape->flags & JS_SHAPE_DICTIONARY) != 0;
}

static inline bool
shape_is_extensible (const JsShape *shape)
{
  return (shape->flags & JS_SHAPE_NOT_EXTENSIBLE) == 0;
}
