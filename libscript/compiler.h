/* compiler.h — source text to JsCode: parse, resolve, emit. */
#pragma once

#include "bytecode.h"

typedef struct Compiler Compiler;

typedef enum
{
  COMPILE_ERROR_SYNTAX, /* a SyntaxError */
  COMPILE_ERROR_RANGE,  /* nesting or size limits: a RangeError */
  COMPILE_ERROR_MEMORY, /* out of memory */
} CompileErrorKind;

typedef struct
{
  CompileErrorKind kind;
  char message[200];  /* without the error name */
  uint32_t line;      /* 1-based */
  uint32_t column;    /* 1-based, UTF-16 code units */
} CompileError;

struct AstStr;

typedef struct
{
  bool module;        /* a module: strict, import/export */
  bool strict;        /* a strict script */
  bool eval;          /* eval code: completion value returned */
  bool dynamic_scope; /* runs inside scopes the compiler cannot see */
  bool allow_new_target; /* eval inside a function... */
  bool allow_super_property;
  bool allow_super_call;
  bool in_class_field;
  bool allow_return;  /* a function body from new Function */
  /* CreateDynamicFunction: the source is one function declaration whose
   * body must start at body_start (else the parameters or the body
   * escaped their place); the result is that function's code. */
  bool dynamic_function;
  uint32_t body_start;
  /* Direct eval: the private names of the caller's classes, found by
   * name at run time (see ParseOptions). */
  bool (*private_name_visible) (void *data, const struct AstStr *name);
  void *private_name_data;
  /* Eval code run by gs_context_eval_in_object: its var and function
     declarations land in the variable environment it runs in (the
     object) even when it is strict. */
  bool var_object;
  /* With var_object: when the code has run to its end, its top-level
     let, const and class bindings are copied there too, as GJS's
     importer shows them. */
  bool export_lexicals;
} CompileOptions;

/* The atom "#name" under which a scope's environment holds the private
 * name name (without the #), or NULL when out of memory. */
JsString *compile_private_atom (JsRuntime *rt, const struct AstStr *name);

/* Compiles UTF-8 source.  Returns the top-level code (unrooted: root it
 * before the next allocation) or NULL with *err filled. */
JsCode *compile_source (JsContext *ctx, const char *filename,
                        const char *src, size_t len,
                        const CompileOptions *opts, CompileError *err);

extern const JsCellClass js_code_class;

/* The runtime's shape of JsCode cells, made on first use. */
JsShape *compile_code_shape (JsRuntime *rt);

/* Prints the bytecode of code and of every function nested in it. */
void compile_dump (JsCode *code, GString *out);

/* Maps a bytecode offset to its source position. */
void code_position (const JsCode *code, uint32_t pc, uint32_t *line,
                    uint32_t *column);
