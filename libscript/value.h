/* value.h — the value encoding and every layout of the managed heap.
 *
 * This is the one header that says what a bit in the heap means.  Every
 * cell layout lives here, each starting with the common one-word header,
 * and tests/c/test-layout.c asserts the sizes the design promises.
 *
 * ---------------------------------------------------------------------
 * The heap, in brief
 * ---------------------------------------------------------------------
 *
 * The managed heap hands out *cells*: runs of 32-byte *slots* inside
 * 64 KiB *chunks*.  A chunk is aligned on 64 KiB, so the chunk of any cell
 * is its address with the low 16 bits cleared, and the slot index is the
 * next 11 bits.  The chunk header keeps four bitmaps with one bit per
 * slot: OBJECT (the first slot of a live or not-yet-swept cell), EXTENDS
 * (the further slots of that cell), MARK (reached in this cycle) and
 * FINALIZE (the cell owns something outside the heap and its class's
 * finalizer must run when it dies).  The sweep works on these bitmaps
 * alone: a dead cell is OBJECT & ~MARK, its extent is the run of EXTENDS
 * bits after it, and no dead cell is ever read unless FINALIZE says it
 * owns something.
 *
 * Chunks are committed out of segments of address space reserved with
 * mmap(PROT_NONE); a chunk that stays empty is decommitted with
 * madvise(MADV_DONTNEED) but keeps its address, which is reused before
 * any new address space is reserved.  Cells too large for a chunk (huge
 * cells) get a mapping of their own that starts with an ordinary chunk
 * header, so that marking a huge cell is no different from marking a
 * small one; only the sweep tells them apart, and unmaps them.
 *
 * Internal classes (shapes) live in chunks of their own and are swept in
 * a pass of their own after every other cell, so a shape is never freed
 * while a dead cell that names it is still being swept or finalized.
 *
 * ---------------------------------------------------------------------
 * The collector and the barrier
 * ---------------------------------------------------------------------
 *
 * The collector is exact, non-moving mark and sweep.  It is stop-the-
 * world today, but built so that marking can be interleaved with the
 * program: it keeps an explicit mark stack (no C recursion), it can stop
 * after any number of cells, and it is correct only if the program tells
 * it about every pointer it writes into a cell.  That is the write
 * barrier:
 *
 *     gc_write_barrier (heap, owner, value)
 *
 * is called after every store of a heap pointer into a cell (a slot of
 * an object, an element, a shape's prototype, an environment variable).
 * Its fast path is one predictable branch on "is marking in progress"; in
 * the slow path, if the owner is already marked (black) it is pushed back
 * on the mark stack (grey again) so that its new contents are traced.
 * Stores into the value stack, handles and other roots need no barrier:
 * roots are rescanned when marking finishes.  Newly allocated cells are
 * born marked while marking is in progress ("black allocation").
 *
 * The debug incremental mode (GSCRIPT_GC_INCREMENTAL=1) does a little
 * marking at every allocation, so a missing barrier becomes a collected
 * live cell; GSCRIPT_VERIFY_HEAP=1 re-marks the heap from scratch before
 * each sweep and aborts naming the first live cell the incremental
 * marking missed.
 *
 * ---------------------------------------------------------------------
 * Values
 * ---------------------------------------------------------------------
 *
 * A JsValue is one 64-bit word.  Doubles are stored as themselves; every
 * other value lives in the negative quiet-NaN space and is told apart by
 * its top 17 bits (the tag):
 *
 *   bits 63..47   bits 46..0
 *   < 0x1FFF1     a double (the word is the IEEE-754 value)
 *   0x1FFF1       int32 in the low 32 bits (a fast path, never observable)
 *   0x1FFF2       undefined (payload 0)
 *   0x1FFF3       null (payload 0)
 *   0x1FFF4       boolean, payload 0 or 1
 *   0x1FFF5       engine-internal: 0 = empty (hole, TDZ, unset slot),
 *                 1 = exception (a fallible call failed; look at the
 *                 pending exception).  Never visible to scripts.
 *   0x1FFFB       an internal cell (environment, bytecode...), pointer
 *   0x1FFFC       a string cell, pointer
 *   0x1FFFD       a symbol cell, pointer
 *   0x1FFFE       a BigInt cell, pointer
 *   0x1FFFF       an object cell, pointer
 *
 * Cell pointers fit in 47 bits (user space on x86-64 and AArch64 with
 * 48-bit addressing).  The only NaN a double may hold is the canonical
 * 0x7FF8000000000000: every double that enters from outside (typed-array
 * reads, GI doubles, number parsing, arithmetic on NaN) goes through
 * js_double() or js_canonical_double(), so no NaN payload can forge a
 * pointer.  Doubles that happen to be whole int32s may also be stored as
 * doubles; code that compares values must treat both forms alike.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>

typedef uint64_t JsValue;

typedef struct JsCell JsCell;
typedef struct JsShape JsShape;
typedef struct JsCellClass JsCellClass;
typedef struct JsObject JsObject;
typedef struct JsStorage JsStorage;
typedef struct JsString JsString;
typedef struct JsSymbol JsSymbol;
typedef struct JsChunk JsChunk;
typedef struct JsHeap JsHeap;
typedef struct JsTracer JsTracer;
typedef struct JsShapeTable JsShapeTable;
typedef struct JsTransitions JsTransitions;

/* ------------------------------------------------------------------ */
/* The encoding                                                        */
/* ------------------------------------------------------------------ */

#define JS_TAG_SHIFT 47
#define JS_TAG_INT32 0x1FFF1u
#define JS_TAG_UNDEFINED 0x1FFF2u
#define JS_TAG_NULL 0x1FFF3u
#define JS_TAG_BOOL 0x1FFF4u
#define JS_TAG_SPECIAL 0x1FFF5u
#define JS_TAG_INTERNAL 0x1FFFBu
#define JS_TAG_STRING 0x1FFFCu
#define JS_TAG_SYMBOL 0x1FFFDu
#define JS_TAG_BIGINT 0x1FFFEu
#define JS_TAG_OBJECT 0x1FFFFu
/* The lowest tag that carries a cell pointer. */
#define JS_TAG_FIRST_CELL JS_TAG_INTERNAL

#define JS_MAKE(tag, payload) (((uint64_t) (tag) << JS_TAG_SHIFT) | (payload))
#define JS_PAYLOAD_MASK ((UINT64_C (1) << JS_TAG_SHIFT) - 1)

#define JS_UNDEFINED JS_MAKE (JS_TAG_UNDEFINED, 0)
#define JS_NULL JS_MAKE (JS_TAG_NULL, 0)
#define JS_FALSE JS_MAKE (JS_TAG_BOOL, 0)
#define JS_TRUE JS_MAKE (JS_TAG_BOOL, 1)
#define JS_EMPTY JS_MAKE (JS_TAG_SPECIAL, 0)
#define JS_EXCEPTION JS_MAKE (JS_TAG_SPECIAL, 1)
#define JS_CANONICAL_NAN UINT64_C (0x7FF8000000000000)

static inline uint32_t
js_tag (JsValue v)
{
  return (uint32_t) (v >> JS_TAG_SHIFT);
}

static inline bool
js_is_double (JsValue v)
{
  return v < JS_MAKE (JS_TAG_INT32, 0);
}

static inline bool
js_is_int32 (JsValue v)
{
  return js_tag (v) == JS_TAG_INT32;
}

/* Either form of a number. */
static inline bool
js_is_number (JsValue v)
{
  return v < JS_MAKE (JS_TAG_UNDEFINED, 0);
}

static inline bool
js_is_undefined (JsValue v)
{
  return v == JS_UNDEFINED;
}

static inline bool
js_is_null (JsValue v)
{
  return v == JS_NULL;
}

static inline bool
js_is_nullish (JsValue v)
{
  return v == JS_UNDEFINED || v == JS_NULL;
}

static inline bool
js_is_bool (JsValue v)
{
  return js_tag (v) == JS_TAG_BOOL;
}

static inline bool
js_is_exception (JsValue v)
{
  return v == JS_EXCEPTION;
}

static inline bool
js_is_empty (JsValue v)
{
  return v == JS_EMPTY;
}

static inline bool
js_is_cell (JsValue v)
{
  return v >= JS_MAKE (JS_TAG_FIRST_CELL, 0);
}

static inline bool
js_is_string (JsValue v)
{
  return js_tag (v) == JS_TAG_STRING;
}

static inline bool
js_is_symbol (JsValue v)
{
  return js_tag (v) == JS_TAG_SYMBOL;
}

static inline bool
js_is_bigint (JsValue v)
{
  return js_tag (v) == JS_TAG_BIGINT;
}

static inline bool
js_is_object (JsValue v)
{
  return js_tag (v) == JS_TAG_OBJECT;
}

static inline JsValue
js_int32 (int32_t i)
{
  return JS_MAKE (JS_TAG_INT32, (uint32_t) i);
}

static inline int32_t
js_get_int32 (JsValue v)
{
  return (int32_t) (uint32_t) v;
}

static inline JsValue
js_bool (bool b)
{
  return b ? JS_TRUE : JS_FALSE;
}

static inline bool
js_get_bool (JsValue v)
{
  return (v & 1) != 0;
}

/* A double known not to be a non-canonical NaN (a literal, or the result
 * of arithmetic the engine did on canonical values... arithmetic may make
 * a NaN with any sign, so prefer js_double). */
static inline JsValue
js_canonical_double (double d)
{
  JsValue v;
  memcpy (&v, &d, sizeof v);
  return v;
}

/* Any double: NaNs are canonicalised so no payload can forge a tag. */
static inline JsValue
js_double (double d)
{
  if (d != d)
    return JS_CANONICAL_NAN;
  return js_canonical_double (d);
}

static inline double
js_get_double (JsValue v)
{
  double d;
  memcpy (&d, &v, sizeof d);
  return d;
}

/* A number as a double, whichever form it is in. */
static inline double
js_get_number (JsValue v)
{
  return js_is_int32 (v) ? (double) js_get_int32 (v) : js_get_double (v);
}

/* A number in its preferred form: int32 when it is a whole int32 other
 * than -0, else a double. */
static inline JsValue
js_number (double d)
{
  if (d >= -2147483648.0 && d <= 2147483647.0)
    {
      int32_t i = (int32_t) d;
      if ((double) i == d && !(i == 0 && 1 / d < 0))
        return js_int32 (i);
    }
  return js_double (d);
}

static inline JsValue
js_cell_value (uint32_t tag, const void *cell)
{
  return JS_MAKE (tag, (uint64_t) (uintptr_t) cell);
}

static inline JsCell *
js_get_cell (JsValue v)
{
  return (JsCell *) (uintptr_t) (v & JS_PAYLOAD_MASK);
}

static inline JsValue
js_object_value (JsObject *o)
{
  return js_cell_value (JS_TAG_OBJECT, o);
}

static inline JsObject *
js_get_object (JsValue v)
{
  return (JsObject *) js_get_cell (v);
}

static inline JsValue
js_string_value (JsString *s)
{
  return js_cell_value (JS_TAG_STRING, s);
}

static inline JsString *
js_get_string (JsValue v)
{
  return (JsString *) js_get_cell (v);
}

static inline JsValue
js_symbol_value (JsSymbol *s)
{
  return js_cell_value (JS_TAG_SYMBOL, s);
}

static inline JsSymbol *
js_get_symbol (JsValue v)
{
  return (JsSymbol *) js_get_cell (v);
}

/* ------------------------------------------------------------------ */
/* Slots and chunks                                                    */
/* ------------------------------------------------------------------ */

#define JS_SLOT_SIZE 32u
#define JS_SLOT_SHIFT 5
#define JS_CHUNK_SIZE 65536u
#define JS_CHUNK_SHIFT 16
#define JS_CHUNK_SLOTS (JS_CHUNK_SIZE / JS_SLOT_SIZE) /* 2048 */
#define JS_BITMAP_WORDS (JS_CHUNK_SLOTS / 64)         /* 32 */
/* Slots taken by the chunk header (bitmaps and bookkeeping). */
#define JS_CHUNK_HEADER_SLOTS 36u
#define JS_CHUNK_DATA_SLOTS (JS_CHUNK_SLOTS - JS_CHUNK_HEADER_SLOTS)
/* Chunks reserved at a time with mmap(PROT_NONE). */
#define JS_SEGMENT_CHUNKS 64u
/* Free lists for cells of exactly 1 .. JS_BIN_COUNT - 1 slots; bin 0 is
 * unused and larger free runs go to the heap's list of large runs. */
#define JS_BIN_COUNT 16u

/* Which part of the heap a chunk belongs to. */
typedef enum
{
  JS_SPACE_CELLS,  /* every cell but shapes */
  JS_SPACE_SHAPES, /* internal classes, swept after the cells */
  JS_SPACE_COUNT
} JsSpaceKind;

/* Chunk flags. */
enum
{
  JS_CHUNK_HUGE = 1 << 0,        /* a mapping that holds one huge cell */
  JS_CHUNK_OVERFLOWED = 1 << 1,  /* has marked cells the mark stack dropped */
};

/* The first JS_CHUNK_HEADER_SLOTS slots of every chunk.  Bit i of each
 * bitmap describes slot i of the chunk (header slots' bits stay 0). */
struct JsChunk
{
  uint64_t object[JS_BITMAP_WORDS];   /* first slot of each cell */
  uint64_t extends[JS_BITMAP_WORDS];  /* further slots of each cell */
  uint64_t mark[JS_BITMAP_WORDS];     /* reached in this cycle */
  uint64_t finalize[JS_BITMAP_WORDS]; /* cell owns non-heap resources */
  JsChunk *next;       /* next chunk of the same space (or huge list) */
  JsHeap *heap;        /* the heap this chunk belongs to */
  size_t huge_size;    /* huge chunks: bytes mapped, header included */
  uint32_t flags;      /* JS_CHUNK_* */
  uint8_t space;       /* JsSpaceKind */
  uint8_t empty_gcs;   /* GCs that found the chunk empty: 1 after a cycle
                          that used it, then one more per idle cycle */
  uint16_t unused16;   /* padding */
  uint32_t live_slots; /* slots in live cells after the last sweep */
};

static inline JsChunk *
js_chunk_of (const void *cell)
{
  return (JsChunk *) ((uintptr_t) cell & ~(uintptr_t) (JS_CHUNK_SIZE - 1));
}

static inline uint32_t
js_slot_index (const void *cell)
{
  return (uint32_t) (((uintptr_t) cell & (JS_CHUNK_SIZE - 1))
                     >> JS_SLOT_SHIFT);
}

static inline bool
js_bit_test (const uint64_t *map, uint32_t i)
{
  return (map[i >> 6] >> (i & 63)) & 1;
}

static inline void
js_bit_set (uint64_t *map, uint32_t i)
{
  map[i >> 6] |= UINT64_C (1) << (i & 63);
}

static inline void
js_bit_clear (uint64_t *map, uint32_t i)
{
  map[i >> 6] &= ~(UINT64_C (1) << (i & 63));
}

static inline bool
js_cell_is_marked (const void *cell)
{
  return js_bit_test (js_chunk_of (cell)->mark, js_slot_index (cell));
}

/* ------------------------------------------------------------------ */
/* Cells and their classes                                             */
/* ------------------------------------------------------------------ */

/* What a cell is.  Kept in the cell's class, reached through its shape. */
typedef enum
{
  JS_KIND_SHAPE,    /* an internal class */
  JS_KIND_STRING,   /* any string form */
  JS_KIND_SYMBOL,
  JS_KIND_BIGINT,
  JS_KIND_STORAGE,  /* out-of-line properties and elements */
  JS_KIND_INTERNAL, /* environments, bytecode, other engine cells */
  JS_KIND_OBJECT,   /* first of the object kinds: ordinary object */
  JS_KIND_ARRAY,
  JS_KIND_FUNCTION,
  JS_KIND_NATIVE_FUNCTION,
  JS_KIND_HOST,     /* an embedder's object with native data */
} JsKind;

static inline bool
js_kind_is_object (JsKind k)
{
  return k >= JS_KIND_OBJECT;
}

/* Calls every pointer a cell holds to the tracer. */
typedef void (*JsTraceFunc) (JsTracer *trc, JsCell *cell);
/* Releases what a cell owns outside the heap.  Runs during the sweep: it
 * must not allocate, run script or read other cells (they may be dead). */
typedef void (*JsFinalizeFunc) (JsHeap *heap, JsCell *cell);
/* The size of a cell in bytes, for the statistics and huge-cell sweep. */
typedef size_t (*JsSizeFunc) (const JsCell *cell);

/* A class is static data: one per kind of cell, never in the heap. */
struct JsCellClass
{
  const char *name;        /* "Object", "String", ... for logs */
  JsKind kind;             /* what the cell is */
  JsTraceFunc trace;       /* NULL: the cell holds no heap pointers */
  JsFinalizeFunc finalize; /* NULL: nothing outside the heap */
  uint32_t flags;          /* JS_CLASS_* */
};

/* Class flags. */
enum
{
  /* Objects whose properties are not all in their shape and elements
     (string wrappers, arguments, proxies): inline caches skip them. */
  JS_CLASS_EXOTIC = 1 << 0,
  /* The class's name is the builtinTag Object.prototype.toString shows
     (Date: "[object Date]"). */
  JS_CLASS_BUILTIN_TAG = 1 << 1,
  /* An embedder's class that makes properties on first use (a resolve
     hook, api-native.c): an own lookup that misses asks it first. */
  JS_CLASS_RESOLVE = 1 << 2,
};

/* The common header: every cell starts with its shape. */
struct JsCell
{
  JsShape *shape; /* internal class; for non-objects a per-runtime shape */
};

/* Property attributes, as the spec names them, plus an accessor bit. */
enum
{
  JS_ATTR_WRITABLE = 1 << 0,
  JS_ATTR_ENUMERABLE = 1 << 1,
  JS_ATTR_CONFIGURABLE = 1 << 2,
  JS_ATTR_ACCESSOR = 1 << 3, /* slot holds a getter/setter pair cell */
  JS_ATTR_TDZ = 1 << 4,      /* environments: starts uninitialized */
  JS_ATTR_DEFAULT = JS_ATTR_WRITABLE | JS_ATTR_ENUMERABLE
                    | JS_ATTR_CONFIGURABLE,
};

/* A property key: an atom (an interned string or a symbol cell; its
 * address, low bit 0) or an array index (index << 1 | 1).  Keys compare
 * with ==.  Array indices are never interned. */
typedef uint64_t JsKey;
#define JS_KEY_NONE ((JsKey) 0)
#define JS_MAX_INDEX UINT32_C (4294967294) /* 2^32 - 2 */

static inline bool
js_key_is_index (JsKey k)
{
  return (k & 1) != 0;
}

static inline uint32_t
js_key_index (JsKey k)
{
  return (uint32_t) (k >> 1);
}

static inline JsKey
js_key_from_index (uint32_t i)
{
  return ((JsKey) i << 1) | 1;
}

static inline JsCell *
js_key_cell (JsKey k)
{
  return (JsCell *) (uintptr_t) k;
}

/* Shape flags. */
enum
{
  JS_SHAPE_DICTIONARY = 1 << 0,     /* owned by one object, edited in place */
  JS_SHAPE_NOT_EXTENSIBLE = 1 << 1, /* preventExtensions was called */
  JS_SHAPE_STR_LATIN1 = 1 << 2,     /* string shapes: 8-bit characters */
  JS_SHAPE_STR_EXTERNAL = 1 << 3,   /* string shapes: chars are malloc'd */
  JS_SHAPE_STR_ROPE = 1 << 4,       /* string shapes: a concatenation */
  JS_SHAPE_HAS_INDEXED = 1 << 5,    /* some index key is a named property */
  JS_SHAPE_LAZY = 1 << 6,           /* functions: name, length, prototype
                                       not made yet */
  JS_SHAPE_PROTOTYPE = 1 << 7,      /* a prototype's dictionary: changes
                                       bump the runtime's proto epoch */
  JS_SHAPE_GLOBAL = 1 << 8,         /* the global object's or script
                                       scope's dictionary: changes bump
                                       the runtime's global epoch */
};

/* An internal class.  Two slots.  Objects with the same keys added in the
 * same order with the same attributes on the same prototype share one
 * shape: the transitions from a shape are unique per (key, attributes).
 * Non-object cells use per-runtime shapes that carry only a class. */
struct JsShape
{
  JsShape *meta;            /* header: the runtime's shape of shapes */
  const JsCellClass *cls;   /* kind and hooks of cells with this shape */
  JsCell *proto;            /* prototype object, or NULL */
  JsShape *parent;          /* the shape this one extends, or NULL */
  JsKey key;                /* the key added to parent (none at a root) */
  uint32_t count;           /* properties (including deleted in dicts) */
  uint16_t flags;           /* JS_SHAPE_* */
  uint8_t attrs;            /* attributes of key */
  uint8_t inline_cap;       /* inline slots of objects with this shape */
  JsShapeTable *table;      /* malloc'd key → (slot, attrs), built lazily */
  void *kids;               /* transitions: one JsShape*, or a tagged
                               JsTransitions* (low bit 1); weak */
};

/* ------------------------------------------------------------------ */
/* Objects                                                             */
/* ------------------------------------------------------------------ */

/* An ordinary object: [shape | storage | slot0 | slot1] is 32 bytes, one
 * slot.  Object literals and constructors may allocate more inline slots;
 * shape->inline_cap says how many.  Property i lives in slots[i] when
 * i < inline_cap, else in storage->values[i - inline_cap]. */
struct JsObject
{
  JsShape *shape;     /* header: internal class (kind, prototype, keys) */
  JsStorage *storage; /* overflow properties and elements, or NULL */
  JsValue slots[];    /* inline property slots */
};

#define JS_OBJECT_DEFAULT_INLINE 2u

/* Storage flags. */
enum
{
  JS_STORAGE_HOLEY = 1 << 0, /* some element in [0, elem_len) is empty */
  JS_STORAGE_REBUILDS_ONE = 1 << 8,    /* bits 8-15 count the deletes */
  JS_STORAGE_REBUILDS_MASK = 0xFF << 8, /* that rebuilt the shape */
};

/* The one out-of-line cell of an object: overflow properties first, then
 * elements.  Doubles stay unboxed in elements; holes are JS_EMPTY. */
struct JsStorage
{
  JsShape *shape;    /* header: the runtime's storage shape */
  uint32_t prop_cap; /* values[0 .. prop_cap) hold overflow properties */
  uint32_t elem_cap; /* values[prop_cap .. prop_cap + elem_cap): elements */
  uint32_t elem_len; /* elements in use */
  uint32_t flags;    /* JS_STORAGE_* */
  JsValue values[];  /* properties, then elements */
};

/* An environment: the captured variables of one scope.  Its shape is
 * the scope's (one property per slot, named after the binding, so eval
 * and with can find names), its class says which kind it is; a closure
 * over one variable is [shape | parent | slot0] in one slot. */
typedef struct JsEnv JsEnv;
struct JsEnv
{
  JsShape *shape; /* header: the scope's environment shape */
  JsEnv *parent;  /* the enclosing environment, or NULL */
  JsValue slots[];/* shape->count slots */
};

/* A function written in script: [shape | storage | code | env] is one
 * slot.  Methods (with a home object for super) and class constructors
 * carry more after env; the code's flags say which. */
typedef struct JsFunction JsFunction;
struct JsFunction
{
  JsShape *shape;     /* header: a function shape of its realm */
  JsStorage *storage; /* properties, or NULL */
  struct JsCode *code;/* what it runs */
  JsEnv *env;         /* the scope it closes over */
  JsValue extra[];    /* methods: [0] the home object; class constructors:
                         [1] the field initializer */
};

/* ------------------------------------------------------------------ */
/* Strings and symbols                                                 */
/* ------------------------------------------------------------------ */

/* String hash word: 30 bits of hash (0 = not computed yet), then flags. */
#define JS_STRING_HASH_MASK 0x3FFFFFFFu
#define JS_STRING_ASCII (1u << 30) /* every character is below 0x80 */
#define JS_STRING_ATOM (1u << 31)  /* interned: the one copy in the table */

/* Every string starts with this.  The shape says which form it is:
 * inline (characters follow the header, NUL-terminated when Latin-1;
 * one or two slots hold up to 15 or 47 Latin-1 characters), external
 * (the characters are g_malloc'd and counted as unmanaged memory) or a
 * rope (a concatenation, flattened on first read into an external
 * string in place). */
struct JsString
{
  JsShape *shape;  /* header: one of the runtime's string shapes */
  uint32_t length; /* in UTF-16 code units */
  uint32_t hash;   /* JS_STRING_HASH_MASK bits of hash, ASCII, ATOM */
};

typedef struct
{
  JsString base;  /* shape is a STR_LATIN1 or UTF-16 inline shape */
  uint8_t chars[]; /* Latin-1 (NUL-terminated) or uint16_t UTF-16 */
} JsInlineString;

typedef struct
{
  JsString base; /* shape has JS_SHAPE_STR_EXTERNAL */
  void *chars;   /* g_malloc'd Latin-1 (NUL-terminated) or UTF-16 */
} JsExternalString;

typedef struct
{
  JsString base;   /* shape has JS_SHAPE_STR_ROPE */
  JsString *left;  /* first part */
  JsString *right; /* second part */
} JsRope;

/* Inline strings up to this many Latin-1 characters (two slots). */
#define JS_INLINE_STRING_MAX8 (2 * JS_SLOT_SIZE - sizeof (JsString) - 1)
/* ... and UTF-16 code units. */
#define JS_INLINE_STRING_MAX16 ((2 * JS_SLOT_SIZE - sizeof (JsString)) / 2)

/* A symbol.  One slot.  Symbols are atoms by nature: their address is
 * their key. */
struct JsSymbol
{
  JsShape *shape;          /* header: the runtime's symbol shape */
  JsString *description;   /* or NULL for Symbol() */
  uint32_t hash;           /* identity hash for the property tables */
  uint32_t flags;          /* JS_SYMBOL_* */
  uint64_t unused;         /* padding to one slot */
};

enum
{
  JS_SYMBOL_REGISTERED = 1 << 0, /* Symbol.for: kept by the registry */
  JS_SYMBOL_PRIVATE = 1 << 1,    /* a #name: never enumerated or proxied */
  JS_SYMBOL_WELL_KNOWN = 1 << 2, /* Symbol.iterator and friends */
};

/* The value of an accessor property's slot: its getter and setter.  One
 * slot; held in the slot as an internal cell (JS_TAG_INTERNAL). */
typedef struct
{
  JsShape *shape;  /* header: the runtime's accessor shape */
  JsValue getter;  /* a function, or undefined */
  JsValue setter;  /* a function, or undefined */
  uint64_t unused; /* padding to one slot */
} JsAccessorPair;

/* ------------------------------------------------------------------ */
/* BigInts                                                             */
/* ------------------------------------------------------------------ */

/* A BigInt: sign and magnitude, the magnitude in little-endian 64-bit
 * digits with no zero digit at the top.  Zero has no digits and is never
 * negative, so equal values have equal cells' contents.  Immutable once
 * made; one slot holds values up to 2^128 in magnitude. */
typedef struct
{
  JsShape *shape;     /* header: the runtime's BigInt shape */
  uint32_t len;       /* digits in use */
  uint32_t negative;  /* 1 if the value is below zero */
  uint64_t digits[];  /* len digits, least significant first */
} JsBigInt;

static inline JsValue
js_bigint_value (JsBigInt *b)
{
  return js_cell_value (JS_TAG_BIGINT, b);
}

static inline JsBigInt *
js_get_bigint (JsValue v)
{
  return (JsBigInt *) js_get_cell (v);
}

/* ------------------------------------------------------------------ */
/* Sizes                                                               */
/* ------------------------------------------------------------------ */

static inline uint32_t
js_slots_for (size_t bytes)
{
  return (uint32_t) ((bytes + JS_SLOT_SIZE - 1) >> JS_SLOT_SHIFT);
}

/* The inline slots an object of nslots heap slots holds. */
static inline uint32_t
js_object_inline_cap (uint32_t nslots)
{
  return (nslots * JS_SLOT_SIZE - sizeof (JsObject)) / sizeof (JsValue);
}
