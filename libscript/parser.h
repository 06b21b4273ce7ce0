/* parser.h — ECMAScript (ES2022) source to syntax tree, with every early
 * error of the specification.
 *
 * The parser is independent of the engine's heap: it reads UTF-8 and
 * builds an AST in an AstArena (see ast.h).  A program that is not valid
 * gives NULL and a ParseError with the message and the position of the
 * offending token.  Nesting deeper than ParseOptions.max_depth gives a
 * PARSE_ERROR_NESTING error rather than a stack overflow.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"

typedef enum
{
  PARSE_ERROR_NONE,
  PARSE_ERROR_SYNTAX,  /* a SyntaxError */
  PARSE_ERROR_NESTING, /* too much nesting: raise it as a RangeError */
} ParseErrorKind;

typedef struct
{
  ParseErrorKind kind; /* PARSE_ERROR_NONE when parsing succeeded */
  char message[160];   /* English, without a "SyntaxError: " prefix */
  uint32_t line;       /* 1-based line of the offending token */
  uint32_t column;     /* 1-based column, in UTF-16 code units */
  uint32_t offset;     /* byte offset of the offending token */
} ParseError;

/* How to parse: a script or a module, and for direct eval the context of
 * the code that calls eval. */
typedef struct
{
  bool module;               /* parse a Module (strict, import/export) */
  bool strict;               /* a script that starts strict */
  bool allow_return;         /* return at top level (function bodies from
                                new Function, CommonJS-style wrappers) */
  bool allow_new_target;     /* eval inside a function */
  bool allow_super_property; /* eval inside a method */
  bool allow_super_call;     /* eval inside a derived constructor */
  bool in_class_field;       /* eval inside a field initializer: arguments
                                is forbidden */
  bool allow_await;          /* a script parsed as if in an async function
                                (REPL top-level await) */
  /* Direct eval inside a class body: whether a private name (without
   * the #) is declared by an enclosing class of the caller.  NULL: no
   * private name is visible outside the parsed code's own classes. */
  bool (*private_name_visible) (void *data, const AstStr *name);
  void *private_name_data;   /* passed to private_name_visible */
  unsigned max_depth;        /* nesting limit; 0 for the default */
  const void *stack_limit;   /* if set, the lowest address the parser's
                                C stack may reach (the stack grows down):
                                deeper input is a PARSE_ERROR_NESTING */
} ParseOptions;

/* The default nesting limit: 1000 levels take about 2 MiB of stack at
 * most (nested arrow functions, the costliest), well within the 8 MiB of
 * a main thread, with sanitizers too. */
#define PARSE_DEFAULT_MAX_DEPTH 1000

/* Parses src[0, len) (UTF-8, no NUL needed) into a PROGRAM node allocated
 * in arena.  Returns NULL and fills *err on a syntax error; err->kind is
 * PARSE_ERROR_NONE on success.  opts may be NULL for a sloppy script.
 * On failure the arena may hold partial trees: free it as usual. */
AstNode *parse_program (AstArena *arena, const char *src, size_t len,
                        const ParseOptions *opts, ParseError *err);
