/* interp.h — frames, calls and the interpreter's entry points.
 *
 * JS→JS calls do not recurse in C: a call pushes a JsFrame and the
 * dispatch loop carries on in the callee.  C re-enters the loop only
 * when native code calls script (js_call from a built-in, a getter run by
 * a C helper, a GTK signal); those entries are counted against the C
 * stack so that deep native recursion is a RangeError too.
 */
#pragma once

#include "bytecode.h"
#include "object.h"

/* Frame flags. */
enum
{
  JS_FRAME_ENTRY = 1 << 0,     /* returning leaves the dispatch loop */
  JS_FRAME_CONSTRUCT = 1 << 1, /* called with new: non-objects give this */
  JS_FRAME_GENERATOR = 1 << 2, /* a resumed generator: Yield suspends it */
};

/* Generator states. */
typedef enum
{
  JS_GEN_SUSPENDED_START,
  JS_GEN_SUSPENDED_YIELD,
  JS_GEN_EXECUTING,
  JS_GEN_COMPLETED,
  JS_GEN_AWAITING_RETURN, /* async generators: awaiting a return value */
} JsGeneratorState;

/* How a generator is resumed (ResumeKind gives it to the code). */
typedef enum
{
  JS_RESUME_NEXT,
  JS_RESUME_THROW,
  JS_RESUME_RETURN,
} JsResumeKind;

/* A generator object: an ordinary object's header, then its suspended
 * frame: the window's values (callee, this, registers), where to resume,
 * and the frame's environment and arguments. */
typedef struct
{
  JsShape *shape;       /* header: a generator shape */
  JsStorage *storage;   /* properties, or NULL */
  JsCode *code;         /* the generator function's code */
  JsEnv *env;           /* the environment at the suspension */
  JsObject *args;       /* the arguments, when the code needs them */
  uint32_t state;       /* JsGeneratorState */
  uint32_t pc;          /* bytecode offset to resume at */
  uint32_t argc;        /* arguments passed */
  uint32_t n_values;    /* values saved */
  uint32_t resume_kind; /* JsResumeKind of the resumption in progress */
  uint32_t raw;         /* the last yield gave an iterator result as is */
  uint32_t awaiting;    /* suspended by await, not yield */
  JsValue promise;      /* async functions: the promise they return;
                           async generators: the first request of their
                           queue (a JsAsyncRequest) or undefined */
  JsValue values[];     /* base[0 .. n_values) of the frame */
} JsGenerator;

extern const JsCellClass js_generator_class;
/* Async generator objects: the same layout, their own brand. */
extern const JsCellClass js_async_generator_class;

/* An AsyncGeneratorRequest: a next, throw or return call waiting in an
 * async generator's queue, with the promise it answers. */
typedef struct JsAsyncRequest JsAsyncRequest;
struct JsAsyncRequest
{
  JsShape *shape;       /* header: the realm's request shape */
  JsAsyncRequest *next; /* the request queued after this one, or NULL */
  JsValue kind;         /* int32: the completion's JsResumeKind */
  JsValue value;        /* the completion's value */
  JsValue promise;      /* the request's promise (of %Promise%) */
};

static inline bool
js_is_async_generator (JsValue v)
{
  return js_is_object (v)
         && js_get_cell (v)->shape->cls == &js_async_generator_class;
}

/* Runs an async generator's frame with a completion until it awaits,
 * yields with no request waiting, or finishes (AsyncGeneratorResume and
 * what follows).  Errors settle requests; nothing is thrown. */
void js_async_generator_resume (JsContext *ctx, JsValue gen,
                                JsResumeKind kind, JsValue value);

/* Resumes a generator (next, throw, return): the iterator result, or
 * JS_EXCEPTION. */
JsValue js_generator_resume (JsContext *ctx, JsValue gen, JsResumeKind kind,
                             JsValue value);

/* A call in progress.  base[0] is the callee, base[1] (r0) this, then the
 * parameters and the other registers, up to top. */
typedef struct JsFrame
{
  JsCode *code;         /* what runs */
  const uint8_t *pc;    /* saved instruction pointer (the call's start) */
  JsValue *base;        /* the window on the value stack */
  JsValue *top;         /* end of the window */
  JsEnv *env;           /* current environment */
  JsValue new_target;   /* the constructor new was applied to */
  JsObject *args;       /* all arguments, when the code needs them */
  uint32_t argc;        /* arguments passed */
  uint32_t flags;       /* JS_FRAME_* */
  JsGenerator *gen;     /* the generator a resumed frame belongs to */
} JsFrame;

/* The most frames and native re-entries before a RangeError. */
#define JS_MAX_FRAMES 10000u
#define JS_MAX_NATIVE_DEPTH 400u

/* Calls a function with this and arguments (copied to the stack).
 * Returns the result or JS_EXCEPTION with the exception pending. */
JsValue js_call (JsContext *ctx, JsValue fn, JsValue this_arg,
                 uint32_t argc, const JsValue *argv);
/* new fn (args) with newTarget. */
JsValue js_construct (JsContext *ctx, JsValue fn, uint32_t argc,
                      const JsValue *argv, JsValue new_target);
/* Runs top-level code (a script) with this = the global object. */
JsValue js_run_code (JsContext *ctx, JsCode *code);
/* Runs eval code in env with this and new.target (and the home object
 * of super, when the code uses it). */
JsValue js_run_code_in (JsContext *ctx, JsCode *code, JsEnv *env,
                        JsValue this_value, JsValue new_target,
                        JsValue home);

bool js_is_callable (JsValue v);
bool js_is_constructor (JsValue v);

/* The frames of the running script, innermost last (for stack traces). */
uint32_t interp_frame_count (JsRuntime *rt);
JsFrame *interp_frame (JsRuntime *rt, uint32_t i);
void interp_trace_frames (JsRuntime *rt, JsTracer *trc);
void interp_runtime_init (JsRuntime *rt);
void interp_runtime_free (JsRuntime *rt);
