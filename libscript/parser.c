/* parser.c — recursive descent from tokens to the syntax tree, with the
 * early errors of ECMA-262 (ES2022).
 *
 * Statements are parsed by one function per statement; expressions by one
 * function per precedence tier, binary operators by precedence climbing.
 * Cover grammars are parsed as expressions first and converted afterwards:
 * an object or array literal becomes a pattern when "=" follows it, a
 * parenthesized list becomes arrow parameters when "=>" follows it, and
 * "async(...)" an async arrow head.  What is an error only when no
 * conversion happens ({a = 1}, a duplicate __proto__) is recorded in a
 * CoverErrors and reported when it is known that the literal stays a
 * literal.
 *
 * Every early error is found while parsing, in one pass: declarations go
 * into a chain of Scopes (for redeclarations), functions into a chain of
 * FuncCtx (for yield, await, return, super, new.target, arguments and
 * labels), classes into ClassCtx (for private names).  Strict mode that a
 * function body switches on with "use strict" applies to its name and
 * parameters too, so those are checked again when that happens.
 *
 * No recursion is unbounded: every recursive path goes through enter(),
 * which counts nesting against ParseOptions.max_depth.  Errors never jump:
 * a function that fails returns NULL (or false) after recording the first
 * error, and every caller checks.
 */
#include "config.h"

#include "parser.h"

#include <glib.h>
#include <stdarg.h>
#include <string.h>

#include "lexer.h"

/* ----------------------------------------------------------------- scopes */

/* What a name is bound as in one scope. */
enum
{
  NAME_VAR = 1 << 0,           /* var, here or in a nested block */
  NAME_LEXICAL = 1 << 1,       /* let, const, class, import, strict or
                                  non-plain block function */
  NAME_FUNCTION = 1 << 2,      /* plain function in a sloppy block */
  NAME_TOP_FUNCTION = 1 << 3,  /* function at a function's or script's top */
  NAME_PARAM = 1 << 4,         /* formal parameter */
  NAME_CATCH = 1 << 5,         /* catch (e): a simple catch parameter */
  NAME_CATCH_PATTERN = 1 << 6, /* a name bound by a catch pattern */
};

typedef enum
{
  SCOPE_BLOCK,    /* block, switch, for head, class body */
  SCOPE_CATCH,    /* a catch clause: parameter and block */
  SCOPE_FUNCTION, /* a function's parameters and body: a var scope */
  SCOPE_TOP,      /* script or module top level, static block: var scope */
} ScopeKind;

typedef struct
{
  const AstStr *name; /* NULL: free slot of a hashed table */
  uint32_t bits;      /* NAME_* */
} NameEntry;

#define SCOPE_INLINE 8

/* A set of names; linear while small, then an open-addressing table. */
typedef struct
{
  NameEntry *entries; /* inline or g_malloc'd */
  uint32_t count;     /* names held */
  uint32_t cap;       /* slots in entries; > SCOPE_INLINE means hashed */
  NameEntry inline_entries[SCOPE_INLINE];
} NameSet;

typedef struct Scope Scope;
struct Scope
{
  Scope *outer;    /* enclosing scope */
  ScopeKind kind;  /* what opened it */
  bool module_top; /* the module's top level: functions are lexical */
  NameSet names;   /* what is declared here */
};

static void
nameset_init (NameSet *set)
{
  set->entries = set->inline_entries;
  set->count = 0;
  set->cap = SCOPE_INLINE;
}

static void
nameset_free (NameSet *set)
{
  if (set->entries != set->inline_entries)
    g_free (set->entries);
}

static NameEntry *
nameset_find (NameSet *set, const AstStr *name)
{
  if (set->cap <= SCOPE_INLINE)
    {
      for (uint32_t i = 0; i < set->count; i++)
        if (set->entries[i].name == name)
          return &set->entries[i];
      return NULL;
    }
  for (uint32_t i = name->hash & (set->cap - 1);;
       i = (i + 1) & (set->cap - 1))
    {
      if (set->entries[i].name == name)
        return &set->entries[i];
      if (!set->entries[i].name)
        return NULL;
    }
}

static void nameset_insert (NameSet *set, const AstStr *name, uint32_t bits);

static void
nameset_grow (NameSet *set)
{
  NameEntry *old = set->entries;
  uint32_t old_cap = set->cap, old_count = set->count;
  bool was_hashed = old_cap > SCOPE_INLINE;

  set->cap = was_hashed ? old_cap * 2 : 32;
  set->entries = g_new0 (NameEntry, set->cap);
  set->count = 0;
  for (uint32_t i = 0; i < (was_hashed ? old_cap : old_count); i++)
    if (old[i].name)
      nameset_insert (set, old[i].name, old[i].bits);
  if (old != set->inline_entries)
    g_free (old);
}

static void
nameset_insert (NameSet *set, const AstStr *name, uint32_t bits)
{
  if (set->cap <= SCOPE_INLINE)
    {
      if (set->count < SCOPE_INLINE)
        {
          set->entries[set->count].name = name;
          set->entries[set->count++].bits = bits;
          return;
        }
      nameset_grow (set);
    }
  else if ((set->count + 1) * 2 > set->cap)
    nameset_grow (set);
  for (uint32_t i = name->hash & (set->cap - 1);;
       i = (i + 1) & (set->cap - 1))
    if (!set->entries[i].name)
      {
        set->entries[i].name = name;
        set->entries[i].bits = bits;
        set->count++;
        return;
      }
}

/* Adds bits to name's entry, creating it. */
static void
nameset_add (NameSet *set, const AstStr *name, uint32_t bits)
{
  NameEntry *e = nameset_find (set, name);

  if (e)
    e->bits |= bits;
  else
    nameset_insert (set, name, bits);
}

/* ---------------------------------------------------- functions, classes */

/* What kind of code a FuncCtx is. */
enum
{
  FN_ASYNC = 1 << 0,        /* await is an operator */
  FN_GENERATOR = 1 << 1,    /* yield is an operator */
  FN_ARROW = 1 << 2,        /* this, super, arguments come from outside */
  FN_METHOD = 1 << 3,       /* super.x allowed */
  FN_DERIVED_CTOR = 1 << 4, /* super() allowed */
  FN_FIELD_INIT = 1 << 5,   /* class field initializer: no arguments */
  FN_STATIC_BLOCK = 1 << 6, /* class static block: no arguments, await */
  FN_TOP = 1 << 7,          /* script or module top level */
  FN_AWAIT_RESERVED = 1 << 8, /* await may not be an identifier here */
};

typedef struct FuncCtx FuncCtx;
struct FuncCtx
{
  FuncCtx *outer;        /* enclosing function */
  uint32_t flags;        /* FN_* */
  bool strict;           /* strict mode code */
  bool in_params;        /* parsing the formal parameters */
  AstNode *node;         /* the FUNCTION node, NULL at top level */
  uint32_t label_base;   /* labels below this index are outside */
  uint32_t loops;        /* enclosing iteration statements */
  uint32_t breakables;   /* enclosing loops and switches */
};

typedef struct
{
  const AstStr *name; /* the label */
  bool loop;          /* it labels an iteration statement */
} Label;

/* A private name declared in a class body. */
enum
{
  PRIV_FIELD = 1 << 0,  /* field or method: nothing may join it */
  PRIV_GETTER = 1 << 1, /* accessor halves may pair up once */
  PRIV_SETTER = 1 << 2,
  PRIV_STATIC = 1 << 3,
};

/* A reference to a private name not yet matched with a declaration. */
typedef struct
{
  const AstStr *name;
  uint32_t offset, line, col;
} PrivateRef;

typedef struct ClassCtx ClassCtx;
struct ClassCtx
{
  ClassCtx *outer;    /* enclosing class body */
  NameSet declared;   /* private names, with PRIV_* bits */
  GArray *unresolved; /* PrivateRef not declared so far */
};

/* A source position, for errors found after the fact. */
typedef struct
{
  uint32_t offset, line, col;
  bool set;
} Pos;

/* Errors of a literal that are errors only if it stays a literal, and
 * errors of a cover that are errors only if it becomes a pattern. */
typedef struct
{
  Pos shorthand_init; /* { a = 1 }: only valid as a pattern */
  Pos double_proto;   /* { __proto__: a, __proto__: b }: only as pattern */
} CoverErrors;

/* Expression flags passed down the precedence tiers. */
enum
{
  EXPR_NO_IN = 1 << 0, /* a for-statement head: "in" is not an operator */
};

/* What a binding declares. */
typedef enum
{
  BIND_NONE,          /* only checked, declared later */
  BIND_VAR,           /* var */
  BIND_VAR_FOR_OF,    /* var of for (var x of ...) */
  BIND_LEXICAL,       /* let, const, class, import */
  BIND_PARAM,         /* formal parameter */
  BIND_CATCH,         /* catch (e) */
  BIND_CATCH_PATTERN, /* catch ([e]) */
} BindKind;

typedef struct
{
  Lexer lx;
  AstArena *arena;
  const char *src;
  LexToken tok;         /* the current token */
  LexToken ahead;       /* the token after it, when has_ahead */
  bool has_ahead;
  uint32_t prev_end;    /* end of the previous token */
  ParseError *err;      /* where the first error goes */
  bool failed;          /* an error was recorded */
  ParseOptions opts;    /* as given */
  unsigned depth;       /* nesting of recursive calls */
  unsigned max_depth;   /* limit of depth */
  FuncCtx *fn;          /* the innermost function */
  Scope *scope;         /* the innermost scope */
  ClassCtx *cls;        /* the innermost class body */
  GArray *labels;       /* Label, innermost last */
  uint32_t pending_labels; /* labels that label the next statement */
  uint32_t arrow_start; /* offset where an arrow function may start */
  Pos yield_pos;        /* first yield expression in the cover */
  Pos await_pos;        /* first await expression in the cover */
  Pos await_ident_pos;  /* first "await" identifier in the cover */
  GPtrArray *params;    /* IDENT nodes of the parameters being parsed */
  NameSet exported;     /* module: exported names */
  GArray *export_refs;  /* module: PrivateRef of export { x } locals */
  Scope *module_scope;  /* module: its top scope */
  /* Names compared by pointer. */
  const AstStr *n_let, *n_static, *n_yield, *n_await, *n_async, *n_of,
    *n_get, *n_set, *n_eval, *n_arguments, *n_constructor, *n_prototype,
    *n_proto, *n_target, *n_meta, *n_from, *n_as, *n_implements,
    *n_interface, *n_package, *n_private, *n_protected, *n_public,
    *n_default, *n_star_default;
} Parser;

/* ----------------------------------------------------------------- errors */

static void
error_at (Parser *P, uint32_t offset, uint32_t line, uint32_t col,
          const char *fmt, va_list ap)
{
  if (P->failed)
    return;
  P->failed = true;
  P->err->kind = PARSE_ERROR_SYNTAX;
  g_vsnprintf (P->err->message, sizeof P->err->message, fmt, ap);
  P->err->offset = offset;
  P->err->line = line;
  P->err->column = col;
}

/* Records an error at the current token; returns NULL for the callers. */
G_GNUC_PRINTF (2, 3) static void *
fail (Parser *P, const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  error_at (P, P->tok.start, P->tok.line, P->tok.col, fmt, ap);
  va_end (ap);
  return NULL;
}

G_GNUC_PRINTF (3, 4) static void *
fail_node (Parser *P, const AstNode *n, const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  error_at (P, n->start, n->line, n->col, fmt, ap);
  va_end (ap);
  return NULL;
}

G_GNUC_PRINTF (3, 4) static void *
fail_pos (Parser *P, Pos pos, const char *fmt, ...)
{
  va_list ap;

  va_start (ap, fmt);
  error_at (P, pos.offset, pos.line, pos.col, fmt, ap);
  va_end (ap);
  return NULL;
}

/* The position of a byte offset of the current line or an earlier one,
 * found by scanning back for its column. */
static Pos
pos_of_offset (Parser *P, uint32_t offset)
{
  /* Only used for faults inside the current token, which starts on
   * P->tok.line at P->tok.col. */
  Pos p = { offset, P->tok.line, P->tok.col, true };
  const uint8_t *s = (const uint8_t *) P->src;
  uint32_t len = P->lx.len;

  for (uint32_t i = P->tok.start; i < offset && i < len; i++)
    {
      if (s[i] == '\n'
          || (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n')))
        {
          p.line++;
          p.col = 1;
        }
      else if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80
               && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
        {
          /* LS and PS end lines too; their other bytes are
           * continuation bytes, skipped below. */
          p.line++;
          p.col = 1;
        }
      else if (s[i] == '\r')
        ; /* the CR of a CRLF */
      else if ((s[i] & 0xC0) != 0x80)
        p.col += s[i] >= 0xF0 ? 2 : 1;
    }
  return p;
}

static inline Pos
tok_pos (const LexToken *t)
{
  return (Pos){ t->start, t->line, t->col, true };
}

static inline Pos
node_pos (const AstNode *n)
{
  return (Pos){ n->start, n->line, n->col, true };
}

/* Reports an error token from the lexer with its own message. */
static void *
fail_lexer (Parser *P)
{
  Pos p = pos_of_offset (P, MAX (P->tok.error_pos, P->tok.start));
  return fail_pos (P, p, "%s", P->tok.error ? P->tok.error : "invalid token");
}

/* "unexpected token" in the words that fit the token. */
static void *
fail_unexpected (Parser *P)
{
  const LexToken *t = &P->tok;

  switch (t->kind)
    {
    case LEX_ERROR:
      return fail_lexer (P);
    case LEX_EOF:
      return fail (P, "unexpected end of input");
    case LEX_IDENT:
      if (t->str->keyword)
        return fail (P, "keyword must not contain escaped characters");
      return fail (P, "unexpected identifier");
    case LEX_NUMBER:
    case LEX_BIGINT:
      return fail (P, "unexpected number");
    case LEX_STRING:
      return fail (P, "unexpected string");
    case LEX_TEMPLATE:
      return fail (P, "unexpected template string");
    case LEX_PRIVATE_NAME:
      return fail (P, "unexpected private name");
    default:
      return fail (P, "unexpected token '%s'", lex_token_name (t->kind));
    }
}

/* Enters one level of nesting; false (with the error) when too deep. */
static bool
enter (Parser *P)
{
  char here;

  if (++P->depth <= P->max_depth
      && (!P->opts.stack_limit
          || (uintptr_t) &here > (uintptr_t) P->opts.stack_limit))
    return true;
  if (!P->failed)
    {
      fail (P, "too much nesting");
      P->err->kind = PARSE_ERROR_NESTING;
    }
  return false;
}

static inline void
leave (Parser *P)
{
  P->depth--;
}

/* ----------------------------------------------------------------- tokens */

static void
next (Parser *P)
{
  P->prev_end = P->tok.end;
  if (P->has_ahead)
    {
      P->tok = P->ahead;
      P->has_ahead = false;
    }
  else
    lex_next (&P->lx, &P->tok);
}

static const LexToken *
peek (Parser *P)
{
  if (!P->has_ahead)
    {
      lex_next (&P->lx, &P->ahead);
      P->has_ahead = true;
    }
  return &P->ahead;
}

/* Whether the token after the peeked one is "=>" on the same line: the
 * one place that needs two tokens of lookahead (async x => ...). */
static bool
peek2_is_arrow (Parser *P)
{
  LexMark saved;
  LexToken t;

  peek (P);
  saved = P->lx.at;
  lex_next (&P->lx, &t);
  P->lx.at = saved;
  return t.kind == LEX_ARROW && !(t.flags & LEX_TF_NEWLINE_BEFORE);
}

static inline bool
at (Parser *P, LexTokenKind kind)
{
  return P->tok.kind == kind;
}

/* Whether the current token is the contextual keyword name, unescaped. */
static inline bool
at_word (Parser *P, const AstStr *name)
{
  return P->tok.kind == LEX_IDENT && P->tok.str == name
         && !(P->tok.flags & LEX_TF_ESCAPED);
}

static inline bool
is_word (const LexToken *t, const AstStr *name)
{
  return t->kind == LEX_IDENT && t->str == name
         && !(t->flags & LEX_TF_ESCAPED);
}

static inline bool
newline_before (const LexToken *t)
{
  return t->flags & LEX_TF_NEWLINE_BEFORE;
}

static bool
eat (Parser *P, LexTokenKind kind)
{
  if (P->tok.kind != kind)
    return false;
  next (P);
  return true;
}

static bool
expect (Parser *P, LexTokenKind kind)
{
  if (P->tok.kind == kind)
    {
      next (P);
      return true;
    }
  if (P->tok.kind == LEX_ERROR)
    fail_lexer (P);
  else if (P->tok.kind == LEX_EOF)
    fail (P, "expected '%s' before end of input", lex_token_name (kind));
  else
    fail (P, "expected '%s' but found '%s'", lex_token_name (kind),
          P->tok.kind == LEX_IDENT ? "identifier"
                                   : lex_token_name (P->tok.kind));
  return false;
}

/* Automatic semicolon insertion: a ";" is taken, or assumed before "}",
 * the end of input or a token on a new line. */
static bool
semicolon (Parser *P)
{
  if (eat (P, LEX_SEMICOLON))
    return true;
  if (at (P, LEX_RBRACE) || at (P, LEX_EOF) || newline_before (&P->tok))
    return true;
  if (at (P, LEX_ERROR))
    return fail_lexer (P), false;
  fail (P, "missing ';' before %s",
        P->tok.kind == LEX_IDENT ? "identifier"
                                 : lex_token_name (P->tok.kind));
  return false;
}

/* ------------------------------------------------------------------ nodes */

static AstNode *
node_at (Parser *P, AstKind kind, Pos pos)
{
  AstNode *n = ast_alloc (P->arena, sizeof *n);

  memset (n, 0, sizeof *n);
  n->kind = kind;
  n->start = pos.offset;
  n->line = pos.line;
  n->col = pos.col;
  n->end = pos.offset;
  return n;
}

/* A node that starts at the current token. */
static inline AstNode *
node_here (Parser *P, AstKind kind)
{
  return node_at (P, kind, tok_pos (&P->tok));
}

/* Sets n's end to the end of the last token taken. */
static inline AstNode *
finish (Parser *P, AstNode *n)
{
  n->end = P->prev_end;
  return n;
}

static inline bool
is_paren (const AstNode *n)
{
  return n->flags & AST_F_PAREN;
}

/* ------------------------------------------------------------ scope help */

static void
scope_push (Parser *P, Scope *s, ScopeKind kind)
{
  s->outer = P->scope;
  s->kind = kind;
  s->module_top = false;
  nameset_init (&s->names);
  P->scope = s;
}

static void
scope_pop (Parser *P, Scope *s)
{
  P->scope = s->outer;
  nameset_free (&s->names);
}

/* name as UTF-8 in buf, cut short if long, for messages. */
static const char *
name_text (const AstStr *name, char buf[64])
{
  uint32_t n = 0;

  for (uint32_t i = 0; i < name->len && n + 7 < 64; i++)
    {
      gunichar c = name->data[i];
      if (c >= 0xD800 && c <= 0xDFFF)
        c = 0xFFFD;
      n += g_unichar_to_utf8 (c, buf + n);
    }
  buf[n] = 0;
  return buf;
}

static void *
fail_redeclared (Parser *P, const AstNode *id)
{
  char buf[64];

  return fail_node (P, id, "redeclaration of '%s'", name_text (id->str, buf));
}

/* Whether the scope is where var and top-level functions go. */
static inline bool
is_var_scope (const Scope *s)
{
  return s->kind == SCOPE_FUNCTION || s->kind == SCOPE_TOP;
}

/* Declares the identifier id in the current scope. */
static bool
declare (Parser *P, const AstNode *id, BindKind kind)
{
  Scope *s = P->scope;
  const AstStr *name = id->str;
  NameEntry *e;

  switch (kind)
    {
    case BIND_NONE:
      return true;
    case BIND_LEXICAL:
      e = nameset_find (&s->names, name);
      if (e && e->bits)
        return fail_redeclared (P, id), false;
      nameset_add (&s->names, name, NAME_LEXICAL);
      return true;
    case BIND_VAR:
    case BIND_VAR_FOR_OF:
      for (;; s = s->outer)
        {
          e = nameset_find (&s->names, name);
          if (e)
            {
              if (e->bits & (NAME_LEXICAL | NAME_FUNCTION))
                return fail_redeclared (P, id), false;
              if (e->bits & NAME_CATCH_PATTERN)
                return fail_redeclared (P, id), false;
              if ((e->bits & NAME_CATCH) && kind == BIND_VAR_FOR_OF)
                return fail_redeclared (P, id), false;
            }
          nameset_add (&s->names, name, NAME_VAR);
          if (is_var_scope (s))
            return true;
        }
    case BIND_PARAM:
      e = nameset_find (&s->names, name);
      if (e && (e->bits & NAME_PARAM))
        {
          /* Whether a duplicate is an error depends on strictness and
           * the kind of parameter list, known later: remember it. */
          g_ptr_array_add (P->params, (gpointer) id);
          return true;
        }
      nameset_add (&s->names, name, NAME_PARAM);
      return true;
    case BIND_CATCH:
      nameset_add (&s->names, name, NAME_CATCH);
      return true;
    case BIND_CATCH_PATTERN:
      e = nameset_find (&s->names, name);
      if (e && e->bits)
        return fail_redeclared (P, id), false;
      nameset_add (&s->names, name, NAME_CATCH_PATTERN);
      return true;
    }
  return true;
}

/* Declares a function declaration's name in the current scope. */
static bool
declare_function (Parser *P, const AstNode *id, bool plain)
{
  Scope *s = P->scope;
  NameEntry *e = nameset_find (&s->names, id->str);

  if (is_var_scope (s) && !s->module_top)
    {
      if (e && (e->bits & NAME_LEXICAL))
        return fail_redeclared (P, id), false;
      nameset_add (&s->names, id->str, NAME_TOP_FUNCTION);
      return true;
    }
  /* In a sloppy block, plain functions may be declared twice (web
   * compatibility, ECMA-262 B.3.2.4). */
  if (plain && !P->fn->strict && !s->module_top)
    {
      if (e && (e->bits & ~NAME_FUNCTION))
        return fail_redeclared (P, id), false;
      nameset_add (&s->names, id->str, NAME_FUNCTION);
      return true;
    }
  return declare (P, id, BIND_LEXICAL);
}

/* --------------------------------------------------------------- contexts */

/* The innermost function that is not an arrow: where this, super,
 * arguments and new.target come from. */
static FuncCtx *
nonarrow (Parser *P)
{
  FuncCtx *f = P->fn;

  while (f->outer && (f->flags & FN_ARROW))
    f = f->outer;
  return f;
}

static inline bool
yield_is_operator (Parser *P)
{
  return P->fn->flags & FN_GENERATOR;
}

static inline bool
await_is_operator (Parser *P)
{
  uint32_t f = P->fn->flags;

  return (f & (FN_ASYNC | FN_STATIC_BLOCK))
         || ((f & FN_TOP) && (P->opts.module || P->opts.allow_await));
}

/* Whether "await" may not be an identifier here.  Arrow functions do not
 * inherit this: their bodies are parsed without [Await]. */
static bool
await_reserved (Parser *P)
{
  return P->opts.module || await_is_operator (P)
         || (P->fn->flags & (FN_AWAIT_RESERVED | FN_STATIC_BLOCK));
}

static bool
is_strict_reserved (Parser *P, const AstStr *name)
{
  return name == P->n_implements || name == P->n_interface
         || name == P->n_let || name == P->n_package
         || name == P->n_private || name == P->n_protected
         || name == P->n_public || name == P->n_static
         || name == P->n_yield;
}

/* Checks an identifier token used as a reference, binding or label:
 * reserved words, and yield and await where they are operators. */
static bool
check_identifier (Parser *P, const LexToken *t)
{
  const AstStr *name = t->str;
  char buf[64];

  if (t->kind != LEX_IDENT)
    {
      fail_unexpected (P);
      return false;
    }
  if (name->keyword)
    {
      fail_pos (P, tok_pos (t), "keyword must not contain escaped "
                "characters");
      return false;
    }
  if (P->fn->strict && is_strict_reserved (P, name))
    {
      fail_pos (P, tok_pos (t), "'%s' is a reserved word in strict mode",
                name_text (name, buf));
      return false;
    }
  if (name == P->n_yield && (yield_is_operator (P)))
    {
      fail_pos (P, tok_pos (t), "'yield' is not a valid identifier here");
      return false;
    }
  if (name == P->n_await)
    {
      if (await_reserved (P))
        {
          fail_pos (P, tok_pos (t),
                    "'await' is not a valid identifier here");
          return false;
        }
      if (!P->await_ident_pos.set)
        P->await_ident_pos = tok_pos (t);
    }
  return true;
}

/* What a binding adds to check_identifier: no eval or arguments in strict
 * code, no let in lexical declarations. */
static bool
check_binding_name (Parser *P, const AstNode *id, BindKind kind)
{
  if (P->fn->strict && (id->str == P->n_eval || id->str == P->n_arguments))
    {
      char buf[64];
      fail_node (P, id, "cannot bind '%s' in strict mode",
                 name_text (id->str, buf));
      return false;
    }
  if (kind == BIND_LEXICAL && id->str == P->n_let)
    {
      fail_node (P, id, "'let' cannot be a lexically bound name");
      return false;
    }
  return true;
}

/* Records that the current function (and the arrows up to the function
 * that provides it) uses this, super or new.target. */
static void
note_this (Parser *P)
{
  for (FuncCtx *f = P->fn; f; f = f->outer)
    {
      if (f->node)
        f->node->flags |= AST_F_USES_THIS;
      if (!(f->flags & FN_ARROW))
        break;
    }
}

/* Whether a private name is declared outside the code being parsed (by
 * the classes around a direct eval). */
static bool
private_name_outside (Parser *P, const AstStr *name)
{
  return P->opts.private_name_visible
         && P->opts.private_name_visible (P->opts.private_name_data, name);
}

static bool
check_private_ref (Parser *P, const LexToken *t)
{
  PrivateRef ref = { t->str, t->start, t->line, t->col };

  if (!P->cls)
    {
      char buf[64];
      if (private_name_outside (P, t->str))
        return true;
      fail_pos (P, tok_pos (t), "private name #%s is not defined",
                name_text (t->str, buf));
      return false;
    }
  g_array_append_val (P->cls->unresolved, ref);
  return true;
}

/* ------------------------------------------------------ forward decls */

static AstNode *parse_assign (Parser *P, unsigned flags, CoverErrors *ce);
static AstNode *parse_expression (Parser *P, unsigned flags,
                                  CoverErrors *ce);
static AstNode *parse_unary (Parser *P, CoverErrors *ce);
static AstNode *parse_lhs (Parser *P, CoverErrors *ce);
static AstNode *parse_statement (Parser *P);
static AstNode *parse_statement_list_item (Parser *P);
static AstNode *parse_binding_target (Parser *P);
static AstNode *parse_function (Parser *P, Pos start, AstKind kind,
                                uint32_t fn_flags, bool is_default);
static AstNode *parse_function_rest (Parser *P, AstNode *fn,
                                     uint32_t fn_flags);
static AstNode *parse_class (Parser *P, AstKind kind, bool is_default);
static AstNode *parse_template (Parser *P, bool tagged);
static AstNode *parse_arrow_body (Parser *P, AstNode *fn, unsigned flags);
static bool to_pattern (Parser *P, AstNode *n, bool binding, bool element);
static bool declare_pattern (Parser *P, AstNode *n, BindKind kind);

/* ----------------------------------------------------------- expressions */

static void
cover_merge (CoverErrors *into, const CoverErrors *from)
{
  if (!into->shorthand_init.set)
    into->shorthand_init = from->shorthand_init;
  if (!into->double_proto.set)
    into->double_proto = from->double_proto;
}

/* Reports what the literal parsed into ce got wrong as a literal; false
 * when there was something. */
static bool
cover_check (Parser *P, const CoverErrors *ce)
{
  if (!ce)
    return true;
  if (ce->shorthand_init.set)
    return fail_pos (P, ce->shorthand_init,
                     "invalid shorthand property initializer"), false;
  if (ce->double_proto.set)
    return fail_pos (P, ce->double_proto,
                     "duplicate __proto__ property"), false;
  return true;
}

static inline bool
cover_pending (const CoverErrors *ce)
{
  return ce && (ce->shorthand_init.set || ce->double_proto.set);
}

/* Whether a token can start an expression (for yield's operand). */
static bool
starts_expression (const LexToken *t)
{
  switch (t->kind)
    {
    case LEX_IDENT: case LEX_PRIVATE_NAME: case LEX_NUMBER:
    case LEX_BIGINT: case LEX_STRING: case LEX_TEMPLATE:
    case LEX_LBRACE: case LEX_LPAREN: case LEX_LBRACKET:
    case LEX_PLUS: case LEX_MINUS: case LEX_BANG: case LEX_TILDE:
    case LEX_INC: case LEX_DEC: case LEX_SLASH: case LEX_SLASH_ASSIGN:
    case LEX_THIS: case LEX_NULL: case LEX_TRUE: case LEX_FALSE:
    case LEX_FUNCTION: case LEX_CLASS: case LEX_NEW: case LEX_TYPEOF:
    case LEX_VOID: case LEX_DELETE: case LEX_SUPER: case LEX_IMPORT:
    case LEX_ERROR: case LEX_LT:
      return true;
    default:
      return false;
    }
}

/* An identifier reference at the current token. */
static AstNode *
parse_identifier_ref (Parser *P)
{
  AstNode *id;

  if (!check_identifier (P, &P->tok))
    return NULL;
  id = node_here (P, AST_IDENT);
  id->str = P->tok.str;
  if (id->str == P->n_arguments)
    {
      FuncCtx *f = nonarrow (P);
      if ((f->flags & (FN_FIELD_INIT | FN_STATIC_BLOCK))
          || ((f->flags & FN_TOP) && P->opts.in_class_field))
        return fail (P, "'arguments' is not allowed in class field "
                     "initializers and static blocks");
      if (f->node)
        f->node->flags |= AST_F_USES_ARGUMENTS;
    }
  next (P);
  return finish (P, id);
}

/* A binding identifier at the current token (checks, no declaration). */
static AstNode *
parse_binding_identifier (Parser *P)
{
  AstNode *id;

  if (!check_identifier (P, &P->tok))
    return NULL;
  id = node_here (P, AST_IDENT);
  id->str = P->tok.str;
  next (P);
  finish (P, id);
  if (!check_binding_name (P, id, BIND_NONE))
    return NULL;
  return id;
}

static AstNode *
parse_string_literal (Parser *P)
{
  AstNode *n = node_here (P, AST_STRING);

  if ((P->tok.flags & LEX_TF_LEGACY_OCTAL) && P->fn->strict)
    return fail_pos (P, pos_of_offset (P, P->tok.error_pos),
                     "octal escape sequences are not allowed in strict "
                     "mode");
  n->str = P->tok.str;
  next (P);
  return finish (P, n);
}

static AstNode *
parse_numeric_literal (Parser *P)
{
  AstNode *n;

  if (at (P, LEX_BIGINT))
    {
      n = node_here (P, AST_BIGINT);
      n->str = P->tok.str;
      n->op = P->tok.radix;
    }
  else
    {
      if ((P->tok.flags & LEX_TF_LEGACY_OCTAL) && P->fn->strict)
        return fail (P, "octal literals are not allowed in strict mode");
      n = node_here (P, AST_NUMBER);
      n->num = P->tok.num;
    }
  next (P);
  return finish (P, n);
}

/* A property name: identifier name, string, number, [computed], and in
 * classes a private name.  *computed is set for the bracketed form. */
static AstNode *
parse_property_key (Parser *P, bool *computed, bool in_class)
{
  AstNode *key;

  *computed = false;
  switch (P->tok.kind)
    {
    case LEX_STRING:
      return parse_string_literal (P);
    case LEX_NUMBER:
    case LEX_BIGINT:
      return parse_numeric_literal (P);
    case LEX_LBRACKET:
      next (P);
      *computed = true;
      key = parse_assign (P, 0, NULL);
      if (!key || !expect (P, LEX_RBRACKET))
        return NULL;
      return key;
    case LEX_PRIVATE_NAME:
      if (!in_class)
        return fail_unexpected (P);
      if (P->tok.str == P->n_constructor)
        return fail (P, "class members cannot be named #constructor");
      key = node_here (P, AST_PRIVATE_NAME);
      key->str = P->tok.str;
      next (P);
      return finish (P, key);
    default:
      if (!lex_is_name (P->tok.kind))
        return fail_unexpected (P);
      key = node_here (P, AST_IDENT);
      key->str = P->tok.str;
      next (P);
      return finish (P, key);
    }
}

/* The name a non-computed key stands for, for "constructor", "prototype"
 * and "__proto__" checks; NULL for numbers and computed keys. */
static const AstStr *
key_name (const AstNode *key, bool computed)
{
  if (computed)
    return NULL;
  if (key->kind == AST_IDENT || key->kind == AST_STRING)
    return key->str;
  return NULL;
}

/* Whether key names "text" as a static property name would. */
static bool
key_is (Parser *P, const AstNode *key, bool computed, const AstStr *name)
{
  const AstStr *k = key_name (key, computed);

  return k && (k == name
               || (k->len == name->len
                   && memcmp (k->data, name->data, 2 * k->len) == 0));
}

static AstNode *
parse_array_literal (Parser *P, CoverErrors *ce)
{
  AstNode *arr = node_here (P, AST_ARRAY);

  next (P);
  while (!at (P, LEX_RBRACKET))
    {
      AstNode *el;
      if (at (P, LEX_COMMA))
        {
          el = node_here (P, AST_ELISION);
          next (P);
          ast_list_append (&arr->list, finish (P, el));
          continue;
        }
      if (at (P, LEX_ELLIPSIS))
        {
          el = node_here (P, AST_SPREAD);
          next (P);
          if (!(el->a = parse_assign (P, 0, ce)))
            return NULL;
          finish (P, el);
        }
      else if (!(el = parse_assign (P, 0, ce)))
        return NULL;
      ast_list_append (&arr->list, el);
      if (at (P, LEX_RBRACKET))
        break;
      if (!expect (P, LEX_COMMA))
        return NULL;
      if (el->kind == AST_SPREAD)
        el->flags |= AST_F_TRAILING_COMMA;
    }
  next (P);
  return finish (P, arr);
}

/* Whether the token after the current one ends a property name (so a
 * get, set, async or static before it is the name itself). */
static bool
next_ends_name (Parser *P, bool in_class)
{
  LexTokenKind k = peek (P)->kind;

  return k == LEX_LPAREN || k == LEX_COMMA || k == LEX_RBRACE
         || k == LEX_COLON || k == LEX_ASSIGN || k == LEX_EOF
         || (in_class && k == LEX_SEMICOLON);
}

static AstNode *
parse_method (Parser *P, Pos start, uint32_t fn_flags, uint32_t ast_flags)
{
  AstNode *fn = node_at (P, AST_FUNCTION, start);

  fn->flags |= ast_flags | AST_F_METHOD;
  return parse_function_rest (P, fn, fn_flags | FN_METHOD);
}

static AstNode *
parse_object_literal (Parser *P, CoverErrors *ce)
{
  AstNode *obj = node_here (P, AST_OBJECT);
  bool has_proto = false;

  next (P);
  while (!at (P, LEX_RBRACE))
    {
      Pos start = tok_pos (&P->tok);
      AstNode *prop, *key;
      uint32_t fn_flags = 0, flags = 0;
      bool computed;
      LexToken key_tok;

      if (at (P, LEX_ELLIPSIS))
        {
          prop = node_here (P, AST_SPREAD);
          next (P);
          if (!(prop->a = parse_assign (P, 0, ce)))
            return NULL;
          ast_list_append (&obj->list, finish (P, prop));
          if (at (P, LEX_COMMA))
            prop->flags |= AST_F_TRAILING_COMMA;
          goto comma;
        }
      prop = node_here (P, AST_PROPERTY);
      if (at_word (P, P->n_async) && !next_ends_name (P, false)
          && !newline_before (peek (P)))
        {
          next (P);
          fn_flags |= FN_ASYNC;
          flags |= AST_F_ASYNC;
        }
      if (at (P, LEX_STAR))
        {
          next (P);
          fn_flags |= FN_GENERATOR;
          flags |= AST_F_GENERATOR;
        }
      if (!fn_flags && (at_word (P, P->n_get) || at_word (P, P->n_set))
          && !next_ends_name (P, false))
        {
          flags |= P->tok.str == P->n_get ? AST_F_GETTER : AST_F_SETTER;
          next (P);
        }
      key_tok = P->tok;
      if (!(key = parse_property_key (P, &computed, false)))
        return NULL;
      prop->a = key;
      if (computed)
        prop->flags |= AST_F_COMPUTED;
      if (flags || at (P, LEX_LPAREN))
        {
          prop->flags |= flags & (AST_F_GETTER | AST_F_SETTER);
          if (!(flags & (AST_F_GETTER | AST_F_SETTER)))
            prop->flags |= AST_F_METHOD;
          if (!(prop->b = parse_method (P, start, fn_flags, flags)))
            return NULL;
        }
      else if (eat (P, LEX_COLON))
        {
          if (!(prop->b = parse_assign (P, 0, ce)))
            return NULL;
          if (key_is (P, key, computed, P->n_proto))
            {
              if (has_proto && ce && !ce->double_proto.set)
                ce->double_proto = node_pos (key);
              else if (has_proto && !ce)
                return fail_node (P, key, "duplicate __proto__ property");
              has_proto = true;
              prop->flags |= AST_F_PROTO;
            }
        }
      else if (key_tok.kind == LEX_IDENT
               && (at (P, LEX_COMMA) || at (P, LEX_RBRACE)
                   || at (P, LEX_ASSIGN)))
        {
          /* Shorthand: the key is also an identifier reference. */
          AstNode *id;
          if (!check_identifier (P, &key_tok))
            return NULL;
          id = node_at (P, AST_IDENT, tok_pos (&key_tok));
          id->str = key_tok.str;
          id->end = key_tok.end;
          if (id->str == P->n_arguments)
            {
              FuncCtx *f = nonarrow (P);
              if (f->flags & (FN_FIELD_INIT | FN_STATIC_BLOCK))
                return fail_node (P, id, "'arguments' is not allowed in "
                                  "class field initializers and static "
                                  "blocks");
              if (f->node)
                f->node->flags |= AST_F_USES_ARGUMENTS;
            }
          prop->flags |= AST_F_SHORTHAND;
          prop->b = id;
          if (at (P, LEX_ASSIGN))
            {
              /* CoverInitializedName: only valid in a pattern. */
              AstNode *as = node_at (P, AST_ASSIGN, node_pos (id));
              if (ce && !ce->shorthand_init.set)
                ce->shorthand_init = tok_pos (&P->tok);
              else if (!ce)
                return fail (P, "invalid shorthand property initializer");
              as->op = LEX_ASSIGN;
              next (P);
              as->a = id;
              if (!(as->b = parse_assign (P, 0, NULL)))
                return NULL;
              prop->b = finish (P, as);
            }
        }
      else
        return fail_unexpected (P);
      ast_list_append (&obj->list, finish (P, prop));
    comma:
      if (at (P, LEX_RBRACE))
        break;
      if (!expect (P, LEX_COMMA))
        return NULL;
    }
  next (P);
  return finish (P, obj);
}

/* ---------------------------------------------------------------- patterns */

/* Turns an expression parsed as a cover into a pattern, in place: object
 * and array literals become patterns, "=" in elements becomes a default,
 * spread becomes rest.  binding: the targets must be identifiers (arrow
 * parameters), not member expressions.  element: n is an element or a
 * property value, where "a = 1" is a default. */
static bool
to_pattern (Parser *P, AstNode *n, bool binding, bool element)
{
  switch (n->kind)
    {
    case AST_IDENT:
      if (binding && is_paren (n))
        return fail_node (P, n, "invalid destructuring target"), false;
      if (P->fn->strict
          && (n->str == P->n_eval || n->str == P->n_arguments))
        return fail_node (P, n, "cannot assign to '%s' in strict mode",
                          n->str == P->n_eval ? "eval" : "arguments"),
               false;
      return true;
    case AST_MEMBER:
      if (binding)
        return fail_node (P, n, "invalid destructuring target"), false;
      return true;
    case AST_OBJECT:
      if (is_paren (n))
        return fail_node (P, n, "invalid destructuring target"), false;
      n->kind = AST_OBJECT_PATTERN;
      for (AstNode *p = n->list.first; p; p = p->next)
        {
          if (p->kind == AST_SPREAD)
            {
              if (p->next || (p->flags & AST_F_TRAILING_COMMA))
                return fail_node (P, p, "rest element must be last"), false;
              p->kind = AST_REST;
              if (p->a->kind != AST_IDENT
                  && (binding || p->a->kind != AST_MEMBER))
                return fail_node (P, p->a, "invalid rest element"), false;
              if (!to_pattern (P, p->a, binding, false))
                return false;
              continue;
            }
          if (p->flags & (AST_F_METHOD | AST_F_GETTER | AST_F_SETTER))
            return fail_node (P, p, "invalid destructuring target"), false;
          if (!to_pattern (P, p->b, binding, true))
            return false;
        }
      return true;
    case AST_ARRAY:
      if (is_paren (n))
        return fail_node (P, n, "invalid destructuring target"), false;
      n->kind = AST_ARRAY_PATTERN;
      for (AstNode *e = n->list.first; e; e = e->next)
        {
          if (e->kind == AST_ELISION)
            continue;
          if (e->kind == AST_SPREAD)
            {
              if (e->next || (e->flags & AST_F_TRAILING_COMMA))
                return fail_node (P, e, "rest element must be last"), false;
              e->kind = AST_REST;
              if (e->a->kind == AST_ASSIGN)
                return fail_node (P, e->a, "rest element may not have a "
                                  "default"), false;
              if (!to_pattern (P, e->a, binding, false))
                return false;
              continue;
            }
          if (!to_pattern (P, e, binding, true))
            return false;
        }
      return true;
    case AST_ASSIGN:
      if (!element || n->op != LEX_ASSIGN || is_paren (n))
        return fail_node (P, n, "invalid destructuring target"), false;
      n->kind = AST_ASSIGN_PATTERN;
      n->op = 0;
      return to_pattern (P, n->a, binding, false);
    case AST_ASSIGN_PATTERN:
    case AST_ARRAY_PATTERN:
    case AST_OBJECT_PATTERN:
    case AST_REST:
      return true;
    default:
      return fail_node (P, n, "invalid destructuring target"), false;
    }
}

/* Checks and declares every name a binding pattern binds. */
static bool
declare_pattern (Parser *P, AstNode *n, BindKind kind)
{
  switch (n->kind)
    {
    case AST_IDENT:
      return check_binding_name (P, n, kind) && declare (P, n, kind);
    case AST_ARRAY_PATTERN:
      for (AstNode *e = n->list.first; e; e = e->next)
        if (e->kind != AST_ELISION && !declare_pattern (P, e, kind))
          return false;
      return true;
    case AST_OBJECT_PATTERN:
      for (AstNode *p = n->list.first; p; p = p->next)
        if (!declare_pattern (P, p->kind == AST_REST ? p->a : p->b, kind))
          return false;
      return true;
    case AST_ASSIGN_PATTERN:
    case AST_REST:
      return declare_pattern (P, n->a, kind);
    default:
      return fail_node (P, n, "invalid binding"), false;
    }
}

/* Whether a simple assignment (or update) may target n. */
static bool
check_simple_target (Parser *P, const AstNode *n, bool update)
{
  if (n->kind == AST_IDENT)
    {
      if (P->fn->strict
          && (n->str == P->n_eval || n->str == P->n_arguments))
        return fail_node (P, n, "cannot assign to '%s' in strict mode",
                          n->str == P->n_eval ? "eval" : "arguments"),
               false;
      return true;
    }
  if (n->kind == AST_MEMBER)
    return true;
  fail_node (P, n, update ? "invalid update target"
                          : "invalid assignment target");
  return false;
}

static AstNode *
parse_binding_element (Parser *P)
{
  AstNode *target = parse_binding_target (P), *def;

  if (!target || !at (P, LEX_ASSIGN))
    return target;
  def = node_at (P, AST_ASSIGN_PATTERN, node_pos (target));
  next (P);
  def->a = target;
  if (!(def->b = parse_assign (P, 0, NULL)))
    return NULL;
  return finish (P, def);
}

static AstNode *
parse_array_binding (Parser *P)
{
  AstNode *pat = node_here (P, AST_ARRAY_PATTERN);

  next (P);
  while (!at (P, LEX_RBRACKET))
    {
      AstNode *el;
      if (at (P, LEX_COMMA))
        {
          el = node_here (P, AST_ELISION);
          next (P);
          ast_list_append (&pat->list, finish (P, el));
          continue;
        }
      if (at (P, LEX_ELLIPSIS))
        {
          el = node_here (P, AST_REST);
          next (P);
          if (!(el->a = parse_binding_target (P)))
            return NULL;
          ast_list_append (&pat->list, finish (P, el));
          if (!at (P, LEX_RBRACKET))
            return fail (P, "rest element must be last");
          break;
        }
      if (!(el = parse_binding_element (P)))
        return NULL;
      ast_list_append (&pat->list, el);
      if (at (P, LEX_RBRACKET))
        break;
      if (!expect (P, LEX_COMMA))
        return NULL;
    }
  next (P);
  return finish (P, pat);
}

static AstNode *
parse_object_binding (Parser *P)
{
  AstNode *pat = node_here (P, AST_OBJECT_PATTERN);

  next (P);
  while (!at (P, LEX_RBRACE))
    {
      AstNode *prop, *key;
      LexToken key_tok;
      bool computed;

      if (at (P, LEX_ELLIPSIS))
        {
          prop = node_here (P, AST_REST);
          next (P);
          if (!(prop->a = parse_binding_identifier (P)))
            return NULL;
          ast_list_append (&pat->list, finish (P, prop));
          if (!at (P, LEX_RBRACE))
            return fail (P, "rest element must be last");
          break;
        }
      prop = node_here (P, AST_PROPERTY);
      key_tok = P->tok;
      if (!(key = parse_property_key (P, &computed, false)))
        return NULL;
      prop->a = key;
      if (computed)
        prop->flags |= AST_F_COMPUTED;
      if (eat (P, LEX_COLON))
        {
          if (!(prop->b = parse_binding_element (P)))
            return NULL;
        }
      else
        {
          AstNode *id;
          if (key_tok.kind != LEX_IDENT)
            return fail_pos (P, tok_pos (&key_tok),
                             lex_is_keyword (key_tok.kind)
                               ? "unexpected reserved word"
                               : "expected ':' after property name"), NULL;
          if (!check_identifier (P, &key_tok))
            return NULL;
          id = node_at (P, AST_IDENT, tok_pos (&key_tok));
          id->str = key_tok.str;
          id->end = key_tok.end;
          if (!check_binding_name (P, id, BIND_NONE))
            return NULL;
          prop->flags |= AST_F_SHORTHAND;
          prop->b = id;
          if (at (P, LEX_ASSIGN))
            {
              AstNode *def = node_at (P, AST_ASSIGN_PATTERN, node_pos (id));
              next (P);
              def->a = id;
              if (!(def->b = parse_assign (P, 0, NULL)))
                return NULL;
              prop->b = finish (P, def);
            }
        }
      ast_list_append (&pat->list, finish (P, prop));
      if (at (P, LEX_RBRACE))
        break;
      if (!expect (P, LEX_COMMA))
        return NULL;
    }
  next (P);
  return finish (P, pat);
}

/* A BindingIdentifier or BindingPattern; names are declared later with
 * declare_pattern(). */
static AstNode *
parse_binding_target (Parser *P)
{
  AstNode *r;

  if (!enter (P))
    return NULL;
  if (at (P, LEX_LBRACKET))
    r = parse_array_binding (P);
  else if (at (P, LEX_LBRACE))
    r = parse_object_binding (P);
  else
    r = parse_binding_identifier (P);
  leave (P);
  return r;
}

/* --------------------------------------------------------------- functions */

/* Checks again, now that a function turned out strict, what strict mode
 * forbids in its name and parameters. */
static bool
check_strict_name (Parser *P, const AstNode *id)
{
  char buf[64];

  if (id->str == P->n_eval || id->str == P->n_arguments)
    return fail_node (P, id, "cannot bind '%s' in strict mode",
                      name_text (id->str, buf)), false;
  if (is_strict_reserved (P, id->str))
    return fail_node (P, id, "'%s' is a reserved word in strict mode",
                      name_text (id->str, buf)), false;
  return true;
}

static bool
check_strict_pattern (Parser *P, const AstNode *n)
{
  switch (n->kind)
    {
    case AST_IDENT:
      return check_strict_name (P, n);
    case AST_ARRAY_PATTERN:
      for (const AstNode *e = n->list.first; e; e = e->next)
        if (e->kind != AST_ELISION && !check_strict_pattern (P, e))
          return false;
      return true;
    case AST_OBJECT_PATTERN:
      for (const AstNode *p = n->list.first; p; p = p->next)
        if (!check_strict_pattern (P, p->kind == AST_REST ? p->a : p->b))
          return false;
      return true;
    case AST_ASSIGN_PATTERN:
    case AST_REST:
      return check_strict_pattern (P, n->a);
    default:
      return true;
    }
}

static bool
check_strict_function (Parser *P, const AstNode *fn, uint32_t dup_base)
{
  if (fn->a && !check_strict_name (P, fn->a))
    return false;
  if (P->params->len > dup_base)
    return fail_node (P, g_ptr_array_index (P->params, dup_base),
                      "duplicate parameter name"), false;
  for (const AstNode *p = fn->list.first; p; p = p->next)
    if (!check_strict_pattern (P, p))
      return false;
  return true;
}

/* The statements of a body up to the token end, with its directive
 * prologue: "use strict" makes the current function strict.  fn is the
 * function whose body it is, NULL for a program. */
static bool
parse_body_items (Parser *P, AstList *list, AstNode *fn, LexTokenKind end)
{
  bool prologue = true;
  Pos octal = { 0 };

  while (!at (P, end))
    {
      AstNode *stmt;
      if (prologue && at (P, LEX_STRING))
        {
          LexToken t = P->tok;
          if (!(stmt = parse_statement_list_item (P)))
            return false;
          ast_list_append (list, stmt);
          if (stmt->kind != AST_EXPR_STMT || stmt->a->kind != AST_STRING
              || is_paren (stmt->a) || stmt->a->start != t.start
              || stmt->a->end != t.end)
            {
              prologue = false;
              continue;
            }
          stmt->flags |= AST_F_DIRECTIVE;
          if ((t.flags & LEX_TF_LEGACY_OCTAL) && !octal.set)
            octal = tok_pos (&t);
          if (t.end - t.start == 12
              && memcmp (P->src + t.start + 1, "use strict", 10) == 0)
            {
              if (fn && !(fn->flags & AST_F_SIMPLE_PARAMS))
                return fail_pos (P, tok_pos (&t), "\"use strict\" not "
                                 "allowed in function with non-simple "
                                 "parameters"), false;
              P->fn->strict = true;
              if (fn)
                fn->flags |= AST_F_STRICT;
              if (octal.set)
                return fail_pos (P, octal, "octal escape sequences are not "
                                 "allowed in strict mode"), false;
            }
          continue;
        }
      prologue = false;
      if (!(stmt = parse_statement_list_item (P)))
        return false;
      ast_list_append (list, stmt);
    }
  return true;
}

static AstNode *
parse_function_body (Parser *P, AstNode *fn)
{
  AstNode *body = node_here (P, AST_BODY);

  if (!expect (P, LEX_LBRACE))
    return NULL;
  if (!parse_body_items (P, &body->list, fn, LEX_RBRACE))
    return NULL;
  next (P);
  return finish (P, body);
}

/* Saved cover positions of an enclosing expression. */
typedef struct
{
  Pos yield_pos, await_pos, await_ident_pos;
} CoverPositions;

static CoverPositions
positions_save (Parser *P)
{
  CoverPositions s = { P->yield_pos, P->await_pos, P->await_ident_pos };

  P->yield_pos.set = P->await_pos.set = P->await_ident_pos.set = false;
  return s;
}

/* Restores saved positions; those found since are kept when merge. */
static void
positions_restore (Parser *P, const CoverPositions *s, bool merge)
{
  if (!merge || s->yield_pos.set)
    P->yield_pos = s->yield_pos;
  if (!merge || s->await_pos.set)
    P->await_pos = s->await_pos;
  if (!merge || s->await_ident_pos.set)
    P->await_ident_pos = s->await_ident_pos;
}

static void
ctx_push (Parser *P, FuncCtx *ctx, uint32_t flags, AstNode *node)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->outer = P->fn;
  ctx->flags = flags;
  ctx->strict = P->fn ? P->fn->strict : false;
  ctx->node = node;
  ctx->label_base = P->labels->len;
  if (node)
    {
      if (flags & FN_ASYNC)
        node->flags |= AST_F_ASYNC;
      if (flags & FN_GENERATOR)
        node->flags |= AST_F_GENERATOR;
      if (ctx->strict)
        node->flags |= AST_F_STRICT;
    }
  P->fn = ctx;
}

static void
ctx_pop (Parser *P, FuncCtx *ctx)
{
  P->fn = ctx->outer;
}

/* The parameters and body of a function whose node is fn, from "(". */
static AstNode *
parse_function_rest (Parser *P, AstNode *fn, uint32_t fn_flags)
{
  FuncCtx ctx;
  Scope scope;
  uint32_t dup_base = P->params->len;
  CoverPositions saved = positions_save (P);
  bool simple = true, ok = false;

  if (!enter (P))
    return NULL;
  ctx_push (P, &ctx, fn_flags, fn);
  scope_push (P, &scope, SCOPE_FUNCTION);
  if (!expect (P, LEX_LPAREN))
    goto done;
  ctx.in_params = true;
  while (!at (P, LEX_RPAREN))
    {
      AstNode *param;
      if (at (P, LEX_ELLIPSIS))
        {
          param = node_here (P, AST_REST);
          next (P);
          if (!(param->a = parse_binding_target (P)))
            goto done;
          finish (P, param);
          simple = false;
          ast_list_append (&fn->list, param);
          if (!at (P, LEX_RPAREN))
            {
              fail (P, "rest parameter must be last");
              goto done;
            }
          break;
        }
      if (!(param = parse_binding_element (P)))
        goto done;
      if (param->kind != AST_IDENT)
        simple = false;
      ast_list_append (&fn->list, param);
      if (!at (P, LEX_RPAREN) && !expect (P, LEX_COMMA))
        goto done;
    }
  next (P);
  ctx.in_params = false;
  if (simple)
    fn->flags |= AST_F_SIMPLE_PARAMS;
  for (AstNode *p = fn->list.first; p; p = p->next)
    if (!declare_pattern (P, p, BIND_PARAM))
      goto done;
  if ((fn->flags & AST_F_GETTER) && fn->list.count != 0)
    {
      fail_node (P, fn, "getter must not have parameters");
      goto done;
    }
  if ((fn->flags & AST_F_SETTER)
      && (fn->list.count != 1 || fn->list.first->kind == AST_REST))
    {
      fail_node (P, fn, "setter must have exactly one parameter");
      goto done;
    }
  if (P->params->len > dup_base
      && (ctx.strict || !simple || (fn_flags & (FN_METHOD | FN_ARROW))))
    {
      fail_node (P, g_ptr_array_index (P->params, dup_base),
                 "duplicate parameter name");
      goto done;
    }
  {
    bool was_strict = ctx.strict;
    if (!(fn->b = parse_function_body (P, fn)))
      goto done;
    if (ctx.strict && !was_strict && !check_strict_function (P, fn, dup_base))
      goto done;
  }
  ok = true;
done:
  g_ptr_array_set_size (P->params, dup_base);
  scope_pop (P, &scope);
  ctx_pop (P, &ctx);
  positions_restore (P, &saved, false);
  leave (P);
  return ok ? finish (P, fn) : NULL;
}

/* "function" [*] [name] (...) {...}, at the "function" token; start is
 * where the node starts (at "async" for async functions). */
static AstNode *
parse_function (Parser *P, Pos start, AstKind kind, uint32_t fn_flags,
                bool is_default)
{
  AstNode *fn = node_at (P, kind, start);

  next (P);
  if (eat (P, LEX_STAR))
    fn_flags |= FN_GENERATOR;
  if (kind == AST_FUNC_DECL)
    {
      /* A declaration's name is bound outside: checked in the enclosing
       * context, where yield and await mean what they mean there. */
      if (is_default && at (P, LEX_LPAREN))
        fn->a = NULL;
      else
        {
          if (!(fn->a = parse_binding_identifier (P)))
            return NULL;
          if (!declare_function (P, fn->a, !(fn_flags & (FN_ASYNC
                                                         | FN_GENERATOR))))
            return NULL;
        }
    }
  else if (!at (P, LEX_LPAREN))
    {
      /* An expression's name is bound inside: yield is reserved in a
       * generator expression's name, await in an async one's. */
      FuncCtx tmp;
      ctx_push (P, &tmp, fn_flags, NULL);
      fn->a = parse_binding_identifier (P);
      ctx_pop (P, &tmp);
      if (!fn->a)
        return NULL;
    }
  return parse_function_rest (P, fn, fn_flags);
}

/* An arrow function from its parameters (already patterns), at "=>". */
static AstNode *
parse_arrow (Parser *P, Pos start, AstList *params, bool is_async,
             unsigned flags)
{
  AstNode *fn = node_at (P, AST_FUNCTION, start);
  FuncCtx ctx;
  Scope scope;
  uint32_t dup_base = P->params->len;
  CoverPositions saved;
  bool simple = true, ok = false, was_strict;

  if (newline_before (&P->tok))
    return fail (P, "line terminator before '=>'");
  fn->flags |= AST_F_ARROW;
  fn->list = *params;
  ctx_push (P, &ctx, FN_ARROW | (is_async ? FN_ASYNC : 0), fn);
  scope_push (P, &scope, SCOPE_FUNCTION);
  saved = positions_save (P);
  for (AstNode *p = fn->list.first; p; p = p->next)
    {
      if (p->kind != AST_IDENT)
        simple = false;
      if (!declare_pattern (P, p, BIND_PARAM))
        goto done;
    }
  if (simple)
    fn->flags |= AST_F_SIMPLE_PARAMS;
  if (P->params->len > dup_base)
    {
      fail_node (P, g_ptr_array_index (P->params, dup_base),
                 "duplicate parameter name");
      goto done;
    }
  if (!expect (P, LEX_ARROW))
    goto done;
  was_strict = ctx.strict;
  if (!parse_arrow_body (P, fn, flags))
    goto done;
  if (ctx.strict && !was_strict && !check_strict_function (P, fn, dup_base))
    goto done;
  ok = true;
done:
  g_ptr_array_set_size (P->params, dup_base);
  scope_pop (P, &scope);
  ctx_pop (P, &ctx);
  positions_restore (P, &saved, false);
  return ok ? finish (P, fn) : NULL;
}

static AstNode *
parse_arrow_body (Parser *P, AstNode *fn, unsigned flags)
{
  if (at (P, LEX_LBRACE))
    return fn->b = parse_function_body (P, fn);
  fn->flags |= AST_F_EXPR_BODY;
  return fn->b = parse_assign (P, flags & EXPR_NO_IN, NULL);
}

/* Checks the positions recorded while a cover was parsed, now that it
 * is known to be arrow parameters. */
static bool
check_arrow_cover (Parser *P, bool is_async)
{
  if (P->yield_pos.set)
    return fail_pos (P, P->yield_pos, "yield expression not allowed in "
                     "arrow function parameters"), false;
  if (P->await_pos.set)
    return fail_pos (P, P->await_pos, "await expression not allowed in "
                     "arrow function parameters"), false;
  if (is_async && P->await_ident_pos.set)
    return fail_pos (P, P->await_ident_pos, "'await' is not a valid "
                     "identifier in async arrow parameters"), false;
  return true;
}

/* ------------------------------------------------------------- primaries */

/* The arguments of a call, from "(".  With ce, they may still become
 * async arrow parameters (spread then turns into rest). */
static bool
parse_arguments (Parser *P, AstList *list, CoverErrors *ce)
{
  next (P);
  while (!at (P, LEX_RPAREN))
    {
      AstNode *arg;
      if (at (P, LEX_ELLIPSIS))
        {
          arg = node_here (P, AST_SPREAD);
          next (P);
          if (!(arg->a = parse_assign (P, 0, ce)))
            return false;
          finish (P, arg);
        }
      else if (!(arg = parse_assign (P, 0, ce)))
        return false;
      ast_list_append (list, arg);
      if (at (P, LEX_RPAREN))
        break;
      if (!expect (P, LEX_COMMA))
        return false;
      if (arg->kind == AST_SPREAD)
        arg->flags |= AST_F_TRAILING_COMMA;
    }
  next (P);
  return true;
}

/* "(" at the start of a primary expression: a parenthesized expression
 * or the parameters of an arrow function. */
static AstNode *
parse_paren (Parser *P, unsigned flags, bool can_arrow)
{
  Pos start = tok_pos (&P->tok);
  CoverPositions saved = positions_save (P);
  CoverErrors ce = { 0 };
  AstList items = { 0 };
  bool trailing_comma = false, has_rest = false;
  AstNode *expr;

  next (P);
  while (!at (P, LEX_RPAREN))
    {
      AstNode *item;
      if (at (P, LEX_ELLIPSIS))
        {
          item = node_here (P, AST_REST);
          next (P);
          if (!(item->a = parse_binding_target (P)))
            return NULL;
          ast_list_append (&items, finish (P, item));
          has_rest = true;
          if (!at (P, LEX_RPAREN))
            return fail (P, "rest parameter must be last");
          break;
        }
      if (!(item = parse_assign (P, 0, &ce)))
        return NULL;
      ast_list_append (&items, item);
      if (at (P, LEX_RPAREN))
        break;
      if (!at (P, LEX_COMMA))
        return expect (P, LEX_RPAREN), NULL;
      next (P);
      trailing_comma = at (P, LEX_RPAREN);
    }
  next (P);
  if (can_arrow && at (P, LEX_ARROW))
    {
      if (!check_arrow_cover (P, false))
        return NULL;
      for (AstNode *p = items.first; p; p = p->next)
        if (!to_pattern (P, p, true, true))
          return NULL;
      /* An "await" identifier in the parameters still counts for an
       * enclosing async arrow head. */
      positions_restore (P, &saved, true);
      return parse_arrow (P, start, &items, false, flags);
    }
  if (items.count == 0 || has_rest || trailing_comma)
    return fail (P, at (P, LEX_ARROW) ? "invalid arrow function"
                                      : "expected '=>' after parameters");
  if (!cover_check (P, &ce))
    return NULL;
  positions_restore (P, &saved, true);
  if (items.count == 1)
    expr = items.first;
  else
    {
      expr = node_at (P, AST_SEQUENCE, node_pos (items.first));
      expr->list = items;
      expr->end = items.last->end;
    }
  expr->flags |= AST_F_PAREN;
  return expr;
}

/* An identifier at the start of a primary expression: a reference, an
 * arrow function "x => ...", or "async function" / "async x => ...". */
static AstNode *
parse_primary_identifier (Parser *P, unsigned flags, bool can_arrow)
{
  Pos start = tok_pos (&P->tok);
  AstNode *id;

  if (at_word (P, P->n_async) && !newline_before (peek (P)))
    {
      const LexToken *t = peek (P);
      if (t->kind == LEX_FUNCTION)
        {
          next (P);
          return parse_function (P, start, AST_FUNC_EXPR, FN_ASYNC, false);
        }
      if (can_arrow && t->kind == LEX_IDENT && peek2_is_arrow (P))
        {
          AstList params = { 0 };
          next (P);
          if (is_word (&P->tok, P->n_await))
            return fail (P, "'await' is not a valid identifier in async "
                         "arrow parameters");
          if (!(id = parse_binding_identifier (P)))
            return NULL;
          if (!at (P, LEX_ARROW))
            return fail_unexpected (P);
          ast_list_append (&params, id);
          return parse_arrow (P, start, &params, true, flags);
        }
    }
  if (!(id = parse_identifier_ref (P)))
    return NULL;
  if (can_arrow && at (P, LEX_ARROW))
    {
      AstList params = { 0 };
      if (!check_binding_name (P, id, BIND_NONE))
        return NULL;
      ast_list_append (&params, id);
      return parse_arrow (P, start, &params, false, flags);
    }
  return id;
}

static AstNode *
parse_template (Parser *P, bool tagged)
{
  AstNode *tpl = node_here (P, AST_TEMPLATE);

  for (;;)
    {
      AstNode *el = node_here (P, AST_TEMPLATE_ELEM), *expr;
      bool tail = P->tok.flags & LEX_TF_TEMPLATE_TAIL;
      if (P->tok.flags & LEX_TF_BAD_ESCAPE)
        {
          if (!tagged)
            return fail_pos (P, pos_of_offset (P, P->tok.error_pos), "%s",
                             P->tok.error);
        }
      el->str = P->tok.str;
      el->str2 = P->tok.raw;
      next (P);
      ast_list_append (&tpl->list, finish (P, el));
      if (tail)
        break;
      if (!(expr = parse_expression (P, 0, NULL)))
        return NULL;
      ast_list_append (&tpl->list, expr);
      if (!at (P, LEX_RBRACE))
        return at (P, LEX_ERROR) ? fail_lexer (P)
                                 : fail (P, "expected '}' in template");
      lex_rescan_template (&P->lx, &P->tok);
      P->has_ahead = false;
      if (at (P, LEX_ERROR))
        return fail_lexer (P);
    }
  return finish (P, tpl);
}

/* "import" in an expression: import(specifier) or import.meta. */
static AstNode *
parse_import_expression (Parser *P)
{
  AstNode *n = node_here (P, AST_IMPORT_CALL);

  next (P);
  if (eat (P, LEX_DOT))
    {
      if (!at_word (P, P->n_meta))
        return fail (P, "expected 'meta' after 'import.'");
      if (!P->opts.module)
        return fail (P, "import.meta is only valid in modules");
      n->kind = AST_IMPORT_META;
      next (P);
      return finish (P, n);
    }
  if (!expect (P, LEX_LPAREN))
    return NULL;
  if (at (P, LEX_ELLIPSIS) || at (P, LEX_RPAREN))
    return fail_unexpected (P);
  if (!(n->a = parse_assign (P, 0, NULL)))
    return NULL;
  /* An options argument (import attributes, ES2025), and a trailing
   * comma. */
  if (eat (P, LEX_COMMA) && !at (P, LEX_RPAREN))
    {
      if (at (P, LEX_ELLIPSIS))
        return fail_unexpected (P);
      if (!(n->b = parse_assign (P, 0, NULL)))
        return NULL;
      eat (P, LEX_COMMA);
    }
  if (!expect (P, LEX_RPAREN))
    return NULL;
  return finish (P, n);
}

static AstNode *
parse_primary (Parser *P, unsigned flags, CoverErrors *ce)
{
  bool can_arrow = P->tok.start == P->arrow_start;
  AstNode *n;

  switch (P->tok.kind)
    {
    case LEX_IDENT:
      return parse_primary_identifier (P, flags, can_arrow);
    case LEX_THIS:
      note_this (P);
      n = node_here (P, AST_THIS);
      break;
    case LEX_NULL:
      n = node_here (P, AST_NULL_LIT);
      break;
    case LEX_TRUE:
      n = node_here (P, AST_BOOL_LIT);
      n->flags |= AST_F_TRUE;
      break;
    case LEX_FALSE:
      n = node_here (P, AST_BOOL_LIT);
      break;
    case LEX_NUMBER:
    case LEX_BIGINT:
      return parse_numeric_literal (P);
    case LEX_STRING:
      return parse_string_literal (P);
    case LEX_TEMPLATE:
      return parse_template (P, false);
    case LEX_SLASH:
    case LEX_SLASH_ASSIGN:
      lex_rescan_regexp (&P->lx, &P->tok);
      P->has_ahead = false;
      if (at (P, LEX_ERROR))
        return fail_lexer (P);
      {
        uint32_t off;
        const char *why = lex_check_regexp (P->tok.str, P->tok.raw, &off);
        if (why)
          {
            /* A RegExp holds no line terminator: the fault is on the
             * token's line, one unit per code unit of the body. */
            Pos p = { P->tok.start, P->tok.line, P->tok.col + 1 + off, true };
            return fail_pos (P, p, "invalid regular expression: %s", why);
          }
      }
      n = node_here (P, AST_REGEXP);
      n->str = P->tok.str;
      n->str2 = P->tok.raw;
      break;
    case LEX_LPAREN:
      return parse_paren (P, flags, can_arrow);
    case LEX_LBRACKET:
      return parse_array_literal (P, ce);
    case LEX_LBRACE:
      return parse_object_literal (P, ce);
    case LEX_FUNCTION:
      return parse_function (P, tok_pos (&P->tok), AST_FUNC_EXPR, 0, false);
    case LEX_CLASS:
      return parse_class (P, AST_CLASS_EXPR, false);
    case LEX_SUPER:
      note_this (P);
      n = node_here (P, AST_SUPER);
      break;
    case LEX_IMPORT:
      return parse_import_expression (P);
    default:
      return fail_unexpected (P);
    }
  next (P);
  return finish (P, n);
}

/* Marks every function up from here as containing a direct eval: the
 * names it can see must stay reachable by name. */
static void
note_direct_eval (Parser *P)
{
  for (FuncCtx *f = P->fn; f; f = f->outer)
    if (f->node)
      f->node->flags |= AST_F_DIRECT_EVAL;
}

/* Member accesses, calls and tagged templates after expr.  no_call: the
 * callee of "new", which takes no call and no optional chain. */
static AstNode *
parse_subscripts (Parser *P, AstNode *expr, bool no_call, CoverErrors *ce)
{
  bool chain = false;
  Pos start = node_pos (expr);

  for (;;)
    {
      AstNode *n;
      bool optional = false;

      if (expr->kind == AST_SUPER)
        {
          FuncCtx *f = nonarrow (P);
          if (at (P, LEX_LPAREN) && !no_call)
            {
              if (!(f->flags & FN_DERIVED_CTOR)
                  && !((f->flags & FN_TOP) && P->opts.allow_super_call))
                return fail_node (P, expr, "'super' call is only valid in "
                                  "constructors of derived classes");
            }
          else if (at (P, LEX_DOT) || at (P, LEX_LBRACKET))
            {
              if (at (P, LEX_DOT) && peek (P)->kind == LEX_PRIVATE_NAME)
                return fail_node (P, expr, "private names cannot be "
                                  "accessed through super");
              if (!(f->flags & FN_METHOD)
                  && !((f->flags & FN_TOP) && P->opts.allow_super_property))
                return fail_node (P, expr, "'super' property access is "
                                  "only valid in methods");
            }
          else
            return fail_node (P, expr, "'super' keyword unexpected here");
        }
      if (ce && cover_pending (ce)
          && (at (P, LEX_DOT) || at (P, LEX_QUESTION_DOT)
              || at (P, LEX_LBRACKET) || at (P, LEX_TEMPLATE)
              || (at (P, LEX_LPAREN) && !no_call)))
        {
          cover_check (P, ce);
          return NULL;
        }
      if (at (P, LEX_QUESTION_DOT))
        {
          if (no_call)
            return fail (P, "optional chain not allowed in 'new' "
                         "expression");
          next (P);
          chain = optional = true;
          if (at (P, LEX_TEMPLATE))
            return fail (P, "tagged template not allowed in optional "
                         "chain");
          if (!at (P, LEX_LPAREN) && !at (P, LEX_LBRACKET))
            goto name;
        }
      switch (P->tok.kind)
        {
        case LEX_DOT:
          next (P);
        name:
          n = node_at (P, AST_MEMBER, start);
          n->a = expr;
          if (at (P, LEX_PRIVATE_NAME))
            {
              if (!check_private_ref (P, &P->tok))
                return NULL;
              n->b = node_here (P, AST_PRIVATE_NAME);
            }
          else if (lex_is_name (P->tok.kind))
            n->b = node_here (P, AST_IDENT);
          else
            return fail_unexpected (P);
          n->b->str = P->tok.str;
          next (P);
          finish (P, n->b);
          break;
        case LEX_LBRACKET:
          next (P);
          n = node_at (P, AST_MEMBER, start);
          n->flags |= AST_F_COMPUTED;
          n->a = expr;
          if (!(n->b = parse_expression (P, 0, NULL)))
            return NULL;
          if (!expect (P, LEX_RBRACKET))
            return NULL;
          break;
        case LEX_TEMPLATE:
          if (chain)
            return fail (P, "tagged template not allowed in optional "
                         "chain");
          n = node_at (P, AST_TAGGED_TEMPLATE, start);
          n->a = expr;
          if (!(n->b = parse_template (P, true)))
            return NULL;
          break;
        case LEX_LPAREN:
          if (no_call)
            goto done;
          n = node_at (P, AST_CALL, start);
          n->a = expr;
          if (!parse_arguments (P, &n->list, NULL))
            return NULL;
          if (!optional && expr->kind == AST_IDENT && expr->str == P->n_eval)
            {
              n->flags |= AST_F_DIRECT_EVAL;
              note_direct_eval (P);
            }
          break;
        default:
          goto done;
        }
      if (optional)
        n->flags |= AST_F_OPTIONAL;
      expr = finish (P, n);
    }
done:
  if (chain)
    {
      AstNode *c = node_at (P, AST_OPTIONAL_CHAIN, start);
      c->a = expr;
      c->end = expr->end;
      expr = c;
    }
  return expr;
}

/* "new" expressions and new.target, at "new". */
static AstNode *
parse_new (Parser *P)
{
  AstNode *n = node_here (P, AST_NEW), *callee;

  next (P);
  if (eat (P, LEX_DOT))
    {
      FuncCtx *f = nonarrow (P);
      if (!at_word (P, P->n_target))
        return fail (P, "expected 'target' after 'new.'");
      if ((f->flags & FN_TOP) && !P->opts.allow_new_target)
        return fail_node (P, n, "new.target is only valid in functions");
      note_this (P);
      n->kind = AST_NEW_TARGET;
      next (P);
      return finish (P, n);
    }
  if (!enter (P))
    return NULL;
  if (at (P, LEX_NEW))
    callee = parse_new (P);
  else if (at (P, LEX_IMPORT) && peek (P)->kind != LEX_DOT)
    callee = fail (P, "cannot use 'new' with import()");
  else
    callee = parse_primary (P, 0, NULL);
  if (callee && callee->kind == AST_FUNCTION
      && (callee->flags & AST_F_ARROW) && !is_paren (callee))
    callee = fail_node (P, callee, "invalid 'new' operand");
  if (callee)
    callee = parse_subscripts (P, callee, true, NULL);
  leave (P);
  if (!callee)
    return NULL;
  n->a = callee;
  if (at (P, LEX_LPAREN) && !parse_arguments (P, &n->list, NULL))
    return NULL;
  return finish (P, n);
}

static inline bool
is_arrow (const AstNode *n)
{
  return n->kind == AST_FUNCTION && (n->flags & AST_F_ARROW)
         && !is_paren (n);
}

/* "async(...)" at the start of an assignment expression: a call, or the
 * head of an async arrow function. */
static AstNode *
parse_async_call (Parser *P, AstNode *callee, unsigned flags)
{
  CoverPositions saved = positions_save (P);
  CoverErrors ce = { 0 };
  AstNode *call = node_at (P, AST_CALL, node_pos (callee));

  call->a = callee;
  if (!parse_arguments (P, &call->list, &ce))
    return NULL;
  if (at (P, LEX_ARROW) && !newline_before (&P->tok))
    {
      if (!check_arrow_cover (P, true))
        return NULL;
      for (AstNode *p = call->list.first; p; p = p->next)
        {
          if (p->kind == AST_SPREAD
              && (p->next || (p->flags & AST_F_TRAILING_COMMA)))
            return fail_node (P, p, "rest parameter must be last");
          if (p->kind == AST_SPREAD)
            {
              p->kind = AST_REST;
              if (!to_pattern (P, p->a, true, false))
                return NULL;
            }
          else if (!to_pattern (P, p, true, true))
            return NULL;
        }
      positions_restore (P, &saved, true);
      return parse_arrow (P, node_pos (callee), &call->list, true, flags);
    }
  if (!cover_check (P, &ce))
    return NULL;
  positions_restore (P, &saved, true);
  return finish (P, call);
}

/* LeftHandSideExpression: new, call and member expressions. */
static AstNode *
parse_lhs_flags (Parser *P, unsigned flags, CoverErrors *ce)
{
  AstNode *expr;
  bool can_arrow = P->tok.start == P->arrow_start;

  if (at (P, LEX_NEW))
    expr = parse_new (P);
  else
    expr = parse_primary (P, flags, ce);
  if (!expr || is_arrow (expr))
    return expr;
  /* async ( ... ) => : only unescaped "async" with no line break. */
  if (can_arrow && expr->kind == AST_IDENT && expr->str == P->n_async
      && expr->end - expr->start == 5 && at (P, LEX_LPAREN)
      && !newline_before (&P->tok))
    {
      if (!(expr = parse_async_call (P, expr, flags)) || is_arrow (expr))
        return expr;
    }
  return parse_subscripts (P, expr, false, ce);
}

static AstNode *
parse_lhs (Parser *P, CoverErrors *ce)
{
  return parse_lhs_flags (P, 0, ce);
}

/* ----------------------------------------------------- operator tiers */

static AstNode *
parse_await (Parser *P)
{
  AstNode *n = node_here (P, AST_AWAIT);

  if (P->fn->flags & FN_STATIC_BLOCK)
    return fail (P, "await is not allowed in class static blocks");
  if (P->fn->in_params)
    return fail (P, "await expression not allowed in formal parameters");
  if (!P->await_pos.set)
    P->await_pos = tok_pos (&P->tok);
  next (P);
  if (!(n->a = parse_unary (P, NULL)))
    return NULL;
  return finish (P, n);
}

/* The innermost member of an optional chain or member expression whose
 * property is private: delete may not remove it. */
static bool
is_private_member (const AstNode *n)
{
  if (n->kind == AST_OPTIONAL_CHAIN)
    n = n->a;
  return n->kind == AST_MEMBER && n->b->kind == AST_PRIVATE_NAME;
}

/* A prefix operator and its operand, from the operator. */
static AstNode *
parse_prefix (Parser *P)
{
  AstNode *n;

  if (P->tok.kind == LEX_INC || P->tok.kind == LEX_DEC)
    {
      n = node_here (P, AST_UPDATE);
      n->flags |= AST_F_PREFIX;
    }
  else
    n = node_here (P, AST_UNARY);
  n->op = P->tok.kind;
  next (P);
  if (!(n->a = parse_unary (P, NULL)))
    return NULL;
  if (n->kind == AST_UPDATE)
    return check_simple_target (P, n->a, true) ? finish (P, n) : NULL;
  if (n->op == LEX_DELETE && P->fn->strict && n->a->kind == AST_IDENT)
    return fail_node (P, n->a, "delete of an unqualified identifier in "
                      "strict mode");
  if (n->op == LEX_DELETE && is_private_member (n->a))
    return fail_node (P, n->a, "private fields cannot be deleted");
  return finish (P, n);
}

static AstNode *
parse_unary_flags (Parser *P, unsigned flags, CoverErrors *ce)
{
  AstNode *n, *expr;

  switch (P->tok.kind)
    {
    case LEX_PLUS: case LEX_MINUS: case LEX_BANG: case LEX_TILDE:
    case LEX_TYPEOF: case LEX_VOID: case LEX_DELETE: case LEX_INC:
    case LEX_DEC:
      /* Only the prefix operators recurse here; the rest of the way
       * down is counted by parse_assign. */
      n = enter (P) ? parse_prefix (P) : NULL;
      leave (P);
      return n;
    default:
      break;
    }
  if (at_word (P, P->n_await) && await_is_operator (P))
    {
      n = enter (P) ? parse_await (P) : NULL;
      leave (P);
      return n;
    }
  if (!(expr = parse_lhs_flags (P, flags, ce)))
    return NULL;
  if ((at (P, LEX_INC) || at (P, LEX_DEC)) && !newline_before (&P->tok))
    {
      if (!cover_check (P, ce))
        return NULL;
      n = node_at (P, AST_UPDATE, node_pos (expr));
      n->op = P->tok.kind;
      n->a = expr;
      if (!check_simple_target (P, expr, true))
        return NULL;
      next (P);
      return finish (P, n);
    }
  return expr;
}

static AstNode *
parse_unary (Parser *P, CoverErrors *ce)
{
  return parse_unary_flags (P, 0, ce);
}

/* Precedence of a binary operator token, 0 if it is none. */
static int
binary_precedence (LexTokenKind k, unsigned flags)
{
  switch (k)
    {
    case LEX_NULLISH: case LEX_OR: return 1;
    case LEX_AND: return 2;
    case LEX_PIPE: return 3;
    case LEX_CARET: return 4;
    case LEX_AMP: return 5;
    case LEX_EQ: case LEX_NE: case LEX_STRICT_EQ: case LEX_STRICT_NE:
      return 6;
    case LEX_LT: case LEX_GT: case LEX_LE: case LEX_GE:
    case LEX_INSTANCEOF:
      return 7;
    case LEX_IN:
      return (flags & EXPR_NO_IN) ? 0 : 7;
    case LEX_SHL: case LEX_SAR: case LEX_SHR: return 8;
    case LEX_PLUS: case LEX_MINUS: return 9;
    case LEX_STAR: case LEX_SLASH: case LEX_PERCENT: return 10;
    case LEX_STAR_STAR: return 11;
    default: return 0;
    }
}

static inline bool
is_logical_or_and (const AstNode *n)
{
  return n->kind == AST_LOGICAL && !is_paren (n)
         && (n->op == LEX_OR || n->op == LEX_AND);
}

static inline bool
is_nullish (const AstNode *n)
{
  return n->kind == AST_LOGICAL && !is_paren (n) && n->op == LEX_NULLISH;
}

static AstNode *
parse_binary (Parser *P, int min_prec, unsigned flags, CoverErrors *ce)
{
  AstNode *left;

  if (at (P, LEX_PRIVATE_NAME))
    {
      /* #x in obj: a private name only as the left operand of "in". */
      if (peek (P)->kind != LEX_IN || (flags & EXPR_NO_IN) || min_prec > 7)
        return fail_unexpected (P);
      if (!check_private_ref (P, &P->tok))
        return NULL;
      left = node_here (P, AST_PRIVATE_NAME);
      left->str = P->tok.str;
      next (P);
      finish (P, left);
    }
  else
    left = parse_unary_flags (P, flags, ce);
  while (left && !is_arrow (left))
    {
      LexTokenKind op = P->tok.kind;
      int prec = binary_precedence (op, flags);
      AstNode *n, *right;

      if (!prec || prec < min_prec)
        break;
      if (!cover_check (P, ce))
        {
          left = NULL;
          break;
        }
      if (left->kind == AST_PRIVATE_NAME && op != LEX_IN)
        {
          left = fail_node (P, left, "unexpected private name");
          break;
        }
      if (op == LEX_STAR_STAR && !is_paren (left)
          && (left->kind == AST_UNARY || left->kind == AST_AWAIT))
        {
          left = fail (P, "unary operator before ** needs parentheses");
          break;
        }
      next (P);
      /* Only ** recurses to the right without bound (a ** a ** ...). */
      right = enter (P) ? parse_binary (P, op == LEX_STAR_STAR ? prec
                                                               : prec + 1,
                                        flags, NULL)
                        : NULL;
      leave (P);
      if (!right)
        {
          left = NULL;
          break;
        }
      if (op == LEX_NULLISH ? is_logical_or_and (left)
                                || is_logical_or_and (right)
          : (op == LEX_OR || op == LEX_AND)
              && (is_nullish (left) || is_nullish (right)))
        {
          left = fail_node (P, right, "cannot mix ?? with || or && "
                            "without parentheses");
          break;
        }
      n = node_at (P, op == LEX_OR || op == LEX_AND || op == LEX_NULLISH
                        ? AST_LOGICAL : AST_BINARY, node_pos (left));
      n->op = op;
      n->a = left;
      n->b = right;
      left = finish (P, n);
    }
  if (left && left->kind == AST_PRIVATE_NAME)
    left = fail_node (P, left, "unexpected private name");
  return left;
}

static AstNode *
parse_conditional (Parser *P, unsigned flags, CoverErrors *ce)
{
  AstNode *test = parse_binary (P, 1, flags, ce), *n;

  if (!test || !at (P, LEX_QUESTION) || is_arrow (test))
    return test;
  if (!cover_check (P, ce))
    return NULL;
  n = node_at (P, AST_CONDITIONAL, node_pos (test));
  n->a = test;
  next (P);
  if (!(n->b = parse_assign (P, 0, NULL)) || !expect (P, LEX_COLON)
      || !(n->c = parse_assign (P, flags, NULL)))
    return NULL;
  return finish (P, n);
}

static AstNode *
parse_yield (Parser *P, unsigned flags)
{
  AstNode *n = node_here (P, AST_YIELD);

  if (P->fn->in_params)
    return fail (P, "yield expression not allowed in formal parameters");
  if (!P->yield_pos.set)
    P->yield_pos = tok_pos (&P->tok);
  next (P);
  if (!newline_before (&P->tok))
    {
      if (eat (P, LEX_STAR))
        {
          n->flags |= AST_F_DELEGATE;
          if (!(n->a = parse_assign (P, flags, NULL)))
            return NULL;
        }
      else if (starts_expression (&P->tok) && !at (P, LEX_LT))
        {
          if (!(n->a = parse_assign (P, flags, NULL)))
            return NULL;
        }
    }
  return finish (P, n);
}

static AstNode *
parse_assign (Parser *P, unsigned flags, CoverErrors *ce_out)
{
  CoverErrors ce = { 0 };
  AstNode *left, *n;
  LexTokenKind op;

  if (!enter (P))
    return NULL;
  if (at_word (P, P->n_yield) && yield_is_operator (P))
    {
      n = parse_yield (P, flags);
      leave (P);
      return n;
    }
  P->arrow_start = P->tok.start;
  left = parse_conditional (P, flags, &ce);
  if (!left)
    goto fail;
  op = P->tok.kind;
  if (!lex_is_assign (op))
    {
      if (cover_pending (&ce))
        {
          if (ce_out)
            cover_merge (ce_out, &ce);
          else if (!cover_check (P, &ce))
            goto fail;
        }
      leave (P);
      return left;
    }
  if (op == LEX_ASSIGN
      && (left->kind == AST_OBJECT || left->kind == AST_ARRAY)
      && !is_paren (left))
    {
      if (!to_pattern (P, left, false, false))
        goto fail;
    }
  else if (!check_simple_target (P, left, false) || !cover_check (P, &ce))
    goto fail;
  n = node_at (P, AST_ASSIGN, node_pos (left));
  n->op = op;
  n->a = left;
  next (P);
  if (!(n->b = parse_assign (P, flags, NULL)))
    goto fail;
  leave (P);
  return finish (P, n);
fail:
  leave (P);
  return NULL;
}

static AstNode *
parse_expression (Parser *P, unsigned flags, CoverErrors *ce)
{
  AstNode *first = parse_assign (P, flags, ce), *seq;

  if (!first || !at (P, LEX_COMMA))
    return first;
  if (!cover_check (P, ce))
    return NULL;
  seq = node_at (P, AST_SEQUENCE, node_pos (first));
  ast_list_append (&seq->list, first);
  while (eat (P, LEX_COMMA))
    {
      AstNode *e = parse_assign (P, flags, NULL);
      if (!e)
        return NULL;
      ast_list_append (&seq->list, e);
    }
  return finish (P, seq);
}

/* ----------------------------------------------------------------- classes */

static bool
declare_private (Parser *P, const AstNode *key, uint32_t kind)
{
  NameSet *set = &P->cls->declared;
  NameEntry *e = nameset_find (set, key->str);
  char buf[64];

  if (!e)
    {
      nameset_add (set, key->str, kind);
      return true;
    }
  /* A getter and a setter of the same placement may share a name. */
  if ((kind & (PRIV_GETTER | PRIV_SETTER))
      && (e->bits & (PRIV_GETTER | PRIV_SETTER))
      && !(e->bits & kind & (PRIV_GETTER | PRIV_SETTER))
      && !(e->bits & PRIV_FIELD)
      && (e->bits & PRIV_STATIC) == (kind & PRIV_STATIC))
    {
      e->bits |= kind;
      return true;
    }
  fail_node (P, key, "duplicate private name #%s", name_text (key->str, buf));
  return false;
}

/* A field initializer: a function of its own for arguments, super and
 * new.target. */
static AstNode *
parse_field_initializer (Parser *P)
{
  FuncCtx ctx;
  Scope scope;
  CoverPositions saved = positions_save (P);
  uint32_t flags = FN_FIELD_INIT | FN_METHOD;
  AstNode *init;

  if (await_reserved (P))
    flags |= FN_AWAIT_RESERVED;
  ctx_push (P, &ctx, flags, NULL);
  scope_push (P, &scope, SCOPE_FUNCTION);
  init = parse_assign (P, 0, NULL);
  scope_pop (P, &scope);
  ctx_pop (P, &ctx);
  positions_restore (P, &saved, false);
  return init;
}

static AstNode *
parse_static_block (Parser *P)
{
  AstNode *n = node_here (P, AST_STATIC_BLOCK);
  FuncCtx ctx;
  Scope scope;
  CoverPositions saved = positions_save (P);
  bool ok;

  next (P); /* static */
  next (P); /* { */
  ctx_push (P, &ctx, FN_STATIC_BLOCK | FN_METHOD | FN_AWAIT_RESERVED, NULL);
  scope_push (P, &scope, SCOPE_TOP);
  ok = true;
  while (ok && !at (P, LEX_RBRACE))
    {
      AstNode *stmt = parse_statement_list_item (P);
      if (stmt)
        ast_list_append (&n->list, stmt);
      ok = stmt != NULL;
    }
  scope_pop (P, &scope);
  ctx_pop (P, &ctx);
  positions_restore (P, &saved, false);
  if (!ok)
    return NULL;
  next (P);
  return finish (P, n);
}

static AstNode *
parse_class_member (Parser *P, bool derived, bool *has_ctor)
{
  Pos start = tok_pos (&P->tok), fn_start;
  AstNode *m, *key;
  uint32_t fn_flags = 0, flags = 0;
  bool is_static = false, computed;

  if (at_word (P, P->n_static) && !next_ends_name (P, true))
    {
      if (peek (P)->kind == LEX_LBRACE)
        return parse_static_block (P);
      is_static = true;
      next (P);
    }
  /* A method's source text, for toString(), leaves "static" out. */
  fn_start = tok_pos (&P->tok);
  if (at_word (P, P->n_async) && !next_ends_name (P, true)
      && !newline_before (peek (P)))
    {
      fn_flags |= FN_ASYNC;
      flags |= AST_F_ASYNC;
      next (P);
    }
  if (eat (P, LEX_STAR))
    {
      fn_flags |= FN_GENERATOR;
      flags |= AST_F_GENERATOR;
    }
  if (!fn_flags && (at_word (P, P->n_get) || at_word (P, P->n_set))
      && !next_ends_name (P, true) && peek (P)->kind != LEX_STAR)
    {
      flags |= P->tok.str == P->n_get ? AST_F_GETTER : AST_F_SETTER;
      next (P);
    }
  if (!(key = parse_property_key (P, &computed, true)))
    return NULL;
  m = node_at (P, AST_CLASS_METHOD, start);
  m->a = key;
  if (computed)
    m->flags |= AST_F_COMPUTED;
  if (is_static)
    m->flags |= AST_F_STATIC;
  if (is_static && key_is (P, key, computed, P->n_prototype))
    return fail_node (P, key, "classes may not have a static member named "
                      "'prototype'");
  if (flags || at (P, LEX_LPAREN))
    {
      uint32_t ast_flags = flags;
      if (!is_static && key_is (P, key, computed, P->n_constructor))
        {
          if (flags)
            return fail_node (P, key, "class constructor may not be an "
                              "accessor, generator or async");
          if (*has_ctor)
            return fail_node (P, key, "duplicate constructor");
          *has_ctor = true;
          ast_flags |= AST_F_CONSTRUCTOR | (derived ? AST_F_DERIVED : 0);
          m->flags |= AST_F_CONSTRUCTOR;
          if (derived)
            fn_flags |= FN_DERIVED_CTOR;
        }
      if (key->kind == AST_PRIVATE_NAME
          && !declare_private (P, key,
                               (flags & AST_F_GETTER ? PRIV_GETTER
                                : flags & AST_F_SETTER ? PRIV_SETTER
                                : PRIV_FIELD)
                               | (is_static ? PRIV_STATIC : 0)))
        return NULL;
      m->flags |= flags & (AST_F_GETTER | AST_F_SETTER);
      if (!(m->b = parse_method (P, fn_start, fn_flags, ast_flags)))
        return NULL;
      return finish (P, m);
    }
  m->kind = AST_CLASS_FIELD;
  if (key_is (P, key, computed, P->n_constructor))
    return fail_node (P, key, "classes may not have a field named "
                      "'constructor'");
  if (key->kind == AST_PRIVATE_NAME
      && !declare_private (P, key,
                           PRIV_FIELD | (is_static ? PRIV_STATIC : 0)))
    return NULL;
  if (eat (P, LEX_ASSIGN) && !(m->b = parse_field_initializer (P)))
    return NULL;
  finish (P, m);
  if (!semicolon (P))
    return NULL;
  return m;
}

static AstNode *
parse_class (Parser *P, AstKind kind, bool is_default)
{
  AstNode *n = node_here (P, kind);
  ClassCtx cls;
  bool outer_strict = P->fn->strict, has_ctor = false, ok = false;

  if (!enter (P))
    return NULL;
  next (P);
  /* All of a class, its name and heritage included, is strict code. */
  P->fn->strict = true;
  if (at (P, LEX_IDENT))
    {
      if (!(n->a = parse_binding_identifier (P))
          || !check_binding_name (P, n->a, BIND_LEXICAL))
        goto done;
      if (kind == AST_CLASS_DECL && !declare (P, n->a, BIND_LEXICAL))
        goto done;
    }
  else if (kind == AST_CLASS_DECL && !is_default)
    {
      fail_unexpected (P);
      goto done;
    }
  if (eat (P, LEX_EXTENDS) && !(n->b = parse_lhs (P, NULL)))
    goto done;
  if (!expect (P, LEX_LBRACE))
    goto done;
  cls.outer = P->cls;
  nameset_init (&cls.declared);
  cls.unresolved = g_array_new (FALSE, FALSE, sizeof (PrivateRef));
  P->cls = &cls;
  ok = true;
  while (ok && !at (P, LEX_RBRACE))
    {
      AstNode *m;
      if (eat (P, LEX_SEMICOLON))
        continue;
      m = parse_class_member (P, n->b != NULL, &has_ctor);
      if (m)
        ast_list_append (&n->list, m);
      ok = m != NULL;
    }
  P->cls = cls.outer;
  /* References to private names this class does not declare belong to
   * an enclosing class, or are errors. */
  for (guint i = 0; ok && i < cls.unresolved->len; i++)
    {
      PrivateRef *r = &g_array_index (cls.unresolved, PrivateRef, i);
      char buf[64];
      if (nameset_find (&cls.declared, r->name))
        continue;
      if (P->cls)
        g_array_append_val (P->cls->unresolved, *r);
      else if (!private_name_outside (P, r->name))
        {
          fail_pos (P, (Pos){ r->offset, r->line, r->col, true },
                    "private name #%s is not defined",
                    name_text (r->name, buf));
          ok = false;
        }
    }
  g_array_free (cls.unresolved, TRUE);
  nameset_free (&cls.declared);
  if (ok)
    next (P);
done:
  P->fn->strict = outer_strict;
  leave (P);
  return ok ? finish (P, n) : NULL;
}

/* -------------------------------------------------------------- statements */

/* Whether "let" at the current token starts a lexical declaration. */
static bool
let_starts_declaration (Parser *P)
{
  LexTokenKind k = peek (P)->kind;

  return k == LEX_LBRACKET || k == LEX_LBRACE || k == LEX_IDENT;
}

/* var, let or const declarations, from the keyword.  In a for head
 * (for_head) initializers are checked by the caller. */
static AstNode *
parse_declarations (Parser *P, AstDeclKind kind, unsigned flags,
                    bool for_head)
{
  AstNode *n = node_here (P, AST_VAR_DECL);
  BindKind bind = kind == AST_DECL_VAR ? BIND_VAR : BIND_LEXICAL;

  n->op = kind;
  next (P);
  do
    {
      AstNode *d = node_here (P, AST_DECLARATOR);
      if (!(d->a = parse_binding_target (P)))
        return NULL;
      if (!declare_pattern (P, d->a, bind))
        return NULL;
      if (eat (P, LEX_ASSIGN))
        {
          if (!(d->b = parse_assign (P, flags, NULL)))
            return NULL;
        }
      else if (!for_head && kind == AST_DECL_CONST)
        return fail (P, "missing initializer in const declaration");
      else if (!for_head && d->a->kind != AST_IDENT)
        return fail (P, "missing initializer in destructuring "
                     "declaration");
      ast_list_append (&n->list, finish (P, d));
    }
  while (eat (P, LEX_COMMA));
  return finish (P, n);
}

static AstNode *
parse_block (Parser *P)
{
  AstNode *n = node_here (P, AST_BLOCK);
  Scope scope;
  bool ok = true;

  if (!expect (P, LEX_LBRACE))
    return NULL;
  scope_push (P, &scope, SCOPE_BLOCK);
  while (ok && !at (P, LEX_RBRACE))
    {
      AstNode *stmt = parse_statement_list_item (P);
      if (stmt)
        ast_list_append (&n->list, stmt);
      ok = stmt != NULL;
    }
  scope_pop (P, &scope);
  if (!ok)
    return NULL;
  next (P);
  return finish (P, n);
}

/* Whether a statement is a labelled function declaration, which may not
 * be the body of a loop or an if. */
static bool
is_labelled_function (const AstNode *n)
{
  while (n && n->kind == AST_LABELED)
    n = n->a;
  return n && n->kind == AST_FUNC_DECL;
}

/* The body of an iteration statement. */
static AstNode *
parse_loop_body (Parser *P)
{
  AstNode *body;

  P->fn->loops++;
  P->fn->breakables++;
  body = parse_statement (P);
  P->fn->loops--;
  P->fn->breakables--;
  if (body && is_labelled_function (body))
    return fail_node (P, body, "a labelled function cannot be the body of "
                      "a loop");
  return body;
}

/* The parenthesized condition of if, while, switch and with. */
static AstNode *
parse_paren_expression (Parser *P)
{
  AstNode *e;

  if (!expect (P, LEX_LPAREN) || !(e = parse_expression (P, 0, NULL))
      || !expect (P, LEX_RPAREN))
    return NULL;
  return e;
}

/* The body of an if or else: a statement, or in sloppy code a plain
 * function declaration in a scope of its own (ECMA-262 B.3.3). */
static AstNode *
parse_if_body (Parser *P)
{
  AstNode *body;

  if (at (P, LEX_FUNCTION) && !P->fn->strict)
    {
      /* As if it were in braces: a block of one declaration. */
      Scope scope;
      AstNode *block = node_here (P, AST_BLOCK);
      scope_push (P, &scope, SCOPE_BLOCK);
      body = parse_function (P, tok_pos (&P->tok), AST_FUNC_DECL, 0, false);
      scope_pop (P, &scope);
      if (body && (body->flags & AST_F_GENERATOR))
        return fail_node (P, body, "generator declarations are not allowed "
                          "here");
      if (!body)
        return NULL;
      ast_list_append (&block->list, body);
      return finish (P, block);
    }
  body = parse_statement (P);
  if (body && is_labelled_function (body))
    return fail_node (P, body, "a labelled function cannot be the body of "
                      "an if statement");
  return body;
}

static AstNode *
parse_if (Parser *P)
{
  AstNode *n = node_here (P, AST_IF);

  next (P);
  if (!(n->a = parse_paren_expression (P)) || !(n->b = parse_if_body (P)))
    return NULL;
  if (eat (P, LEX_ELSE) && !(n->c = parse_if_body (P)))
    return NULL;
  return finish (P, n);
}

/* for, for-in, for-of and for await, from "for". */
static AstNode *
parse_for (Parser *P)
{
  AstNode *n = node_here (P, AST_FOR), *init = NULL;
  Scope scope;
  bool is_await = false, is_of, ok = false;
  LexToken first;

  next (P);
  if (at_word (P, P->n_await))
    {
      if (!await_is_operator (P) || (P->fn->flags & FN_STATIC_BLOCK))
        return fail (P, "for await is only valid in async functions and "
                     "modules");
      is_await = true;
      n->flags |= AST_F_AWAIT;
      next (P);
    }
  if (!expect (P, LEX_LPAREN))
    return NULL;
  scope_push (P, &scope, SCOPE_BLOCK);
  first = P->tok;
  if (at (P, LEX_SEMICOLON))
    ;
  else if (at (P, LEX_VAR))
    init = parse_declarations (P, AST_DECL_VAR, EXPR_NO_IN, true);
  else if (at (P, LEX_CONST))
    init = parse_declarations (P, AST_DECL_CONST, EXPR_NO_IN, true);
  else if (at_word (P, P->n_let) && let_starts_declaration (P))
    init = parse_declarations (P, AST_DECL_LET, EXPR_NO_IN, true);
  else
    {
      CoverErrors ce = { 0 };
      if (!(init = parse_expression (P, EXPR_NO_IN, &ce)))
        goto done;
      if (at (P, LEX_IN) || at_word (P, P->n_of))
        {
          if (at_word (P, P->n_of) && is_word (&first, P->n_let))
            {
              fail_pos (P, tok_pos (&first), "for-of left side may not "
                        "start with 'let'");
              goto done;
            }
          if (at_word (P, P->n_of) && !is_await
              && is_word (&first, P->n_async) && init->kind == AST_IDENT
              && !is_paren (init))
            {
              fail_pos (P, tok_pos (&first), "for-of left side may not be "
                        "'async'");
              goto done;
            }
          if ((init->kind == AST_OBJECT || init->kind == AST_ARRAY)
              && !is_paren (init))
            {
              if (!to_pattern (P, init, false, false))
                goto done;
            }
          else if (!check_simple_target (P, init, false)
                   || !cover_check (P, &ce))
            goto done;
        }
      else if (!cover_check (P, &ce))
        goto done;
    }
  if (P->failed)
    goto done;
  is_of = at_word (P, P->n_of);
  if (is_of || at (P, LEX_IN))
    {
      if (init->kind == AST_VAR_DECL)
        {
          AstNode *d = init->list.first;
          if (init->list.count != 1)
            {
              fail_node (P, init->list.first->next, "only one binding "
                         "allowed in a for-%s head", is_of ? "of" : "in");
              goto done;
            }
          /* for (var x = 1 in o) survives for the web (B.3.5), in sloppy
           * code only. */
          if (d->b && (is_of || P->fn->strict || init->op != AST_DECL_VAR
                       || d->a->kind != AST_IDENT))
            {
              fail_node (P, d->b, "for-%s loop variable declaration may "
                         "not have an initializer", is_of ? "of" : "in");
              goto done;
            }
          if (is_of && init->op == AST_DECL_VAR
              && !declare_pattern (P, d->a, BIND_VAR_FOR_OF))
            goto done;
        }
      if (is_await && !is_of)
        {
          fail (P, "for await requires 'of'");
          goto done;
        }
      n->kind = is_of ? AST_FOR_OF : AST_FOR_IN;
      n->a = init;
      next (P);
      if (!(n->b = is_of ? parse_assign (P, 0, NULL)
                         : parse_expression (P, 0, NULL)))
        goto done;
    }
  else
    {
      if (is_await)
        {
          fail (P, "for await requires 'of'");
          goto done;
        }
      if (init && init->kind == AST_VAR_DECL)
        for (AstNode *d = init->list.first; d; d = d->next)
          if (!d->b && (init->op == AST_DECL_CONST || d->a->kind != AST_IDENT))
            {
              fail_node (P, d, "missing initializer in declaration");
              goto done;
            }
      n->a = init;
      if (!expect (P, LEX_SEMICOLON))
        goto done;
      if (!at (P, LEX_SEMICOLON) && !(n->b = parse_expression (P, 0, NULL)))
        goto done;
      if (!expect (P, LEX_SEMICOLON))
        goto done;
      if (!at (P, LEX_RPAREN) && !(n->c = parse_expression (P, 0, NULL)))
        goto done;
    }
  if (!expect (P, LEX_RPAREN) || !(n->d = parse_loop_body (P)))
    goto done;
  ok = true;
done:
  scope_pop (P, &scope);
  return ok ? finish (P, n) : NULL;
}

static AstNode *
parse_jump (Parser *P, AstKind kind)
{
  AstNode *n = node_here (P, kind);

  next (P);
  if (at (P, LEX_IDENT) && !newline_before (&P->tok))
    {
      uint32_t i;
      char buf[64];
      for (i = P->labels->len; i > P->fn->label_base; i--)
        {
          Label *l = &g_array_index (P->labels, Label, i - 1);
          if (l->name != P->tok.str)
            continue;
          if (kind == AST_CONTINUE && !l->loop)
            return fail (P, "continue target '%s' is not a loop",
                         name_text (P->tok.str, buf));
          break;
        }
      if (i == P->fn->label_base)
        return fail (P, "undefined label '%s'", name_text (P->tok.str, buf));
      n->str = P->tok.str;
      next (P);
    }
  else if (kind == AST_CONTINUE && !P->fn->loops)
    return fail_node (P, n, "continue must be inside a loop");
  else if (kind == AST_BREAK && !P->fn->breakables)
    return fail_node (P, n, "break must be inside a loop or switch");
  finish (P, n);
  if (!semicolon (P))
    return NULL;
  return n;
}

static AstNode *
parse_return (Parser *P)
{
  AstNode *n = node_here (P, AST_RETURN);

  if (((P->fn->flags & FN_TOP) && !P->opts.allow_return)
      || (P->fn->flags & FN_STATIC_BLOCK))
    return fail (P, "return outside of a function");
  next (P);
  if (!at (P, LEX_SEMICOLON) && !at (P, LEX_RBRACE) && !at (P, LEX_EOF)
      && !newline_before (&P->tok)
      && !(n->a = parse_expression (P, 0, NULL)))
    return NULL;
  finish (P, n);
  if (!semicolon (P))
    return NULL;
  return n;
}

static AstNode *
parse_switch (Parser *P)
{
  AstNode *n = node_here (P, AST_SWITCH);
  Scope scope;
  bool has_default = false, ok = true;

  next (P);
  if (!(n->a = parse_paren_expression (P)) || !expect (P, LEX_LBRACE))
    return NULL;
  scope_push (P, &scope, SCOPE_BLOCK);
  P->fn->breakables++;
  while (ok && !at (P, LEX_RBRACE))
    {
      AstNode *c = node_here (P, AST_CASE);
      ok = false;
      if (eat (P, LEX_CASE))
        {
          if (!(c->a = parse_expression (P, 0, NULL)))
            break;
        }
      else if (at (P, LEX_DEFAULT))
        {
          if (has_default)
            {
              fail (P, "more than one default clause in switch");
              break;
            }
          has_default = true;
          next (P);
        }
      else
        {
          fail_unexpected (P);
          break;
        }
      if (!expect (P, LEX_COLON))
        break;
      ok = true;
      while (ok && !at (P, LEX_CASE) && !at (P, LEX_DEFAULT)
             && !at (P, LEX_RBRACE))
        {
          AstNode *stmt = parse_statement_list_item (P);
          if (stmt)
            ast_list_append (&c->list, stmt);
          ok = stmt != NULL;
        }
      ast_list_append (&n->list, finish (P, c));
    }
  P->fn->breakables--;
  scope_pop (P, &scope);
  if (!ok)
    return NULL;
  next (P);
  return finish (P, n);
}

static AstNode *
parse_try (Parser *P)
{
  AstNode *n = node_here (P, AST_TRY);

  next (P);
  if (!(n->a = parse_block (P)))
    return NULL;
  if (at (P, LEX_CATCH))
    {
      AstNode *c = node_here (P, AST_CATCH), *body;
      Scope scope;
      bool ok = false;
      next (P);
      scope_push (P, &scope, SCOPE_CATCH);
      if (eat (P, LEX_LPAREN))
        {
          if (!(c->a = parse_binding_target (P))
              || !declare_pattern (P, c->a, c->a->kind == AST_IDENT
                                              ? BIND_CATCH
                                              : BIND_CATCH_PATTERN)
              || !expect (P, LEX_RPAREN))
            goto catch_done;
        }
      /* The block shares the parameter's scope: a let of the same name
       * is a redeclaration. */
      body = node_here (P, AST_BLOCK);
      if (!expect (P, LEX_LBRACE))
        goto catch_done;
      while (!at (P, LEX_RBRACE))
        {
          AstNode *stmt = parse_statement_list_item (P);
          if (!stmt)
            goto catch_done;
          ast_list_append (&body->list, stmt);
        }
      next (P);
      c->b = finish (P, body);
      ok = true;
    catch_done:
      scope_pop (P, &scope);
      if (!ok)
        return NULL;
      n->b = finish (P, c);
    }
  if (eat (P, LEX_FINALLY))
    {
      if (!(n->c = parse_block (P)))
        return NULL;
    }
  else if (!n->b)
    return fail (P, "missing catch or finally after try");
  return finish (P, n);
}

/* A labelled statement; chain counts the labels right before it. */
static AstNode *
parse_labeled (Parser *P, uint32_t chain)
{
  AstNode *n = node_here (P, AST_LABELED);
  Label label;
  char buf[64];

  if (!check_identifier (P, &P->tok))
    return NULL;
  for (uint32_t i = P->fn->label_base; i < P->labels->len; i++)
    if (g_array_index (P->labels, Label, i).name == P->tok.str)
      return fail (P, "duplicate label '%s'", name_text (P->tok.str, buf));
  n->str = P->tok.str;
  label.name = n->str;
  label.loop = false;
  next (P);
  next (P); /* : */
  g_array_append_val (P->labels, label);
  if (at (P, LEX_FUNCTION))
    {
      /* Sloppy code may label a plain function declaration (B.3.1). */
      if (P->fn->strict)
        n->a = fail (P, "functions cannot be labelled in strict mode");
      else
        {
          n->a = parse_function (P, tok_pos (&P->tok), AST_FUNC_DECL, 0,
                                 false);
          if (n->a && (n->a->flags & AST_F_GENERATOR))
            n->a = fail_node (P, n->a, "generators cannot be labelled");
        }
    }
  else
    {
      P->pending_labels = chain + 1;
      n->a = parse_statement (P);
    }
  g_array_set_size (P->labels, P->labels->len - 1);
  if (!n->a)
    return NULL;
  return finish (P, n);
}

static AstNode *
parse_expression_statement (Parser *P)
{
  AstNode *n = node_here (P, AST_EXPR_STMT);

  if (!(n->a = parse_expression (P, 0, NULL)))
    return NULL;
  finish (P, n);
  if (!semicolon (P))
    return NULL;
  return n;
}

static AstNode *
parse_statement_inner (Parser *P, uint32_t chain)
{
  AstNode *n;

  switch (P->tok.kind)
    {
    case LEX_LBRACE:
      return parse_block (P);
    case LEX_SEMICOLON:
      n = node_here (P, AST_EMPTY);
      next (P);
      return finish (P, n);
    case LEX_VAR:
      if (!(n = parse_declarations (P, AST_DECL_VAR, 0, false)))
        return NULL;
      return semicolon (P) ? n : NULL;
    case LEX_IF:
      return parse_if (P);
    case LEX_FOR:
    case LEX_WHILE:
    case LEX_DO:
      /* The labels directly in front of a loop are loop labels. */
      for (uint32_t i = 0; i < chain; i++)
        g_array_index (P->labels, Label, P->labels->len - 1 - i).loop = true;
      if (at (P, LEX_FOR))
        return parse_for (P);
      n = node_here (P, at (P, LEX_WHILE) ? AST_WHILE : AST_DO_WHILE);
      next (P);
      if (n->kind == AST_WHILE)
        {
          if (!(n->a = parse_paren_expression (P))
              || !(n->d = parse_loop_body (P)))
            return NULL;
          return finish (P, n);
        }
      if (!(n->d = parse_loop_body (P)) || !expect (P, LEX_WHILE)
          || !(n->a = parse_paren_expression (P)))
        return NULL;
      /* A semicolon is inserted after do-while's ")" in any case. */
      eat (P, LEX_SEMICOLON);
      return finish (P, n);
    case LEX_CONTINUE:
      return parse_jump (P, AST_CONTINUE);
    case LEX_BREAK:
      return parse_jump (P, AST_BREAK);
    case LEX_RETURN:
      return parse_return (P);
    case LEX_WITH:
      if (P->fn->strict)
        return fail (P, "with is not allowed in strict mode");
      n = node_here (P, AST_WITH);
      next (P);
      if (!(n->a = parse_paren_expression (P)))
        return NULL;
      if (!(n->d = parse_statement (P)))
        return NULL;
      if (is_labelled_function (n->d))
        return fail_node (P, n->d, "a labelled function cannot be the body "
                          "of with");
      return finish (P, n);
    case LEX_SWITCH:
      return parse_switch (P);
    case LEX_THROW:
      n = node_here (P, AST_THROW);
      next (P);
      if (newline_before (&P->tok))
        return fail (P, "no line break is allowed after 'throw'");
      if (!(n->a = parse_expression (P, 0, NULL)))
        return NULL;
      finish (P, n);
      return semicolon (P) ? n : NULL;
    case LEX_TRY:
      return parse_try (P);
    case LEX_DEBUGGER:
      n = node_here (P, AST_DEBUGGER);
      next (P);
      finish (P, n);
      return semicolon (P) ? n : NULL;
    case LEX_FUNCTION:
      return fail (P, "function declarations are not allowed in this "
                   "context");
    case LEX_CLASS:
      return fail (P, "class declarations are not allowed in this "
                   "context");
    case LEX_CONST:
      return fail (P, "lexical declarations are not allowed in this "
                   "context");
    case LEX_IMPORT:
      {
        LexTokenKind k = peek (P)->kind;
        if (k != LEX_LPAREN && k != LEX_DOT)
          return fail (P, P->opts.module
                              ? "import declarations may only appear at "
                                "the top level of a module"
                              : "import declarations may only appear in "
                                "modules");
        return parse_expression_statement (P);
      }
    case LEX_EXPORT:
      return fail (P, P->opts.module ? "export declarations may only appear "
                                       "at the top level of a module"
                                     : "export declarations may only "
                                       "appear in modules");
    case LEX_IDENT:
      if (peek (P)->kind == LEX_COLON)
        return parse_labeled (P, chain);
      if (at_word (P, P->n_let) && peek (P)->kind == LEX_LBRACKET)
        return fail (P, "lexical declarations are not allowed in this "
                     "context");
      if (at_word (P, P->n_async) && peek (P)->kind == LEX_FUNCTION
          && !newline_before (peek (P)))
        return fail (P, "async function declarations are not allowed in "
                     "this context");
      return parse_expression_statement (P);
    default:
      return parse_expression_statement (P);
    }
}

static AstNode *
parse_statement (Parser *P)
{
  uint32_t chain = P->pending_labels;
  AstNode *n;

  P->pending_labels = 0;
  if (!enter (P))
    return NULL;
  n = parse_statement_inner (P, chain);
  leave (P);
  return n;
}

/* ----------------------------------------------------------------- modules */

/* A ModuleExportName: an IdentifierName or a well-formed string. */
static const AstStr *
parse_module_export_name (Parser *P, LexToken *tok_out)
{
  const AstStr *name = P->tok.str;

  if (tok_out)
    *tok_out = P->tok;
  if (at (P, LEX_STRING))
    {
      if (!name->well_formed)
        return fail (P, "module export names must be well-formed Unicode");
    }
  else if (!lex_is_name (P->tok.kind))
    return fail_unexpected (P);
  next (P);
  return name;
}

/* Records an exported name; a name exported twice is an error. */
static bool
add_export (Parser *P, const AstStr *name, Pos pos)
{
  char buf[64];

  if (nameset_find (&P->exported, name))
    return fail_pos (P, pos, "duplicate export of '%s'",
                     name_text (name, buf)), false;
  nameset_add (&P->exported, name, 1);
  return true;
}

/* Exports every name a declaration binds. */
static bool
export_bound_names (Parser *P, const AstNode *n)
{
  switch (n->kind)
    {
    case AST_IDENT:
      return add_export (P, n->str, node_pos (n));
    case AST_VAR_DECL:
      for (const AstNode *d = n->list.first; d; d = d->next)
        if (!export_bound_names (P, d->a))
          return false;
      return true;
    case AST_FUNC_DECL:
    case AST_CLASS_DECL:
      return export_bound_names (P, n->a);
    case AST_ARRAY_PATTERN:
      for (const AstNode *e = n->list.first; e; e = e->next)
        if (e->kind != AST_ELISION && !export_bound_names (P, e))
          return false;
      return true;
    case AST_OBJECT_PATTERN:
      for (const AstNode *p = n->list.first; p; p = p->next)
        if (!export_bound_names (P, p->kind == AST_REST ? p->a : p->b))
          return false;
      return true;
    case AST_ASSIGN_PATTERN:
    case AST_REST:
      return export_bound_names (P, n->a);
    default:
      return true;
    }
}

static AstNode *
parse_module_specifier (Parser *P)
{
  if (!at (P, LEX_STRING))
    return fail (P, "expected a module specifier string");
  return parse_string_literal (P);
}

/* The module specifier of an import or re-export and its optional
 * "with { type: 'json' }" (import attributes, ES2025) into n->b, n->c. */
static bool
parse_module_source (Parser *P, AstNode *n)
{
  AstNode *with;
  NameSet keys;
  bool ok = false;

  if (!(n->b = parse_module_specifier (P)))
    return false;
  if (!at (P, LEX_WITH))
    return true;
  with = node_here (P, AST_WITH_CLAUSE);
  next (P);
  if (!expect (P, LEX_LBRACE))
    return false;
  nameset_init (&keys);
  while (!at (P, LEX_RBRACE))
    {
      AstNode *attr = node_here (P, AST_IMPORT_ATTRIBUTE);
      char buf[64];
      if (!at (P, LEX_STRING) && !lex_is_name (P->tok.kind))
        {
          fail_unexpected (P);
          goto done;
        }
      attr->str = P->tok.str;
      if (nameset_find (&keys, attr->str))
        {
          fail (P, "duplicate import attribute '%s'",
                name_text (attr->str, buf));
          goto done;
        }
      nameset_add (&keys, attr->str, 1);
      next (P);
      if (!expect (P, LEX_COLON))
        goto done;
      if (!at (P, LEX_STRING))
        {
          fail (P, "import attribute values must be strings");
          goto done;
        }
      attr->str2 = P->tok.str;
      next (P);
      ast_list_append (&with->list, finish (P, attr));
      if (!at (P, LEX_RBRACE) && !expect (P, LEX_COMMA))
        goto done;
    }
  next (P);
  n->c = finish (P, with);
  ok = true;
done:
  nameset_free (&keys);
  return ok;
}

/* A local binding of an import, declared in the module scope. */
static AstNode *
parse_import_binding (Parser *P)
{
  AstNode *id = parse_binding_identifier (P);

  if (!id || !declare (P, id, BIND_LEXICAL))
    return NULL;
  return id;
}

static AstNode *
parse_import_declaration (Parser *P)
{
  AstNode *n = node_here (P, AST_IMPORT);

  next (P);
  if (at (P, LEX_STRING))
    goto source;
  if (at (P, LEX_IDENT))
    {
      AstNode *s = node_here (P, AST_IMPORT_DEFAULT);
      if (!(s->a = parse_import_binding (P)))
        return NULL;
      ast_list_append (&n->list, finish (P, s));
      if (!eat (P, LEX_COMMA))
        goto from;
    }
  if (at (P, LEX_STAR))
    {
      AstNode *s = node_here (P, AST_IMPORT_NAMESPACE);
      next (P);
      if (!at_word (P, P->n_as))
        return fail (P, "expected 'as' after 'import *'");
      next (P);
      if (!(s->a = parse_import_binding (P)))
        return NULL;
      ast_list_append (&n->list, finish (P, s));
    }
  else if (eat (P, LEX_LBRACE))
    {
      while (!at (P, LEX_RBRACE))
        {
          AstNode *s = node_here (P, AST_IMPORT_SPEC);
          LexToken t;
          if (!(s->str = parse_module_export_name (P, &t)))
            return NULL;
          if (at_word (P, P->n_as))
            {
              next (P);
              if (!(s->a = parse_import_binding (P)))
                return NULL;
            }
          else
            {
              /* import { x }: the name is the binding too. */
              if (t.kind != LEX_IDENT)
                return fail_pos (P, tok_pos (&t), "expected 'as' after "
                                 "the imported name"), NULL;
              if (!check_identifier (P, &t))
                return NULL;
              s->a = node_at (P, AST_IDENT, tok_pos (&t));
              s->a->str = t.str;
              s->a->end = t.end;
              if (!check_binding_name (P, s->a, BIND_LEXICAL)
                  || !declare (P, s->a, BIND_LEXICAL))
                return NULL;
            }
          ast_list_append (&n->list, finish (P, s));
          if (!at (P, LEX_RBRACE) && !expect (P, LEX_COMMA))
            return NULL;
        }
      next (P);
    }
  else
    return fail_unexpected (P);
from:
  if (!at_word (P, P->n_from))
    return fail (P, "expected 'from' in import declaration");
  next (P);
source:
  if (!parse_module_source (P, n))
    return NULL;
  finish (P, n);
  return semicolon (P) ? n : NULL;
}

static AstNode *
parse_export_declaration (Parser *P)
{
  AstNode *n = node_here (P, AST_EXPORT_NAMED);

  next (P);
  if (at (P, LEX_STAR))
    {
      n->kind = AST_EXPORT_ALL;
      next (P);
      if (at_word (P, P->n_as))
        {
          LexToken t;
          next (P);
          if (!(n->str2 = parse_module_export_name (P, &t))
              || !add_export (P, n->str2, tok_pos (&t)))
            return NULL;
        }
      if (!at_word (P, P->n_from))
        return fail (P, "expected 'from' after 'export *'");
      next (P);
      if (!parse_module_source (P, n))
        return NULL;
      finish (P, n);
      return semicolon (P) ? n : NULL;
    }
  if (at (P, LEX_DEFAULT))
    {
      Pos fstart;
      n->kind = AST_EXPORT_DEFAULT;
      if (!add_export (P, P->n_default, tok_pos (&P->tok)))
        return NULL;
      next (P);
      fstart = tok_pos (&P->tok);
      if (at (P, LEX_FUNCTION))
        n->a = parse_function (P, fstart, AST_FUNC_DECL, 0, true);
      else if (at_word (P, P->n_async) && peek (P)->kind == LEX_FUNCTION
               && !newline_before (peek (P)))
        {
          next (P);
          n->a = parse_function (P, fstart, AST_FUNC_DECL, FN_ASYNC, true);
        }
      else if (at (P, LEX_CLASS))
        n->a = parse_class (P, AST_CLASS_DECL, true);
      else
        {
          if (!(n->a = parse_assign (P, 0, NULL)))
            return NULL;
          finish (P, n);
          return semicolon (P) ? n : NULL;
        }
      return n->a ? finish (P, n) : NULL;
    }
  if (eat (P, LEX_LBRACE))
    {
      GArray *locals = g_array_new (FALSE, FALSE, sizeof (LexToken));
      bool ok = false;
      while (!at (P, LEX_RBRACE))
        {
          AstNode *s = node_here (P, AST_EXPORT_SPEC);
          LexToken local, exported;
          if (!(s->str = parse_module_export_name (P, &local)))
            goto specs_done;
          exported = local;
          s->str2 = s->str;
          if (at_word (P, P->n_as))
            {
              next (P);
              if (!(s->str2 = parse_module_export_name (P, &exported)))
                goto specs_done;
            }
          if (!add_export (P, s->str2, tok_pos (&exported)))
            goto specs_done;
          g_array_append_val (locals, local);
          ast_list_append (&n->list, finish (P, s));
          if (!at (P, LEX_RBRACE) && !expect (P, LEX_COMMA))
            goto specs_done;
        }
      next (P);
      if (at_word (P, P->n_from))
        {
          next (P);
          if (!parse_module_source (P, n))
            goto specs_done;
        }
      else
        /* Without "from", the local names are references to bindings of
         * this module, checked once the whole module is parsed. */
        for (guint i = 0; i < locals->len; i++)
          {
            LexToken *t = &g_array_index (locals, LexToken, i);
            PrivateRef ref = { t->str, t->start, t->line, t->col };
            char buf[64];
            if (t->kind != LEX_IDENT || t->str->keyword
                || is_strict_reserved (P, t->str) || t->str == P->n_await)
              {
                fail_pos (P, tok_pos (t), "'%s' is not a valid exported "
                          "binding", name_text (t->str, buf));
                goto specs_done;
              }
            g_array_append_val (P->export_refs, ref);
          }
      finish (P, n);
      ok = semicolon (P);
    specs_done:
      g_array_free (locals, TRUE);
      return ok ? n : NULL;
    }
  /* export var/let/const/function/class/async function. */
  if (at (P, LEX_VAR))
    n->a = parse_declarations (P, AST_DECL_VAR, 0, false);
  else if (at (P, LEX_CONST))
    n->a = parse_declarations (P, AST_DECL_CONST, 0, false);
  else if (at_word (P, P->n_let))
    n->a = parse_declarations (P, AST_DECL_LET, 0, false);
  else if (at (P, LEX_FUNCTION))
    n->a = parse_function (P, tok_pos (&P->tok), AST_FUNC_DECL, 0, false);
  else if (at_word (P, P->n_async) && peek (P)->kind == LEX_FUNCTION
           && !newline_before (peek (P)))
    {
      Pos fstart = tok_pos (&P->tok);
      next (P);
      n->a = parse_function (P, fstart, AST_FUNC_DECL, FN_ASYNC, false);
    }
  else if (at (P, LEX_CLASS))
    n->a = parse_class (P, AST_CLASS_DECL, false);
  else
    return fail_unexpected (P);
  if (!n->a || !export_bound_names (P, n->a))
    return NULL;
  if (n->a->kind == AST_VAR_DECL && !semicolon (P))
    return NULL;
  return finish (P, n);
}

static AstNode *
parse_statement_list_item (Parser *P)
{
  Pos start = tok_pos (&P->tok);
  bool module_top = P->opts.module && P->scope == P->module_scope;
  AstNode *n;

  switch (P->tok.kind)
    {
    case LEX_FUNCTION:
      return parse_function (P, start, AST_FUNC_DECL, 0, false);
    case LEX_CLASS:
      return parse_class (P, AST_CLASS_DECL, false);
    case LEX_CONST:
      if (!(n = parse_declarations (P, AST_DECL_CONST, 0, false)))
        return NULL;
      return semicolon (P) ? n : NULL;
    case LEX_IDENT:
      if (at_word (P, P->n_let) && let_starts_declaration (P))
        {
          if (!(n = parse_declarations (P, AST_DECL_LET, 0, false)))
            return NULL;
          return semicolon (P) ? n : NULL;
        }
      if (at_word (P, P->n_async) && peek (P)->kind == LEX_FUNCTION
          && !newline_before (peek (P)))
        {
          next (P);
          return parse_function (P, start, AST_FUNC_DECL, FN_ASYNC, false);
        }
      break;
    case LEX_IMPORT:
      if (module_top && peek (P)->kind != LEX_LPAREN
          && peek (P)->kind != LEX_DOT)
        return parse_import_declaration (P);
      break;
    case LEX_EXPORT:
      if (module_top)
        return parse_export_declaration (P);
      break;
    default:
      break;
    }
  return parse_statement (P);
}

/* ----------------------------------------------------------------- program */

static void
intern_names (Parser *P)
{
  Lexer *lx = &P->lx;

  P->n_let = lex_intern_ascii (lx, "let");
  P->n_static = lex_intern_ascii (lx, "static");
  P->n_yield = lex_intern_ascii (lx, "yield");
  P->n_await = lex_intern_ascii (lx, "await");
  P->n_async = lex_intern_ascii (lx, "async");
  P->n_of = lex_intern_ascii (lx, "of");
  P->n_get = lex_intern_ascii (lx, "get");
  P->n_set = lex_intern_ascii (lx, "set");
  P->n_eval = lex_intern_ascii (lx, "eval");
  P->n_arguments = lex_intern_ascii (lx, "arguments");
  P->n_constructor = lex_intern_ascii (lx, "constructor");
  P->n_prototype = lex_intern_ascii (lx, "prototype");
  P->n_proto = lex_intern_ascii (lx, "__proto__");
  P->n_target = lex_intern_ascii (lx, "target");
  P->n_meta = lex_intern_ascii (lx, "meta");
  P->n_from = lex_intern_ascii (lx, "from");
  P->n_as = lex_intern_ascii (lx, "as");
  P->n_implements = lex_intern_ascii (lx, "implements");
  P->n_interface = lex_intern_ascii (lx, "interface");
  P->n_package = lex_intern_ascii (lx, "package");
  P->n_private = lex_intern_ascii (lx, "private");
  P->n_protected = lex_intern_ascii (lx, "protected");
  P->n_public = lex_intern_ascii (lx, "public");
  P->n_default = lex_intern_ascii (lx, "default");
}

/* Every name of export { x } must be declared in the module. */
static bool
check_export_refs (Parser *P, Scope *top)
{
  for (guint i = 0; i < P->export_refs->len; i++)
    {
      PrivateRef *r = &g_array_index (P->export_refs, PrivateRef, i);
      NameEntry *e = nameset_find (&top->names, r->name);
      char buf[64];
      if (!e || !e->bits)
        return fail_pos (P, (Pos){ r->offset, r->line, r->col, true },
                         "exported binding '%s' is not declared",
                         name_text (r->name, buf)), false;
    }
  return true;
}

AstNode *
parse_program (AstArena *arena, const char *src, size_t len,
               const ParseOptions *opts, ParseError *err)
{
  static const ParseOptions defaults = { 0 };
  Parser parser, *P = &parser;
  FuncCtx top;
  Scope scope;
  AstNode *prog = NULL;

  memset (P, 0, sizeof *P);
  memset (err, 0, sizeof *err);
  P->arena = arena;
  P->src = src;
  P->err = err;
  P->opts = opts ? *opts : defaults;
  P->max_depth = P->opts.max_depth ? P->opts.max_depth
                                   : PARSE_DEFAULT_MAX_DEPTH;
  P->arrow_start = UINT32_MAX;
  if (len >= UINT32_MAX)
    {
      err->kind = PARSE_ERROR_NESTING;
      g_strlcpy (err->message, "source too large", sizeof err->message);
      return NULL;
    }
  lex_init (&P->lx, (const uint8_t *) src, len, arena);
  P->lx.html_comments = !P->opts.module;
  intern_names (P);
  P->labels = g_array_new (FALSE, FALSE, sizeof (Label));
  P->params = g_ptr_array_new ();
  P->export_refs = g_array_new (FALSE, FALSE, sizeof (PrivateRef));
  nameset_init (&P->exported);

  ctx_push (P, &top, FN_TOP, NULL);
  top.strict = P->opts.module || P->opts.strict;
  scope_push (P, &scope, SCOPE_TOP);
  scope.module_top = P->opts.module;
  if (P->opts.module)
    P->module_scope = &scope;

  prog = node_at (P, AST_PROGRAM, (Pos){ 0, 1, 1, true });
  /* The resolver declares arguments objects the text may not name (a
     direct eval can): it needs the interned name. */
  prog->str = P->n_arguments;
  next (P);
  if (parse_body_items (P, &prog->list, NULL, LEX_EOF)
      && (!P->opts.module || check_export_refs (P, &scope)))
    {
      prog->end = P->lx.len;
      if (top.strict)
        prog->flags |= AST_F_STRICT;
      if (P->opts.module)
        prog->flags |= AST_F_MODULE;
    }
  if (P->failed)
    prog = NULL;

  scope_pop (P, &scope);
  nameset_free (&P->exported);
  g_array_free (P->export_refs, TRUE);
  g_ptr_array_free (P->params, TRUE);
  g_array_free (P->labels, TRUE);
  lex_free (&P->lx);
  return prog;
}
