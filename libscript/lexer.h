/* lexer.h — ECMAScript tokens from UTF-8 source.
 *
 * The lexer knows nothing of strict mode or of the parser's goal (but for
 * Lexer.html_comments, which the parser turns on for scripts).  Where
 * the language depends on them it records facts on the token (a legacy
 * octal literal, an escaped identifier) and the parser decides.  A "/" is
 * always scanned as division; when the parser expects an expression it
 * calls lex_rescan_regexp() on that token.  Likewise a "}" that closes a
 * template substitution is rescanned with lex_rescan_template().  Errors
 * are tokens too (LEX_ERROR, with a message), so a token scanned ahead
 * that is never used never raises anything.
 *
 * Identifier names and string literal values are interned in the arena's
 * intern table (see AstStr): the parser compares names by pointer.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"

/* X (NAME, "text"): every token kind.  Reserved words follow the
 * punctuators, from LEX_BREAK to LEX_WITH, in the order of LEX_KEYWORDS. */
#define LEX_TOKENS(X) \
  X (EOF, "end of input") \
  X (ERROR, "invalid token") \
  X (IDENT, "identifier") \
  X (PRIVATE_NAME, "private name") \
  X (NUMBER, "number") \
  X (BIGINT, "BigInt") \
  X (STRING, "string") \
  X (TEMPLATE, "template") \
  X (REGEXP, "regular expression") \
  X (LBRACE, "{") \
  X (RBRACE, "}") \
  X (LPAREN, "(") \
  X (RPAREN, ")") \
  X (LBRACKET, "[") \
  X (RBRACKET, "]") \
  X (DOT, ".") \
  X (ELLIPSIS, "...") \
  X (SEMICOLON, ";") \
  X (COMMA, ",") \
  X (LT, "<") \
  X (GT, ">") \
  X (LE, "<=") \
  X (GE, ">=") \
  X (EQ, "==") \
  X (NE, "!=") \
  X (STRICT_EQ, "===") \
  X (STRICT_NE, "!==") \
  X (PLUS, "+") \
  X (MINUS, "-") \
  X (STAR, "*") \
  X (SLASH, "/") \
  X (PERCENT, "%") \
  X (STAR_STAR, "**") \
  X (INC, "++") \
  X (DEC, "--") \
  X (SHL, "<<") \
  X (SAR, ">>") \
  X (SHR, ">>>") \
  X (AMP, "&") \
  X (PIPE, "|") \
  X (CARET, "^") \
  X (BANG, "!") \
  X (TILDE, "~") \
  X (AND, "&&") \
  X (OR, "||") \
  X (NULLISH, "??") \
  X (QUESTION, "?") \
  X (QUESTION_DOT, "?.") \
  X (COLON, ":") \
  X (ARROW, "=>") \
  /* Assignment operators, "=" first: lex_is_assign() relies on it. */ \
  X (ASSIGN, "=") \
  X (PLUS_ASSIGN, "+=") \
  X (MINUS_ASSIGN, "-=") \
  X (STAR_ASSIGN, "*=") \
  X (SLASH_ASSIGN, "/=") \
  X (PERCENT_ASSIGN, "%=") \
  X (STAR_STAR_ASSIGN, "**=") \
  X (SHL_ASSIGN, "<<=") \
  X (SAR_ASSIGN, ">>=") \
  X (SHR_ASSIGN, ">>>=") \
  X (AMP_ASSIGN, "&=") \
  X (PIPE_ASSIGN, "|=") \
  X (CARET_ASSIGN, "^=") \
  X (AND_ASSIGN, "&&=") \
  X (OR_ASSIGN, "||=") \
  X (NULLISH_ASSIGN, "?\?=") \
  /* Reserved words. */ \
  LEX_KEYWORDS (X)

#define LEX_KEYWORDS(X) \
  X (BREAK, "break") \
  X (CASE, "case") \
  X (CATCH, "catch") \
  X (CLASS, "class") \
  X (CONST, "const") \
  X (CONTINUE, "continue") \
  X (DEBUGGER, "debugger") \
  X (DEFAULT, "default") \
  X (DELETE, "delete") \
  X (DO, "do") \
  X (ELSE, "else") \
  X (ENUM, "enum") \
  X (EXPORT, "export") \
  X (EXTENDS, "extends") \
  X (FALSE, "false") \
  X (FINALLY, "finally") \
  X (FOR, "for") \
  X (FUNCTION, "function") \
  X (IF, "if") \
  X (IMPORT, "import") \
  X (IN, "in") \
  X (INSTANCEOF, "instanceof") \
  X (NEW, "new") \
  X (NULL, "null") \
  X (RETURN, "return") \
  X (SUPER, "super") \
  X (SWITCH, "switch") \
  X (THIS, "this") \
  X (THROW, "throw") \
  X (TRUE, "true") \
  X (TRY, "try") \
  X (TYPEOF, "typeof") \
  X (VAR, "var") \
  X (VOID, "void") \
  X (WHILE, "while") \
  X (WITH, "with")

typedef enum
{
#define LEX_TOKEN_ENUM(name, text) LEX_##name,
  LEX_TOKENS (LEX_TOKEN_ENUM)
#undef LEX_TOKEN_ENUM
  LEX_TOKEN_COUNT
} LexTokenKind;

/* Token flags. */
enum
{
  LEX_TF_NEWLINE_BEFORE = 1 << 0, /* a line terminator precedes the token */
  LEX_TF_ESCAPED = 1 << 1,        /* identifier written with \u escapes */
  LEX_TF_LEGACY_OCTAL = 1 << 2,   /* 017, 08, or "\07" "\8": sloppy only */
  LEX_TF_TEMPLATE_TAIL = 1 << 3,  /* template part ends with ` not ${ */
  LEX_TF_BAD_ESCAPE = 1 << 4,     /* template with an invalid escape: its
                                     cooked value is undefined */
};

/* Where the lexer stands: enough to scan again from a token's start. */
typedef struct
{
  uint32_t pos;        /* byte offset */
  uint32_t line;       /* 1-based line at pos */
  uint32_t line_start; /* byte offset of the line's first character */
  uint32_t extra;      /* bytes minus UTF-16 units before pos */
  uint32_t line_extra; /* bytes minus UTF-16 units before line_start */
} LexMark;

typedef struct
{
  LexTokenKind kind; /* what the token is */
  uint32_t flags;    /* LEX_TF_* */
  uint32_t start;    /* byte offset of the first character */
  uint32_t end;      /* byte offset past the last character */
  uint32_t line;     /* 1-based line of start */
  uint32_t col;      /* 1-based column of start in UTF-16 units */
  LexMark mark;      /* lexer state at start, for rescanning */
  const AstStr *str; /* IDENT, PRIVATE_NAME: name; STRING: value;
                        TEMPLATE: cooked (NULL if BAD_ESCAPE);
                        REGEXP: body; BIGINT: digits */
  const AstStr *raw; /* TEMPLATE: raw text; REGEXP: flags */
  double num;        /* NUMBER: value */
  int radix;         /* BIGINT: 2, 8, 10 or 16 */
  const char *error; /* ERROR, or BAD_ESCAPE: message */
  uint32_t error_pos; /* ERROR, BAD_ESCAPE: byte offset of the fault */
} LexToken;

typedef struct Lexer Lexer;

/* Intern table of an arena's names (AstStr), owned by the lexer. */
typedef struct
{
  AstStr **buckets; /* power-of-two array of chains */
  uint32_t mask;    /* bucket count minus one */
  uint32_t count;   /* strings interned */
} LexIntern;

struct Lexer
{
  const uint8_t *src; /* the source, UTF-8 */
  uint32_t len;       /* its length in bytes */
  LexMark at;         /* where the next token starts to be scanned */
  AstArena *arena;    /* where strings go */
  LexIntern intern;   /* names and string values */
  uint16_t *buf;      /* scratch for decoded strings (g_malloc'd) */
  uint32_t buf_len;   /* units in buf */
  uint32_t buf_cap;   /* capacity of buf */
  char *digits;       /* scratch for numeric literals */
  uint32_t digits_cap; /* capacity of digits */
  bool html_comments; /* <!-- and --> start comments (ECMA-262 B.1.1):
                         scripts, not modules; set by the caller */
};

/* Prepares to scan src[0, len) (no NUL needed).  A "#!" at offset 0 is
 * skipped as a comment. */
void lex_init (Lexer *lx, const uint8_t *src, size_t len, AstArena *arena);
/* Frees the scratch buffers and the intern table (not the arena). */
void lex_free (Lexer *lx);
/* Scans the next token into tok. */
void lex_next (Lexer *lx, LexToken *tok);
/* tok is a "/" or "/=" token just scanned: scans it again as a regular
 * expression literal.  Scanning continues after it. */
void lex_rescan_regexp (Lexer *lx, LexToken *tok);
/* tok is a "}" just scanned: scans it again as the middle or tail of a
 * template.  Scanning continues after it. */
void lex_rescan_template (Lexer *lx, LexToken *tok);
/* The interned string of the given UTF-16 units (or Latin-1/ASCII bytes
 * with lex_intern_ascii). */
const AstStr *lex_intern (Lexer *lx, const uint16_t *units, uint32_t len);
const AstStr *lex_intern_ascii (Lexer *lx, const char *text);

/* Checks the pattern of a RegExp literal (body and flags as the token
 * holds them) for early errors, with the web-compatible grammar of
 * ECMA-262 B.1.2 when neither u nor v is among the flags, by the RegExp
 * parser (regexp_check_pattern).  Returns NULL, or a message with *pos
 * the code unit offset of the fault in body. */
const char *lex_check_regexp (const AstStr *body, const AstStr *flags,
                              uint32_t *pos);

/* "(" for LEX_LPAREN, "identifier" for LEX_IDENT, ... */
const char *lex_token_name (LexTokenKind kind);

static inline bool
lex_is_keyword (LexTokenKind kind)
{
  return kind >= LEX_BREAK && kind <= LEX_WITH;
}

static inline bool
lex_is_assign (LexTokenKind kind)
{
  return kind >= LEX_ASSIGN && kind <= LEX_NULLISH_ASSIGN;
}

/* Whether the token can be used as an IdentifierName (property names,
 * import and export names): identifiers and reserved words. */
static inline bool
lex_is_name (LexTokenKind kind)
{
  return kind == LEX_IDENT || lex_is_keyword (kind);
}
