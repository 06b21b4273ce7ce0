/* function.h — function cells, environments, and calling natives.
 *
 * Script functions are JsFunction (value.h): [shape | storage | code |
 * env], one slot, with the properties name, length and prototype made
 * only when something asks for them (JS_SHAPE_LAZY).  Native functions
 * are JsNativeFunction: the C function and a trampoline that knows its
 * signature (the engine's JsNativeFn, or the embedding API's GsNativeFunc).
 */
#pragma once

#include "bytecode.h"
#include "object.h"

typedef struct JsNativeFunction JsNativeFunction;
typedef struct JsCallInfo JsCallInfo;
typedef struct JsFrame JsFrame;

/* What a native function receives: a window of the value stack holding
 * the callee, this and the arguments, so every value in it is a root. */
struct JsCallInfo
{
  JsContext *ctx;      /* the calling context */
  JsValue *this_arg;   /* slot holding this */
  JsValue *argv;       /* argc slots of arguments */
  uint32_t argc;       /* arguments passed */
  JsValue *data;       /* slot holding the function's data */
  JsValue *undefined;  /* a slot holding undefined, for missing arguments */
  JsValue new_target;  /* undefined unless called with new */
  JsValue callee;      /* the function called */
  int32_t magic;       /* the function's magic number */
};

/* The C side of a native function.  Returns the result, or JS_EXCEPTION
 * with the context's exception pending. */
typedef JsValue (*JsNativeCall) (const JsCallInfo *info, void *fn);
/* The engine's own built-ins. */
typedef JsValue (*JsNativeFn) (const JsCallInfo *info);

/* Argument i, or undefined. */
static inline JsValue
js_arg (const JsCallInfo *info, uint32_t i)
{
  return i < info->argc ? info->argv[i] : JS_UNDEFINED;
}

/* Native function flags. */
enum
{
  JS_NATIVE_CONSTRUCTOR = 1 << 0, /* may be called with new */
  JS_NATIVE_ENV_SLOT = 1 << 1,    /* a getter returning slot magic of the
                                     environment in data (never empty):
                                     ic_call_getter reads it directly */
};

/* A function implemented in C.  Two slots. */
struct JsNativeFunction
{
  JsShape *shape;     /* header: a function shape of the realm */
  JsStorage *storage; /* properties, or NULL */
  JsNativeCall call;  /* the trampoline that knows fn's signature */
  void *fn;           /* the native function proper */
  JsValue data;       /* passed to every call, traced */
  JsString *name;     /* the name property, made real on first read */
  uint32_t length;    /* the length property, likewise */
  int16_t magic;      /* lets one C function serve several built-ins */
  uint16_t flags;     /* JS_NATIVE_* */
};

extern const JsCellClass js_function_class;
extern const JsCellClass js_native_function_class;
extern const JsCellClass js_env_class;
extern const JsCellClass js_with_env_class;

void function_realm_init (JsContext *ctx);

/* Script functions. */
JsFunction *function_new_closure (JsContext *ctx, JsCode *code, JsEnv *env);
JsEnv *function_new_env (JsRuntime *rt, JsShape *shape, JsEnv *parent);
JsEnv *function_copy_env (JsRuntime *rt, JsEnv *env);
/* A with statement's object environment. */
JsEnv *function_new_with_env (JsContext *ctx, JsObject *o, JsEnv *parent);

/* The hidden key, in the shape of a sloppy function's variable
 * environment (or of the parameter scope of one with parameter
 * expressions), of the slot holding the object of the var and function
 * names direct eval added there (undefined until the first).  The
 * parameter scope's property has the configurable attribute: its own
 * names may not be redeclared by such an eval. */
static inline JsKey
function_eval_vars_key (void)
{
  return js_key_from_index (JS_MAX_INDEX - 64);
}

/* The object of names eval added to env, or NULL (none, or env does not
 * take them). */
JsObject *function_env_eval_vars (JsEnv *env);
void function_set_home (JsRuntime *rt, JsValue fn, JsValue home);
JsValue function_home_object (JsFrame *frame);
/* SetFunctionName: name is a string or symbol key value; prefix "get" or
 * "set" or NULL.  -1 with an exception. */
int function_set_name (JsContext *ctx, JsValue fn, JsValue name,
                       const char *prefix);
/* The most inline slots an object made by new gets for what its
 * constructor adds (past that, a storage cell holds the rest). */
#define JS_CTOR_MAX_INLINE 24u
/* OrdinaryCreateFromConstructor (newTarget, "%Object.prototype%"). */
JsValue function_ordinary_create_this (JsContext *ctx, JsValue new_target,
                                       JsValue *args, uint32_t argc);
/* Makes name, length and prototype real. */
bool function_resolve_lazy (JsContext *ctx, JsObject *fn);

/* Native functions. */
JsNativeFunction *function_new_native (JsContext *ctx, JsNativeCall call,
                                       void *fn, JsString *name,
                                       uint32_t length, JsValue data);
/* A built-in: name in ASCII, magic for shared C functions. */
JsValue function_new_builtin (JsContext *ctx, const char *name,
                              JsNativeFn fn, uint32_t length, int magic,
                              uint32_t flags);
/* Calls the native function in base[0] with this base[1] and argc
 * arguments from base[2]. */
JsValue function_call_native (JsContext *ctx, JsValue *base, uint32_t argc,
                              JsValue new_target);

bool function_is_callable (JsValue v);
bool function_is_constructor (JsValue v);
bool function_is_bound (JsValue v);
JsValue function_bound_target (JsValue v);

/* Calls from C (the embedding API's path): runs queued native cleanup at
 * the outermost return. */
JsValue function_call (JsContext *ctx, JsValue fn, JsValue this_arg,
                       uint32_t argc, const JsValue *argv);
