/* gs-native.h — what a binding needs: native classes, lazy properties,
 * constructors, accessors, errors, arrays and the module hook. */
#pragma once

#if !defined(__GSCRIPT_H_INSIDE__) && !defined(GSCRIPT_COMPILATION)
#error "Only <gscript/gscript.h> can be included directly."
#endif

#include <gscript/gs-value.h>

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Modules                                                             */
/* ------------------------------------------------------------------ */

/**
 * GsModuleResolveFunc:
 * @ctx: the context loading the module
 * @specifier: the specifier as the import wrote it, such as
 *   `gi://Gtk?version=4.0`
 * @referrer: (nullable): the path of the importing module, if known
 * @user_data: the data given to gs_runtime_set_module_resolver()
 *
 * Serves a module that is not a file.  The module is synthetic: its
 * export `default` is the value the function returns; if that is an
 * ordinary object (not one of a #GsClass), each of its own enumerable
 * string-keyed properties is a named export too, with its value at that
 * moment.  The loader caches the module under @specifier, so the
 * function runs once per distinct specifier.
 *
 * Returns: (transfer none) (nullable): the default export; or %NULL
 *   with an exception pending (see gs_context_throw()) when loading
 *   failed; or %NULL with none pending when the function does not serve
 *   @specifier
 */
typedef GsValue *(*GsModuleResolveFunc) (GsContext *ctx,
                                         const char *specifier,
                                         const char *referrer,
                                         gpointer user_data);

/**
 * gs_runtime_set_module_resolver:
 * @rt: a runtime
 * @func: (nullable) (scope notified): the resolver, or %NULL to remove it
 * @user_data: (closure func): its data
 * @destroy: (nullable): frees @user_data when the resolver is replaced or
 *   the runtime is freed
 *
 * Lets the embedder serve import specifiers that are not file paths: a
 * URL whose scheme is not `file:` (`gi://Gtk?version=4.0`) or a bare
 * name (`system`), in static imports and in import().  Specifiers it
 * does not serve behave as without a resolver: an unknown URL scheme is
 * an error, a bare name is a path relative to the importing file.
 */
GS_API void gs_runtime_set_module_resolver (GsRuntime *rt,
                                            GsModuleResolveFunc func,
                                            gpointer user_data,
                                            GDestroyNotify destroy);

/* ------------------------------------------------------------------ */
/* Native classes                                                      */
/* ------------------------------------------------------------------ */

/**
 * GsClass:
 *
 * A kind of object that carries a native pointer: the embedder says how
 * to trace what the pointer keeps alive, how to release it, and how to
 * make properties on first use.  A class belongs to its runtime and is
 * freed with it.
 */
typedef struct _GsClass GsClass;

/**
 * GsTracer:
 *
 * What a #GsTraceFunc is given: the collector's marking state.
 */
typedef struct _GsTracer GsTracer;

/**
 * GsTraceFunc:
 * @tracer: the collector
 * @native: the object's native pointer
 *
 * Marks the values @native keeps alive, with gs_tracer_mark_persistent().
 * Runs during a collection: it must not allocate, call into the engine
 * otherwise, or run script.  It may read native data (a GObject's
 * children, say) as long as that reads no engine value.
 */
typedef void (*GsTraceFunc) (GsTracer *tracer, gpointer native);

/**
 * GsFinalizeFunc:
 * @native: the native pointer of an object that died
 *
 * Releases what a dead object owned.  It runs after the collection that
 * found the object dead, at a safe point (never inside the collection),
 * so it may call into the engine and run script; or when the runtime is
 * freed, when it must not.
 */
typedef void (*GsFinalizeFunc) (gpointer native);

/**
 * GsResolveFunc:
 * @ctx: a context
 * @object: the object being read
 * @name: the property name, UTF-8
 * @native: the object's native pointer
 *
 * Makes a property on first use: called when a string-keyed property is
 * looked up on @object and it has no own property of that name.  It may
 * define the property with gs_object_define_property() or
 * gs_object_define_accessor(), and the lookup then finds it; it must give
 * the same answer every time for a name (inline caches rely on that).
 *
 * Returns: %FALSE with an exception pending if resolving failed, else
 *   %TRUE (whether or not it defined the property)
 */
typedef gboolean (*GsResolveFunc) (GsContext *ctx, GsValue *object,
                                   const char *name, gpointer native);

/**
 * GsClassInfo:
 * @name: the class name, for logs and heap statistics
 * @trace: (nullable): marks the values the native pointer keeps alive
 * @finalize: (nullable): releases the native pointer of a dead object
 * @resolve: (nullable): makes properties on first use
 *
 * The hooks of a #GsClass.  The structure is copied.
 */
typedef struct
{
  const char *name;
  GsTraceFunc trace;
  GsFinalizeFunc finalize;
  GsResolveFunc resolve;
  /*< private >*/
  gpointer padding[4];
} GsClassInfo;

/**
 * gs_class_new:
 * @rt: a runtime
 * @info: the class's name and hooks
 *
 * Returns: (transfer none): the new class, owned by @rt
 */
GS_API GsClass *gs_class_new (GsRuntime *rt, const GsClassInfo *info);

/**
 * gs_object_new_native:
 * @ctx: a context
 * @klass: the object's class
 * @prototype: (nullable): its prototype; %NULL for Object.prototype
 * @native: (nullable): the native pointer
 *
 * Makes an object of @klass.  Such objects are ordinary in every other
 * respect: they take properties, and scripts see them as objects.
 *
 * Returns: (transfer none) (nullable): the object, or %NULL with a
 *   pending exception when out of memory
 */
GS_API GsValue *gs_object_new_native (GsContext *ctx, GsClass *klass,
                                      GsValue *prototype, gpointer native);

/**
 * gs_object_get_native:
 * @object: a handle
 * @klass: a class
 *
 * Returns: (nullable): the native pointer of @object if it is an object
 *   of @klass, else %NULL
 */
GS_API gpointer gs_object_get_native (GsValue *object, GsClass *klass);

/**
 * gs_object_get_class:
 * @object: a handle
 *
 * Returns: (transfer none) (nullable): the class of a native object, or
 *   %NULL for anything else
 */
GS_API GsClass *gs_object_get_class (GsValue *object);

/**
 * gs_object_set_native:
 * @object: an object of @klass
 * @klass: its class
 * @native: (nullable): the new native pointer
 *
 * Replaces the native pointer.  The finalizer runs only for a pointer
 * that is not %NULL, so setting %NULL detaches the object from its
 * native side.
 */
GS_API void gs_object_set_native (GsValue *object, GsClass *klass,
                                  gpointer native);

/**
 * gs_object_set_external_size:
 * @object: an object of @klass
 * @klass: its class
 * @bytes: what its native side costs outside the heap
 *
 * Tells the collector what the object keeps alive outside the heap (a
 * GObject and what it owns), as gs_runtime_adjust_external_memory()
 * does, but tied to the object: the collection that finds it dead counts
 * the memory as released at once, before its finalizer runs, so that
 * deferred finalizers do not make the collector think memory is still
 * in use.  Setting 0 says the native side is gone.  May run a
 * collection.
 */
GS_API void gs_object_set_external_size (GsValue *object, GsClass *klass,
                                         gsize bytes);

/**
 * gs_tracer_mark_persistent:
 * @tracer: the collector, as given to a #GsTraceFunc
 * @p: a persistent handle (strong or weak)
 *
 * Keeps the referent of @p alive in this collection: a weak persistent
 * marked from the trace hook of a live object stays filled.
 */
GS_API void gs_tracer_mark_persistent (GsTracer *tracer, GsPersistent *p);

/**
 * gs_runtime_add_root_tracer:
 * @rt: a runtime
 * @trace: (scope notified): marks the embedder's roots of the moment
 * @data: passed to @trace as its native pointer
 *
 * Adds roots that change between collections: at each collection,
 * @trace marks (with gs_tracer_mark_persistent()) the weak persistents
 * that must stay alive this time, such as wrappers of objects that other
 * native code holds.  The rules of #GsTraceFunc apply.
 */
GS_API void gs_runtime_add_root_tracer (GsRuntime *rt, GsTraceFunc trace,
                                        gpointer data);

/**
 * gs_runtime_remove_root_tracer:
 * @rt: a runtime
 * @trace: a function given to gs_runtime_add_root_tracer()
 * @data: its data
 *
 * Removes a root tracer.
 */
GS_API void gs_runtime_remove_root_tracer (GsRuntime *rt, GsTraceFunc trace,
                                           gpointer data);

/**
 * gs_runtime_run_finalizers:
 * @rt: a runtime
 *
 * Runs the #GsFinalizeFunc calls queued by past collections now.  They
 * run by themselves at the next safe point; a native function that knows
 * it may run script (one called from script, say) can call this to
 * release native memory sooner during a long-running script.
 */
GS_API void gs_runtime_run_finalizers (GsRuntime *rt);

/* ------------------------------------------------------------------ */
/* Properties, prototypes and constructors                             */
/* ------------------------------------------------------------------ */

/**
 * GsPropertyFlags:
 * @GS_PROPERTY_DEFAULT: writable, enumerable and configurable, as an
 *   assignment makes it
 * @GS_PROPERTY_READONLY: not writable (data properties)
 * @GS_PROPERTY_DONTENUM: not enumerable
 * @GS_PROPERTY_DONTDELETE: not configurable
 *
 * Attributes for gs_object_define_property() and
 * gs_object_define_accessor().
 */
typedef enum
{
  GS_PROPERTY_DEFAULT = 0,
  GS_PROPERTY_READONLY = 1 << 0,
  GS_PROPERTY_DONTENUM = 1 << 1,
  GS_PROPERTY_DONTDELETE = 1 << 2,
} GsPropertyFlags;

/**
 * gs_object_define_property:
 * @ctx: a context
 * @object: an object handle
 * @name: the property name, UTF-8
 * @value: its value
 * @flags: its attributes
 *
 * Defines (or redefines) an own data property, as
 * Object.defineProperty() does.
 *
 * Returns: %FALSE with a pending exception if it was refused
 */
GS_API gboolean gs_object_define_property (GsContext *ctx, GsValue *object,
                                           const char *name, GsValue *value,
                                           GsPropertyFlags flags);

/**
 * gs_object_define_accessor:
 * @ctx: a context
 * @object: an object handle
 * @name: the property name, UTF-8
 * @getter: (nullable): a function, called with the object read as this
 * @setter: (nullable): a function, called with the value assigned
 * @flags: its attributes (%GS_PROPERTY_READONLY is ignored)
 *
 * Returns: %FALSE with a pending exception if it was refused
 */
GS_API gboolean gs_object_define_accessor (GsContext *ctx, GsValue *object,
                                           const char *name,
                                           GsValue *getter, GsValue *setter,
                                           GsPropertyFlags flags);

/**
 * gs_object_has_own_property:
 * @ctx: a context
 * @object: an object handle
 * @name: the property name, UTF-8
 *
 * Returns: whether @object has the own property (resolving it first, if
 *   its class makes properties on first use)
 */
GS_API gboolean gs_object_has_own_property (GsContext *ctx, GsValue *object,
                                            const char *name);

/**
 * gs_object_dup_keys:
 * @ctx: a context
 * @object: an object handle
 *
 * The names Object.keys() gives: own enumerable string keys, in order.
 *
 * Returns: (transfer full) (array zero-terminated=1) (nullable): the
 *   names, or %NULL with a pending exception
 */
GS_API char **gs_object_dup_keys (GsContext *ctx, GsValue *object);

/**
 * gs_value_new_object_with_prototype:
 * @ctx: a context
 * @prototype: (nullable): an object, or %NULL for none
 *
 * Returns: (transfer none) (nullable): a new ordinary object
 */
GS_API GsValue *gs_value_new_object_with_prototype (GsContext *ctx,
                                                    GsValue *prototype);

/**
 * gs_object_get_prototype:
 * @ctx: a context
 * @object: an object handle
 *
 * Returns: (transfer none): the prototype, or null
 */
GS_API GsValue *gs_object_get_prototype (GsContext *ctx, GsValue *object);

/**
 * gs_object_set_prototype:
 * @ctx: a context
 * @object: an object handle
 * @prototype: (nullable): an object, or %NULL for null
 *
 * Returns: %FALSE with a pending TypeError if it was refused (a cycle,
 *   or a non-extensible object)
 */
GS_API gboolean gs_object_set_prototype (GsContext *ctx, GsValue *object,
                                         GsValue *prototype);

/**
 * gs_constructor_new:
 * @ctx: a context
 * @name: the function's name
 * @length: its `length`
 * @func: (scope forever): the native code
 * @data: (nullable): passed to every call
 * @prototype: (nullable): the object its `prototype` property holds;
 *   it gets a `constructor` property naming the function
 *
 * Makes a native function that `new` may call: during such a call
 * gs_callback_info_get_new_target() is the constructor new was applied
 * to (a subclass's, under `super()`), and the function makes and returns
 * the new object itself.
 *
 * Returns: (transfer none) (nullable): the constructor
 */
GS_API GsValue *gs_constructor_new (GsContext *ctx, const char *name,
                                    guint length, GsNativeFunc func,
                                    GsValue *data, GsValue *prototype);

/**
 * gs_callback_info_get_new_target:
 * @info: a callback info
 *
 * Returns: (transfer none): new.target: undefined unless the function was
 *   called with new
 */
GS_API GsValue *gs_callback_info_get_new_target (const GsCallbackInfo *info);

/**
 * gs_function_construct:
 * @ctx: a context
 * @function: a constructor
 * @n_args: number of arguments
 * @args: (array length=n_args): argument handles
 *
 * Returns: (transfer none) (nullable): `new function (...args)`, or %NULL
 *   with a pending exception
 */
GS_API GsValue *gs_function_construct (GsContext *ctx, GsValue *function,
                                       guint n_args, GsValue **args);

/**
 * gs_value_instance_of:
 * @ctx: a context
 * @value: a handle
 * @constructor: a handle
 * @result: (out): whether `value instanceof constructor`
 *
 * Returns: %FALSE with a pending exception if instanceof threw
 */
GS_API gboolean gs_value_instance_of (GsContext *ctx, GsValue *value,
                                      GsValue *constructor,
                                      gboolean *result);

/* ------------------------------------------------------------------ */
/* Conversions, arrays and errors                                      */
/* ------------------------------------------------------------------ */

/**
 * gs_value_to_boolean:
 * @v: a handle
 *
 * Returns: ToBoolean (@v): whether @v is truthy
 */
GS_API gboolean gs_value_to_boolean (GsValue *v);

/**
 * gs_value_to_number:
 * @ctx: a context
 * @v: a handle
 * @out: (out): ToNumber (@v)
 *
 * Returns: %FALSE with a pending exception if the conversion threw
 */
GS_API gboolean gs_value_to_number (GsContext *ctx, GsValue *v, double *out);

/**
 * gs_value_to_string:
 * @ctx: a context
 * @v: a handle
 *
 * Returns: (transfer full) (nullable): ToString (@v) as UTF-8, or %NULL
 *   with a pending exception
 */
GS_API char *gs_value_to_string (GsContext *ctx, GsValue *v);

/**
 * gs_value_is_array:
 * @v: a handle
 *
 * Returns: whether @v is an Array
 */
GS_API gboolean gs_value_is_array (GsValue *v);

/**
 * gs_value_new_array:
 * @ctx: a context
 * @length: its length
 *
 * Returns: (transfer none) (nullable): a new array of @length holes
 */
GS_API GsValue *gs_value_new_array (GsContext *ctx, guint length);

/**
 * gs_object_get_index:
 * @ctx: a context
 * @object: an object handle
 * @index: an array index
 *
 * Returns: (transfer none) (nullable): object[index], or %NULL with a
 *   pending exception
 */
GS_API GsValue *gs_object_get_index (GsContext *ctx, GsValue *object,
                                     guint32 index);

/**
 * gs_object_set_index:
 * @ctx: a context
 * @object: an object handle
 * @index: an array index
 * @value: the value to store
 *
 * Returns: %FALSE with a pending exception if the assignment threw
 */
GS_API gboolean gs_object_set_index (GsContext *ctx, GsValue *object,
                                     guint32 index, GsValue *value);

/**
 * gs_value_new_uint8_array:
 * @ctx: a context
 * @data: (array length=length) (nullable): bytes to copy
 * @length: how many
 *
 * Returns: (transfer none) (nullable): a new Uint8Array holding a copy
 *   of @data, or %NULL with a pending RangeError when out of memory
 */
GS_API GsValue *gs_value_new_uint8_array (GsContext *ctx, const guint8 *data,
                                          gsize length);

/**
 * gs_value_peek_bytes:
 * @v: a handle
 * @length: (out): the number of bytes
 *
 * The bytes of a typed array, a DataView or an ArrayBuffer, in place.
 * The pointer stays valid while the buffer lives and is not detached;
 * copy the bytes before running script.
 *
 * Returns: (nullable) (transfer none): the bytes (%NULL and length 0 for
 *   an empty or detached buffer), or %NULL and length G_MAXSIZE if @v
 *   holds no bytes
 */
GS_API const guint8 *gs_value_peek_bytes (GsValue *v, gsize *length);

/**
 * GsErrorType:
 * @GS_ERROR_ERROR: Error
 * @GS_ERROR_TYPE: TypeError
 * @GS_ERROR_RANGE: RangeError
 * @GS_ERROR_REFERENCE: ReferenceError
 * @GS_ERROR_SYNTAX: SyntaxError
 *
 * The error constructors gs_value_new_error() can use.
 */
typedef enum
{
  GS_ERROR_ERROR,
  GS_ERROR_TYPE,
  GS_ERROR_RANGE,
  GS_ERROR_REFERENCE,
  GS_ERROR_SYNTAX,
} GsErrorType;

/**
 * gs_value_new_error:
 * @ctx: a context
 * @type: which error constructor
 * @message: the message, UTF-8
 *
 * Returns: (transfer none) (nullable): a new error object with the stack
 *   of the script running now
 */
GS_API GsValue *gs_value_new_error (GsContext *ctx, GsErrorType type,
                                    const char *message);

/**
 * gs_context_throw_error:
 * @ctx: a context
 * @type: which error constructor
 * @format: printf-style format of the message
 * @...: its arguments
 *
 * Makes an error and leaves it pending, for a native function to
 * `return gs_context_throw_error (...)`.
 *
 * Returns: (nullable): %NULL, always
 */
GS_API GsValue *gs_context_throw_error (GsContext *ctx, GsErrorType type,
                                        const char *format, ...)
    G_GNUC_PRINTF (3, 4);

G_END_DECLS
