/* realm.h — a context's intrinsics and the operations the interpreter
 * needs from them: globals, iteration, for-in, arguments objects,
 * spreading, private names and primitive wrappers.
 *
 * Results of the int functions: 1 done, 0 rejected, -1 exception.
 */
#pragma once

#include "function.h"
#include "ops.h"

extern const JsCellClass js_wrapper_class;
extern const JsCellClass js_string_wrapper_class;
extern const JsCellClass js_arguments_class;
extern const JsCellClass js_error_class;

/* The trampoline of the engine's own built-ins (JsNativeFn). */
JsValue realm_builtin_trampoline (const JsCallInfo *info, void *fn);

/* Builds the intrinsics and the global object of a new context. */
bool realm_init (JsContext *ctx);
/* GetFunctionRealm: the realm a function object belongs to, through
 * bound functions and proxies; NULL with a TypeError pending for a
 * revoked proxy. */
JsContext *realm_of (JsContext *ctx, JsValue fn);

/* Globals. */
int realm_store_global (JsContext *ctx, JsKey key, JsValue v, bool strict);
int realm_declare_globals (JsContext *ctx, JsValue names);
int realm_init_global_lexical (JsContext *ctx, JsKey key, JsValue v);
/* Defines a global property (non-enumerable, like the built-ins). */
bool realm_define_global (JsContext *ctx, const char *name, JsValue v);
/* Defines a built-in method on an object. */
bool realm_define_method (JsContext *ctx, JsObject *o, const char *name,
                          JsNativeFn fn, uint32_t length, int magic);

/* Objects. */
bool realm_is_exotic (JsObject *o);
/* The [[PrimitiveValue]] of a wrapper object, or JS_EMPTY. */
JsValue realm_wrapper_value (JsObject *o);
/* The builtinTag of Object.prototype.toString for o's class. */
const char *realm_builtin_tag (JsObject *o);
/* [[OwnPropertyKeys]] including exotic keys; g_malloc'd. */
JsKey *realm_own_keys (JsContext *ctx, JsObject *o, uint32_t flags,
                       uint32_t *n);
/* Exotic internal methods: 2 means "not exotic for this key". */
int realm_exotic_get_own (JsContext *ctx, JsObject *o, JsKey key,
                          JsValue *value, uint8_t *attrs);
int realm_exotic_delete (JsContext *ctx, JsObject *o, JsKey key);
int realm_exotic_define (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                         uint8_t attrs);
/* [[Get]] and [[HasProperty]] of exotic objects whose answer for a key
 * does not come from their own property and then the prototype's (typed
 * arrays' numeric keys): 2 means "ordinary for this key". */
int realm_exotic_get (JsContext *ctx, JsObject *o, JsKey key,
                      JsValue receiver, JsValue *out);
int realm_exotic_has (JsContext *ctx, JsObject *o, JsKey key);
/* [[Set]] likewise: 1 done, 0 rejected, -1 exception, 2 ordinary, 3 the
 * key is a writable own data property of o (the ordinary receiver step
 * applies). */
int realm_exotic_set (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                      JsValue receiver);
/* A new error object of the realm's error class with proto. */
JsObject *realm_new_error_object (JsContext *ctx, JsCell *proto);
/* Turns o into a guarded prototype (dictionary mode, changes bump the
 * epoch); false if it cannot be. */
bool realm_make_prototype (JsRuntime *rt, JsObject *o);
JsValue realm_wrap_primitive (JsContext *ctx, JsValue v);
JsValue realm_string_char (JsContext *ctx, JsString *s, uint32_t i);
int realm_define_member (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                         int op);
int realm_copy_data_properties (JsContext *ctx, JsObject *target, JsValue src,
                                const JsValue *excluded, uint32_t n);
JsValue realm_private_op (JsContext *ctx, int op, JsValue obj, JsValue key,
                          JsValue value);
int realm_name_private_method (JsContext *ctx, JsValue key, JsValue fn,
                               int kind);
int realm_define_private_method (JsContext *ctx, JsValue obj, JsValue key,
                                 JsValue fn, int kind);
/* Classes: the constructor and prototype (ClassDefinitionEvaluation's
 * first steps); the instance fields of a constructor run on this. */
bool realm_create_class (JsContext *ctx, JsValue heritage, JsCode *code,
                         JsEnv *env, JsValue *ctor_out, JsValue *proto_out);
int realm_init_fields (JsContext *ctx, JsValue ctor, JsValue this_value);
bool realm_blocked_by_unscopables (JsContext *ctx, JsObject *o, JsKey key,
                                   int *err);

/* Arrays and iteration. */
int realm_array_spread (JsContext *ctx, JsObject *arr, JsValue iterable);
/* regs[0] = iterator, regs[1] = its next method. */
int realm_get_iterator (JsContext *ctx, JsValue v, JsValue *regs);
JsValue realm_iterator_step (JsContext *ctx, JsValue *regs, bool *done);
int realm_iterator_close (JsContext *ctx, JsValue iterator);
int realm_for_in_prepare (JsContext *ctx, JsValue v, JsValue *regs);
JsValue realm_for_in_next (JsContext *ctx, JsValue *regs, bool *done);

/* Frames. */

/* arguments.c: arguments objects.  An unmapped one copies the frame's
 * arguments; a mapped one aliases the parameters, which live in the
 * frame's environment at the slots slots (an internal array) names. */
extern const JsCellClass js_mapped_arguments_class;
JsValue realm_create_arguments (JsContext *ctx, JsFrame *frame);
JsValue arguments_create_mapped (JsContext *ctx, JsFrame *frame,
                                 JsValue slots);
bool arguments_is_arguments (JsObject *o);
/* Its exotic internal methods, as realm_exotic_*'s (2: ordinary). */
int arguments_get_own (JsContext *ctx, JsObject *o, JsKey key,
                       JsValue *value, uint8_t *attrs);
int arguments_get (JsContext *ctx, JsObject *o, JsKey key, JsValue *out);
int arguments_set (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                   JsValue receiver);
int arguments_delete (JsContext *ctx, JsObject *o, JsKey key);
int arguments_define (JsContext *ctx, JsObject *o, JsKey key, JsValue v,
                      uint8_t attrs);

JsValue realm_create_rest (JsContext *ctx, JsFrame *frame, uint32_t from);

/* Exotic callables (bound functions, proxies). */
bool realm_is_callable_exotic (JsValue v);
bool realm_is_constructor_exotic (JsValue v);
bool realm_is_bound_function (JsValue v);
JsValue realm_bound_target (JsValue v);
JsValue realm_call_exotic (JsContext *ctx, JsValue *base, uint32_t argc,
                           JsValue new_target);

/* Diagnostics and interrupts. */
const char *realm_describe (JsContext *ctx, JsValue v);
int realm_check_interrupt (JsContext *ctx);
