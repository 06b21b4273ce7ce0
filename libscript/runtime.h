/* runtime.h — the runtime and its contexts, as the engine sees them.
 *
 * A runtime owns one heap, the atom table, the shapes every cell kind
 * starts from, the value stack and the handle tables; it holds one or
 * more contexts (realms), each with its own global object and
 * intrinsics.  The public GsRuntime and GsContext are these structs.
 *
 * Rooting.  A GC can run inside any allocation.  Engine code that holds a
 * cell pointer across an allocation must root it first: push it on the
 * value stack (rt_push_root) and restore the stack top when done
 * (rt_restore_roots), exactly like a handle scope.  The value stack is
 * the one exact range the collector scans for C temporaries.
 */
#pragma once

#include "heap.h"

typedef struct JsContext JsContext;
typedef struct JsPersistent JsPersistent;
typedef struct JsAtomTable JsAtomTable;

/* The forms a string cell takes; one runtime shape each. */
typedef enum
{
  JS_STR_INLINE8,   /* Latin-1 characters in the cell */
  JS_STR_INLINE16,  /* UTF-16 code units in the cell */
  JS_STR_EXTERNAL8, /* Latin-1 characters g_malloc'd */
  JS_STR_EXTERNAL16,/* UTF-16 code units g_malloc'd */
  JS_STR_ROPE,      /* a concatenation not yet flattened */
  JS_STR_FORM_COUNT
} JsStringForm;

/* Weak persistent callbacks and other native cleanup, queued by the GC
 * and run at the next safe point, never inside the GC. */
typedef void (*JsCleanupFunc) (JsRuntime *rt, void *data);

typedef struct
{
  JsCleanupFunc func; /* what to run */
  void *data;         /* its argument */
} JsCleanup;

/* A job of the job queue (the spec's HostEnqueuePromiseJob and its
 * kin): a C function and up to three values, run in its context where
 * no script frame is on the stack.  It returns a value or JS_EXCEPTION;
 * an exception no job caught is reported, never propagated. */
typedef JsValue (*JsJobFunc) (JsContext *ctx, const JsValue *args);

#define JS_JOB_ARGS 3

typedef struct
{
  JsContext *ctx;              /* the realm the job runs in */
  JsJobFunc func;              /* what to run */
  JsValue args[JS_JOB_ARGS];   /* its values, traced while queued */
} JsJob;

/* The atom table: a weak open-addressing set of interned strings. */
struct JsAtomTable
{
  JsString **slots; /* NULL = empty, JS_ATOM_TOMBSTONE = deleted */
  uint32_t cap;     /* a power of two */
  uint32_t count;   /* live entries */
  uint32_t used;    /* live entries plus tombstones */
};

#define JS_ATOM_TOMBSTONE ((JsString *) (uintptr_t) 1)

/* Root shapes by (class, prototype, inline capacity), so that objects
 * made alike start from one shape.  Weak, like the atom table. */
typedef struct
{
  JsShape **slots; /* NULL = empty, JS_SHAPE_TOMBSTONE = deleted */
  uint32_t cap;    /* a power of two, or 0 before the first insertion */
  uint32_t count;  /* live entries */
  uint32_t used;   /* live entries plus tombstones */
} JsShapeRootTable;

#define JS_SHAPE_TOMBSTONE ((JsShape *) (uintptr_t) 1)

/* Atoms the engine names from C: X (identifier, "text").  They are
 * interned when the runtime starts and kept alive as roots. */
#define JS_COMMON_ATOMS(X)                                                  \
  X (empty, "")                                                            \
  X (length, "length")                                                     \
  X (prototype, "prototype")                                               \
  X (constructor, "constructor")                                           \
  X (name, "name")                                                         \
  X (message, "message")                                                   \
  X (value, "value")                                                       \
  X (get, "get")                                                           \
  X (set, "set")                                                           \
  X (writable, "writable")                                                 \
  X (enumerable, "enumerable")                                             \
  X (configurable, "configurable")                                         \
  X (proto, "__proto__")                                                   \
  X (toString, "toString")                                                 \
  X (valueOf, "valueOf")                                                   \
  X (undefined, "undefined")                                               \
  X (null, "null")                                                         \
  X (true, "true")                                                         \
  X (false, "false")                                                       \
  X (number, "number")                                                     \
  X (string, "string")                                                     \
  X (boolean, "boolean")                                                   \
  X (symbol, "symbol")                                                     \
  X (bigint, "bigint")                                                     \
  X (function, "function")                                                 \
  X (object, "object")                                                     \
  X (default, "default")                                                   \
  X (next, "next")                                                         \
  X (done, "done")                                                         \
  X (return, "return")                                                     \
  X (callee, "callee")                                                     \
  X (caller, "caller")                                                     \
  X (arguments, "arguments")                                               \
  X (lastIndex, "lastIndex")                                               \
  X (exec, "exec")                                                         \
  X (flags, "flags")                                                       \
  X (source, "source")                                                     \
  X (index, "index")                                                       \
  X (input, "input")                                                       \
  X (groups, "groups")                                                     \
  X (indices, "indices")                                                   \
  X (hasIndices, "hasIndices")                                             \
  X (global, "global")                                                     \
  X (ignoreCase, "ignoreCase")                                             \
  X (multiline, "multiline")                                               \
  X (dotAll, "dotAll")                                                     \
  X (unicode, "unicode")                                                   \
  X (unicodeSets, "unicodeSets")                                           \
  X (sticky, "sticky")                                                     \
  X (stack, "stack")                                                       \
  X (cause, "cause")                                                       \
  X (throw, "throw")                                                       \
  X (toJSON, "toJSON")                                                     \
  X (then, "then")                                                         \
  X (resolve, "resolve")

/* The well-known symbols: X (name), Symbol.name in scripts. */
#define JS_WELL_KNOWN_SYMBOLS(X) \
  X (asyncIterator) \
  X (hasInstance) \
  X (isConcatSpreadable) \
  X (iterator) \
  X (match) \
  X (matchAll) \
  X (replace) \
  X (search) \
  X (species) \
  X (split) \
  X (toPrimitive) \
  X (toStringTag) \
  X (unscopables)

typedef enum
{
#define JS_SYM_ENUM(name) JS_SYM_##name,
  JS_WELL_KNOWN_SYMBOLS (JS_SYM_ENUM)
#undef JS_SYM_ENUM
  JS_SYM_COUNT
} JsWellKnownSymbol;

extern const char *const js_well_known_names[JS_SYM_COUNT];

typedef struct JsFrame JsFrame;
typedef struct JsCode JsCode;

/* Error types with a prototype per realm (ops.h names them). */
#define JS_ERROR_TYPE_COUNT 8
/* Typed array element types (builtins.h names them). */
#define JS_TYPED_ARRAY_COUNT 11

typedef enum
{
#define JS_ATOM_ENUM(id, text) JS_ATOM_##id,
  JS_COMMON_ATOMS (JS_ATOM_ENUM)
#undef JS_ATOM_ENUM
  JS_ATOM_COMMON_COUNT
} JsCommonAtom;

struct JsRuntime
{
  JsHeap heap; /* every cell of this runtime */

  /* Shapes of the cells that are not objects.  Their classes are
   * static; the shapes are heap cells kept alive as roots. */
  JsShape *meta_shape;                          /* the shape of shapes */
  JsShape *storage_shape;                       /* JsStorage cells */
  JsShape *symbol_shape;                        /* JsSymbol cells */
  JsShape *accessor_shape;                      /* JsAccessorPair cells */
  JsShape *string_shapes[JS_STR_FORM_COUNT];    /* one per string form */

  JsAtomTable atoms; /* weak: dead atoms leave after each marking */
  JsString *common_atoms[JS_ATOM_COMMON_COUNT]; /* roots; see above */
  JsShapeRootTable shape_roots; /* weak: dead roots leave likewise */

  /* The value stack: frames, native argument windows and handle scopes.
   * Reserved once (never moves, so handles stay valid) and committed by
   * the kernel as it is touched.  The collector scans [base, top) and
   * every frame's window, which may reach past top (interp.c). */
  JsValue *stack_base;  /* first slot */
  JsValue *stack_top;   /* first free slot */
  JsValue *stack_limit; /* end of the usable reservation */

  /* Persistent handles (strong and weak) and eternal values. */
  JsPersistent *persistents; /* doubly linked list of all persistents */
  JsValue *eternals;         /* g_malloc'd array of eternal values */
  uint32_t eternal_count;    /* values in use */
  uint32_t eternal_cap;      /* capacity */

  /* Native cleanup queued by the GC (weak callbacks and the like). */
  JsCleanup *cleanups;   /* g_malloc'd queue */
  uint32_t cleanup_count;
  uint32_t cleanup_cap;
  bool running_cleanups; /* guard against re-entry */

  /* The job queue: a ring of jobs, roots while queued, drained at the
   * outermost return from script to C (runtime_run_jobs). */
  JsJob *jobs;           /* g_malloc'd ring */
  uint32_t job_head;     /* index of the oldest job */
  uint32_t job_count;    /* jobs queued */
  uint32_t job_cap;      /* a power of two, or 0 */
  bool running_jobs;     /* guard against re-entry */

  /* The spec's [[KeptAlive]] list: WeakRef targets made or read in the
   * current job stay alive until it ends (runtime_clear_kept_objects). */
  JsValue *kept;         /* g_malloc'd values, roots */
  uint32_t kept_count;
  uint32_t kept_cap;

  /* Weak collections (builtins-weak.c, builtins-map.c): the live
   * WeakMap, WeakSet, WeakRef and FinalizationRegistry objects, which
   * the ephemeron and weak phases of each collection visit.  Dead ones
   * leave the array before the sweep. */
  GPtrArray *weak_objects; /* JsObject*, not roots; NULL until used */

  /* Promises rejected while no handler was attached (builtins-promise.c):
   * roots until a handler comes or they are reported at exit. */
  JsValue *unhandled;    /* g_malloc'd promises */
  uint32_t unhandled_count;
  uint32_t unhandled_cap;

  /* BigInt cells (bigint.c). */
  JsShape *bigint_shape; /* the shape of every JsBigInt */

  GPtrArray *contexts; /* JsContext*, not owned */
  uint32_t call_depth;  /* calls from C in progress; cleanup runs at 0 */
  uint32_t scope_depth; /* open handle scopes (the API's check) */
  int64_t external_bytes; /* the embedder's reports */

  /* Extra roots and weak processing of other subsystems (bindings). */
  GPtrArray *root_tracers; /* JsRootTracer*, called during marking */

  /* The interpreter. */
  JsSymbol *well_known[JS_SYM_COUNT]; /* Symbol.iterator and friends */
  JsFrame *frames;          /* the call stack (interp.h) */
  uint32_t frame_count;     /* frames in use */
  uint32_t native_depth;    /* C re-entries of the dispatch loop */
  uint32_t proto_epoch;     /* bumped when a prototype's layout changes */
  uint32_t global_epoch;    /* bumped when a global binding may have moved
                               or become shadowed (ic.h) */
  struct JsICTotals *ic_dead; /* gscript.ic.stats of dead code, or NULL */
  struct JsICMega *ic_mega; /* megamorphic loads (ic.c), or NULL */
  JsShape *last_array_shape; /* object_array_shape's last answer; weak */
  JsShape *code_shape;      /* shape of JsCode cells */
  JsCode *codes;            /* every live JsCode, for cache clearing */
  GHashTable *modules;      /* canonical path → JsModule (module.c) */
  /* The embedder's module hook (api-native.c installs it): the default
   * export of a synthetic module for specifier, JS_EMPTY when the hook
   * does not serve it, JS_EXCEPTION when loading it failed. */
  JsValue (*module_hook) (JsContext *ctx, const char *specifier,
                          const char *referrer, void *data);
  void *module_hook_data;   /* the hook's argument */
  struct GsNativeState *native; /* embedder classes and hooks
                                   (api-native.c), or NULL */
  JsShape *import_ref_shape;/* ImportRef cells of live imports */
  struct RegExpCache *regexp_cache; /* compiled patterns by source
                                       (builtins-regexp.c) */
  volatile bool interrupt_pending; /* checked on loop back edges */
  bool (*interrupt_handler) (void *data); /* true: stop the script */
  void *interrupt_data;
  gboolean (*api_interrupt) (gpointer); /* the embedder's hook (api.c) */
  gpointer api_interrupt_data;          /* its data */
};

/* A subsystem's roots: called by the collector during marking, and (if
 * set) after marking to clear its weak references.  Subsystems with
 * ephemerons (a value alive only while its key is) mark, in the
 * ephemerons hook, the values whose keys are marked, and return true if
 * they marked any: the collector calls the hooks again, after draining,
 * until none marks anything. */
typedef struct
{
  void (*trace) (JsRuntime *rt, JsTracer *trc, void *data);
  void (*weak) (JsRuntime *rt, void *data); /* may be NULL */
  void *data;
  bool (*ephemerons) (JsRuntime *rt, JsTracer *trc, void *data); /* or
                                                                  NULL */
} JsRootTracer;

/* A persistent handle: a strong or weak root outside the value stack. */
struct JsPersistent
{
  JsValue value;          /* the referent (undefined once a weak one died) */
  JsPersistent *prev;     /* list links */
  JsPersistent *next;
  JsRuntime *rt;          /* owner */
  void (*weak_cb) (void *data); /* runs after the GC that cleared it */
  void *weak_data;        /* its argument */
  bool weak;              /* does not keep the referent alive */
  bool cleanup_pending;   /* its callback is queued */
  bool freed;             /* freed by its owner while queued */
};

/* A context (realm): its global object and intrinsics. */
struct JsContext
{
  JsRuntime *rt;      /* owner */
  JsObject *global;   /* the global object */
  JsObject *script_scope;   /* top-level let, const and class of scripts */
  JsEnv *script_env;        /* the environment scripts' closures start in */
  JsObject *object_proto;   /* %Object.prototype% */
  JsObject *function_proto; /* %Function.prototype% */
  JsObject *array_proto;    /* %Array.prototype% */
  JsObject *error_protos[JS_ERROR_TYPE_COUNT]; /* %Error.prototype%, ... */
  JsObject *string_proto;   /* %String.prototype% */
  JsObject *number_proto;   /* %Number.prototype% */
  JsObject *boolean_proto;  /* %Boolean.prototype% */
  JsObject *symbol_proto;   /* %Symbol.prototype% */
  JsObject *bigint_proto;   /* %BigInt.prototype% */
  JsObject *iterator_proto; /* %IteratorPrototype% */
  JsObject *array_iterator_proto; /* %ArrayIteratorPrototype% */
  JsObject *generator_proto;      /* %GeneratorPrototype% */
  JsObject *generator_function_proto; /* %GeneratorFunction.prototype% */
  JsShape *generator_closure_shape;   /* generator functions, lazy */
  JsShape *generator_function_shape;  /* generator functions */
  JsObject *async_function_proto;     /* %AsyncFunction.prototype% */
  JsShape *async_closure_shape;       /* async functions, lazy */
  JsShape *async_function_shape;      /* async functions */
  JsObject *async_iterator_proto;     /* %AsyncIteratorPrototype% */
  JsObject *async_generator_proto;    /* %AsyncGeneratorPrototype% */
  JsObject *async_generator_function_proto; /* %AsyncGeneratorFunction.
                                               prototype% */
  JsShape *async_generator_closure_shape;  /* async generator functions,
                                              lazy */
  JsShape *async_generator_function_shape; /* async generator functions */
  JsObject *async_from_sync_iterator_proto; /* %AsyncFromSyncIterator
                                               Prototype% */
  JsShape *async_request_shape;       /* AsyncGeneratorRequest records */
  JsShape *async_from_sync_shape;     /* async-from-sync iterators */
  JsObject *string_iterator_proto; /* %StringIteratorPrototype% */
  JsObject *out_of_memory;  /* the RangeError thrown when memory runs out */
  JsValue array_values;     /* %Array.prototype.values% */
  JsValue throw_type_error; /* %ThrowTypeError% */
  JsValue eval_fn;          /* %eval%, which makes eval (...) direct */
  JsShape *closure_shape;   /* script functions, properties not made yet */
  JsShape *function_shape;  /* script functions with their properties */
  JsShape *native_function_shape; /* natives, properties not made yet */
  JsShape *native_function_plain_shape; /* natives with their properties */
  JsShape *with_env_shape;  /* environments of with statements */
  /* Object, Reflect, Symbol, Number, Math, JSON (builtins-object.c and
     its neighbours). */
  JsObject *symbol_registry; /* Symbol.for's keys → symbols; one object
                                shared by every realm of the runtime */
  uint64_t random_state[2];  /* Math.random's xorshift128+ state */

  /* Map, Set and their iterators (builtins-map.c); WeakMap, WeakSet,
   * WeakRef and FinalizationRegistry (builtins-weak.c). */
  JsObject *map_proto;          /* %Map.prototype% */
  JsObject *set_proto;          /* %Set.prototype% */
  JsObject *map_iterator_proto; /* %MapIteratorPrototype% */
  JsObject *set_iterator_proto; /* %SetIteratorPrototype% */
  JsObject *weak_map_proto;     /* %WeakMap.prototype% */
  JsObject *weak_set_proto;     /* %WeakSet.prototype% */
  JsObject *weak_ref_proto;     /* %WeakRef.prototype% */
  JsObject *finalization_registry_proto; /* %FinalizationRegistry...% */
  JsShape *map_table_shape;     /* hash tables of Map and Set */
  JsShape *weak_table_shape;    /* hash tables of WeakMap and WeakSet */

  /* Promise and AggregateError (builtins-promise.c). */
  JsObject *promise_proto;      /* %Promise.prototype% */
  JsValue promise_ctor;         /* %Promise% */
  JsShape *promise_shape;       /* promises with %Promise.prototype% */
  JsShape *promise_record_shape;/* internal records of promise functions */
  JsShape *promise_reaction_shape; /* PromiseReaction records */

  /* Date (builtins-date.c). */
  JsObject *date_proto;         /* %Date.prototype% */
  /* RegExp (builtins-regexp.c). */
  JsObject *regexp_proto;   /* %RegExp.prototype% */
  JsObject *regexp_ctor;    /* %RegExp% */
  JsValue regexp_exec;      /* %RegExp.prototype.exec%, for fast paths */
  JsObject *regexp_string_iterator_proto; /* %RegExpStringIteratorProto% */
  JsShape *regexp_shape;    /* RegExp objects: lastIndex in slot 0 */
  uint32_t regexp_exec_slot;  /* the slot of exec in %RegExp.prototype%, */
  uint32_t regexp_exec_epoch; /* ... valid while proto_epoch + 1 is this */
  JsValue pending_exception; /* JS_EMPTY when none */
  void *user_data;          /* for the embedder */
  bool owned_by_runtime;    /* made by script ($262.createRealm): freed
                               with the runtime */

  /* Array, ArrayBuffer, the typed arrays and DataView
     (builtins-array.c, builtins-arraybuffer.c, builtins-typedarray.c,
     builtins-dataview.c). */
  JsObject *array_ctor;         /* %Array% */
  JsValue object_to_string;     /* %Object.prototype.toString% */
  void *join_stack;             /* arrays being joined, for cycles */
  JsObject *array_buffer_ctor;  /* %ArrayBuffer% */
  JsObject *array_buffer_proto; /* %ArrayBuffer.prototype% */
  JsObject *typed_array_ctor;   /* %TypedArray% */
  JsObject *typed_array_proto;  /* %TypedArray.prototype% */
  JsObject *typed_array_ctors[JS_TYPED_ARRAY_COUNT];  /* %Int8Array%... */
  JsObject *typed_array_protos[JS_TYPED_ARRAY_COUNT]; /* their prototypes */
  JsObject *data_view_proto;    /* %DataView.prototype% */
  JsValue typed_array_values;   /* %TypedArray.prototype.values% */
  JsShape *args_shapes[2];      /* arguments objects with length,
                                   @@iterator and callee: [0] unmapped,
                                   [1] mapped; made on first use */
};

/* ------------------------------------------------------------------ */
/* The value stack as a root stack                                     */
/* ------------------------------------------------------------------ */

/* Pushes a value (or an internal cell as JS_TAG_INTERNAL) and returns its
 * slot; the GC keeps it alive and the slot reflects no moves (the heap
 * never moves cells).  Aborts only if the stack reservation is exhausted,
 * which the interpreter prevents by checking depth first. */
static inline JsValue *
rt_push_root (JsRuntime *rt, JsValue v)
{
  g_assert (rt->stack_top < rt->stack_limit);
  JsValue *slot = rt->stack_top++;
  *slot = v;
  return slot;
}

static inline JsValue *
rt_push_cell (JsRuntime *rt, void *cell)
{
  return rt_push_root (rt, cell ? js_cell_value (JS_TAG_INTERNAL, cell)
                                : JS_UNDEFINED);
}

/* The current top, to restore later. */
static inline JsValue *
rt_save_roots (JsRuntime *rt)
{
  return rt->stack_top;
}

static inline void
rt_restore_roots (JsRuntime *rt, JsValue *saved)
{
  rt->stack_top = saved;
}

/* The lowest address of the calling thread's C stack that code which
 * recurses over its input (the compiler, the scope resolver) may reach:
 * the stack's end with room to spare for what runs below a check.  NULL
 * when the stack's bounds are unknown. */
const void *runtime_c_stack_limit (void);

/* Whether the C stack still has room at limit's margin (see above). */
static inline bool
runtime_c_stack_ok (const void *limit)
{
  char here;
  return !limit || (uintptr_t) &here > (uintptr_t) limit;
}

/* runtime.c */
JsRuntime *runtime_new (void);
void runtime_free (JsRuntime *rt);
JsContext *runtime_context_new (JsRuntime *rt);
void runtime_context_free (JsContext *ctx);
/* Marks every root (called by gc.c). */
void runtime_trace_roots (JsRuntime *rt, JsTracer *trc);
/* One round of the ephemeron hooks (called by gc.c until it is false). */
bool runtime_trace_ephemerons (JsRuntime *rt, JsTracer *trc);
/* Clears weak references after marking (called by gc.c before sweep). */
void runtime_process_weak (JsRuntime *rt);
/* Queues native cleanup to run at the next safe point. */
void runtime_queue_cleanup (JsRuntime *rt, JsCleanupFunc func, void *data);
/* Runs queued cleanup: at the outermost return to C, or when asked. */
void runtime_run_cleanups (JsRuntime *rt);
void runtime_add_root_tracer (JsRuntime *rt, const JsRootTracer *tracer);

/* Queues a job with up to JS_JOB_ARGS values (the rest undefined);
 * false if memory ran out. */
bool runtime_enqueue_job (JsContext *ctx, JsJobFunc func, uint32_t argc,
                          const JsValue *args);
/* Runs jobs, and the native cleanup and jobs they lead to, until none is
 * left.  Only where no script frame is on the stack: it does nothing
 * when called from inside script or from a job. */
void runtime_run_jobs (JsRuntime *rt);
/* The outermost return from script to C: kept objects are released,
 * native cleanup runs, then the jobs. */
void runtime_safe_point (JsRuntime *rt);
/* Prints an exception nothing caught (a job's, a cleanup callback's) on
 * stderr as "Uncaught ...". */
/* Ends a call from C (call_depth was raised for it): the outermost one
 * runs the safe point (cleanup and jobs), keeping r, which it returns. */
JsValue runtime_leave_call (JsRuntime *rt, JsValue r);
void runtime_report_exception (JsContext *ctx, JsValue exception);
/* AddToKeptObjects: v stays alive until the current job ends. */
bool runtime_keep_during_job (JsRuntime *rt, JsValue v);
/* ClearKeptObjects. */
void runtime_clear_kept_objects (JsRuntime *rt);

JsPersistent *runtime_persistent_new (JsRuntime *rt, JsValue v);
/* Makes p weak: when its referent dies, the value becomes undefined and
 * cb(data) runs once at the next safe point after that GC. */
void runtime_persistent_set_weak (JsPersistent *p, void (*cb) (void *data),
                                  void *data);
void runtime_persistent_clear_weak (JsPersistent *p);
void runtime_persistent_free (JsPersistent *p);
/* Eternal values live as long as the runtime; returns the index. */
uint32_t runtime_eternal_add (JsRuntime *rt, JsValue v);
