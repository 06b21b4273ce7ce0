/* gs-value.h — handles, scopes, values and native functions. */
#pragma once

#if !defined(__GSCRIPT_H_INSIDE__) && !defined(GSCRIPT_COMPILATION)
#error "Only <gscript/gscript.h> can be included directly."
#endif

#include <gscript/gs-runtime.h>

G_BEGIN_DECLS

/**
 * GsValue:
 *
 * A handle: native code never holds an engine value directly, only a
 * pointer to a slot on the runtime's value stack that the collector
 * scans.  A handle made inside a #GsHandleScope is valid until that scope
 * closes; use a #GsPersistent to keep a value longer.
 */
typedef struct _GsValue GsValue;

/**
 * GsHandleScope:
 *
 * A region of the value stack.  Handles made while it is the innermost
 * open scope are released when it closes.  Allocate it on the C stack;
 * the fields are private.
 */
typedef struct
{
  /*< private >*/
  GsRuntime *rt;
  gpointer saved;
  gpointer reserved[2];
} GsHandleScope;

/**
 * GsEscapableHandleScope:
 *
 * A handle scope that can pass exactly one value to its enclosing scope
 * with gs_escapable_handle_scope_escape().  The fields are private.
 */
typedef struct
{
  /*< private >*/
  GsHandleScope scope;
  gpointer escape_slot;
  gboolean escaped;
} GsEscapableHandleScope;

GS_API void gs_handle_scope_open (GsHandleScope *scope, GsRuntime *rt);
GS_API void gs_handle_scope_close (GsHandleScope *scope);

GS_API void gs_escapable_handle_scope_open (GsEscapableHandleScope *scope,
                                            GsRuntime *rt);
/**
 * gs_escapable_handle_scope_escape:
 * @scope: an open escapable scope
 * @value: a handle of this scope
 *
 * Copies @value into a slot of the enclosing scope.  Only one value may
 * escape a scope.
 *
 * Returns: (transfer none): a handle valid in the enclosing scope
 */
GS_API GsValue *gs_escapable_handle_scope_escape (
    GsEscapableHandleScope *scope, GsValue *value);
GS_API void gs_escapable_handle_scope_close (GsEscapableHandleScope *scope);

/* Making values (each returns a handle of the innermost scope). */
GS_API GsValue *gs_value_new_undefined (GsContext *ctx);
GS_API GsValue *gs_value_new_null (GsContext *ctx);
GS_API GsValue *gs_value_new_boolean (GsContext *ctx, gboolean b);
GS_API GsValue *gs_value_new_number (GsContext *ctx, double d);
/**
 * gs_value_new_string:
 * @ctx: a context
 * @utf8: UTF-8 text
 * @length: bytes of @utf8, or -1 if it is NUL-terminated
 *
 * Returns: (transfer none) (nullable): a string handle, or %NULL with a
 *   pending exception when out of memory
 */
GS_API GsValue *gs_value_new_string (GsContext *ctx, const char *utf8,
                                     gssize length);
/**
 * gs_value_new_object:
 * @ctx: a context
 *
 * Returns: (transfer none) (nullable): a new empty object (its prototype
 *   is the context's Object.prototype), or %NULL when out of memory
 */
GS_API GsValue *gs_value_new_object (GsContext *ctx);

/* Reading values. */
GS_API gboolean gs_value_is_undefined (GsValue *v);
GS_API gboolean gs_value_is_null (GsValue *v);
GS_API gboolean gs_value_is_boolean (GsValue *v);
GS_API gboolean gs_value_is_number (GsValue *v);
GS_API gboolean gs_value_is_string (GsValue *v);
GS_API gboolean gs_value_is_object (GsValue *v);
GS_API gboolean gs_value_is_function (GsValue *v);
GS_API gboolean gs_value_get_boolean (GsValue *v);
GS_API double gs_value_get_number (GsValue *v);
/**
 * gs_value_dup_string:
 * @v: a string handle
 *
 * Returns: (transfer full) (nullable): the string as UTF-8 (lone
 *   surrogates become U+FFFD), or %NULL if @v is not a string
 */
GS_API char *gs_value_dup_string (GsValue *v);
/**
 * gs_value_strict_equals:
 * @a: a handle
 * @b: a handle
 *
 * Returns: whether @a === @b
 */
GS_API gboolean gs_value_strict_equals (GsValue *a, GsValue *b);

/**
 * gs_context_get_global:
 * @ctx: a context
 *
 * Returns: (transfer none): the global object of @ctx
 */
GS_API GsValue *gs_context_get_global (GsContext *ctx);

/* Properties of ordinary objects, by UTF-8 name. */
GS_API gboolean gs_object_set_property (GsContext *ctx, GsValue *object,
                                        const char *name, GsValue *value);
/**
 * gs_object_get_property:
 * @ctx: a context
 * @object: an object handle
 * @name: a property name, UTF-8
 *
 * Returns: (transfer none) (nullable): the property's value (undefined if
 *   absent), or %NULL with a pending exception
 */
GS_API GsValue *gs_object_get_property (GsContext *ctx, GsValue *object,
                                        const char *name);

/* Exceptions: a failing call returns NULL and leaves one pending. */
GS_API void gs_context_throw (GsContext *ctx, GsValue *exception);
GS_API gboolean gs_context_has_exception (GsContext *ctx);
/**
 * gs_context_take_exception:
 * @ctx: a context
 *
 * Returns: (transfer none) (nullable): the pending exception, which is
 *   cleared, or %NULL if none is pending
 */
GS_API GsValue *gs_context_take_exception (GsContext *ctx);
/**
 * gs_context_report_exception:
 * @ctx: a context
 *
 * Takes the pending exception, if any, and prints it to stderr as
 * "Uncaught " followed by its stack (an error's name, message and
 * frames) or, for other values, its string form: what an embedder does
 * with an exception thrown by script that C called and nothing catches
 * (a signal handler, a timer).
 *
 * Returns: whether an exception was pending
 */
GS_API gboolean gs_context_report_exception (GsContext *ctx);

/**
 * GsPersistent:
 *
 * A handle that outlives handle scopes: strong (a root) until made weak.
 */
typedef struct JsPersistent GsPersistent;

/**
 * GsWeakCallback:
 * @user_data: the data given to gs_persistent_set_weak()
 *
 * Runs once, at a safe point after the collection that found the weak
 * persistent's referent dead (never inside the collection).
 */
typedef void (*GsWeakCallback) (gpointer user_data);

/**
 * gs_persistent_new:
 * @rt: a runtime
 * @value: a handle
 *
 * Returns: (transfer full): a strong persistent handle to @value
 */
GS_API GsPersistent *gs_persistent_new (GsRuntime *rt, GsValue *value);
/**
 * gs_persistent_get:
 * @p: a persistent handle
 *
 * Returns: (transfer none): a handle of the innermost scope to the value,
 *   undefined if the value was weak and died
 */
GS_API GsValue *gs_persistent_get (GsPersistent *p);
GS_API gboolean gs_persistent_is_empty (GsPersistent *p);
GS_API void gs_persistent_set_weak (GsPersistent *p, GsWeakCallback callback,
                                    gpointer user_data);
GS_API void gs_persistent_clear_weak (GsPersistent *p);
GS_API void gs_persistent_free (GsPersistent *p);

/**
 * gs_eternal_new:
 * @rt: a runtime
 * @value: a handle
 *
 * Keeps @value for as long as the runtime lives, cheaper than a
 * persistent handle.
 *
 * Returns: an index for gs_eternal_get()
 */
GS_API guint gs_eternal_new (GsRuntime *rt, GsValue *value);
GS_API GsValue *gs_eternal_get (GsRuntime *rt, guint index);

/**
 * GsCallbackInfo:
 *
 * What a native function is called with: this, the arguments and the
 * data given to gs_function_new().  Valid during the call only.
 */
typedef struct _GsCallbackInfo GsCallbackInfo;

/**
 * GsNativeFunc:
 * @ctx: the calling context
 * @info: this, arguments and data
 *
 * Returns: (transfer none) (nullable): the result, a handle of the call's
 *   scope; or %NULL after gs_context_throw() to raise an exception
 */
typedef GsValue *(*GsNativeFunc) (GsContext *ctx, const GsCallbackInfo *info);

GS_API GsValue *gs_callback_info_get_this (const GsCallbackInfo *info);
GS_API guint gs_callback_info_get_n_args (const GsCallbackInfo *info);
/**
 * gs_callback_info_get_arg:
 * @info: a callback info
 * @index: which argument
 *
 * Returns: (transfer none): the argument, or undefined past the end
 */
GS_API GsValue *gs_callback_info_get_arg (const GsCallbackInfo *info,
                                          guint index);
GS_API GsValue *gs_callback_info_get_data (const GsCallbackInfo *info);

/**
 * gs_function_new:
 * @ctx: a context
 * @name: the function's name
 * @length: the function's `length`
 * @func: (scope forever): the native code
 * @data: (nullable): a value passed to every call, kept alive with the
 *   function
 *
 * Returns: (transfer none) (nullable): a function handle
 */
GS_API GsValue *gs_function_new (GsContext *ctx, const char *name,
                                 guint length, GsNativeFunc func,
                                 GsValue *data);

/**
 * gs_function_call:
 * @ctx: a context
 * @function: a function handle
 * @this_value: (nullable): this; %NULL for undefined
 * @n_args: number of arguments
 * @args: (array length=n_args): argument handles
 *
 * Returns: (transfer none) (nullable): the result, or %NULL with a
 *   pending exception
 */
GS_API GsValue *gs_function_call (GsContext *ctx, GsValue *function,
                                  GsValue *this_value, guint n_args,
                                  GsValue **args);

/**
 * GsEvalFlags:
 * @GS_EVAL_DEFAULT: a sloppy-mode script
 * @GS_EVAL_STRICT: a strict-mode script
 * @GS_EVAL_MODULE: a module
 * @GS_EVAL_EXPORT_LEXICALS: for gs_context_eval_in_object() only: the
 *   script's top-level let, const and class declarations become
 *   properties of the object too, once the script has run to its end
 *
 * How gs_context_eval() and gs_context_eval_in_object() read their
 * source.
 */
typedef enum
{
  GS_EVAL_DEFAULT = 0,
  GS_EVAL_STRICT = 1 << 0,
  GS_EVAL_MODULE = 1 << 1,
  GS_EVAL_EXPORT_LEXICALS = 1 << 2,
} GsEvalFlags;

/**
 * gs_context_eval:
 * @ctx: a context
 * @source: UTF-8 source text
 * @length: bytes of @source, or -1 if it is NUL-terminated
 * @filename: (nullable): the name stack traces and errors show
 * @flags: how to read @source
 *
 * Compiles and runs @source as a global script.  A syntax error becomes
 * a pending SyntaxError with fileName, lineNumber and columnNumber.
 *
 * Returns: (transfer none) (nullable): the script's completion value, or
 *   %NULL with a pending exception
 */
GS_API GsValue *gs_context_eval (GsContext *ctx, const char *source,
                                 gssize length, const char *filename,
                                 GsEvalFlags flags);

/**
 * gs_context_eval_in_object:
 * @ctx: a context
 * @source: UTF-8 source text
 * @length: bytes of @source, or -1 if it is NUL-terminated
 * @filename: (nullable): the name stack traces and errors show
 * @object: an object: the script's variable object
 * @flags: %GS_EVAL_DEFAULT, %GS_EVAL_STRICT and
 *   %GS_EVAL_EXPORT_LEXICALS (not %GS_EVAL_MODULE)
 *
 * Compiles and runs @source as a script with its own top-level scope, the
 * way GJS's importer runs a module file: its top-level var and function
 * declarations become properties of @object (strict code's too), a name
 * it does not declare is looked up among @object's own properties and
 * then in the global scope, its top-level let, const and class bindings
 * are its own (shared with no other script), and `this` at its top level
 * is @object.  Code that runs later, functions of the script called
 * after it returned, sees @object as it is then.  A syntax error becomes
 * a pending SyntaxError with fileName, lineNumber and columnNumber, as
 * with gs_context_eval().
 *
 * When @object is an ordinary object (not yet used so), and no direct
 * eval at the script's top level could add names there, the script's
 * top-level var and function names are its own bindings and @object's
 * properties of those names are accessors (enumerable, configurable)
 * reading and writing them, so the script's code runs as fast as a
 * global script's, and writes on either side are seen on the other.
 * Otherwise (an exotic object, a top-level direct eval, a second script
 * in the same object) they are @object's data properties and the
 * script's names are looked up by name at run time, as under a with
 * statement: the same behaviour, slower.
 *
 * Returns: (transfer none) (nullable): the script's completion value, or
 *   %NULL with a pending exception
 */
GS_API GsValue *gs_context_eval_in_object (GsContext *ctx,
                                           const char *source, gssize length,
                                           const char *filename,
                                           GsValue *object,
                                           GsEvalFlags flags);

/**
 * gs_context_dump_bytecode:
 * @ctx: a context
 * @source: UTF-8 source text
 * @length: bytes, or -1
 * @filename: (nullable): a name for errors
 *
 * Returns: (transfer full) (nullable): the bytecode of @source and of
 *   each function in it, as text; %NULL with a pending SyntaxError
 */
GS_API char *gs_context_dump_bytecode (GsContext *ctx, const char *source,
                                       gssize length, const char *filename);

/**
 * gs_context_install_test262_host:
 * @ctx: a context
 *
 * Defines the global `$262` that the ECMAScript conformance suite expects
 * (createRealm, evalScript, gc, global).  For the conformance runner
 * only: it gives scripts powers an application would not.
 */
GS_API void gs_context_install_test262_host (GsContext *ctx);

G_END_DECLS
