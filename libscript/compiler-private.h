/* compiler-private.h — state shared by the compiler's files.
 *
 * compiler.c holds the driver, emission, registers, constants, functions
 * and statements; compiler-expr.c expressions; compiler-pattern.c
 * destructuring and assignment targets.  The compiler works in two steps
 * per program: scope.c resolves every name, then one walk emits bytecode
 * into growable buffers per function; constants are described in the
 * compiler's own terms and turned into heap values only when a function
 * is finished (compiler_materialize), so nothing here holds an unrooted
 * cell while allocating.
 */
#pragma once

#include "ast.h"
#include "atom.h"
#include "bytecode.h"
#include "shape.h"
#include "compiler.h"
#include "lexer.h"
#include "scope.h"

typedef struct FuncState FuncState;

/* A constant before it becomes a value. */
typedef enum
{
  CONST_ATOM,     /* a property key or name: str */
  CONST_STRING,   /* a string value: str */
  CONST_NUMBER,   /* num */
  CONST_CODE,     /* a nested function: code (already materialized) */
  CONST_SCOPE,    /* an environment shape for scope */
  CONST_TEMPLATE, /* a template's cooked and raw strings: node */
  CONST_BIGINT,   /* digits in str, radix in num */
  CONST_NAMES,    /* a list of atoms: node (DeclareGlobals) */
  CONST_MODULE,   /* a module's imports and exports: node (module.c) */
  CONST_ARGMAP,   /* the environment slot of each parameter of function
                     node (scope: its parameters), -1 for a name a later
                     parameter repeats: CreateMappedArguments */
} ConstKind;

/* Kinds of names DeclareGlobals declares. */
enum
{
  GLOBAL_DECL_VAR,
  GLOBAL_DECL_FUNCTION,
  GLOBAL_DECL_LET,
  GLOBAL_DECL_CONST,
};

typedef struct
{
  ConstKind kind;
  GPtrArray *names;   /* CONST_NAMES: the names */
  GArray *kinds;      /* CONST_NAMES: their GLOBAL_DECL_* kinds */
  const AstStr *str;
  double num;
  Scope *scope;
  AstNode *node;
  uint32_t code_root; /* CONST_CODE: index of its root on the value stack */
} ConstEntry;

/* Jump targets not yet known: a list of operand offsets to patch. */
typedef struct
{
  GArray *sites; /* uint32_t offsets of i32 operands */
} Label;

/* What break and continue inside a statement do. */
typedef struct Jumps Jumps;
struct Jumps
{
  Jumps *outer;
  const AstStr *label;     /* a label naming this statement, or NULL */
  GArray *label_set;       /* labels of a labelled loop (AstStr*) */
  bool is_loop;            /* continue targets it */
  bool is_switch;          /* unlabelled break targets it */
  Label breaks;            /* jumps to the end */
  Label continues;         /* jumps to the continue point */
  uint32_t env_depth;      /* environments pushed when it started */
  uint32_t finally_depth;  /* finally blocks open when it started */
  int32_t iterator_reg;    /* for-of: iterator to close on break, or -1 */
  bool iterator_async;     /* for await: AsyncIteratorClose, not sync */
};

/* A break or continue that leaves through a finally block. */
typedef struct
{
  Jumps *target; /* the statement it leaves to */
  Label *label;  /* its breaks or continues label */
} RoutedJump;

/* A try with a finally block, for completions that leave it. */
typedef struct Finally Finally;
struct Finally
{
  Finally *outer;
  int32_t kind_reg;  /* completion kind: normal, return, throw, jump n */
  int32_t value_reg; /* the completion's value */
  Label entry;       /* jumps into the finally block */
  GArray *targets;   /* RoutedJump: break/continue routed through it */
  uint32_t env_depth;
  bool in_finally;   /* compiling the finally block itself */
};

struct FuncState
{
  FuncState *parent;
  Compiler *c;
  FuncInfo *info;
  AstNode *node;
  GByteArray *code;
  GArray *consts;        /* ConstEntry */
  GArray *handlers;      /* JsHandler */
  GByteArray *lines;     /* (pc delta, line, column) records */
  uint32_t last_line_pc, last_line, last_col;
  uint32_t n_ics;
  uint32_t n_params;     /* registers r1..r(n_params) */
  uint32_t next_reg;     /* first free register */
  uint32_t max_reg;      /* registers ever used */
  uint32_t used_high;    /* registers used since a loop began (those it
                            clears after it) */
  uint32_t flags;        /* JS_CODE_* */
  uint32_t env_depth;    /* environments pushed beyond the function's */
  int32_t env_level;     /* absolute depth of the environment chain */
  uint32_t finally_depth;/* finally blocks open */
  int32_t completion_reg;/* scripts and eval: the completion value */
  Jumps *jumps;
  Finally *finally;
  int32_t this_reg;      /* 0 for non-arrow functions */
  int32_t gen_reg;       /* generator object register, or -1 */
  bool strict;
  bool is_module;
  bool top_level;          /* compiling a script's top-level statements */
  bool init_global_lexical;/* stores initialize script-scope entries */
  uint32_t block_depth;    /* blocks entered (0: directly at top level) */
  bool const_split;        /* the pool passed CONST_SPLIT (compiler.c) */
  uint32_t const_low;      /* then: the next index for a non-value */
  GHashTable *const_atoms; /* AstStr* → index + 1, for dedup */
  GHashTable *const_strings;
  GHashTable *const_numbers; /* double bits → index + 1 */
  GHashTable *const_ascii; /* compiler-spelled atoms, by content */
};

struct Compiler
{
  JsContext *ctx;
  JsRuntime *rt;
  Resolution res;
  JsSource *source;
  CompileError *error;   /* set on failure */
  JsValue *roots_base;   /* value stack top when compilation started */
  AstArena *arena;       /* the tree's arena, for the compiler's strings */
  GArray *pending_labels;/* labels waiting for the loop they name */
  GPtrArray *owned_arrays; /* names and kinds of DeclareGlobals */
  uint32_t flags;          /* the top level's JS_CODE_* */
  const AstStr *class_name;/* NamedEvaluation's name for the next class */
  const void *stack_limit;  /* runtime_c_stack_limit () */
  bool var_object;          /* CompileOptions.var_object */
  bool export_lexicals;     /* CompileOptions.export_lexicals */
  bool failed;
};

/* compiler.c */
void emit_op (FuncState *fs, JsOpcode op, ...);
uint32_t emit_jump (FuncState *fs, JsOpcode op, Label *label);
uint32_t emit_jump_r (FuncState *fs, JsOpcode op, uint32_t reg,
                      Label *label);
void label_init (Label *l);
void label_bind (FuncState *fs, Label *l);
void label_free (Label *l);
void emit_jump_back (FuncState *fs, JsOpcode op, uint32_t target);
uint32_t reg_alloc (FuncState *fs);
uint32_t reg_alloc_n (FuncState *fs, uint32_t n);
void reg_free_to (FuncState *fs, uint32_t mark);
uint32_t const_atom (FuncState *fs, const AstStr *s);
/* True if s is a canonical array index ("0" .. "4294967294"): such a
 * name is an index key, which the named opcodes cannot carry. */
bool const_str_is_index (const AstStr *s);
uint32_t const_string (FuncState *fs, const AstStr *s);
/* Is s a canonical array index ("0" .. "4294967294")?  Such a key is an
 * index key, never an atom: it cannot take the named-property paths. */
bool const_str_is_index (const AstStr *s);
uint32_t const_number (FuncState *fs, double d);
uint32_t const_ascii_atom (FuncState *fs, const char *s);
uint32_t ic_alloc (FuncState *fs);
uint32_t const_template (FuncState *fs, AstNode *tpl);
/* A constant only LdaConst loads (it may get an index past 0xFFFF). */
uint32_t const_add_value (FuncState *fs, ConstEntry e);
uint32_t const_add_entry (FuncState *fs, ConstEntry e);
void mark_position (FuncState *fs, const AstNode *n);
void compile_error (FuncState *fs, const AstNode *n, const char *fmt, ...)
    G_GNUC_PRINTF (3, 4);
uint32_t compile_function (FuncState *parent, AstNode *fn);
void compile_statement (FuncState *fs, AstNode *n);
void compile_return_acc (FuncState *fs);
void compile_class (FuncState *fs, AstNode *cls);
uint32_t const_private_description (FuncState *fs, const AstStr *name);
/* A literal or computed key into reg (ToPropertyKey applied). */
void compile_member_key (FuncState *fs, AstNode *key, bool computed,
                         uint32_t reg);
/* Where a binding lives now: a register, or an environment (depth from
 * the current one, slot). */
bool binding_location (FuncState *fs, Binding *b, uint32_t *reg,
                       uint32_t *depth, uint32_t *slot);

/* Marks registers it (an iterator being destructured) as closed by a
 * return leaving the code emitted until the end call (a generator
 * resumed with return at a yield inside a pattern). */
void compile_iterator_scope_begin (FuncState *fs, Jumps *j, uint32_t it);
void compile_iterator_scope_end (FuncState *fs, Jumps *j);

/* compiler-expr.c */
void compile_expr (FuncState *fs, AstNode *n);
void compile_expr_to (FuncState *fs, AstNode *n, uint32_t reg);
/* compile_expr for an expression whose value is not used. */
void compile_expr_effect (FuncState *fs, AstNode *n);
void compile_load_ident (FuncState *fs, AstNode *ident, bool typeof_ctx);
void compile_store_ident (FuncState *fs, AstNode *ident, bool init);
void compile_load_this (FuncState *fs);
void compile_load_this_unchecked (FuncState *fs);
void compile_call_args (FuncState *fs, AstList *args, uint32_t first,
                        bool *spread);
bool compile_is_anonymous_fn (AstNode *n);
/* await acc (in an async function, async generator or module). */
void compile_await (FuncState *fs);
void compile_named_value (FuncState *fs, AstNode *value, const AstStr *name);

/* compiler-pattern.c */
/* Binds or assigns acc to a pattern (IDENT, MEMBER, array or object
 * pattern, with defaults).  init: a declaration's initialization. */
void compile_pattern_assign (FuncState *fs, AstNode *target, bool init);
void compile_close_on_throw (FuncState *fs, JsHandler *h, uint32_t it);
