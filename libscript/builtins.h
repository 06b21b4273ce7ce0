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
/* A constructor function with its prototype object wired both ways. */
JsObject *builtins_define_class (JsContext *ctx, const char *name,
                                 JsNativeFn ctor, uint32_t length,
                                 JsObject *proto, uint32_t flags);

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

/* builtins-iterator.c */
JsValue builtins_new_array_iterator (JsContext *ctx, JsValue target,
                                     int kind);
JsValue builtins_iter_result (JsContext *ctx, JsValue value, bool done);

/* builtins-bound.c: bound function exotic objects, for realm.c's
 * hooks. */
extern const JsCellClass js_bound_function_class;
bool builtins_is_bound_function (JsValue v);
JsValue builtins_bound_target (JsValue v);
bool builtins_bound_is_constructor (JsValue v);
JsValue builtins_bound_call (JsContext *ctx, JsValue *base, uint32_t argc,
                             JsValue new_target);

/* Host functions of the command-line runner. */
bool builtins_init_host (JsContext *ctx);

/* builtins-eval.c: a direct eval from frame with this. */
JsValue builtins_direct_eval (JsContext *ctx, JsFrame *frame,
                              JsValue this_value, JsValue x);

/* Families. */
bool builtins_init_eval (JsContext *ctx);
bool builtins_init_generator (JsContext *ctx);
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
