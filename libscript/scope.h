/* scope.h — scope analysis: which name is which binding, and where it
 * lives.
 *
 * The resolver walks a whole program before any code is generated, so
 * that when the compiler reaches a function it already knows which of its
 * variables an inner function captures.  A binding nothing captures lives
 * in a register of its function's frame; a captured one lives in a slot
 * of its scope's environment cell.  A function that contains a direct
 * eval, or a with statement, makes every binding it can see captured and
 * resolves its free names at run time.
 */
#pragma once

#include <glib.h>

#include "ast.h"

typedef struct Scope Scope;
typedef struct Binding Binding;
typedef struct FuncInfo FuncInfo;

typedef enum
{
  BIND_VAR,       /* var, and function declarations at function level */
  BIND_LET,
  BIND_CONST,
  BIND_CLASS,     /* the inner binding of a class's own name: const */
  BIND_FUNCTION,  /* a function declaration in a block: let-like */
  BIND_PARAM,
  BIND_CATCH,
  BIND_CALLEE,    /* a named function expression's own name: read-only */
  BIND_IMPORT,    /* an import binding of a module: read-only, live */
  BIND_THIS,      /* this of a non-arrow function or script */
  BIND_ARGUMENTS, /* the arguments object */
  BIND_NEW_TARGET,/* new.target */
  BIND_HOME,      /* the home object for super */
  BIND_PRIVATE,   /* a #name of a class: holds its private symbol */
  BIND_EVAL_VARS, /* hidden: the object holding the var and function
                     names sloppy direct eval adds to this variable
                     environment (undefined until the first) */
  BIND_EVAL_PARAM_VARS, /* the same for the parameter scope of a function
                     with parameter expressions, whose own names an
                     eval there may not redeclare */
} BindingKind;

struct Binding
{
  const AstStr *name; /* interned: compare by pointer */
  BindingKind kind;
  Scope *scope;       /* where it is declared */
  bool captured;      /* an inner function or eval sees it */
  bool used;          /* referenced at all (for arguments) */
  bool lexical;       /* let, const, class, block function: has a TDZ */
  int32_t reg;        /* register during codegen, or -1 */
  int32_t slot;       /* environment slot, or -1 */
  AstNode *decl;      /* the declaring node, if any */
};

typedef enum
{
  SCOPE_FUNCTION, /* parameters (and vars, when parameters are simple) */
  SCOPE_VAR,      /* a function body's vars when parameters are not simple */
  SCOPE_BLOCK,    /* a block, a loop head, a switch */
  SCOPE_CATCH,    /* a catch clause's parameter */
  SCOPE_CLASS,    /* a class's own name and private names */
  SCOPE_WITH,     /* names inside may belong to the with object */
  SCOPE_SCRIPT,   /* a script's top level: globals */
  SCOPE_MODULE,   /* a module's top level */
  SCOPE_EVAL,     /* an eval's top level */
} ScopeKind;

struct Scope
{
  ScopeKind kind;
  Scope *parent;
  FuncInfo *func;        /* the function this scope belongs to */
  AstNode *node;         /* the node that opened it */
  GPtrArray *bindings;   /* Binding*, in declaration order */
  GHashTable *by_name;   /* AstStr* → Binding* */
  uint32_t env_slots;    /* slots of its environment, when has_env */
  int32_t env_level;     /* codegen: its environment's depth, or -1 */
  bool has_env;          /* some binding is captured: needs a cell */
  bool dynamic;          /* eval may add names, or a with object */
};

/* What the resolver knows of one function (or program). */
struct FuncInfo
{
  FuncInfo *parent;
  AstNode *node;          /* FUNCTION, or PROGRAM */
  Scope *scope;           /* parameters' scope (or the top level) */
  Scope *var_scope;       /* where var lands */
  Scope *body_scope;      /* the body's lexical scope (may be scope) */
  Binding *this_binding;  /* non-arrow functions and top levels */
  Binding *arguments;     /* when referenced */
  Binding *new_target;    /* when referenced from an arrow */
  Binding *home;          /* when super is used from an arrow */
  Binding *eval_vars;     /* sloppy functions with a direct eval: what
                             it adds to the variable environment */
  Binding *eval_param_vars; /* ... and to the parameter scope */
  bool is_arrow;
  bool has_eval;          /* contains a direct eval (arrows included) */
  bool uses_arguments;
  bool walking_params;    /* the resolver is in the parameter list */
  uint32_t reg_bindings;  /* bindings it keeps in registers */
  bool mapped_arguments;  /* sloppy, simple parameters: arguments[i] and
                             the parameters alias (they live in the
                             environment) */
  bool uses_super;        /* super.x inside (arrows: inside them) */
  bool strict;
  struct ClassInfoTag *class_info; /* constructors and field initializers:
                                      their class */
};

/* What the resolver knows of a class. */
typedef struct ClassInfoTag
{
  Binding *name;          /* the inner binding of its name, or NULL */
  Binding *proto;         /* hidden: the prototype (home object) */
  Binding *ctor;          /* hidden: the constructor */
  AstNode *ctor_node;     /* the constructor's FUNCTION, or NULL */
  AstNode *default_ctor;  /* a synthetic FUNCTION when there is none */
  AstNode *instance_init; /* synthetic FUNCTION running field initializers
                             and adding private methods, or NULL */
  AstNode *static_init;   /* synthetic FUNCTION for static fields and
                             blocks, or NULL */
} ClassInfo;

/* The result of resolving a program. */
typedef struct
{
  GHashTable *scopes;     /* AstNode* → Scope* for scope-opening nodes */
  GHashTable *refs;       /* IDENT AstNode* → Binding* (absent: global
                             or dynamic) */
  GHashTable *dynamic;    /* IDENT AstNode* → non-NULL when a with or an
                             eval may intercept the name */
  GHashTable *funcs;      /* FUNCTION/PROGRAM AstNode* → FuncInfo* */
  GHashTable *classes;    /* CLASS_DECL/CLASS_EXPR → ClassInfo* */
  GHashTable *field_keys; /* computed CLASS_FIELD → its hidden Binding*
                             (its key); instance private CLASS_METHOD →
                             the hidden Binding* of its function */
  GHashTable *annexb;     /* sloppy block FUNC_DECL → the var Binding* its
                             value is copied to when the declaration is
                             evaluated (NULL: a global of the script) */
  GHashTable *annexb_block; /* the same FUNC_DECL → its block Binding* */
  bool too_deep;          /* the tree nests deeper than the C stack allows:
                             resolution stopped (a RangeError) */
  GPtrArray *all_classes; /* ownership */
  Binding *default_binding; /* a module's hidden export default binding */
  GPtrArray *all_scopes;  /* ownership */
  GPtrArray *all_funcs;
  GPtrArray *all_bindings;
  const AstStr *s_arguments; /* interned names the resolver needs */
  const AstStr *s_this;
  const AstStr *s_eval;
} Resolution;

/* Analyses a program (top_kind: SCOPE_SCRIPT, SCOPE_MODULE or SCOPE_EVAL).
 * outer_dynamic: the
 * code runs inside scopes the compiler cannot see (eval code, new
 * Function), so free names are looked up at run time.  var_object: eval
 * code whose var and function names land in the variable environment it
 * runs in even when it is strict (gs_context_eval_in_object). */
void scope_resolve (Resolution *res, AstArena *arena, AstNode *program,
                    ScopeKind top_kind, bool outer_dynamic, bool var_object);
void scope_resolution_free (Resolution *res);

/* The scope a node opened, or NULL. */
static inline Scope *
scope_of (const Resolution *res, const AstNode *node)
{
  return g_hash_table_lookup (res->scopes, node);
}

static inline FuncInfo *
scope_func_of (const Resolution *res, const AstNode *node)
{
  return g_hash_table_lookup (res->funcs, node);
}

/* The binding an identifier reference resolved to, or NULL. */
static inline Binding *
scope_ref (const Resolution *res, const AstNode *ident)
{
  return g_hash_table_lookup (res->refs, ident);
}

static inline ClassInfo *
scope_class_of (const Resolution *res, const AstNode *cls)
{
  return g_hash_table_lookup (res->classes, cls);
}

static inline bool
scope_ref_is_dynamic (const Resolution *res, const AstNode *ident)
{
  return g_hash_table_contains (res->dynamic, ident);
}

/* Calls fn on each name a binding pattern (IDENT, patterns, defaults,
 * rest) binds. */
void scope_pattern_names (AstNode *pattern,
                          void (*fn) (AstNode *ident, void *data),
                          void *data);
