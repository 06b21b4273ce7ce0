/* object.h — ordinary objects: allocation, slots, storage, properties.
 *
 * Every object kind begins [shape | storage | inline slots...] and keeps
 * its properties the same way: property slot i is slots[i] below the
 * shape's inline_cap, else storage->values[i - inline_cap].  Kinds with
 * fields of their own (functions) use an inline_cap of 0.  Elements
 * (array-index keys) are dense JsValues after the overflow properties in
 * the storage cell, holes being JS_EMPTY; an index whose property is not
 * a plain one (other attributes, an accessor) or lies too far past the
 * others is a named property of the shape instead (JS_SHAPE_HAS_INDEXED).
 * An index is in one place or the other, never both.
 *
 * Arrays keep their length as an ordinary own property, "length", that
 * every array shape has first, so it is always slot 0 (see
 * object_array_shape): its attributes live in the shape like any other
 * property's, it is enumerated in the spec's order for free, and reading
 * it is one slot load.  The value is a number (int32 when it fits).
 * Elements at or past elem_len are holes; length may be larger.
 *
 * Results.  Operations that can fail say how: JS_PROP_REJECTED is the
 * spec's false (a TypeError in strict code), JS_PROP_NO_MEMORY is an
 * allocation that failed for a size the script chose (a RangeError).
 *
 * Rooting.  The functions that take a JsRuntime may collect; they keep
 * their arguments alive themselves.  Write barriers are theirs too:
 * callers that store into slots directly use object_store_slot.
 */
#pragma once

#include "atom.h"
#include "shape.h"

extern const JsCellClass js_object_class;
extern const JsCellClass js_array_class;
extern const JsCellClass js_accessor_class;

/* The largest gap of holes a store may open past the last element and
 * still stay dense; further out an index becomes a named property. */
#define JS_ELEMENTS_MAX_GAP 1024u
/* The most values one storage cell holds (2 GiB of them). */
#define JS_STORAGE_MAX_VALUES (1u << 28)
/* An object goes to dictionary mode at its next delete of a property
 * other than its newest once this many such deletes rebuilt its shape
 * (counted in its storage's flags): it is a map, not a record. */
#define JS_OBJECT_MAX_REBUILDS 8u
/* object_new_array preallocates at most this many elements. */
#define JS_ARRAY_PREALLOC_MAX (1u << 24)

typedef enum
{
  JS_PROP_NO_MEMORY = -1, /* allocation failed: raise a RangeError */
  JS_PROP_REJECTED = 0,   /* the spec says false */
  JS_PROP_DONE = 1,       /* done (or nothing to do) */
} JsPropResult;

typedef enum
{
  JS_GET_NONE,     /* no such property on the chain */
  JS_GET_VALUE,    /* a data property: *out is its value */
  JS_GET_ACCESSOR, /* an accessor: *out is its pair; call the getter */
} JsGetResult;

typedef enum
{
  JS_SET_DONE,      /* stored, in an existing or a new own property */
  JS_SET_REJECTED,  /* read-only, or a new property on a non-extensible
                       object: a TypeError in strict code */
  JS_SET_ACCESSOR,  /* an accessor: *out is its pair; call the setter */
  JS_SET_NO_MEMORY, /* allocation failed */
} JsSetResult;

/* Creates rt->storage_shape and rt->accessor_shape. */
void object_runtime_init (JsRuntime *rt);

/* ------------------------------------------------------------------ */
/* Creation                                                            */
/* ------------------------------------------------------------------ */

/* A new object of the given shape (not a dictionary), its inline slots
 * undefined. */
JsObject *object_new (JsRuntime *rt, JsShape *shape);
/* A new ordinary object with proto and room for inline_cap properties in
 * the cell (rounded up to fill its last slot; {} has 2 in one slot). */
JsObject *object_new_with_proto (JsRuntime *rt, JsCell *proto,
                                 uint32_t inline_cap);
/* The shape every array with this prototype starts with: "length" in
 * slot 0, writable, neither enumerable nor configurable. */
JsShape *object_array_shape (JsRuntime *rt, JsCell *proto);
/* A new empty array with room for capacity elements (at most
 * JS_ARRAY_PREALLOC_MAX are preallocated); length 0. */
JsObject *object_new_array (JsRuntime *rt, JsCell *proto,
                            uint32_t capacity);
/* A new array holding n values (none of them holes), which must stay
 * alive through the allocation (rooted by the caller). */
JsObject *object_new_array_from (JsRuntime *rt, JsCell *proto,
                                 const JsValue *values, uint32_t n);
/* A getter/setter pair, the value of an accessor property. */
JsAccessorPair *object_new_accessor (JsRuntime *rt, JsValue getter,
                                     JsValue setter);

/* ------------------------------------------------------------------ */
/* Slots and elements                                                  */
/* ------------------------------------------------------------------ */

static inline JsValue *
object_slot_ptr (JsObject *o, uint32_t slot)
{
  uint32_t cap = o->shape->inline_cap;
  return slot < cap ? &o->slots[slot] : &o->storage->values[slot - cap];
}

/* Stores v into property slot `slot` (which exists), with the barrier. */
static inline void
object_store_slot (JsRuntime *rt, JsObject *o, uint32_t slot, JsValue v)
{
  uint32_t cap = o->shape->inline_cap;
  if (slot < cap)
    {
      o->slots[slot] = v;
      gc_write_barrier (&rt->heap, (JsCell *) o);
    }
  else
    {
      o->storage->values[slot - cap] = v;
      gc_write_barrier (&rt->heap, (JsCell *) o->storage);
    }
}

/* The elements in use: object_elements (o)[i] for i < object_elem_len. */
static inline uint32_t
object_elem_len (const JsObject *o)
{
  return o->storage ? o->storage->elem_len : 0;
}

static inline JsValue *
object_elements (JsObject *o)
{
  return o->storage->values + o->storage->prop_cap;
}

/* Makes room for props property slots past the inline ones and elems
 * elements, so that stores up to there allocate nothing (for inline
 * caches' growing transitions and array literals). */
bool object_reserve (JsRuntime *rt, JsObject *o, uint32_t props,
                     uint32_t nelems);

static inline bool
object_is_array (const JsObject *o)
{
  return o->shape->cls->kind == JS_KIND_ARRAY;
}

/* An array's length (slot 0). */
static inline uint32_t
object_array_length (const JsObject *a)
{
  return (uint32_t) js_get_number (a->slots[0]);
}

/* Sets an array's length, deleting the elements at or past it (from the
 * top, stopping at a non-configurable one, as the spec does). */
JsPropResult object_array_set_length (JsRuntime *rt, JsObject *a,
                                      uint32_t len);
/* Appends v at index length (array.push of one value). */
JsPropResult object_array_push (JsRuntime *rt, JsObject *a, JsValue v);

/* ------------------------------------------------------------------ */
/* Properties                                                          */
/* ------------------------------------------------------------------ */

/* The own property key: true with its value (an accessor's pair, as an
 * internal cell, if attrs has JS_ATTR_ACCESSOR) and attributes. */
bool object_get_own (JsRuntime *rt, JsObject *o, JsKey key, JsValue *value,
                     uint8_t *attrs);
/* [[Get]] along the prototype chain, leaving accessors to the caller. */
JsGetResult object_get (JsRuntime *rt, JsObject *o, JsKey key,
                        JsValue *out);
/* Creates or overwrites the own property key with exactly this value and
 * these attributes (the spec's checks, ValidateAndApplyPropertyDescriptor,
 * are the caller's).  Rejected if key is new and o is not extensible.
 * For an array's "length", value must be a number that is a uint32 (the
 * caller converts and raises the RangeError). */
JsPropResult object_define_own (JsRuntime *rt, JsObject *o, JsKey key,
                                JsValue value, uint8_t attrs);
/* [[Set]] with o as the receiver: a writable own data property is
 * stored; an accessor anywhere on the chain is handed back in *out; a
 * read-only one rejects; else a new own property is made. */
JsSetResult object_set (JsRuntime *rt, JsObject *o, JsKey key, JsValue v,
                        JsValue *out);
/* [[Delete]]: done if absent or deleted, rejected if not configurable. */
JsPropResult object_delete (JsRuntime *rt, JsObject *o, JsKey key);
JsPropResult object_prevent_extensions (JsRuntime *rt, JsObject *o);
/* [[SetPrototypeOf]]: rejected for a non-extensible object or a cycle. */
JsPropResult object_set_proto (JsRuntime *rt, JsObject *o, JsCell *proto);

static inline JsObject *
object_get_proto (const JsObject *o)
{
  return (JsObject *) o->shape->proto;
}

/* [[OwnPropertyKeys]] filtered by JS_KEYS_* flags (shape.h): indices
 * ascending (elements and index properties merged), then strings, then
 * symbols, in insertion order.  g_malloc'd; *n gets how many. */
JsKey *object_own_keys (JsRuntime *rt, JsObject *o, uint32_t flags,
                        uint32_t *n);
