/* function.h — function cells and calls from C. */
#pragma once

#include "object.h"

typedef struct JsNativeFunction JsNativeFunction;
typedef struct JsCallInfo JsCallInfo;

/* What a native function receives: a window of the value stack holding
 * this and the arguments, so every value in it is a root. */
struct JsCallInfo
{
  JsContext *ctx;    /* the calling context */
  JsValue *this_arg; /* slot holding this */
  JsValue *argv;     /* argc slots of arguments */
  uint32_t argc;     /* arguments passed */
  JsValue *data;     /* slot holding the function's data */
  JsValue *undefined;/* a slot holding undefined, for missing arguments */
};

/* The C side of a native function.  Returns the result, or JS_EXCEPTION
 * with the context's exception pending. */
typedef JsValue (*JsNativeCall) (const JsCallInfo *info, void *fn);

/* A function implemented in C.  Two slots. */
struct JsNativeFunction
{
  JsShape *shape;     /* header: a function shape of the context */
  JsStorage *storage; /* properties, or NULL */
  JsNativeCall call;  /* the trampoline that knows fn's signature */
  void *fn;           /* the native function proper */
  JsValue data;       /* passed to every call, traced */
  JsString *name;     /* the name property, made real on first read */
  uint32_t length;    /* the length property, likewise */
  uint32_t flags;     /* reserved */
};

extern const JsCellClass js_native_function_class;

JsNativeFunction *function_new_native (JsContext *ctx, JsNativeCall call,
                                       void *fn, JsString *name,
                                       uint32_t length, JsValue data);
bool function_is_callable (JsValue v);
/* Calls a function with this and arguments; the result or JS_EXCEPTION.
 * Runs queued native cleanup when it is the outermost call from C. */
JsValue function_call (JsContext *ctx, JsValue fn, JsValue this_arg,
                       uint32_t argc, const JsValue *argv);
