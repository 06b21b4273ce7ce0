/* regexp.h — the RegExp engine: pattern compiler, matcher, RegExp cells.
 *
 * A pattern is parsed (regexp-parser.c) into a tree, compiled
 * (regexp-compiler.c) into a RegExpProgram — a compact array of 32-bit
 * instructions with character-class tables — and run by a backtracking
 * matcher (regexp-exec.c) that keeps its choice points on an explicit
 * stack, so neither a deep pattern nor a long input can overflow the C
 * stack.  Character sets and the Unicode data the grammar needs live in
 * regexp-charset.c.
 *
 * A program is malloc'd and immutable; it knows nothing of the heap.
 * The matcher reads the characters of a flat string the caller keeps
 * alive, allocates no cell, and polls the runtime's interrupt hook every
 * RE_STEP_BUDGET backtracking steps so that a runaway pattern can be
 * stopped.
 *
 * A RegExp object (JsRegExp) owns its program: the cell has the FINALIZE
 * bit, and the program's size counts as unmanaged memory.  builtins-
 * regexp.c holds the constructor, the prototype and the abstract
 * operations (RegExpExec, RegExpBuiltinExec) that builtins-string-
 * regexp.c shares with String.prototype.
 */
#pragma once

#include "function.h"

/* The flags, one bit each, in the order of the flags getter. */
enum
{
  RE_FLAG_HAS_INDICES = 1 << 0,  /* d */
  RE_FLAG_GLOBAL = 1 << 1,       /* g */
  RE_FLAG_IGNORE_CASE = 1 << 2,  /* i */
  RE_FLAG_MULTILINE = 1 << 3,    /* m */
  RE_FLAG_DOT_ALL = 1 << 4,      /* s */
  RE_FLAG_UNICODE = 1 << 5,      /* u */
  RE_FLAG_UNICODE_SETS = 1 << 6, /* v */
  RE_FLAG_STICKY = 1 << 7,       /* y */
};

/* Backtracking steps between two polls of the interrupt hook. */
#define RE_STEP_BUDGET 65536u
/* Groups, classes and lookarounds nested deeper than this are a
 * SyntaxError: the compiler's own passes recurse over the tree. */
#define RE_MAX_NESTING 1024u
/* The most capturing groups a pattern may have. */
#define RE_MAX_CAPTURES 65535u

typedef struct RegExpProgram RegExpProgram;
typedef struct RegExpCache RegExpCache;

/* Results of regexp_exec. */
typedef enum
{
  RE_INTERRUPTED = -2, /* the interrupt hook asked to stop */
  RE_NO_MEMORY = -1,   /* the backtrack stack could not grow */
  RE_FAILURE = 0,      /* no match */
  RE_SUCCESS = 1,      /* a match: the captures are filled in */
} RegExpResult;

/* ------------------------------------------------------------------ */
/* Compiling (regexp-compiler.c)                                       */
/* ------------------------------------------------------------------ */

/* Parses flags: false if a character is not a flag or repeats (and
 * also when both u and v are given). */
bool regexp_parse_flags (const uint16_t *chars, size_t len, uint32_t *flags);

/* Compiles a pattern of len UTF-16 code units.  NULL with *error (a
 * static message) and *error_pos (a code unit offset) when the pattern
 * is not valid under flags, or with *error NULL when memory ran out. */
RegExpProgram *regexp_compile (const uint16_t *pattern, size_t len,
                               uint32_t flags, const char **error,
                               uint32_t *error_pos);
/* The early error of a pattern under flags, or NULL if it has none
 * (*error_pos gets its offset): the lexer's check of literals. */
const char *regexp_check_pattern (const uint16_t *pattern, size_t len,
                                  uint32_t flags, uint32_t *error_pos);
void regexp_program_free (RegExpProgram *prog);
/* Programs are shared (the compile cache, RegExp objects): these count
 * the holders; the last unref frees, and says so. */
RegExpProgram *regexp_program_ref (RegExpProgram *prog);
bool regexp_program_unref (RegExpProgram *prog);
/* Bytes the program holds, for the unmanaged-memory count. */
size_t regexp_program_size (const RegExpProgram *prog);
/* Captures, group 0 (the whole match) included. */
uint32_t regexp_capture_count (const RegExpProgram *prog);
uint32_t regexp_program_flags (const RegExpProgram *prog);

/* Named groups, in the order they appear in the pattern.  *name gets
 * the name in UTF-16 and *len its length; the result is the group's
 * capture index. */
uint32_t regexp_group_name_count (const RegExpProgram *prog);
uint32_t regexp_group_name (const RegExpProgram *prog, uint32_t i,
                            const uint16_t **name, uint32_t *len);

/* Writes a readable listing of the program (tests and debugging). */
void regexp_program_dump (const RegExpProgram *prog, GString *out);

/* ------------------------------------------------------------------ */
/* Matching (regexp-exec.c)                                            */
/* ------------------------------------------------------------------ */

/* Tries to match at start, and, unless the program is sticky, at each
 * later position until one matches.  chars are len Latin-1 bytes or
 * UTF-16 code units of a flat string the caller keeps alive.  On success
 * captures (two int32 per capture, start and end, -1 when unset) are
 * filled in.  rt may be NULL; otherwise its interrupt hook is polled. */
RegExpResult regexp_exec (const RegExpProgram *prog, const void *chars,
                          bool latin1, uint32_t len, uint32_t start,
                          int32_t *captures, JsRuntime *rt);
/* The same, searching from start whether or not the program is sticky
 * (@@split's loop over its sticky splitter). */
RegExpResult regexp_search (const RegExpProgram *prog, const void *chars,
                            bool latin1, uint32_t len, uint32_t start,
                            int32_t *captures, JsRuntime *rt);

/* ------------------------------------------------------------------ */
/* RegExp objects (builtins-regexp.c)                                  */
/* ------------------------------------------------------------------ */

/* A RegExp instance.  lastIndex is an ordinary own property that every
 * RegExp shape has first, so it is always in slot 0 (inline_cap 1); the
 * internal slots follow.  Three slots. */
typedef struct
{
  JsShape *shape;      /* header: a RegExp shape of the realm */
  JsStorage *storage;  /* other properties, or NULL */
  JsValue last_index;  /* slot 0: the lastIndex property */
  JsString *source;    /* [[OriginalSource]], or NULL before
                          RegExpInitialize */
  JsString *flags;     /* [[OriginalFlags]], or NULL likewise */
  RegExpProgram *prog; /* [[RegExpMatcher]], malloc'd, or NULL */
} JsRegExp;

extern const JsCellClass js_regexp_class;

static inline bool
regexp_is_regexp_object (JsValue v)
{
  return js_is_object (v) && js_get_cell (v)->shape->cls == &js_regexp_class;
}

/* The RegExp for a literal /pattern/flags (the interpreter's
 * CreateRegExp).  The compiler has already checked the pattern. */
JsValue regexp_create_from_literal (JsContext *ctx, JsString *pattern,
                                    JsString *flags);

/* RegExpCreate (P, F). */
JsValue regexp_create (JsContext *ctx, JsValue pattern, JsValue flags);

/* A match as the matcher left it: the captures of a program. */
typedef struct
{
  const RegExpProgram *prog; /* the program that matched */
  uint32_t ncaps;            /* its captures, group 0 included */
  int32_t *caps;             /* 2 * ncaps: start and end, -1 unset */
  int32_t local[32];         /* room for caps when there are few */
} RegExpMatch;

/* Frees what a match holds; a RegExpMatch starts with caps NULL (and no
 * initialiser, which would clear local). */
void regexp_match_free (RegExpMatch *m);

/* RegExpExec (R, S) with *r an object and *s a flat string, both rooted.
 * When the exec that runs is the built-in one, the match stays raw in m
 * and *result is JS_EMPTY; else *result is the array (or null) the
 * user's exec returned.  1 on a match, 0 on none, -1 with an exception.
 * m must be freed with regexp_match_free. */
int regexp_exec_step (JsContext *ctx, const JsValue *r, const JsValue *s,
                      RegExpMatch *m, JsValue *result);
/* RegExpExec (R, S): the match object or null, or JS_EXCEPTION. */
JsValue regexp_exec_abstract (JsContext *ctx, JsValue r, JsValue s);
/* IsRegExp: 1, 0 or -1 with an exception. */
int regexp_is_regexp (JsContext *ctx, JsValue v);
/* After an empty match: Set (rx, "lastIndex", AdvanceStringIndex (S,
 * ToLength (Get (rx, "lastIndex")), unicode)); false with an exception.
 * *rx and *s rooted, s flat. */
bool regexp_advance_after_empty (JsContext *ctx, const JsValue *rx,
                                 const JsValue *s, bool unicode);
/* A RegExp String Iterator over matcher and string (@@matchAll). */
JsValue regexp_new_string_iterator (JsContext *ctx, JsValue matcher,
                                    JsValue string, bool global,
                                    bool unicode);
/* Appends s[from, to) to the array a (split); false with an exception. */
bool regexp_push_substring (JsContext *ctx, JsValue a, JsString *s,
                            uint32_t from, uint32_t to);
/* AdvanceStringIndex on a flat string. */
uint32_t regexp_advance_index (JsString *s, uint32_t index, bool unicode);
/* Frees the runtime's compile cache (runtime_free). */
void regexp_cache_free (JsRuntime *rt);

/* ------------------------------------------------------------------ */
/* Building strings (builtins-string-regexp.c)                         */
/* ------------------------------------------------------------------ */

/* A growing string: Latin-1 until a wider code unit arrives.  Appending
 * never fails at once: a failure (memory, or the longest string) is
 * remembered and reported by regexp_builder_finish. */
typedef struct
{
  uint8_t *c8;   /* Latin-1 units while !wide */
  uint16_t *c16; /* UTF-16 units once wide */
  uint32_t len;  /* units in use */
  uint32_t cap;  /* units allocated */
  bool wide;     /* some unit is past 255 */
  bool failed;   /* memory or length ran out */
} RegExpBuilder;

void regexp_builder_init (RegExpBuilder *b);
void regexp_builder_free (RegExpBuilder *b);
void regexp_builder_append_unit (RegExpBuilder *b, uint16_t c);
void regexp_builder_append_ascii (RegExpBuilder *b, const char *s, size_t n);
/* Appends units [start, end) of s (flattened here). */
void regexp_builder_append (JsRuntime *rt, RegExpBuilder *b, JsString *s,
                            uint32_t start, uint32_t end);
/* The string built (the builder is freed), or JS_EXCEPTION. */
JsValue regexp_builder_finish (JsContext *ctx, RegExpBuilder *b);

/* What GetSubstitution (matched, str, position, captures,
 * namedCaptures, replacementTemplate) reads.  The captures are either
 * values or, for a raw match of the built-in exec, the matcher's own;
 * the strings and values are rooted by the caller. */
typedef struct
{
  JsString *str;           /* the subject */
  uint32_t position;       /* where the match starts in str */
  JsString *matched;       /* the matched string, or NULL: str [position,
                              position + matched_len) */
  uint32_t matched_len;    /* its length when matched is NULL */
  uint32_t m;              /* captures, group 0 excluded */
  const JsValue *captures; /* m strings or undefined, unless raw */
  const RegExpMatch *raw;  /* a raw match: its captures and group names */
  JsValue named;           /* namedCaptures: undefined or an object (not
                              read for a raw match) */
} RegExpSubst;

/* GetSubstitution, appended to out.  0, or -1 with an exception. */
int regexp_get_substitution (JsContext *ctx, RegExpBuilder *out,
                             const RegExpSubst *sub, JsString *replacement);
