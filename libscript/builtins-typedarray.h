/* builtins-typedarray.h — ArrayBuffer, typed array and DataView cells,
 * shared by builtins-arraybuffer.c, builtins-typedarray.c and
 * builtins-dataview.c.
 *
 * An ArrayBuffer owns its bytes: g_try_malloc0'd (a failure is the
 * spec's RangeError), counted as unmanaged memory, freed by the class's
 * finalizer or when the buffer is detached.  Buffers are neither
 * resizable nor shared, so a view is out of bounds exactly when its
 * buffer is detached, and its length never changes otherwise.
 *
 * A typed array and a DataView are the same one-slot cell, a view: the
 * buffer, a byte offset and a length.  A typed array's element type is
 * its class (js_typed_array_classes, one per type), so the cell needs no
 * field for it.  Buffers hold at most JS_BUFFER_MAX_BYTES bytes, so
 * offsets and lengths fit 32 bits and every element index is an index
 * key.
 */
#pragma once

#include "builtins.h"

#define JS_BUFFER_MAX_BYTES UINT32_MAX

/* Element types, in the order of the spec's table of typed arrays. */
typedef enum
{
  JS_TA_INT8,
  JS_TA_UINT8,
  JS_TA_UINT8_CLAMPED,
  JS_TA_INT16,
  JS_TA_UINT16,
  JS_TA_INT32,
  JS_TA_UINT32,
  JS_TA_BIGINT64,
  JS_TA_BIGUINT64,
  JS_TA_FLOAT32,
  JS_TA_FLOAT64,
} JsTypedArrayType;

/* ArrayBuffer flags. */
enum
{
  JS_BUFFER_DETACHED = 1 << 0, /* DetachArrayBuffer ran */
};

/* An ArrayBuffer.  One slot. */
typedef struct
{
  JsShape *shape;       /* header: an ArrayBuffer shape */
  JsStorage *storage;   /* properties, or NULL */
  uint8_t *data;        /* the bytes; NULL when empty or detached */
  uint32_t byte_length; /* [[ArrayBufferByteLength]]; 0 once detached */
  uint32_t flags;       /* JS_BUFFER_* */
} JsArrayBuffer;

/* A typed array or a DataView.  One slot. */
typedef struct
{
  JsShape *shape;        /* header: its class says which type */
  JsStorage *storage;    /* properties, or NULL */
  JsArrayBuffer *buffer; /* [[ViewedArrayBuffer]]; NULL until set up */
  uint32_t byte_offset;  /* [[ByteOffset]] */
  uint32_t length;       /* typed arrays: [[ArrayLength]], in elements;
                            DataView: [[ByteLength]] */
} JsArrayView;

/* A value converted for a store: a number, or a BigInt's 64 bits. */
typedef union
{
  double d;   /* Number content */
  uint64_t u; /* BigInt content, two's complement */
} JsRawValue;

extern const JsCellClass js_array_buffer_class;
extern const JsCellClass js_typed_array_classes[JS_TYPED_ARRAY_COUNT];
extern const JsCellClass js_data_view_class;

/* Bytes per element, and the names ("Int8Array", ...). */
extern const uint8_t js_typed_array_sizes[JS_TYPED_ARRAY_COUNT];
extern const char *const js_typed_array_names[JS_TYPED_ARRAY_COUNT];

static inline bool
buffer_is_detached (const JsArrayBuffer *b)
{
  return (b->flags & JS_BUFFER_DETACHED) != 0;
}

static inline bool
type_is_bigint (JsTypedArrayType t)
{
  return t == JS_TA_BIGINT64 || t == JS_TA_BIGUINT64;
}

/* builtins-arraybuffer.c */

/* The ArrayBuffer v is, or NULL. */
JsArrayBuffer *builtins_buffer_of (JsValue v);
/* AllocateArrayBuffer (ctor, bytes): ctor undefined is %ArrayBuffer%.
 * The prototype is looked up before the bytes are allocated. */
JsValue builtins_buffer_allocate (JsContext *ctx, JsValue ctor,
                                  double bytes);
/* ToIndex. */
bool builtins_to_index (JsContext *ctx, JsValue v, double *out);
/* SpeciesConstructor (o, dflt). */
JsValue builtins_species_constructor (JsContext *ctx, JsValue o,
                                      JsValue dflt);
/* ToNumber or ToBigInt (by type) for a store. */
bool builtins_buffer_convert (JsContext *ctx, JsValue v,
                              JsTypedArrayType type, JsRawValue *out);
/* SetValueInBuffer / GetValueFromBuffer at p (no bounds check). */
void builtins_buffer_store (uint8_t *p, JsTypedArrayType type,
                            JsRawValue raw, bool little);
JsValue builtins_buffer_load (JsContext *ctx, const uint8_t *p,
                              JsTypedArrayType type, bool little);

/* builtins-typedarray.c */

static inline bool
typed_array_class_is (const JsCellClass *cls)
{
  return cls >= &js_typed_array_classes[0]
         && cls < &js_typed_array_classes[JS_TYPED_ARRAY_COUNT];
}

static inline JsTypedArrayType
typed_array_type (const JsArrayView *ta)
{
  return (JsTypedArrayType) (ta->shape->cls - js_typed_array_classes);
}
