/* builtins.h — the built-in library, one file per constructor family.
 *
 * builtins.c makes the skeleton of a realm (realm_init) and the host
 * globals (print, console); each builtins-*.c installs its family on
 * that skeleton through a builtins_init_* function called from there.
 */
#pragma once

#include "function.h"
#include "interp.h"
#include "realm.h"

/* The C type of a method table entry. */
typedef struct
{
  const char *name; /* ASCII; "@@iterator" style names are symbols */
  JsNativeFn fn;
  uint16_t length;
  int16_t magic;
} JsMethodSpec;

/* Defines each method of specs on o (non-enumerable). */
bool builtins_define_methods (JsContext *ctx, JsObject *o,
                              const JsMethodSpec *specs, size_t n);
/* Defines an accessor with only a getter (named "get <name>"); name as
 * in JsMethodSpec.  Configurable, not enumerable. */
bool builtins_define_getter (JsContext *ctx, JsObject *o, const char *name,
                             JsNativeFn fn);
/* A constructor function with its prototype object wired both ways. */
JsObject *builtins_define_class (JsContext *ctx, const char *name,
                                 JsNativeFn ctor, uint32_t length,
                                 JsObject *proto, uint32_t flags);

/* OrdinaryCreateFromConstructor's prototype: new_target.prototype if it
 * is an object, else the intrinsic at byte offset `fallback` of the
 * JsContext of new_target's realm (offsetof (JsContext, map_proto)).
 * Undefined new_target gives the current realm's.  NULL with an
 * exception.  The result is not rooted. */
JsObject *builtins_proto_from_ctor (JsContext *ctx, JsValue new_target,
                                    size_t fallback);

/* The this value as an object of a class, or a TypeError. */
JsObject *builtins_this_object (const JsCallInfo *info, const char *method);

/* builtins-object.c: ValidateAndApplyPropertyDescriptor. */
typedef struct
{
  JsValue value, get, set;
  bool has_value, has_get, has_set, has_writable, has_enumerable,
      has_configurable;
  bool writable, enumerable, configurable;
} JsPropertyDescriptor;
/* [[DefineOwnProperty]]: 1 done, 0 rejected, -1 exception.  d's values
 * must be rooted by the caller. */
int builtins_define_property (JsContext *ctx, JsObject *o, JsKey key,
                              const JsPropertyDescriptor *d);
/* Three rooted slots for a descriptor's value, get and set. */
JsValue *builtins_push_descriptor_roots (JsRuntime *rt);
/* ToPropertyDescriptor; the values land in roots[0..3). */
bool builtins_to_descriptor (JsContext *ctx, JsValue o,
                             JsPropertyDescriptor *d, JsValue *roots);
/* FromPropertyDescriptor of what prop_get_own returned. */
JsValue builtins_from_descriptor (JsContext *ctx, JsValue v, uint8_t attrs);
/* [[IsExtensible]], [[PreventExtensions]] and [[SetPrototypeOf]] (proto
 * an object or null): 1 true, 0 false, -1 exception. */
int builtins_is_extensible (JsContext *ctx, JsObject *o);
int builtins_prevent_extensions (JsContext *ctx, JsObject *o);
int builtins_set_prototype_of (JsContext *ctx, JsObject *o, JsValue proto);
/* GetPrototypeFromConstructor: new_target's "prototype" if it is an
 * object, else fallback. */
JsValue builtins_prototype_from_constructor (JsContext *ctx,
                                             JsValue new_target,
                                             JsObject *fallback);
/* A Boolean, Number, String or Symbol object holding prim, its
 * prototype from new_target (fallback: the realm's). */
JsValue builtins_new_wrapper (JsContext *ctx, JsValue prim,
                              JsValue new_target, JsObject *fallback);
/* CreateArrayFromList of keys (indices as strings). */
JsValue builtins_array_of_keys (JsContext *ctx, const JsKey *keys,
                                uint32_t n);

/* [[DefineOwnProperty]] of exotic objects (realm.c): 2 when o applies
 * the ordinary one for key, else 1 done, 0 rejected, -1 exception. */
int realm_exotic_define_property (JsContext *ctx, JsObject *o, JsKey key,
                                  const JsPropertyDescriptor *d);
/* The same for a module namespace's string keys (module.c). */
int module_namespace_define (JsContext *ctx, JsObject *o, JsKey key,
                             const JsPropertyDescriptor *d);
/* The same for a mapped arguments object (arguments.c). */
int arguments_define_property (JsContext *ctx, JsObject *o, JsKey key,
                               const JsPropertyDescriptor *d);

/* builtins-iterator.c */
JsValue builtins_new_array_iterator (JsContext *ctx, JsValue target,
                                     int kind);
JsValue builtins_iter_result (JsContext *ctx, JsValue value, bool done);
/* The list of a plain array, or of an arguments object whose length and
 * indices are plain, copied to out (room for max): how many, or -1 when
 * CreateListFromArrayLike must take the generic path.  Runs no script. */
int64_t builtins_copy_list (JsRuntime *rt, JsObject *o, JsValue *out,
                            uint32_t max);
/* 1 if v is %Function.prototype.call%, 2 if it is ...apply, else 0. */
int builtins_function_call_kind (JsValue v);
/* True if iterating with method (an object's @@iterator) is the
 * untouched %Array.prototype.values% and %ArrayIteratorPrototype%.next:
 * then the iteration is LengthOfArrayLike and Get at each step, and C
 * may do just that without making the iterator or its results. */
bool builtins_array_iterator_pristine (JsContext *ctx, JsValue method);
/* A values iterator over target whose next step reads index (for the
 * code above when it must hand a real iterator to IteratorClose). */
JsValue builtins_array_iterator_at (JsContext *ctx, JsValue target,
                                    double index);

/* builtins-bound.c: bound function exotic objects, for realm.c's
 * hooks. */
extern const JsCellClass js_bound_function_class;
bool builtins_is_bound_function (JsValue v);
JsValue builtins_bound_target (JsValue v);
bool builtins_bound_is_constructor (JsValue v);
JsValue builtins_bound_call (JsContext *ctx, JsValue *base, uint32_t argc,
                             JsValue new_target);

/* builtins-array.c: IsArray (1, 0, or -1 with an exception). */
int builtins_array_is_array (JsContext *ctx, JsValue v);
/* CreateArrayFromList. */
JsValue builtins_array_from_list (JsContext *ctx, const JsValue *values,
                                  uint32_t n);
/* Array.prototype.join's loop over o[0 .. len) (separator undefined:
 * a comma); locale: toLocaleString's, each element's toLocaleString
 * joined with a comma. */
JsValue builtins_array_join (JsContext *ctx, JsValue o, double len,
                             JsValue separator, bool locale);
/* builtins-array-algo.c: a list of values the collector sees, a hidden
 * array held in a rooted slot, which only its maker touches. */
bool builtins_array_list_new (JsContext *ctx, JsValue *slot, uint32_t cap);
bool builtins_array_list_push (JsContext *ctx, JsValue *slot, JsValue v);

static inline uint32_t
builtins_array_list_len (JsValue *slot)
{
  return object_elem_len (js_get_object (*slot));
}

static inline JsValue
builtins_array_list_get (JsValue *slot, uint32_t i)
{
  return object_elements (js_get_object (*slot))[i];
}

/* A comparison for the merge sort: *out < 0, 0 or > 0; returns -1 with
 * an exception pending, else 0. */
typedef int (*JsSortCompare) (JsContext *ctx, JsValue a, JsValue b,
                              void *data, int *out);
/* The sort of Array.prototype and %TypedArray%.prototype: a new list in
 * *out (a rooted slot) holding the values of the list *values in the
 * stable order cmp gives to the list *keys (the same slot when the
 * values are their own keys; otherwise as long, key i for value i). */
bool builtins_array_sort_list (JsContext *ctx, JsValue *values,
                               JsValue *keys, JsSortCompare cmp, void *data,
                               JsValue *out);
/* SortCompare with a comparefn (data: the slot holding it). */
int builtins_array_compare_fn (JsContext *ctx, JsValue a, JsValue b,
                               void *data, int *out);
/* A relative position argument (start, end, target) clamped into
 * [0, len] as the spec does; dflt when the argument is undefined. */
bool builtins_array_relative_index (JsContext *ctx, JsValue v, double len,
                                    double dflt, double *out);
/* A callback argument must be callable: false with a TypeError naming
 * the method otherwise. */
bool builtins_array_check_callable (JsContext *ctx, JsValue fn,
                                    const char *method);

/* The callback methods Array.prototype and %TypedArray%.prototype share.
 * The loop is one algorithm; the receivers differ only in how element k
 * is read and in how map and filter keep what they make. */
typedef enum
{
  JS_EACH_EVERY,
  JS_EACH_SOME,
  JS_EACH_FOR_EACH,
  JS_EACH_MAP,
  JS_EACH_FILTER,
  JS_EACH_FIND,
  JS_EACH_FIND_INDEX,
  JS_EACH_FIND_LAST,
  JS_EACH_FIND_LAST_INDEX,
} JsEachKind;

typedef struct
{
  /* Reads element k of o into *out (a rooted slot): 1, 0 for a hole the
     loop skips (only asked when skip_holes), -1 with an exception. */
  int (*get) (JsContext *ctx, JsValue o, double k, bool skip_holes,
              JsValue *out);
  /* Keeps map's result v for index k, or filter's kept element v as the
     k-th kept, in the rooted slot *pa: false with an exception. */
  bool (*keep) (JsContext *ctx, JsEachKind kind, JsValue *pa, double k,
                JsValue v);
} JsEachOps;

/* Calls fn (value, index, *po) with this_arg on each element of *po
 * below len (from the end for findLast*; holes skipped except by
 * find*), and answers as kind says; map and filter answer *pa. */
JsValue builtins_array_each (JsContext *ctx, JsEachKind kind, JsValue *po,
                             double len, JsValue fn, JsValue this_arg,
                             JsValue *pa, const JsEachOps *ops);
/* reduce and reduceRight over *po below len; initial is NULL when none
 * was given; holes are skipped. */
JsValue builtins_array_reduce (JsContext *ctx, JsValue *po, double len,
                               JsValue fn, const JsValue *initial,
                               bool right, const JsEachOps *ops);

/* Defines an accessor with a getter only ("@@species" names a symbol),
 * configurable and not enumerable, as the spec's get accessors are. */
bool builtins_array_define_getter (JsContext *ctx, JsObject *o,
                                   const char *name, JsNativeFn fn);

/* builtins-arraybuffer.c: DetachArrayBuffer for the host ($262); false
 * (with a TypeError) if buffer is not an ArrayBuffer. */
bool builtins_detach_array_buffer (JsContext *ctx, JsValue buffer);

/* builtins-typedarray.c: typed arrays are integer-indexed exotic objects;
 * realm.c's exotic hooks call these for them.  Each returns 2 when the
 * key is not a numeric string (the ordinary method applies), else the
 * result as the hook it serves does (set: 3 = a writable own data
 * property: the ordinary receiver step applies). */
bool builtins_is_typed_array (JsValue v);
/* A typed array's length in elements, or -1 when it is out of bounds
 * (its buffer was detached). */
int64_t builtins_typed_array_length (JsObject *ta);
int builtins_typed_array_get_own (JsContext *ctx, JsObject *o, JsKey key,
                                  JsValue *value, uint8_t *attrs);
int builtins_typed_array_get (JsContext *ctx, JsObject *o, JsKey key,
                              JsValue *out);
int builtins_typed_array_has (JsContext *ctx, JsObject *o, JsKey key);
int builtins_typed_array_set (JsContext *ctx, JsObject *o, JsKey key,
                              JsValue v, JsValue receiver);
int builtins_typed_array_delete (JsContext *ctx, JsObject *o, JsKey key);
int builtins_typed_array_define (JsContext *ctx, JsObject *o, JsKey key,
                                 const JsPropertyDescriptor *d);
/* The index keys 0 .. length-1 (none once detached), g_malloc'd. */
JsKey *builtins_typed_array_keys (JsObject *o, uint32_t *n);

/* builtins-object.c: IsCompatiblePropertyDescriptor (found false: there
 * is no current property), and FromPropertyDescriptor of a descriptor
 * with only some fields. */
bool builtins_is_compatible_descriptor (JsRuntime *rt, bool extensible,
                                        const JsPropertyDescriptor *d,
                                        bool found, JsValue cur,
                                        uint8_t attrs);
JsValue builtins_descriptor_object (JsContext *ctx,
                                    const JsPropertyDescriptor *d);

/* builtins-proxy.c: proxy exotic objects.  Each internal method answers
 * as the spec's (1 true, 0 false, -1 exception, values or
 * JS_EXCEPTION); own_keys returns NULL with *n = UINT32_MAX on an
 * exception, as realm_own_keys does. */
extern const JsCellClass js_proxy_class;
bool builtins_is_proxy (JsValue v);
/* A proxy's [[ProxyTarget]]: null once it is revoked. */
JsValue builtins_proxy_target (JsValue proxy);
bool builtins_proxy_is_callable (JsValue v);
bool builtins_proxy_is_constructor (JsValue v);
JsValue builtins_proxy_get_prototype_of (JsContext *ctx, JsObject *p);
int builtins_proxy_set_prototype_of (JsContext *ctx, JsObject *p,
                                     JsValue proto);
int builtins_proxy_is_extensible (JsContext *ctx, JsObject *p);
int builtins_proxy_prevent_extensions (JsContext *ctx, JsObject *p);
int builtins_proxy_get_own (JsContext *ctx, JsObject *p, JsKey key,
                            JsValue *value, uint8_t *attrs);
int builtins_proxy_define (JsContext *ctx, JsObject *p, JsKey key,
                           const JsPropertyDescriptor *d);
int builtins_proxy_has (JsContext *ctx, JsObject *p, JsKey key);
int builtins_proxy_get (JsContext *ctx, JsObject *p, JsKey key,
                        JsValue receiver, JsValue *out);
int builtins_proxy_set (JsContext *ctx, JsObject *p, JsKey key, JsValue v,
                        JsValue receiver);
int builtins_proxy_delete (JsContext *ctx, JsObject *p, JsKey key);
JsKey *builtins_proxy_own_keys (JsContext *ctx, JsObject *p, uint32_t flags,
                                uint32_t *n);
JsValue builtins_proxy_call (JsContext *ctx, JsValue *base, uint32_t argc,
                             JsValue new_target);
int builtins_proxy_is_array (JsContext *ctx, JsObject *p);

/* Host functions of the command-line runner. */
bool builtins_init_host (JsContext *ctx);

/* builtins-eval.c: a direct eval from frame with this. */
JsValue builtins_direct_eval (JsContext *ctx, JsFrame *frame,
                              JsValue this_value, JsValue new_target,
                              JsValue x);
/* EvalDeclarationInstantiation for sloppy eval code running in env:
 * checks and declares the var and function names (DeclareGlobals'
 * list) in the variable environment; the second binds a function there.
 * 1 done, -1 exception. */
int builtins_eval_declare (JsContext *ctx, JsEnv *env, JsValue names);
int builtins_eval_init_function (JsContext *ctx, JsEnv *env, JsKey key,
                                 JsValue fn);
/* BindVarObject: makes each var or function name of names (DeclareGlobals'
 * list) an accessor property of object reading and writing the slot of
 * env that binds it; let and const names get a copy of their slot's
 * value.  The first call also makes object a dictionary guarded as the
 * global object's and prototypes' are.  1 done, -1 exception. */
int builtins_eval_bind_var_object (JsContext *ctx, JsEnv *env,
                                   JsValue object, JsValue names);
/* Function, GeneratorFunction, AsyncFunction and AsyncGeneratorFunction
 * (CreateDynamicFunction; the magic is the kind, 0 to 3). */
JsValue builtins_function_ctor (const JsCallInfo *info);

/* builtins-async-generator.c: an async-from-sync iterator, the
 * [[SyncIteratorRecord]] of CreateAsyncFromSyncIterator. */
typedef struct
{
  JsShape *shape;     /* header: the realm's async-from-sync shape */
  JsStorage *storage; /* properties, or NULL */
  JsValue iterator;   /* the sync iterator */
  JsValue next;       /* its next method */
} JsAsyncFromSyncIterator;

/* builtins-async-generator.c: the async generator's side of
 * js_async_generator_resume.  finish: the body completed (threw or
 * returned value): settle the requests.  yield: the body yielded *value
 * (a rooted slot): settle the first request; true if another waits, its
 * completion then in *value and *kind. */
void builtins_async_generator_finish (JsContext *ctx, JsValue gen,
                                      bool threw, JsValue value);
bool builtins_async_generator_yield (JsContext *ctx, JsValue gen,
                                     JsValue *value, JsResumeKind *kind);
/* GetIterator (v, async) into regs[0] (iterator) and regs[1] (next):
 * 1, or -1 with an exception. */
int builtins_get_async_iterator (JsContext *ctx, JsValue v, JsValue *regs);
/* IteratorComplete and IteratorValue of an iterator result (a TypeError
 * if it is not an object): the value, or undefined with *done. */
JsValue builtins_iterator_complete (JsContext *ctx, JsValue result,
                                    bool *done);
/* The call of (Async)IteratorClose: iterator.return () as it returned
 * it, or a hole when there is no return method.  quiet (a throw
 * completion closes): errors give a hole too. */
JsValue builtins_iterator_close_call (JsContext *ctx, JsValue iterator,
                                      bool quiet);

/* Families. */
bool builtins_init_eval (JsContext *ctx);
bool builtins_init_generator (JsContext *ctx);
bool builtins_init_async_generator (JsContext *ctx);
bool builtins_init_error (JsContext *ctx);
bool builtins_init_object (JsContext *ctx);
bool builtins_init_function (JsContext *ctx);
bool builtins_init_array (JsContext *ctx);
bool builtins_init_iterator (JsContext *ctx);
bool builtins_init_reflect (JsContext *ctx);
bool builtins_init_bound (JsContext *ctx);
bool builtins_init_symbol (JsContext *ctx);
bool builtins_init_boolean (JsContext *ctx);
bool builtins_init_number (JsContext *ctx);
bool builtins_init_math (JsContext *ctx);
bool builtins_init_json (JsContext *ctx);
bool builtins_init_proxy (JsContext *ctx);
bool builtins_init_string (JsContext *ctx);
bool builtins_init_uri (JsContext *ctx);
bool builtins_init_array_buffer (JsContext *ctx);
bool builtins_init_typed_array (JsContext *ctx);
bool builtins_init_data_view (JsContext *ctx);
/* The collections: builtins-map.c (Map, Set), builtins-weak.c (WeakMap,
 * WeakSet, WeakRef, FinalizationRegistry), and BigInt (bigint.h) and
 * Promise (promise.h) declare theirs in their headers. */
bool builtins_init_map (JsContext *ctx);
bool builtins_init_weak (JsContext *ctx);
bool builtins_init_date (JsContext *ctx);
/* builtins-regexp.c: RegExp; it calls builtins-string-regexp.c for the
 * String.prototype methods that delegate to RegExp (match, matchAll,
 * replace, replaceAll, search, split). */
bool builtins_init_regexp (JsContext *ctx);
bool builtins_init_string_regexp (JsContext *ctx);
