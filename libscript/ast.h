/* ast.h — the syntax tree the parser builds and the compiler reads.
 *
 * Every node and every string of a tree lives in one AstArena: a chain of
 * malloc'd blocks filled by bumping a pointer and freed all at once, so a
 * tree is never freed node by node and never touches the engine's heap.
 *
 * A node is one struct for every kind.  It has four child slots (a, b, c,
 * d), one list of children, a string or a number, and flags; the X-macro
 * AST_KINDS below says what each slot means for each kind, and the anonymous
 * unions give the slots readable names (node->left is node->a).  Positions
 * are byte offsets into the UTF-8 source (start inclusive, end exclusive:
 * a function's source text is src[start, end)), and the 1-based line and
 * column of the start, the column counted in UTF-16 code units.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ------------------------------------------------------------------ arena */

typedef struct AstBlock AstBlock;

typedef struct
{
  AstBlock *blocks; /* newest first; each block is one malloc */
  char *ptr;        /* next free byte of the newest block */
  char *end;        /* end of the newest block */
  size_t used;      /* bytes handed out, for statistics */
} AstArena;

void ast_arena_init (AstArena *arena);
/* Frees every block: every node and string of the trees built in it. */
void ast_arena_free (AstArena *arena);
/* size bytes, aligned for any node or double; never NULL (aborts on OOM
 * like g_malloc). */
void *ast_alloc (AstArena *arena, size_t size);

/* ---------------------------------------------------------------- strings */

/* A string of the source: an identifier name, a string literal's value, a
 * template's cooked or raw text, a RegExp body or flags, a BigInt's digits.
 * UTF-16 code units, possibly with lone surrogates (string literals may
 * hold them).  Identifier names and string literal values are interned by
 * the lexer: within one arena, equal names are the same AstStr, so they
 * compare by pointer.  Template and RegExp text is not interned. */
typedef struct AstStr AstStr;
struct AstStr
{
  const uint16_t *data; /* len code units, followed by a 0 unit */
  uint32_t len;         /* length in code units */
  uint32_t hash;        /* FNV-1a over the code units */
  uint16_t keyword;     /* lexer token kind when this is a reserved word */
  bool latin1;          /* every unit is below 256 */
  bool well_formed;     /* no lone surrogate */
  AstStr *chain;        /* next string of the same intern bucket */
};

/* Whether s holds exactly the ASCII text lit. */
bool ast_str_eq_ascii (const AstStr *s, const char *lit);
/* Appends s to out as UTF-8 (lone surrogates as \uXXXX), escaping quotes,
 * backslashes and control characters so the dump stays one line. */
void ast_str_print (FILE *out, const AstStr *s);

/* ------------------------------------------------------------------ nodes */

/* X (NAME, "dump name", "what the slots hold").  a b c d are the child
 * slots, list the children list, str/str2 the strings, num the number. */
#define AST_KINDS(X) \
  /* Programs, statements and declarations. */ \
  X (PROGRAM, "program", "list: statements; flags STRICT MODULE; " \
     "str: the interned name arguments") \
  X (EMPTY, "empty", "the ; statement") \
  X (EXPR_STMT, "expr", "a: expression; flag DIRECTIVE for prologue strings") \
  X (BLOCK, "block", "list: statements") \
  X (VAR_DECL, "var", "op: AstDeclKind; list: DECLARATOR") \
  X (DECLARATOR, "declarator", "a: target (IDENT or pattern); b: init") \
  X (IF, "if", "a: test; b: consequent; c: alternate or NULL") \
  X (FOR, "for", "a: init (VAR_DECL, expr, NULL); b: test; c: update; " \
     "d: body") \
  X (FOR_IN, "for-in", "a: left (VAR_DECL or target); b: right; d: body") \
  X (FOR_OF, "for-of", "a: left; b: right; d: body; flag AWAIT") \
  X (WHILE, "while", "a: test; d: body") \
  X (DO_WHILE, "do-while", "d: body; a: test") \
  X (CONTINUE, "continue", "str: label or NULL") \
  X (BREAK, "break", "str: label or NULL") \
  X (RETURN, "return", "a: argument or NULL") \
  X (WITH, "with", "a: object; d: body") \
  X (SWITCH, "switch", "a: discriminant; list: CASE") \
  X (CASE, "case", "a: test, NULL for default; list: statements") \
  X (LABELED, "labeled", "str: label; a: body") \
  X (THROW, "throw", "a: argument") \
  X (TRY, "try", "a: BLOCK; b: CATCH or NULL; c: finalizer BLOCK or NULL") \
  X (CATCH, "catch", "a: parameter or NULL; b: BLOCK") \
  X (DEBUGGER, "debugger", "") \
  X (FUNC_DECL, "function-decl", "as FUNCTION; a: NULL only for export " \
     "default") \
  X (CLASS_DECL, "class-decl", "a: name IDENT or NULL (export default); " \
     "b: heritage or NULL; list: CLASS_METHOD CLASS_FIELD STATIC_BLOCK") \
  /* Modules. */ \
  X (IMPORT, "import", "list: IMPORT_* specifiers; b: module STRING; " \
     "c: WITH_CLAUSE or NULL") \
  X (WITH_CLAUSE, "with", "list: IMPORT_ATTRIBUTE (import attributes, " \
     "ES2025)") \
  X (IMPORT_ATTRIBUTE, "attribute", "str: key; str2: value") \
  X (IMPORT_DEFAULT, "import-default", "a: local IDENT") \
  X (IMPORT_NAMESPACE, "import-namespace", "a: local IDENT") \
  X (IMPORT_SPEC, "import-spec", "str: imported name; a: local IDENT") \
  X (EXPORT_NAMED, "export", "a: declaration or NULL; list: EXPORT_SPEC; " \
     "b: module STRING or NULL; c: WITH_CLAUSE or NULL") \
  X (EXPORT_SPEC, "export-spec", "str: local (or imported) name; " \
     "str2: exported name") \
  X (EXPORT_DEFAULT, "export-default", "a: expression or FUNC_DECL or " \
     "CLASS_DECL (maybe anonymous)") \
  X (EXPORT_ALL, "export-all", "str2: exported name or NULL; b: module; " \
     "c: WITH_CLAUSE or NULL") \
  /* Functions and classes. */ \
  X (FUNCTION, "function", "methods, accessors, arrows: a: name IDENT " \
     "or NULL; list: parameters (patterns, ASSIGN_PATTERN, REST); b: BODY, " \
     "or an expression with EXPR_BODY; flags ASYNC GENERATOR ARROW METHOD " \
     "GETTER SETTER CONSTRUCTOR DERIVED STRICT SIMPLE_PARAMS ...") \
  X (BODY, "body", "list: statements of a function body") \
  X (CLASS_METHOD, "method", "a: key; b: FUNCTION; flags STATIC COMPUTED " \
     "GETTER SETTER CONSTRUCTOR") \
  X (CLASS_FIELD, "field", "a: key; b: initializer expression or NULL, " \
     "evaluated as a method body would be; flags STATIC COMPUTED") \
  X (STATIC_BLOCK, "static-block", "list: statements") \
  /* Expressions. */ \
  X (IDENT, "ident", "str: name") \
  X (PRIVATE_NAME, "private", "str: name without the #") \
  X (THIS, "this", "") \
  X (SUPER, "super", "only as a MEMBER object or a CALL callee") \
  X (NULL_LIT, "null", "") \
  X (BOOL_LIT, "bool", "flag TRUE") \
  X (NUMBER, "number", "num") \
  X (STRING, "string", "str: value") \
  X (BIGINT, "bigint", "str: digits without prefix or separators; " \
     "op: radix") \
  X (REGEXP, "regexp", "str: body; str2: flags") \
  X (TEMPLATE, "template", "list: TEMPLATE_ELEM and expressions, " \
     "alternating, starting and ending with an element") \
  X (TEMPLATE_ELEM, "quasi", "str: cooked value (NULL: undefined, only " \
     "when tagged); str2: raw value") \
  X (TAGGED_TEMPLATE, "tagged", "a: tag; b: TEMPLATE") \
  X (ARRAY, "array", "list: elements, ELISION for holes, SPREAD") \
  X (ELISION, "hole", "") \
  X (SPREAD, "spread", "a: argument") \
  X (OBJECT, "object", "list: PROPERTY and SPREAD") \
  X (PROPERTY, "property", "a: key (IDENT for names, STRING, NUMBER, " \
     "BIGINT or a computed expression); b: value (FUNCTION for methods " \
     "and accessors); flags COMPUTED SHORTHAND METHOD GETTER SETTER PROTO") \
  X (UNARY, "unary", "op: - + ! ~ typeof void delete; a: argument") \
  X (UPDATE, "update", "op: ++ --; a: target; flag PREFIX") \
  X (BINARY, "binary", "op; a: left; b: right (a: PRIVATE_NAME for " \
     "#x in o)") \
  X (LOGICAL, "logical", "op: && || ??; a: left; b: right") \
  X (ASSIGN, "assign", "op: = or a compound; a: target (IDENT, MEMBER or " \
     "pattern for =); b: value") \
  X (CONDITIONAL, "conditional", "a: test; b: consequent; c: alternate") \
  X (SEQUENCE, "sequence", "list: expressions") \
  X (MEMBER, "member", "a: object (or SUPER); b: property IDENT (name), " \
     "PRIVATE_NAME, or an expression with COMPUTED; flag OPTIONAL for ?.") \
  X (CALL, "call", "a: callee (or SUPER); list: arguments; flag OPTIONAL " \
     "for ?.(), DIRECT_EVAL") \
  X (OPTIONAL_CHAIN, "chain", "a: the MEMBER or CALL chain holding ?. " \
     "links; where a ?. short-circuits to") \
  X (NEW, "new", "a: callee; list: arguments") \
  X (NEW_TARGET, "new.target", "") \
  X (IMPORT_META, "import.meta", "") \
  X (IMPORT_CALL, "import()", "a: specifier; b: options or NULL") \
  X (YIELD, "yield", "a: argument or NULL; flag DELEGATE for yield*") \
  X (AWAIT, "await", "a: argument") \
  X (CLASS_EXPR, "class-expr", "as CLASS_DECL") \
  X (FUNC_EXPR, "function-expr", "as FUNCTION") \
  /* Patterns. */ \
  X (ARRAY_PATTERN, "array-pattern", "list: targets, ELISION, REST last") \
  X (OBJECT_PATTERN, "object-pattern", "list: PROPERTY (b: target) and " \
     "REST last") \
  X (ASSIGN_PATTERN, "default", "a: target; b: default value") \
  X (REST, "rest", "a: target")

typedef enum
{
#define AST_KIND_ENUM(name, dump, doc) AST_##name,
  AST_KINDS (AST_KIND_ENUM)
#undef AST_KIND_ENUM
  AST_KIND_COUNT
} AstKind;

/* X (NAME, "dump name"): node flags, one bit each. */
#define AST_FLAGS(X) \
  X (STRICT, "strict")             /* program or function is strict */ \
  X (MODULE, "module")             /* program is a module */ \
  X (DIRECTIVE, "directive")       /* prologue string statement */ \
  X (AWAIT, "await")               /* for await (... of ...) */ \
  X (TRUE, "true")                 /* BOOL_LIT value */ \
  X (COMPUTED, "computed")         /* [key] or o[expr] */ \
  X (SHORTHAND, "shorthand")       /* { a } or { a = 1 } */ \
  X (METHOD, "method")             /* method definition */ \
  X (GETTER, "get")                /* accessor: getter */ \
  X (SETTER, "set")                /* accessor: setter */ \
  X (STATIC, "static")             /* static class element */ \
  X (PROTO, "proto")               /* __proto__: v sets the prototype */ \
  X (ASYNC, "async")               /* async function */ \
  X (GENERATOR, "generator")       /* generator function */ \
  X (ARROW, "arrow")               /* arrow function */ \
  X (EXPR_BODY, "expr-body")       /* arrow with an expression body */ \
  X (CONSTRUCTOR, "constructor")   /* class constructor */ \
  X (DERIVED, "derived")           /* constructor of a class with extends */ \
  X (SIMPLE_PARAMS, "simple")      /* IsSimpleParameterList */ \
  X (PREFIX, "prefix")             /* ++x rather than x++ */ \
  X (DELEGATE, "delegate")         /* yield* */ \
  X (OPTIONAL, "optional")         /* ?. link */ \
  X (DIRECT_EVAL, "direct-eval")   /* call: a direct eval; function: \
                                      contains one (arrows included) */ \
  X (USES_ARGUMENTS, "arguments")  /* function reads `arguments` */ \
  X (USES_THIS, "this")            /* function (or its arrows) uses this, \
                                      super or new.target */ \
  X (PAREN, NULL)                  /* expression was parenthesized (not \
                                      dumped) */ \
  X (TRAILING_COMMA, NULL)         /* [...a,]: a spread with a comma \
                                      after it cannot be a rest */ \
  X (FIELD_INIT, "field-init")     /* a class's synthetic field \
                                      initializer (made by scope.c) */

enum
{
#define AST_FLAG_BIT(name, dump) AST_FLAG_BIT_##name,
  AST_FLAGS (AST_FLAG_BIT)
#undef AST_FLAG_BIT
  AST_FLAG_COUNT
};

enum
{
#define AST_FLAG_ENUM(name, dump) AST_F_##name = 1u << AST_FLAG_BIT_##name,
  AST_FLAGS (AST_FLAG_ENUM)
#undef AST_FLAG_ENUM
};

typedef struct AstNode AstNode;

/* VAR_DECL's op. */
typedef enum
{
  AST_DECL_VAR,
  AST_DECL_LET,
  AST_DECL_CONST
} AstDeclKind;

/* A singly linked list of nodes, chained through AstNode.next. */
typedef struct
{
  AstNode *first; /* first node, or NULL */
  AstNode *last;  /* last node, for appending */
  uint32_t count; /* number of nodes */
} AstList;

struct AstNode
{
  uint16_t kind;  /* AstKind */
  uint16_t op;    /* LexTokenKind of the operator, or a radix */
  uint32_t flags; /* AST_F_* */
  uint32_t start; /* byte offset of the first character */
  uint32_t end;   /* byte offset just past the last character */
  uint32_t line;  /* 1-based line of start */
  uint32_t col;   /* 1-based column of start, in UTF-16 code units */
  AstNode *next;  /* next node in the list that holds this one */
  union
  {
    AstNode *a;
    AstNode *left, *test, *object, *callee, *argument, *target, *key, *id,
      *expr, *tag, *discriminant;
  };
  union
  {
    AstNode *b;
    AstNode *right, *consequent, *property, *value, *init, *body,
      *handler, *heritage, *source;
  };
  union
  {
    AstNode *c;
    AstNode *alternate, *update, *finalizer;
  };
  AstNode *d;      /* loop or with body */
  AstList list;    /* statements, elements, arguments, parameters, ... */
  union
  {
    const AstStr *str; /* name, value, label, cooked text */
    double num;        /* NUMBER value */
  };
  const AstStr *str2;  /* raw text, RegExp flags, exported name */
};

/* The name of a kind as ast_dump prints it. */
const char *ast_kind_name (AstKind kind);

/* Prints node as an S-expression, one line per statement-like node with
 * two spaces of indent per level, ending with a newline.  Meant for golden
 * tests: positions are left out unless with_positions. */
void ast_dump (FILE *out, const AstNode *node, bool with_positions);

/* Appends node to list. */
static inline void
ast_list_append (AstList *list, AstNode *node)
{
  node->next = NULL;
  if (list->last)
    list->last->next = node;
  else
    list->first = node;
  list->last = node;
  list->count++;
}
