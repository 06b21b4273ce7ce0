/* scope.c — the resolver: declarations, references and captures.
 *
 * One walk over the whole tree.  Entering a function or a block first
 * declares everything it hoists (var and function names to the function,
 * let, const, class and block functions to the block), then walks its
 * statements, resolving each identifier reference up the scope chain.  A
 * reference that crosses a function boundary marks the binding captured;
 * one that crosses a with scope, or starts in a function with a direct
 * eval, is also marked dynamic.  Environment slots are numbered at the
 * end, once every capture is known.
 */
#include "config.h"

#include "scope.h"

#include "lexer.h"
#include "runtime.h"

typedef struct
{
  Resolution *res;
  Scope *scope; /* innermost scope */
  FuncInfo *func;
  bool outer_dynamic;
  AstArena *arena; /* for synthetic nodes */
  GPtrArray *block_functions; /* hoisting: sloppy block FUNC_DECLs seen */
  const void *stack_limit; /* runtime_c_stack_limit () */
} Resolver;

static void walk (Resolver *r, AstNode *node);
static void walk_list (Resolver *r, AstList *list);

/* ------------------------------------------------------------------ */
/* Scopes and bindings                                                 */
/* ------------------------------------------------------------------ */

static Scope *
scope_push (Resolver *r, ScopeKind kind, AstNode *node)
{
  Scope *s = g_new0 (Scope, 1);
  s->kind = kind;
  s->parent = r->scope;
  s->func = r->func;
  s->node = node;
  s->env_level = -1;
  s->bindings = g_ptr_array_new ();
  s->by_name = g_hash_table_new (NULL, NULL);
  g_ptr_array_add (r->res->all_scopes, s);
  if (node)
    g_hash_table_insert (r->res->scopes, node, s);
  r->scope = s;
  return s;
}

static void
scope_pop (Resolver *r)
{
  r->scope = r->scope->parent;
}

static Binding *
lookup_here (Scope *s, const AstStr *name)
{
  return name ? g_hash_table_lookup (s->by_name, name) : NULL;
}

/* Declares name in s; a second declaration of the same name (var twice,
 * var over a parameter) shares the first binding. */
static Binding *
declare (Resolver *r, Scope *s, const AstStr *name, BindingKind kind,
         AstNode *decl)
{
  Binding *b = lookup_here (s, name);
  if (b)
    {
      /* A function declaration replaces a var's (or param's) value at
         entry; keep the latest declaring node for that. */
      if (kind == BIND_VAR && decl
          && (decl->kind == AST_FUNC_DECL))
        b->decl = decl;
      return b;
    }
  b = g_new0 (Binding, 1);
  b->name = name;
  b->kind = kind;
  b->scope = s;
  b->decl = decl;
  b->reg = -1;
  b->slot = -1;
  b->lexical = kind == BIND_LET || kind == BIND_CONST || kind == BIND_CLASS;
  g_ptr_array_add (s->bindings, b);
  g_ptr_array_add (r->res->all_bindings, b);
  if (name)
    g_hash_table_insert (s->by_name, (gpointer) name, b);
  return b;
}

/* A binding with no name (this, new.target, home object). */
static Binding *
declare_hidden (Resolver *r, Scope *s, BindingKind kind)
{
  return declare (r, s, NULL, kind, NULL);
}

/* ------------------------------------------------------------------ */
/* Patterns                                                            */
/* ------------------------------------------------------------------ */

void
scope_pattern_names (AstNode *p, void (*fn) (AstNode *ident, void *data),
                     void *data)
{
  if (!p)
    return;
  switch (p->kind)
    {
    case AST_IDENT:
      fn (p, data);
      break;
    case AST_ASSIGN_PATTERN:
      scope_pattern_names (p->a, fn, data);
      break;
    case AST_REST:
      scope_pattern_names (p->a, fn, data);
      break;
    case AST_ARRAY_PATTERN:
      for (AstNode *e = p->list.first; e; e = e->next)
        scope_pattern_names (e, fn, data);
      break;
    case AST_OBJECT_PATTERN:
      for (AstNode *e = p->list.first; e; e = e->next)
        scope_pattern_names (e->kind == AST_PROPERTY ? e->b : e, fn, data);
      break;
    default:
      break;
    }
}

typedef struct
{
  Resolver *r;
  Scope *scope;
  BindingKind kind;
  AstNode *decl;
} DeclareCtx;

static void
declare_ident (AstNode *ident, void *data)
{
  DeclareCtx *d = data;
  declare (d->r, d->scope, ident->str, d->kind, d->decl);
}

static void
declare_pattern (Resolver *r, Scope *s, AstNode *pattern, BindingKind kind,
                 AstNode *decl)
{
  DeclareCtx d = { r, s, kind, decl };
  scope_pattern_names (pattern, declare_ident, &d);
}

/* ------------------------------------------------------------------ */
/* Hoisting                                                            */
/* ------------------------------------------------------------------ */

/* var declarations anywhere in a function body, not in nested functions;
 * and, at the top level of the body, function declarations. */
static void
hoist_vars (Resolver *r, Scope *vs, AstNode *n, bool top)
{
  if (!n)
    return;
  switch (n->kind)
    {
    case AST_VAR_DECL:
      /* (A script's vars are globals, not bindings: a script is walked
         only for its block functions.) */
      if (n->op == AST_DECL_VAR && vs->kind != SCOPE_SCRIPT)
        for (AstNode *d = n->list.first; d; d = d->next)
          declare_pattern (r, vs, d->a, BIND_VAR, NULL);
      break;
    case AST_FUNC_DECL:
      if (top && n->a)
        {
          if (vs->kind != SCOPE_SCRIPT)
            declare (r, vs, n->a->str, BIND_VAR, n);
        }
      else if (n->a && r->block_functions
               && !(n->flags & (AST_F_ASYNC | AST_F_GENERATOR)))
        g_ptr_array_add (r->block_functions, n);
      break;
    case AST_BLOCK:
    case AST_BODY:
    case AST_PROGRAM:
    case AST_STATIC_BLOCK:
      for (AstNode *s = n->list.first; s; s = s->next)
        hoist_vars (r, vs, s, top && n->kind != AST_BLOCK);
      break;
    case AST_IF:
      hoist_vars (r, vs, n->b, false);
      hoist_vars (r, vs, n->c, false);
      break;
    case AST_FOR:
      hoist_vars (r, vs, n->a, false);
      hoist_vars (r, vs, n->d, false);
      break;
    case AST_FOR_IN:
    case AST_FOR_OF:
      hoist_vars (r, vs, n->a, false);
      hoist_vars (r, vs, n->d, false);
      break;
    case AST_WHILE:
    case AST_DO_WHILE:
    case AST_WITH:
      hoist_vars (r, vs, n->d, false);
      break;
    case AST_LABELED:
      hoist_vars (r, vs, n->a, false);
      break;
    case AST_TRY:
      hoist_vars (r, vs, n->a, false);
      if (n->b)
        hoist_vars (r, vs, n->b->b, false);
      hoist_vars (r, vs, n->c, false);
      break;
    case AST_SWITCH:
      for (AstNode *c = n->list.first; c; c = c->next)
        for (AstNode *s = c->list.first; s; s = s->next)
          hoist_vars (r, vs, s, false);
      break;
    case AST_EXPORT_NAMED:
    case AST_EXPORT_DEFAULT:
      hoist_vars (r, vs, n->a, top);
      break;
    default:
      break;
    }
}

/* Annex B.3.3, which web and GJS code relies on: in sloppy code a plain
 * function declared in a block is also a var of the enclosing function
 * (or a global of the script), set to the function when the declaration
 * is evaluated — unless a var of that name would clash with a lexical
 * declaration or shadow a parameter.  Clashes at the function's level are
 * checked here, after its hoisting; those with blocks in between when
 * the block is walked (block_functions_check). */
static void
declare_block_functions (Resolver *r, Scope *vs, GPtrArray *fns,
                         AstList *top_stmts)
{
  for (guint i = 0; i < fns->len; i++)
    {
      AstNode *fn = g_ptr_array_index (fns, i);
      const AstStr *name = fn->a->str;
      if (name == r->res->s_arguments)
        continue;
      if (vs->kind == SCOPE_SCRIPT)
        {
          /* Globals are not bindings: look for a let, const or class of
             the script with that name. */
          bool clash = false;
          for (AstNode *st = top_stmts->first; st && !clash; st = st->next)
            if (st->kind == AST_CLASS_DECL)
              clash = st->a && st->a->str == name;
            else if (st->kind == AST_VAR_DECL && st->op != AST_DECL_VAR)
              for (AstNode *d = st->list.first; d; d = d->next)
                clash |= d->a->kind == AST_IDENT && d->a->str == name;
          if (!clash)
            g_hash_table_insert (r->res->annexb, fn, NULL);
          continue;
        }
      Binding *b = lookup_here (vs, name);
      if (!b && vs->func->scope != vs)
        b = lookup_here (vs->func->scope, name);
      if (b && b->kind != BIND_VAR)
        continue;
      if (!b)
        b = declare (r, vs, name, BIND_VAR, NULL);
      g_hash_table_insert (r->res->annexb, fn, b);
    }
}

/* A block's function keeps its Annex B var only if no block between it
 * and the var's scope declares the name. */
static void
block_functions_check (Resolver *r, Scope *block, AstList *stmts)
{
  for (AstNode *n = stmts->first; n; n = n->next)
    {
      if (n->kind != AST_FUNC_DECL
          || !g_hash_table_contains (r->res->annexb, n))
        continue;
      Scope *vs = r->func->var_scope;
      for (Scope *s = block->parent; s && s != vs; s = s->parent)
        {
          Binding *b = lookup_here (s, n->a->str);
          if (b && b->kind != BIND_CATCH)
            {
              g_hash_table_remove (r->res->annexb, n);
              break;
            }
        }
      if (g_hash_table_contains (r->res->annexb, n))
        g_hash_table_insert (r->res->annexb_block, n,
                             lookup_here (block, n->a->str));
    }
}

/* let, const, class and (outside the function level) function
 * declarations directly in a statement list. */
static void
hoist_lexical (Resolver *r, Scope *s, AstList *stmts, bool function_level)
{
  for (AstNode *n = stmts->first; n; n = n->next)
    {
      AstNode *d = n;
      if (d->kind == AST_EXPORT_NAMED || d->kind == AST_EXPORT_DEFAULT)
        d = d->a;
      if (!d)
        continue;
      if (d->kind == AST_VAR_DECL && d->op != AST_DECL_VAR)
        for (AstNode *x = d->list.first; x; x = x->next)
          declare_pattern (r, s, x->a,
                           d->op == AST_DECL_CONST ? BIND_CONST : BIND_LET,
                           d);
      else if (d->kind == AST_CLASS_DECL && d->a)
        declare (r, s, d->a->str, BIND_LET, d);
      else if (d->kind == AST_FUNC_DECL && d->a && !function_level)
        declare (r, s, d->a->str, BIND_FUNCTION, d);
    }
}

static bool
list_has_lexical (AstList *stmts)
{
  for (AstNode *n = stmts->first; n; n = n->next)
    if ((n->kind == AST_VAR_DECL && n->op != AST_DECL_VAR)
        || n->kind == AST_CLASS_DECL || n->kind == AST_FUNC_DECL)
      return true;
  return false;
}

/* ------------------------------------------------------------------ */
/* References                                                          */
/* ------------------------------------------------------------------ */

static bool
name_is (const AstStr *s, const char *lit)
{
  return s && ast_str_eq_ascii (s, lit);
}

/* Every binding visible from s becomes captured: an eval may read any. */
static void
capture_all_visible (Scope *s)
{
  for (; s; s = s->parent)
    {
      s->dynamic = true;
      for (guint i = 0; i < s->bindings->len; i++)
        ((Binding *) g_ptr_array_index (s->bindings, i))->captured = true;
    }
}

/* The nearest non-arrow function (or top level) at or above f. */
static FuncInfo *
this_func (FuncInfo *f)
{
  while (f->is_arrow && f->parent)
    f = f->parent;
  return f;
}

static Binding *
resolve_name (Resolver *r, AstNode *ident)
{
  const AstStr *name = ident->str;
  /* A reference is dynamic when a with object or an eval-extended
     variable environment between it and its binding may hold the name
     first; a binding of the eval code's own scopes is never shadowed. */
  bool crossed_function = false, dynamic = false;
  for (Scope *s = r->scope; s; s = s->parent)
    {
      Binding *b = lookup_here (s, name);
      if (!b && s->kind == SCOPE_FUNCTION && !s->func->is_arrow
          && name_is (name, "arguments") && s->func->node->kind != AST_PROGRAM)
        {
          b = declare (r, s, name, BIND_ARGUMENTS, NULL);
          s->func->arguments = b;
          s->func->uses_arguments = true;
        }
      if (b)
        {
          /* A parameter named in the parameter list (a default, or a
             closure there) may be read before it is bound: it gets a
             TDZ. */
          if (b->kind == BIND_PARAM && b->scope->func->walking_params)
            b->lexical = true;
          /* A function expression's own name gives way to a var that
             eval adds to the function's variable environment. */
          if (b->kind == BIND_CALLEE && s->dynamic)
            dynamic = true;
          b->used = true;
          if (crossed_function || dynamic)
            b->captured = true;
          if (dynamic)
            g_hash_table_add (r->res->dynamic, ident);
          g_hash_table_insert (r->res->refs, ident, b);
          return b;
        }
      if (s->kind == SCOPE_WITH || s->dynamic)
        dynamic = true;
      if (s->parent && s->parent->func != s->func)
        crossed_function = true;
    }
  if (dynamic || r->outer_dynamic)
    g_hash_table_add (r->res->dynamic, ident);
  return NULL;
}

/* this, new.target and super inside arrows reach the enclosing function's
 * hidden bindings, which are then captured. */
static void
use_hidden (Resolver *r, BindingKind kind)
{
  FuncInfo *owner = this_func (r->func);
  if (kind == BIND_HOME)
    for (FuncInfo *f = r->func; f; f = f->parent)
      {
        f->uses_super = true;
        if (!f->is_arrow)
          break;
      }
  Binding **slot = kind == BIND_THIS         ? &owner->this_binding
                   : kind == BIND_NEW_TARGET ? &owner->new_target
                                             : &owner->home;
  if (!*slot)
    *slot = declare_hidden (r, owner->scope, kind);
  (*slot)->used = true;
  if (owner != r->func || r->func->has_eval)
    (*slot)->captured = true;
}

/* ------------------------------------------------------------------ */
/* Functions                                                           */
/* ------------------------------------------------------------------ */

static FuncInfo *
func_new (Resolver *r, AstNode *node)
{
  FuncInfo *f = g_new0 (FuncInfo, 1);
  f->parent = r->func;
  f->node = node;
  f->is_arrow = (node->flags & AST_F_ARROW) != 0;
  f->has_eval = (node->flags & AST_F_DIRECT_EVAL) != 0;
  f->strict = (node->flags & AST_F_STRICT) != 0;
  g_ptr_array_add (r->res->all_funcs, f);
  g_hash_table_insert (r->res->funcs, node, f);
  return f;
}

/* Whether an expression (not the functions or classes in it) calls eval
 * directly: arrow parameters parsed as a parenthesized expression do not
 * mark the arrow themselves. */
static bool
contains_direct_eval (AstNode *n)
{
  if (!n)
    return false;
  switch (n->kind)
    {
    case AST_FUNCTION:
    case AST_FUNC_EXPR:
    case AST_FUNC_DECL:
    case AST_CLASS_EXPR:
    case AST_CLASS_DECL:
      return false;
    case AST_CALL:
      if (n->flags & AST_F_DIRECT_EVAL)
        return true;
      break;
    default:
      break;
    }
  if (contains_direct_eval (n->a) || contains_direct_eval (n->b)
      || contains_direct_eval (n->c) || contains_direct_eval (n->d))
    return true;
  for (AstNode *e = n->list.first; e; e = e->next)
    if (contains_direct_eval (e))
      return true;
  return false;
}

/* FunctionDeclarationInstantiation's arguments object: a non-arrow
 * function that names arguments (or has a direct eval, which may) gets
 * one unless a parameter is called arguments or, with simple parameters,
 * a function or lexical declaration of the body is.  A var of that name
 * starts as the object. */
static void
declare_arguments (Resolver *r, FuncInfo *f, AstNode *fn)
{
  if (f->is_arrow
      || (fn->kind != AST_FUNCTION && fn->kind != AST_FUNC_DECL
          && fn->kind != AST_FUNC_EXPR))
    return;
  if (!(fn->flags & (AST_F_USES_ARGUMENTS | AST_F_DIRECT_EVAL))
      || (fn->flags & AST_F_FIELD_INIT))
    return;
  const AstStr *name = r->res->s_arguments;
  Binding *b = lookup_here (f->scope, name);
  if (b && b->kind == BIND_ARGUMENTS)
    return;
  if (b && (b->kind == BIND_PARAM || b->lexical || b->kind == BIND_CALLEE
            || (b->decl && b->decl->kind == AST_FUNC_DECL)))
    return;
  if (b)
    b->kind = BIND_ARGUMENTS;
  else
    b = declare (r, f->scope, name, BIND_ARGUMENTS, NULL);
  f->arguments = b;
  f->uses_arguments = true;
}

static void
walk_function (Resolver *r, AstNode *fn)
{
  Scope *saved_scope = r->scope;
  FuncInfo *saved_func = r->func;
  FuncInfo *f = func_new (r, fn);
  r->func = f;
  if (f->is_arrow && !f->has_eval)
    for (AstNode *p = fn->list.first; p && !f->has_eval; p = p->next)
      f->has_eval = contains_direct_eval (p);
  Scope *ps = scope_push (r, SCOPE_FUNCTION, fn);
  f->scope = ps;
  if (!f->is_arrow)
    f->this_binding = declare_hidden (r, ps, BIND_THIS);

  /* A class static block is a function of no parameters whose body is
     the block's statement list. */
  if (fn->kind == AST_STATIC_BLOCK)
    {
      f->var_scope = f->body_scope = ps;
      hoist_vars (r, ps, fn, true);
      hoist_lexical (r, ps, &fn->list, true);
      walk_list (r, &fn->list);
      r->scope = saved_scope;
      r->func = saved_func;
      return;
    }

  /* Parameters. */
  for (AstNode *p = fn->list.first; p; p = p->next)
    declare_pattern (r, ps, p, BIND_PARAM, NULL);

  /* Body vars share the parameters' scope when parameters are simple;
     otherwise they get one of their own (closures in defaults must not
     see them). */
  AstNode *body = fn->b;
  bool expr_body = (fn->flags & AST_F_EXPR_BODY) != 0;
  Scope *vs = ps;
  /* With parameter expressions, a function expression's own name is
     seen from them unless a parameter takes it (the body's vars live
     apart and shadow it from inside). */
  bool simple = (fn->flags & AST_F_SIMPLE_PARAMS) != 0;
  if (!simple && fn->kind == AST_FUNC_EXPR && fn->a
      && !lookup_here (ps, fn->a->str))
    declare (r, ps, fn->a->str, BIND_CALLEE, fn);
  if (!(fn->flags & AST_F_SIMPLE_PARAMS) && !expr_body)
    {
      /* Defaults are walked in the parameter scope first (where an
         eval may already add names). */
      if (f->has_eval)
        capture_all_visible (ps);
      f->walking_params = true;
      for (AstNode *p = fn->list.first; p; p = p->next)
        walk (r, p);
      f->walking_params = false;
      vs = scope_push (r, SCOPE_VAR, body);
    }
  f->var_scope = vs;
  f->body_scope = vs;
  if (!expr_body && body)
    {
      GPtrArray *fns = f->strict ? NULL : g_ptr_array_new ();
      r->block_functions = fns;
      hoist_vars (r, vs, body, true);
      r->block_functions = NULL;
      hoist_lexical (r, vs, &body->list, true);
      if (fns)
        {
          declare_block_functions (r, vs, fns, &body->list);
          g_ptr_array_free (fns, TRUE);
        }
    }
  /* A named function expression sees its own name, unless a parameter
     or a var of the function shadows it. */
  if (fn->kind == AST_FUNC_EXPR && fn->a && !lookup_here (ps, fn->a->str)
      && !lookup_here (vs, fn->a->str))
    declare (r, ps, fn->a->str, BIND_CALLEE, fn);
  declare_arguments (r, f, fn);
  if (f->has_eval && !f->strict)
    {
      /* Sloppy direct eval adds var and function names to the variable
         environment (or, from parameter expressions, to the parameters'
         scope): each gets a hidden binding for the object that holds
         them, which eval finds by its key in the environment's shape. */
      f->eval_vars = declare_hidden (r, vs, BIND_EVAL_VARS);
      f->eval_vars->captured = true;
      if (vs != ps)
        {
          f->eval_param_vars = declare_hidden (r, ps, BIND_EVAL_PARAM_VARS);
          f->eval_param_vars->captured = true;
        }
    }
  if (f->has_eval && f->is_arrow)
    {
      /* Eval code in an arrow uses the enclosing function's this and
         new.target. */
      use_hidden (r, BIND_THIS);
      use_hidden (r, BIND_NEW_TARGET);
    }
  if (f->has_eval)
    capture_all_visible (r->scope);
  if (f->arguments && !f->strict
      && (fn->flags & AST_F_SIMPLE_PARAMS))
    {
      /* A mapped arguments object aliases the parameters: they live in
         the environment, where it can reach them (realm.c). */
      f->mapped_arguments = true;
      for (AstNode *p = fn->list.first; p; p = p->next)
        {
          Binding *b = lookup_here (ps, p->str);
          if (b)
            b->captured = true;
        }
    }

  if (fn->flags & AST_F_SIMPLE_PARAMS || expr_body)
    {
      f->walking_params = !(fn->flags & AST_F_SIMPLE_PARAMS);
      for (AstNode *p = fn->list.first; p; p = p->next)
        walk (r, p);
      f->walking_params = false;
    }
  if (expr_body)
    walk (r, body);
  else if (body)
    walk_list (r, &body->list);

  /* An eval inside may read any binding, including ones declared after
     the eval site in the walk. */
  if (f->has_eval)
    capture_all_visible (r->scope);
  r->scope = saved_scope;
  r->func = saved_func;
}

/* A synthetic function node: the class's field initializer (static or
 * not), or a default constructor.  Its scope and FuncInfo are made like a
 * method's; the compiler reads the class to compile its body. */
static AstNode *
synthetic_function (Resolver *r, AstNode *cls, uint32_t flags)
{
  AstNode *fn = ast_alloc (r->arena, sizeof *fn);
  memset (fn, 0, sizeof *fn);
  fn->kind = AST_FUNCTION;
  fn->flags = flags | AST_F_STRICT | AST_F_SIMPLE_PARAMS;
  fn->start = cls->start;
  fn->end = cls->end;
  fn->line = cls->line;
  fn->col = cls->col;
  return fn;
}

/* Walks the initializers of the fields of one kind (static or not) as
 * the body of their synthetic function. */
static void
walk_field_init (Resolver *r, AstNode *cls, AstNode *fn, bool statics)
{
  Scope *saved_scope = r->scope;
  FuncInfo *saved_func = r->func;
  FuncInfo *f = func_new (r, fn);
  f->strict = true;
  r->func = f;
  Scope *ps = scope_push (r, SCOPE_FUNCTION, fn);
  f->scope = f->var_scope = f->body_scope = ps;
  f->this_binding = declare_hidden (r, ps, BIND_THIS);
  for (AstNode *m = cls->list.first; m; m = m->next)
    if (m->kind == AST_CLASS_FIELD && ((m->flags & AST_F_STATIC) != 0) == statics
        && m->b)
      walk (r, m->b);
  r->scope = saved_scope;
  r->func = saved_func;
}

static void
walk_class (Resolver *r, AstNode *cls)
{
  Scope *s = scope_push (r, SCOPE_CLASS, cls);
  ClassInfo *ci = g_new0 (ClassInfo, 1);
  g_ptr_array_add (r->res->all_classes, ci);
  g_hash_table_insert (r->res->classes, cls, ci);
  if (cls->a)
    ci->name = declare (r, s, cls->a->str, BIND_CLASS, cls);
  /* Private names are bindings of the class scope holding symbols; a
     getter and a setter of one name share it. */
  for (AstNode *m = cls->list.first; m; m = m->next)
    if ((m->kind == AST_CLASS_METHOD || m->kind == AST_CLASS_FIELD) && m->a
        && m->a->kind == AST_PRIVATE_NAME)
      /* Methods and initializers are functions of their own: the names
         live in the class's environment. */
      declare (r, s, m->a->str, BIND_PRIVATE, m)->captured = true;
  /* Computed field keys are evaluated once, at definition, and read by
     the initializer later: each gets a hidden binding. */
  /* So are instance private methods and accessors: made once, when the
     class is defined, and installed on each instance. */
  for (AstNode *m = cls->list.first; m; m = m->next)
    if ((m->kind == AST_CLASS_FIELD && (m->flags & AST_F_COMPUTED))
        || (m->kind == AST_CLASS_METHOD && m->a
            && m->a->kind == AST_PRIVATE_NAME
            && !(m->flags & AST_F_STATIC)))
      {
        Binding *b = declare_hidden (r, s, BIND_VAR);
        b->captured = true;
        g_hash_table_insert (r->res->field_keys, m, b);
      }
  /* The home object and the constructor, for the initializers' super and
     for super () in arrows: hidden, captured. */
  ci->proto = declare_hidden (r, s, BIND_VAR);
  ci->proto->captured = true;
  ci->ctor = declare_hidden (r, s, BIND_VAR);
  ci->ctor->captured = true;
  if (cls->b)
    walk (r, cls->b);
  bool has_instance = false, has_static = false;
  for (AstNode *m = cls->list.first; m; m = m->next)
    {
      if (m->kind == AST_STATIC_BLOCK)
        {
          walk_function (r, m);
          has_static = true;
          continue;
        }
      if (m->a && (m->flags & AST_F_COMPUTED))
        walk (r, m->a);
      if (m->kind == AST_CLASS_FIELD)
        {
          if (m->flags & AST_F_STATIC)
            has_static = true;
          else
            has_instance = true;
          continue;
        }
      if (m->a && m->a->kind == AST_PRIVATE_NAME && !(m->flags & AST_F_STATIC))
        has_instance = true;
      if (m->flags & AST_F_CONSTRUCTOR)
        ci->ctor_node = m->b;
      if (m->b)
        walk (r, m->b);
    }
  if (has_instance)
    {
      ci->instance_init = synthetic_function (r, cls, AST_F_METHOD
                                                          | AST_F_FIELD_INIT);
      ci->instance_init->d = cls;
      walk_field_init (r, cls, ci->instance_init, false);
      scope_func_of (r->res, ci->instance_init)->class_info = ci;
    }
  if (has_static)
    {
      ci->static_init = synthetic_function (r, cls, AST_F_METHOD
                                                        | AST_F_FIELD_INIT
                                                        | AST_F_STATIC);
      ci->static_init->d = cls;
      walk_field_init (r, cls, ci->static_init, true);
      scope_func_of (r->res, ci->static_init)->class_info = ci;
    }
  if (!ci->ctor_node)
    {
      uint32_t flags = AST_F_CONSTRUCTOR | (cls->b ? AST_F_DERIVED : 0);
      ci->default_ctor = synthetic_function (r, cls, flags);
      walk_function (r, ci->default_ctor);
      scope_func_of (r->res, ci->default_ctor)->class_info = ci;
    }
  else
    scope_func_of (r->res, ci->ctor_node)->class_info = ci;
  scope_pop (r);
}

/* ------------------------------------------------------------------ */
/* The walk                                                            */
/* ------------------------------------------------------------------ */

static void
walk_list (Resolver *r, AstList *list)
{
  for (AstNode *n = list->first; n; n = n->next)
    walk (r, n);
}

/* A statement list with its own lexical scope when it declares any. */
static void
walk_block (Resolver *r, AstNode *node, AstList *stmts)
{
  bool scoped = list_has_lexical (stmts);
  if (scoped)
    {
      Scope *s = scope_push (r, SCOPE_BLOCK, node);
      hoist_lexical (r, s, stmts, false);
      block_functions_check (r, s, stmts);
    }
  walk_list (r, stmts);
  if (scoped)
    scope_pop (r);
}

/* A loop head's let/const, with the loop's own scope. */
static bool
walk_loop_head (Resolver *r, AstNode *loop, AstNode *decl)
{
  if (!decl || decl->kind != AST_VAR_DECL || decl->op == AST_DECL_VAR)
    return false;
  Scope *s = scope_push (r, SCOPE_BLOCK, loop);
  for (AstNode *x = decl->list.first; x; x = x->next)
    declare_pattern (r, s, x->a,
                     decl->op == AST_DECL_CONST ? BIND_CONST : BIND_LET,
                     decl);
  return true;
}

static void
walk (Resolver *r, AstNode *n)
{
  if (!n)
    return;
  /* Chains of operators and member accesses nest without bound (the
     parser builds them in loops): stop before the stack runs out. */
  if (G_UNLIKELY (!runtime_c_stack_ok (r->stack_limit)))
    {
      r->res->too_deep = true;
      return;
    }
  switch (n->kind)
    {
    case AST_IDENT:
      resolve_name (r, n);
      break;
    case AST_THIS:
      use_hidden (r, BIND_THIS);
      break;
    case AST_NEW_TARGET:
      use_hidden (r, BIND_NEW_TARGET);
      break;
    case AST_SUPER:
      use_hidden (r, BIND_HOME);
      use_hidden (r, BIND_THIS);
      break;
    case AST_FUNC_DECL:
    case AST_FUNC_EXPR:
    case AST_FUNCTION:
      walk_function (r, n);
      break;
    case AST_CLASS_DECL:
      /* The declaration's name is a reference to the binding of the
         enclosing scope, which the class initializes. */
      if (n->a)
        resolve_name (r, n->a);
      walk_class (r, n);
      break;
    case AST_CLASS_EXPR:
      walk_class (r, n);
      break;
    case AST_BLOCK:
      walk_block (r, n, &n->list);
      break;
    case AST_FOR:
      {
        bool scoped = walk_loop_head (r, n, n->a);
        walk (r, n->a);
        walk (r, n->b);
        walk (r, n->c);
        walk (r, n->d);
        if (scoped)
          scope_pop (r);
      }
      break;
    case AST_FOR_IN:
    case AST_FOR_OF:
      {
        /* The right side sees the head's names in their TDZ. */
        bool scoped = walk_loop_head (r, n, n->a);
        walk (r, n->b);
        walk (r, n->a);
        walk (r, n->d);
        if (scoped)
          scope_pop (r);
      }
      break;
    case AST_SWITCH:
      {
        walk (r, n->a);
        bool scoped = false;
        for (AstNode *c = n->list.first; c && !scoped; c = c->next)
          scoped = list_has_lexical (&c->list);
        if (scoped)
          {
            Scope *s = scope_push (r, SCOPE_BLOCK, n);
            for (AstNode *c = n->list.first; c; c = c->next)
              hoist_lexical (r, s, &c->list, false);
            for (AstNode *c = n->list.first; c; c = c->next)
              block_functions_check (r, s, &c->list);
          }
        for (AstNode *c = n->list.first; c; c = c->next)
          {
            walk (r, c->a);
            walk_list (r, &c->list);
          }
        if (scoped)
          scope_pop (r);
      }
      break;
    case AST_CATCH:
      {
        Scope *s = scope_push (r, SCOPE_CATCH, n);
        if (n->a)
          {
            declare_pattern (r, s, n->a, BIND_CATCH, n);
            walk (r, n->a);
          }
        walk (r, n->b);
        scope_pop (r);
      }
      break;
    case AST_WITH:
      walk (r, n->a);
      scope_push (r, SCOPE_WITH, n);
      walk (r, n->d);
      scope_pop (r);
      break;
    case AST_LABELED:
      walk (r, n->a);
      break;
    case AST_MEMBER:
      walk (r, n->a);
      if (n->flags & AST_F_COMPUTED)
        walk (r, n->b);
      else if (n->b && n->b->kind == AST_PRIVATE_NAME)
        walk (r, n->b);
      break;
    case AST_PRIVATE_NAME:
      {
        /* #x resolves to the class scope binding holding its symbol. */
        for (Scope *s = r->scope; s; s = s->parent)
          {
            Binding *b = lookup_here (s, n->str);
            if (b && b->kind == BIND_PRIVATE)
              {
                if (s->func != r->func)
                  b->captured = true;
                b->used = true;
                g_hash_table_insert (r->res->refs, n, b);
                break;
              }
          }
      }
      break;
    case AST_PROPERTY:
      if (n->flags & AST_F_COMPUTED)
        walk (r, n->a);
      walk (r, n->b);
      break;
    case AST_CALL:
      if (n->a && n->a->kind == AST_SUPER)
        use_hidden (r, BIND_NEW_TARGET);
      walk (r, n->a);
      walk_list (r, &n->list);
      if (n->flags & AST_F_DIRECT_EVAL)
        capture_all_visible (r->scope);
      break;
    case AST_IMPORT:
      break;
    case AST_EXPORT_SPEC:
    case AST_EXPORT_ALL:
      break;
    case AST_EXPORT_NAMED:
      walk (r, n->a);
      break;
    case AST_EXPORT_DEFAULT:
      walk (r, n->a);
      break;
    default:
      walk (r, n->a);
      walk (r, n->b);
      walk (r, n->c);
      walk (r, n->d);
      walk_list (r, &n->list);
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Environment slots                                                   */
/* ------------------------------------------------------------------ */

static void
assign_slots (Scope *s)
{
  for (guint i = 0; i < s->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (s->bindings, i);
      if (b->captured || s->dynamic || s->kind == SCOPE_MODULE)
        b->slot = (int32_t) s->env_slots++;
    }
  s->has_env = s->env_slots > 0 || s->dynamic;
}

/* A function keeps at most this many bindings in registers; the rest
 * live in its environments (whose slots the long-form moves reach), so
 * its temporaries, allocated above the bindings, keep u16 numbers
 * (bytecode.h).  Only generated code has that many names. */
#define REG_BINDINGS_MAX 0x8000u

static void
limit_register_bindings (Scope *s)
{
  if (s->dynamic || s->kind == SCOPE_MODULE)
    return;
  for (guint i = 0; i < s->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (s->bindings, i);
      if (!b->captured && ++s->func->reg_bindings > REG_BINDINGS_MAX)
        b->captured = true;
    }
}

/* ------------------------------------------------------------------ */
/* Entry                                                               */
/* ------------------------------------------------------------------ */

void
scope_resolve (Resolution *res, AstArena *arena, AstNode *program,
               ScopeKind top_kind, bool outer_dynamic, bool var_object)
{
  memset (res, 0, sizeof *res);
  res->scopes = g_hash_table_new (NULL, NULL);
  res->refs = g_hash_table_new (NULL, NULL);
  res->dynamic = g_hash_table_new (NULL, NULL);
  res->funcs = g_hash_table_new (NULL, NULL);
  res->all_scopes = g_ptr_array_new ();
  res->all_funcs = g_ptr_array_new ();
  res->all_bindings = g_ptr_array_new ();

  res->classes = g_hash_table_new (NULL, NULL);
  res->field_keys = g_hash_table_new (NULL, NULL);
  res->annexb = g_hash_table_new (NULL, NULL);
  res->annexb_block = g_hash_table_new (NULL, NULL);
  res->all_classes = g_ptr_array_new_with_free_func (g_free);
  res->s_arguments = program->str;
  Resolver r = { res, NULL, NULL, outer_dynamic, arena, NULL,
                 runtime_c_stack_limit () };
  FuncInfo *f = func_new (&r, program);
  f->strict = (program->flags & AST_F_STRICT) != 0;
  r.func = f;
  bool module = top_kind == SCOPE_MODULE;
  Scope *top = scope_push (&r, top_kind, program);
  f->scope = f->var_scope = f->body_scope = top;
  f->this_binding = declare_hidden (&r, top, BIND_THIS);
  if (module)
    {
      /* A module's top-level names are bindings of its environment. */
      hoist_vars (&r, top, program, true);
      hoist_lexical (&r, top, &program->list, true);
      for (AstNode *n = program->list.first; n; n = n->next)
        if (n->kind == AST_IMPORT)
          for (AstNode *sp = n->list.first; sp; sp = sp->next)
            declare (&r, top, sp->a->str, BIND_IMPORT, sp);
      /* export default of an expression or an anonymous declaration: a
         binding without a name the code can spell. */
      for (AstNode *n = program->list.first; n; n = n->next)
        if (n->kind == AST_EXPORT_DEFAULT
            && !((n->a->kind == AST_FUNC_DECL || n->a->kind == AST_CLASS_DECL)
                 && n->a->a))
          {
            Binding *b = declare_hidden (&r, top, n->a->kind == AST_FUNC_DECL
                                                      ? BIND_VAR
                                                      : BIND_LET);
            b->lexical = n->a->kind != AST_FUNC_DECL;
            if (n->a->kind == AST_FUNC_DECL)
              b->decl = n->a;
            res->default_binding = b;
          }
    }
  if (top_kind == SCOPE_EVAL)
    {
      /* Eval code's let, const and class are its own; so are its var and
         function names when it is strict (sloppy ones land in the
         caller's variable environment, found by name, and so do those of
         code run with a variable object, strict or not). */
      if (f->strict && !var_object)
        hoist_vars (&r, top, program, true);
      hoist_lexical (&r, top, &program->list, true);
    }
  /* A script's var, function, let, const and class names are globals:
     properties of the global object or entries of the script scope, found
     by name at run time (other scripts share them). */
  if (top_kind == SCOPE_SCRIPT && !f->strict)
    {
      GPtrArray *fns = g_ptr_array_new ();
      r.block_functions = fns;
      hoist_vars (&r, top, program, true);
      r.block_functions = NULL;
      declare_block_functions (&r, top, fns, &program->list);
      g_ptr_array_free (fns, TRUE);
    }
  walk_list (&r, &program->list);
  if (outer_dynamic || (program->flags & AST_F_DIRECT_EVAL))
    top->dynamic = top->kind != SCOPE_SCRIPT;

  for (guint i = 0; i < res->all_scopes->len; i++)
    limit_register_bindings (g_ptr_array_index (res->all_scopes, i));
  for (guint i = 0; i < res->all_scopes->len; i++)
    assign_slots (g_ptr_array_index (res->all_scopes, i));
}

void
scope_resolution_free (Resolution *res)
{
  for (guint i = 0; i < res->all_scopes->len; i++)
    {
      Scope *s = g_ptr_array_index (res->all_scopes, i);
      g_ptr_array_free (s->bindings, TRUE);
      g_hash_table_destroy (s->by_name);
      g_free (s);
    }
  g_ptr_array_free (res->all_scopes, TRUE);
  g_ptr_array_set_free_func (res->all_funcs, g_free);
  g_ptr_array_free (res->all_funcs, TRUE);
  g_ptr_array_set_free_func (res->all_bindings, g_free);
  g_ptr_array_free (res->all_bindings, TRUE);
  g_hash_table_destroy (res->scopes);
  g_hash_table_destroy (res->refs);
  g_hash_table_destroy (res->dynamic);
  g_hash_table_destroy (res->funcs);
  g_hash_table_destroy (res->classes);
  g_hash_table_destroy (res->field_keys);
  g_hash_table_destroy (res->annexb);
  g_hash_table_destroy (res->annexb_block);
  g_ptr_array_free (res->all_classes, TRUE);
  memset (res, 0, sizeof *res);
}
