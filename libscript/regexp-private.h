/* regexp-private.h — what the parts of the RegExp engine share: sets of
 * characters, the pattern tree, the instruction set and the program.
 *
 * The pipeline is parse (regexp-parser.c: pattern text to a tree of
 * ReNode, every early error found there), compile (regexp-compiler.c:
 * tree to instructions) and execute (regexp-exec.c).  Sets of characters
 * and the Unicode data behind \p{...} and case-insensitive matching are
 * regexp-charset.c's.
 *
 * Memory.  The sizes here follow the pattern, which a script controls, so
 * every allocation is a try-allocation: a set that cannot grow sets its
 * oom flag and stays valid, and the parser and compiler turn that into a
 * RangeError after the fact.
 */
#pragma once

#include "regexp.h"

/* Code points, and the largest code unit. */
#define RE_MAX_CODE_POINT 0x10FFFFu
#define RE_MAX_CODE_UNIT 0xFFFFu

static inline bool
re_is_lead (uint32_t c)
{
  return c >= 0xD800 && c <= 0xDBFF;
}

static inline bool
re_is_trail (uint32_t c)
{
  return c >= 0xDC00 && c <= 0xDFFF;
}

static inline uint32_t
re_pair (uint32_t lead, uint32_t trail)
{
  return 0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00);
}

static inline bool
re_is_line_terminator (uint32_t c)
{
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

static inline bool
re_is_word_char (uint32_t c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
         || (c >= '0' && c <= '9') || c == '_';
}

/* ------------------------------------------------------------------ */
/* Sets of characters (regexp-charset.c)                               */
/* ------------------------------------------------------------------ */

/* Sorted, disjoint, non-adjacent ranges [r[2i], r[2i+1]] of characters
 * (code points, or code units without the u flag). */
typedef struct
{
  uint32_t *r;  /* 2 * n bounds, g_try_malloc'd */
  uint32_t n;   /* ranges */
  uint32_t cap; /* ranges allocated */
  bool oom;     /* an operation could not allocate: the set is garbage */
} ReCharSet;

/* A string of a v-flag class: \q{abc} or an element of a property of
 * strings.  Code points. */
typedef struct
{
  uint32_t *cp; /* g_try_malloc'd, NULL when len is 0 */
  uint32_t len; /* code points */
} ReString;

/* A class: characters, and in UnicodeSetsMode strings (never of length
 * one: those are characters). */
typedef struct
{
  ReCharSet chars;    /* the single characters */
  ReString *strings;  /* g_try_malloc'd */
  uint32_t nstrings;  /* strings in use */
  uint32_t cap;       /* strings allocated */
  bool oom;           /* the strings could not grow */
} ReClassSet;

void re_set_init (ReCharSet *s);
void re_set_free (ReCharSet *s);
void re_set_copy (ReCharSet *dst, const ReCharSet *src);
void re_set_add_range (ReCharSet *s, uint32_t lo, uint32_t hi);
static inline void
re_set_add (ReCharSet *s, uint32_t c)
{
  re_set_add_range (s, c, c);
}
bool re_set_contains (const ReCharSet *s, uint32_t c);
/* dst = dst op src. */
void re_set_union (ReCharSet *dst, const ReCharSet *src);
void re_set_intersect (ReCharSet *dst, const ReCharSet *src);
void re_set_subtract (ReCharSet *dst, const ReCharSet *src);
/* The complement within [0, max]. */
void re_set_invert (ReCharSet *s, uint32_t max);
/* Characters in the set (for choosing instructions). */
uint64_t re_set_size (const ReCharSet *s);

void re_class_init (ReClassSet *c);
void re_class_free (ReClassSet *c);
/* Adds a string of code points; one of length 1 goes to chars. */
void re_class_add_string (ReClassSet *c, const uint32_t *cp, uint32_t len);
bool re_class_oom (const ReClassSet *c);
/* dst = dst op src, strings included (v-flag set operations). */
void re_class_union (ReClassSet *dst, ReClassSet *src);
void re_class_intersect (ReClassSet *dst, ReClassSet *src);
void re_class_subtract (ReClassSet *dst, ReClassSet *src);

/* Canonicalize (ECMA-262 22.2.2.7.3): simple case folding with the u or
 * v flag, else the single-unit uppercase rule. */
uint32_t re_canonicalize (uint32_t c, bool unicode);
/* Every character ch with Canonicalize (ch) in the canonical image of
 * s, replacing s: what a character-set matcher with the i flag accepts,
 * so that the matcher itself only tests membership. */
void re_set_case_close (ReCharSet *s, bool unicode);
/* MaybeSimpleCaseFolding for the v and i flags: scf of every element. */
void re_class_fold (ReClassSet *c);
/* A set of every code point c with scf (c) == c (AllCharacters under
 * v and i). */
void re_set_fold_fixed (ReCharSet *out);

/* \p{name} or \p{name=value} (value NULL for a lone name) into out.
 * Returns 1 for a property of characters, 2 for a property of strings
 * (strings added to out), 0 if the names are not ones ECMA-262
 * allows. */
int re_unicode_property (const char *name, const char *value,
                         ReClassSet *out);

/* ------------------------------------------------------------------ */
/* The pattern tree (regexp-parser.c)                                  */
/* ------------------------------------------------------------------ */

typedef enum
{
  RE_NODE_EMPTY,   /* matches the empty string */
  RE_NODE_CHAR,    /* c: one character */
  RE_NODE_CLASS,   /* set: a character class or escape */
  RE_NODE_DOT,     /* . */
  RE_NODE_SEQ,     /* kids, one after the other */
  RE_NODE_ALT,     /* kids, alternatives in order */
  RE_NODE_GROUP,   /* index: a capturing group around kid */
  RE_NODE_LOOK,    /* a lookaround around kid (RE_LOOK_* in flags) */
  RE_NODE_BACKREF, /* index: \1 or \k<name> */
  RE_NODE_ASSERT,  /* c: one of RE_ASSERT_* */
  RE_NODE_QUANT,   /* kid repeated min..max times */
} ReNodeKind;

enum
{
  RE_ASSERT_BOL,      /* ^ */
  RE_ASSERT_EOL,      /* $ */
  RE_ASSERT_WORD,     /* \b */
  RE_ASSERT_NOT_WORD, /* \B */
};

/* Node flags. */
enum
{
  RE_LOOK_BEHIND = 1 << 0,   /* LOOK: (?<= or (?<! */
  RE_LOOK_NEGATIVE = 1 << 1, /* LOOK: (?! or (?<! */
  RE_QUANT_GREEDY = 1 << 2,  /* QUANT: no ? after the quantifier */
  RE_CLASS_INVERT = 1 << 3,  /* CLASS: [^...] without the v flag */
};

/* Quantifier bounds at or above this are infinite. */
#define RE_INFINITY UINT32_MAX

typedef struct ReNode ReNode;
struct ReNode
{
  uint8_t kind;     /* ReNodeKind */
  uint8_t flags;    /* RE_LOOK_*, RE_QUANT_*, RE_CLASS_* */
  uint32_t c;       /* CHAR: the character; ASSERT: which one */
  uint32_t index;   /* GROUP, BACKREF: the capture index */
  uint32_t min;     /* QUANT: the least count */
  uint32_t max;     /* QUANT: the most, or RE_INFINITY */
  uint32_t cap_lo;  /* QUANT: the captures inside are cap_lo .. */
  uint32_t cap_hi;  /* ... cap_hi - 1 */
  ReClassSet *set;  /* CLASS: the set (owned by the tree) */
  ReNode *kid;      /* first child */
  ReNode *next;     /* next sibling */
};

/* A named group. */
typedef struct
{
  uint16_t *name; /* UTF-16, g_try_malloc'd */
  uint32_t len;   /* code units */
  uint32_t index; /* the capture */
} ReGroupName;

/* A parsed pattern. */
typedef struct
{
  ReNode *root;         /* the disjunction */
  uint32_t ncaps;       /* captures, group 0 included */
  ReGroupName *names;   /* named groups in pattern order */
  uint32_t nnames;      /* how many */
  uint32_t flags;       /* RE_FLAG_* */
  void *arena;          /* the nodes' memory */
  ReClassSet **sets;    /* every set, to free them */
  uint32_t nsets;       /* how many */
  uint32_t sets_cap;    /* room */
} ReTree;

/* Parses pattern under flags into tree.  False with *error and
 * *error_pos (*error NULL when memory ran out). */
bool re_parse (const uint16_t *pattern, size_t len, uint32_t flags,
               ReTree *tree, const char **error, uint32_t *error_pos);
void re_tree_free (ReTree *tree);

/* ------------------------------------------------------------------ */
/* The program (regexp-compiler.c, run by regexp-exec.c)               */
/* ------------------------------------------------------------------ */

/* Instructions are 32-bit words: the opcode in the low 8 bits, an
 * operand in the high 24 where the op has a small one, and further
 * words after it.  _B ops read backwards (inside lookbehinds).
 * X (name, words). */
#define RE_OPCODES(X)                                                       \
  X (MATCH, 1)        /* success */                                       \
  X (CHAR, 2)         /* w1: the character */                             \
  X (CHAR_B, 2)                                                           \
  X (CHAR2, 3)        /* w1, w2: either character */                      \
  X (CHAR2_B, 3)                                                          \
  X (STRING, 2)       /* w1: n; then n code units (forward only) */       \
  X (ANY, 1)          /* . : any character but line terminators */        \
  X (ANY_B, 1)                                                            \
  X (ALL, 1)          /* any character (dotAll, [^]) */                   \
  X (ALL_B, 1)                                                            \
  X (CLASS, 1)        /* operand: the class */                            \
  X (CLASS_B, 1)                                                          \
  X (BOL, 1)          /* ^ */                                             \
  X (BOL_M, 1)        /* ^ with the m flag */                             \
  X (EOL, 1)          /* $ */                                             \
  X (EOL_M, 1)                                                            \
  X (WORD, 1)         /* \b; operand 1: the u+i word characters */        \
  X (NOT_WORD, 1)     /* \B; likewise */                                  \
  X (JMP, 2)          /* w1: target */                                    \
  X (SPLIT, 2)        /* push (w1, pos); go on: the next is preferred */  \
  X (SPLIT_JMP, 2)    /* push (next, pos); go to w1 */                    \
  X (SAVE, 1)         /* operand: capture slot = pos */                   \
  X (RESET, 2)        /* operand: first slot; w1: slots to unset */       \
  X (SET_REG, 2)      /* operand: register; w1: value */                  \
  X (SET_POS, 1)      /* operand: register = pos */                       \
  X (CHECK_POS, 1)    /* operand: fail if register == pos */              \
  X (LOOP, 5)         /* operand: counter register; w1: min; w2: max;   \
                         w3: 1 greedy / 0 lazy; w4: exit */               \
  X (LOOP_END, 5)     /* operand: counter; w1: min; w2: position        \
                         register or -1; w3: loop head; w4: max */        \
  X (LOOK, 3)         /* operand: mark register; w1: negative;          \
                         w2: continuation */                              \
  X (LOOK_END, 1)     /* operand: mark register */                        \
  X (BACKREF, 1)      /* operand: capture index */                        \
  X (BACKREF_B, 1)                                                        \
  X (BACKREF_I, 1)                                                        \
  X (BACKREF_IB, 1)                                                       \
  X (REPEAT, 4)       /* operand: 1 greedy; w1: min; w2: max; w3: next  \
                         instruction; a one-character op follows */

typedef enum
{
#define RE_OP_ENUM(name, words) RE_OP_##name,
  RE_OPCODES (RE_OP_ENUM)
#undef RE_OP_ENUM
  RE_OP_COUNT
} ReOpcode;

static inline uint32_t
re_op (uint32_t insn)
{
  return insn & 0xFF;
}

static inline uint32_t
re_operand (uint32_t insn)
{
  return insn >> 8;
}

/* A compiled class: ranges, and a bitmap of the first 256 characters. */
typedef struct
{
  uint32_t bitmap[8]; /* bit c: character c < 256 is in the class */
  uint32_t *r;        /* 2 * n bounds of the characters past 255 */
  uint32_t n;         /* ranges past 255 */
} ReClass;

struct RegExpProgram
{
  uint32_t refs;        /* holders: RegExp objects and the cache */
  uint32_t flags;       /* RE_FLAG_* */
  uint32_t ncaps;       /* captures, group 0 included */
  uint32_t nregs;       /* registers: loop counters, positions, marks */
  uint32_t len;         /* instruction words */
  uint32_t *code;       /* the instructions */
  ReClass *classes;     /* their classes */
  uint32_t nclasses;
  ReGroupName *names;   /* named groups */
  uint32_t nnames;
  /* Search: where a match can start. */
  bool anchored;        /* only at position 0 (a leading ^ without m) */
  bool has_first;       /* first[] says which first characters can start
                           a match */
  uint32_t first[8];    /* bitmap over characters < 256 */
  bool first_high;      /* a first character may be 256 or more */
  uint32_t lead_repeat; /* pc of a REPEAT every match starts with, whose
                           failed attempts let the search skip the run
                           of characters it scanned; 0 if none */
  uint16_t *prefix;     /* a literal every match starts with, or NULL */
  uint32_t prefix_len;
  size_t bytes;         /* malloc'd size, for the unmanaged count */
};
