/* map.h — the ordered hash table of Map, Set, WeakMap and WeakSet.
 *
 * A table is one heap cell: a header, the entries in insertion order
 * (a key, and for maps a value), a chain link per entry and the bucket
 * heads.  Deleting an entry leaves a hole (its key becomes JS_EMPTY) in
 * place; holes go when the table is rebuilt, which happens when it is
 * full, when it has become four times too large, and on clear().  A
 * rebuilt table is a new cell: the old one points at its successor
 * (next) and is never changed again, so an iterator holding the old
 * table can find where it now is: after a clear, at 0; after a rebuild,
 * at its index minus the holes before it.  The iterators need no list,
 * and the old tables are garbage once no iterator holds them.
 *
 * Keys compare by SameValueZero.  They are normalized on the way in
 * (map_normalize_key: -0 becomes +0, whole doubles become int32s), so
 * that numbers compare by their bits; strings compare by content and
 * hash with string_hash, BigInts by value; everything else by bits (an
 * object's identity is its address: the heap never moves cells).
 *
 * Weak tables (WeakMap, WeakSet) are traced by no one: the ephemeron
 * phase marks a live key's value, and the weak phase turns the entries
 * of dead keys into holes (builtins-weak.c).
 *
 * Memory: an entry costs its width in values, a chain link and half a
 * bucket: 22 bytes in a Map, 14 in a Set, at 50% to 100% load.
 */
#pragma once

#include "builtins.h"

typedef struct JsMapTable JsMapTable;

/* A table.  Rebuilt tables are read only for their holes. */
struct JsMapTable
{
  JsShape *shape;   /* header: the realm's strong or weak table shape */
  JsMapTable *next; /* once rebuilt or cleared: its successor */
  uint32_t size;    /* live entries */
  uint32_t used;    /* entries filled, holes included */
  uint32_t cap;     /* room for entries (a power of two) */
  uint32_t mask;    /* buckets - 1 */
  uint8_t width;    /* values per entry: 1 (sets) or 2 (maps) */
  uint8_t cleared;  /* replaced by clear(): iterators restart at 0 */
  uint16_t unused16;/* padding */
  uint32_t unused32;/* padding */
  JsValue data[];   /* cap * width values, then cap chain links and
                       mask + 1 bucket heads (uint32_t) */
};

/* A collection object: Map, Set, WeakMap and WeakSet alike.  One slot. */
typedef struct
{
  JsShape *shape;     /* header: a shape of the collection's class */
  JsStorage *storage; /* properties, or NULL */
  JsMapTable *table;  /* never NULL */
  JsValue unused;     /* padding to one slot */
} JsMapObject;

#define JS_MAP_NONE UINT32_MAX

extern const JsCellClass js_map_class;
extern const JsCellClass js_set_class;
extern const JsCellClass js_weak_map_class;
extern const JsCellClass js_weak_set_class;

static inline JsValue *
map_entry (JsMapTable *t, uint32_t i)
{
  return &t->data[(size_t) i * t->width];
}

static inline JsMapTable *
map_table_of (JsValue collection)
{
  return ((JsMapObject *) js_get_cell (collection))->table;
}

/* A key as the table stores it. */
JsValue map_normalize_key (JsValue key);
/* The entry of a normalized key, or JS_MAP_NONE.  Allocates nothing. */
uint32_t map_find (JsRuntime *rt, JsMapTable *t, JsValue key);
/* A new collection object of class cls with proto (width from the
 * class); NULL when memory ran out. */
JsObject *map_object_new (JsContext *ctx, const JsCellClass *cls,
                          JsObject *proto);
/* Sets key (normalized) to value, adding an entry if needed; may rebuild
 * the table.  False (out of memory pending) on failure. */
bool map_set (JsContext *ctx, JsValue collection, JsValue key,
              JsValue value);
/* Deletes key (normalized): true if it was there.  May shrink the table
 * (a failure to is ignored). */
bool map_delete (JsContext *ctx, JsValue collection, JsValue key);
/* Empties the collection (a new table; iterators restart at 0). */
bool map_clear (JsContext *ctx, JsValue collection);
/* Follows the successors of a rebuilt table, moving *index along. */
JsMapTable *map_follow (JsMapTable *t, uint32_t *index);
/* Turns entry i into a hole (the weak phase: allocates nothing). */
void map_remove_entry (JsMapTable *t, uint32_t i);
/* builtins-map.c: the constructors of Map, Set, WeakMap and WeakSet
 * (AddEntriesFromIterable with the new object's set or add). */
JsValue builtins_collection_construct (const JsCallInfo *info,
                                       const JsCellClass *cls,
                                       size_t proto_offset);

/* builtins-weak.c: lists a new WeakMap, WeakSet, WeakRef or
 * FinalizationRegistry for the collector's ephemeron and weak phases
 * (map_object_new does it for the weak collections). */
bool builtins_weak_track (JsRuntime *rt, JsObject *o);

/* Makes the realm's table shapes (builtins_init_map calls it first). */
bool map_init_shapes (JsContext *ctx);
/* The bytes a table of this capacity takes (for tests and stats). */
size_t map_table_bytes (uint32_t width, uint32_t cap);
