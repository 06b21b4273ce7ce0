/* regexp-parser.c — the pattern grammar of ECMA-262 22.2.1 into a tree.
 *
 * Three grammars share this parser: UnicodeMode (the u flag), Unicode-
 * SetsMode (the v flag, classes with set operations and strings), and
 * the grammar without either, which is the web-compatible one of annex
 * B.1.2 as browsers and the lexer's early-error check accept it ("]" and
 * "{" as characters, \8, legacy octal escapes, quantified lookaheads).
 * Every early error is found here, so the compiler never fails on a tree
 * but for memory.
 *
 * A first scan counts the capturing groups and collects their names, so
 * that \10 knows whether there are ten groups and \k<name> may name a
 * group further on; the parse proper then builds the tree.  Classes are
 * computed here as sets (regexp-charset.c), complements and v-flag
 * operations included; only the i flag's closure is left to the
 * compiler, which applies it to every set alike.
 *
 * Recursion follows the nesting of groups and classes only, and that
 * nesting is bounded by RE_MAX_NESTING.
 */
#include "config.h"

#include "regexp-private.h"

#include "unicode-tables.h"

/* ------------------------------------------------------------------ */
/* Memory for nodes                                                    */
/* ------------------------------------------------------------------ */

typedef struct ArenaBlock ArenaBlock;
struct ArenaBlock
{
  ArenaBlock *next; /* older block */
  size_t used;      /* bytes handed out */
  size_t size;      /* bytes in data */
  char data[];
};

#define ARENA_BLOCK_SIZE 8192u

static void *
arena_alloc (ReTree *tree, size_t n)
{
  ArenaBlock *b = tree->arena;
  n = (n + 15) & ~(size_t) 15;
  if (!b || b->used + n > b->size)
    {
      size_t size = MAX (n, ARENA_BLOCK_SIZE);
      ArenaBlock *nb = g_try_malloc (sizeof *nb + size);
      if (!nb)
        return NULL;
      nb->next = b;
      nb->used = 0;
      nb->size = size;
      tree->arena = b = nb;
    }
  void *p = b->data + b->used;
  b->used += n;
  return p;
}

void
re_tree_free (ReTree *tree)
{
  for (ArenaBlock *b = tree->arena, *next; b; b = next)
    {
      next = b->next;
      g_free (b);
    }
  for (uint32_t i = 0; i < tree->nsets; i++)
    {
      re_class_free (tree->sets[i]);
      g_free (tree->sets[i]);
    }
  g_free (tree->sets);
  for (uint32_t i = 0; i < tree->nnames; i++)
    g_free (tree->names[i].name);
  g_free (tree->names);
  memset (tree, 0, sizeof *tree);
}

/* ------------------------------------------------------------------ */
/* The parser                                                          */
/* ------------------------------------------------------------------ */

typedef struct
{
  const uint16_t *s;     /* the pattern */
  uint32_t len;          /* its length in code units */
  uint32_t pos;          /* where we are */
  bool u;                /* UnicodeMode: u or v */
  bool v;                /* UnicodeSetsMode */
  bool icase;            /* the i flag */
  bool named;            /* NamedCaptureGroups: u, or a named group */
  uint32_t ncaps;        /* capturing groups opened so far */
  uint32_t total_caps;   /* every capturing group (the first scan) */
  uint32_t depth;        /* nesting of groups and classes */
  ReTree *tree;          /* what we build */
  const char *error;     /* the first error, static text */
  uint32_t error_pos;    /* where it is */
  bool oom;              /* memory ran out */
} ReParser;

/* A class atom that is a set, not one character. */
#define CLASS_SET (-2)
/* An error (the message is recorded). */
#define BAD (-1)

static bool
fail (ReParser *p, const char *message)
{
  if (!p->error && !p->oom)
    {
      p->error = message;
      p->error_pos = MIN (p->pos, p->len);
    }
  return false;
}

static bool
no_memory (ReParser *p)
{
  p->oom = true;
  return false;
}

static inline int32_t
peek (const ReParser *p, uint32_t off)
{
  return p->pos + off < p->len ? p->s[p->pos + off] : -1;
}

static inline bool
at (const ReParser *p, int32_t c)
{
  return peek (p, 0) == c;
}

/* The source character here: a surrogate pair is one character in
 * UnicodeMode (or when pairs is set).  *size gets its length. */
static int32_t
source_char (const ReParser *p, bool pairs, uint32_t *size)
{
  int32_t c = peek (p, 0), d;
  *size = 1;
  if ((p->u || pairs) && re_is_lead (c) && re_is_trail (d = peek (p, 1)))
    {
      *size = 2;
      return (int32_t) re_pair (c, d);
    }
  return c;
}

static inline bool
is_digit (int32_t c)
{
  return c >= '0' && c <= '9';
}

static int
hex_digit (int32_t c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static inline bool
is_syntax_char (int32_t c)
{
  return c > 0 && c < 128 && strchr ("^$\\.*+?()[]{}|", c);
}

static ReNode *
new_node (ReParser *p, ReNodeKind kind)
{
  ReNode *n = arena_alloc (p->tree, sizeof *n);
  if (!n)
    {
      no_memory (p);
      return NULL;
    }
  memset (n, 0, sizeof *n);
  n->kind = kind;
  return n;
}

static ReClassSet *
new_set (ReParser *p)
{
  ReTree *t = p->tree;
  if (t->nsets == t->sets_cap)
    {
      uint32_t cap = MAX (8u, t->sets_cap * 2);
      ReClassSet **s = g_try_realloc (t->sets, cap * sizeof *s);
      if (!s)
        return no_memory (p), NULL;
      t->sets = s;
      t->sets_cap = cap;
    }
  ReClassSet *c = g_try_new (ReClassSet, 1);
  if (!c)
    return no_memory (p), NULL;
  re_class_init (c);
  t->sets[t->nsets++] = c;
  return c;
}

static ReNode *
char_node (ReParser *p, uint32_t c)
{
  ReNode *n = new_node (p, RE_NODE_CHAR);
  if (n)
    n->c = c;
  return n;
}

/* ------------------------------------------------------------------ */
/* Escapes                                                             */
/* ------------------------------------------------------------------ */

/* After "\u": XXXX, a pair of such escapes when pairs, or {X...} when
 * braces.  The code point, or BAD with the position unchanged. */
static int32_t
unicode_escape (ReParser *p, bool braces, bool pairs)
{
  uint32_t start = p->pos;
  int32_t c = 0;

  if (braces && at (p, '{'))
    {
      int digits = 0, h;
      p->pos++;
      while ((h = hex_digit (peek (p, 0))) >= 0)
        {
          c = c * 16 + h;
          if (c > (int32_t) RE_MAX_CODE_POINT)
            break;
          p->pos++;
          digits++;
        }
      if (digits && c <= (int32_t) RE_MAX_CODE_POINT && at (p, '}'))
        {
          p->pos++;
          return c;
        }
      p->pos = start;
      return BAD;
    }
  for (int i = 0; i < 4; i++)
    {
      int h = hex_digit (peek (p, i));
      if (h < 0)
        return BAD;
      c = c * 16 + h;
    }
  p->pos += 4;
  if (pairs && re_is_lead (c) && at (p, '\\') && peek (p, 1) == 'u')
    {
      uint32_t save = p->pos;
      int32_t lo;
      p->pos += 2;
      lo = unicode_escape (p, false, false);
      if (lo >= 0 && re_is_trail (lo))
        return (int32_t) re_pair (c, lo);
      p->pos = save;
    }
  return c;
}

/* Legacy octal (B.1.2), from the first digit: up to three digits while
 * the value stays below 256. */
static int32_t
legacy_octal (ReParser *p)
{
  int32_t v = 0;
  for (int i = 0; i < 3 && peek (p, 0) >= '0' && peek (p, 0) <= '7'
                  && v * 8 < 256;
       i++)
    v = v * 8 + (p->s[p->pos++] - '0');
  return v;
}

/* CharacterEscape, after the backslash (shared by atoms and classes).
 * The character, or BAD. */
static int32_t
character_escape (ReParser *p, bool in_class)
{
  int32_t c = peek (p, 0), d;
  uint32_t size;

  switch (c)
    {
    case 'f': p->pos++; return '\f';
    case 'n': p->pos++; return '\n';
    case 'r': p->pos++; return '\r';
    case 't': p->pos++; return '\t';
    case 'v': p->pos++; return '\v';
    case 'c':
      d = peek (p, 1);
      if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z'))
        {
          p->pos += 2;
          return d % 32;
        }
      /* B.1.2: in a class, \c also takes a digit or _. */
      if (!p->u && in_class && (is_digit (d) || d == '_'))
        {
          p->pos += 2;
          return d % 32;
        }
      if (p->u)
        return fail (p, "invalid control escape"), BAD;
      /* B.1.2: the backslash stands for itself and "c" comes next. */
      return '\\';
    case '0':
      if (!is_digit (peek (p, 1)))
        {
          p->pos++;
          return 0;
        }
      if (p->u)
        return fail (p, "invalid decimal escape"), BAD;
      return legacy_octal (p);
    case 'x':
      if (hex_digit (peek (p, 1)) >= 0 && hex_digit (peek (p, 2)) >= 0)
        {
          d = hex_digit (peek (p, 1)) * 16 + hex_digit (peek (p, 2));
          p->pos += 3;
          return d;
        }
      if (p->u)
        return fail (p, "invalid hexadecimal escape"), BAD;
      p->pos++;
      return 'x';
    case 'u':
      p->pos++;
      d = unicode_escape (p, p->u, p->u);
      if (d >= 0)
        return d;
      if (p->u)
        return fail (p, "invalid Unicode escape"), BAD;
      return 'u';
    case -1:
      return fail (p, "\\ at end of pattern"), BAD;
    default:
      break;
    }
  if (p->u)
    {
      /* Only syntax characters and "/" may be escaped (and "-" in a
         class). */
      if (is_syntax_char (c) || c == '/' || (in_class && c == '-'))
        {
          p->pos++;
          return c;
        }
      return fail (p, "invalid escape"), BAD;
    }
  if (c == 'k' && p->named)
    return fail (p, "invalid named reference"), BAD;
  c = source_char (p, false, &size);
  p->pos += size;
  return c;
}

/* WhiteSpace and LineTerminator, the characters of \s. */
static void
add_spaces (ReCharSet *s)
{
  static const uint32_t spaces[] = {
    0x09, 0x0D, 0x20, 0x20, 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200A,
    0x2028, 0x2029, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000,
    0xFEFF, 0xFEFF,
  };
  for (size_t i = 0; i < G_N_ELEMENTS (spaces); i += 2)
    re_set_add_range (s, spaces[i], spaces[i + 1]);
}

/* CharacterComplement (rer, s): AllCharacters minus s. */
static void
complement (ReParser *p, ReCharSet *s)
{
  if (p->v && p->icase)
    {
      ReCharSet all;
      re_set_fold_fixed (&all);
      re_set_subtract (&all, s);
      re_set_free (s);
      *s = all;
      return;
    }
  re_set_invert (s, p->u ? RE_MAX_CODE_POINT : RE_MAX_CODE_UNIT);
}

/* \d \D \s \S \w \W into out (which is empty). */
static void
class_escape (ReParser *p, int32_t letter, ReClassSet *out)
{
  ReCharSet *s = &out->chars;
  switch (letter | 0x20)
    {
    case 'd':
      re_set_add_range (s, '0', '9');
      break;
    case 's':
      add_spaces (s);
      break;
    default:
      re_set_add_range (s, '0', '9');
      re_set_add_range (s, 'A', 'Z');
      re_set_add (s, '_');
      re_set_add_range (s, 'a', 'z');
      /* WordCharacters: with u (or v) and i, the characters whose
         canonical form is a basic word character join them. */
      if (p->u && p->icase)
        {
          re_set_add (s, 0x017F);
          re_set_add (s, 0x212A);
        }
      if (p->v && p->icase)
        re_class_fold (out);
      break;
    }
  if (letter >= 'A' && letter <= 'Z')
    complement (p, s);
}

/* \p{...} or \P{...} at the letter, in UnicodeMode, into out.  *strings
 * is set for a property of strings (v flag only, never negated). */
static bool
property_escape (ReParser *p, ReClassSet *out, bool *strings)
{
  char name[64], value[64];
  char *buf = name;
  uint32_t n = 0;
  bool negated = at (p, 'P'), has_value = false;

  *strings = false;
  p->pos++;
  if (!at (p, '{'))
    return fail (p, "invalid property escape");
  p->pos++;
  for (;;)
    {
      int32_t c = peek (p, 0);
      if (c == '}' && n)
        break;
      if (c == '=' && n && !has_value)
        {
          buf[n] = 0;
          buf = value;
          n = 0;
          has_value = true;
          p->pos++;
          continue;
        }
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit (c)
            || c == '_')
          || n + 1 >= sizeof name)
        return fail (p, "invalid property name");
      buf[n++] = (char) c;
      p->pos++;
    }
  buf[n] = 0;
  int kind = re_unicode_property (has_value ? name : name,
                                  has_value ? value : NULL, out);
  if (re_class_oom (out))
    return no_memory (p);
  if (kind == 0)
    return fail (p, "invalid property name");
  if (kind == 2)
    {
      if (!p->v)
        return fail (p, "invalid property name");
      if (negated)
        return fail (p, "negated property of strings");
      *strings = true;
    }
  p->pos++;
  if (p->v && p->icase)
    re_class_fold (out);
  if (negated)
    complement (p, &out->chars);
  return true;
}

/* A group name after "<", through ">", as UTF-16 into *out (g_try_
 * malloc'd) and *len. */
static bool
group_name (ReParser *p, uint16_t **out, uint32_t *len)
{
  uint16_t *buf = NULL;
  uint32_t n = 0, cap = 0;

  *out = NULL;
  *len = 0;
  for (;;)
    {
      uint32_t size;
      int32_t c = source_char (p, true, &size);
      if (c == '>' && n)
        {
          p->pos++;
          *out = buf;
          *len = n;
          return true;
        }
      if (c == '\\')
        {
          if (peek (p, 1) != 'u')
            goto bad;
          p->pos += 2;
          c = unicode_escape (p, true, true);
          if (c < 0)
            {
              g_free (buf);
              return fail (p, "invalid Unicode escape in group name");
            }
        }
      else if (c < 0)
        {
          g_free (buf);
          return fail (p, "unterminated group name");
        }
      else
        p->pos += size;
      if (c >= 0xD800 && c <= 0xDFFF)
        goto bad;
      if (!(n ? uni_is_id_continue ((uint32_t) c)
              : uni_is_id_start ((uint32_t) c)))
        goto bad;
      if (n + 2 > cap)
        {
          cap = MAX (16u, cap * 2);
          uint16_t *nb = g_try_realloc (buf, cap * sizeof *buf);
          if (!nb)
            {
              g_free (buf);
              return no_memory (p);
            }
          buf = nb;
        }
      if (c > 0xFFFF)
        {
          buf[n++] = (uint16_t) (0xD800 + ((c - 0x10000) >> 10));
          buf[n++] = (uint16_t) (0xDC00 + ((c - 0x10000) & 0x3FF));
        }
      else
        buf[n++] = (uint16_t) c;
    }
bad:
  g_free (buf);
  return fail (p, "invalid group name");
}

/* The index of the group with this name among the first `before`
 * named groups, or -1. */
static int32_t
find_name (const ReParser *p, const uint16_t *name, uint32_t len,
           uint32_t before)
{
  const ReTree *t = p->tree;
  for (uint32_t i = 0; i < t->nnames && i < before; i++)
    if (t->names[i].len == len
        && memcmp (t->names[i].name, name, len * sizeof *name) == 0)
      return (int32_t) i;
  return -1;
}

/* ------------------------------------------------------------------ */
/* Classes without the v flag                                          */
/* ------------------------------------------------------------------ */

/* One ClassAtom: a character, or CLASS_SET with the set in *set. */
static int32_t
class_atom (ReParser *p, ReClassSet **set)
{
  uint32_t size;
  int32_t c = peek (p, 0);

  if (c != '\\')
    {
      c = source_char (p, false, &size);
      p->pos += size;
      return c;
    }
  p->pos++;
  c = peek (p, 0);
  if (c == 'b')
    {
      p->pos++;
      return '\b';
    }
  if (c == '-' && p->u)
    {
      p->pos++;
      return '-';
    }
  if (c > 0 && c < 128 && strchr ("dDsSwW", c))
    {
      p->pos++;
      if (!(*set = new_set (p)))
        return BAD;
      class_escape (p, c, *set);
      return CLASS_SET;
    }
  if ((c == 'p' || c == 'P') && p->u)
    {
      bool strings;
      if (!(*set = new_set (p)) || !property_escape (p, *set, &strings))
        return BAD;
      return CLASS_SET;
    }
  if (c >= '1' && c <= '9')
    {
      if (p->u)
        return fail (p, "invalid class escape"), BAD;
      /* B.1.2: legacy octal, or the digit itself. */
      if (c <= '7')
        return legacy_octal (p);
      p->pos++;
      return c;
    }
  return character_escape (p, true);
}

static ReClassSet *
parse_class (ReParser *p, bool *invert)
{
  ReClassSet *set = new_set (p);
  if (!set)
    return NULL;
  p->pos++;
  *invert = at (p, '^');
  if (*invert)
    p->pos++;
  for (;;)
    {
      ReClassSet *as = NULL, *bs = NULL;
      int32_t a, b;
      if (p->pos >= p->len)
        return fail (p, "unterminated character class"), NULL;
      if (at (p, ']'))
        {
          p->pos++;
          return set;
        }
      if ((a = class_atom (p, &as)) == BAD)
        return NULL;
      if (!at (p, '-') || peek (p, 1) == ']' || p->pos + 1 >= p->len)
        {
          if (a == CLASS_SET)
            re_class_union (set, as);
          else
            re_set_add (&set->chars, (uint32_t) a);
          continue;
        }
      p->pos++;
      if ((b = class_atom (p, &bs)) == BAD)
        return NULL;
      if (a == CLASS_SET || b == CLASS_SET)
        {
          if (p->u)
            return fail (p, "invalid character class range"), NULL;
          /* B.1.2: the dash is one more character. */
          if (a == CLASS_SET)
            re_class_union (set, as);
          else
            re_set_add (&set->chars, (uint32_t) a);
          re_set_add (&set->chars, '-');
          if (b == CLASS_SET)
            re_class_union (set, bs);
          else
            re_set_add (&set->chars, (uint32_t) b);
          continue;
        }
      if (a > b)
        return fail (p, "range out of order in character class"), NULL;
      re_set_add_range (&set->chars, (uint32_t) a, (uint32_t) b);
    }
}

/* ------------------------------------------------------------------ */
/* Classes with the v flag                                             */
/* ------------------------------------------------------------------ */

static ReClassSet *parse_class_v (ReParser *p, bool *strings);

static inline bool
is_class_set_syntax (int32_t c)
{
  return c > 0 && c < 128 && strchr ("()[]{}/-\\|", c);
}

static inline bool
at_reserved_double (const ReParser *p)
{
  int32_t c = peek (p, 0);
  return c > 0 && c < 128 && strchr ("&!#$%*+,.:;<=>?@^`~", c)
         && peek (p, 1) == c;
}

/* One ClassSetCharacter (not "\q" and not a class escape), or BAD. */
static int32_t
class_set_character (ReParser *p)
{
  uint32_t size;
  int32_t c = peek (p, 0);

  if (c == '\\')
    {
      int32_t d = peek (p, 1);
      p->pos++;
      if (d == 'b')
        {
          p->pos++;
          return '\b';
        }
      if (d > 0 && d < 128 && strchr ("&-!#%,:;<=>@`~", d))
        {
          p->pos++;
          return d;
        }
      return character_escape (p, true);
    }
  if (c < 0)
    return fail (p, "unterminated character class"), BAD;
  if (at_reserved_double (p))
    return fail (p, "invalid set operation in character class"), BAD;
  if (is_class_set_syntax (c))
    return fail (p, "invalid character in character class"), BAD;
  c = source_char (p, false, &size);
  p->pos += size;
  return c;
}

/* \q{...} from the "q", into out; *strings: some string is not one
 * character long. */
static bool
class_strings (ReParser *p, ReClassSet *out, bool *strings)
{
  uint32_t *buf = NULL, n = 0, cap = 0;

  p->pos++;
  if (!at (p, '{'))
    return fail (p, "invalid \\q escape");
  p->pos++;
  for (;;)
    {
      int32_t c = peek (p, 0);
      if (c == '}' || c == '|')
        {
          *strings |= n != 1;
          re_class_add_string (out, buf, n);
          n = 0;
          p->pos++;
          if (c == '}')
            break;
          continue;
        }
      if (c < 0)
        {
          g_free (buf);
          return fail (p, "unterminated \\q escape");
        }
      if ((c = class_set_character (p)) == BAD)
        {
          g_free (buf);
          return false;
        }
      if (n == cap)
        {
          cap = MAX (16u, cap * 2);
          uint32_t *nb = g_try_realloc (buf, cap * sizeof *buf);
          if (!nb)
            {
              g_free (buf);
              return no_memory (p);
            }
          buf = nb;
        }
      buf[n++] = (uint32_t) c;
    }
  g_free (buf);
  return !re_class_oom (out) || no_memory (p);
}

/* One ClassSetOperand: a character (for ranges) or CLASS_SET with the
 * set in *set; *strings is MayContainStrings of the operand. */
static int32_t
class_set_operand (ReParser *p, ReClassSet **set, bool *strings)
{
  int32_t c = peek (p, 0);

  *strings = false;
  if (c == '[')
    return (*set = parse_class_v (p, strings)) ? CLASS_SET : BAD;
  if (c == '\\')
    {
      int32_t d = peek (p, 1);
      if (d == 'q')
        {
          p->pos++;
          if (!(*set = new_set (p)) || !class_strings (p, *set, strings))
            return BAD;
          if (p->icase)
            re_class_fold (*set);
          return CLASS_SET;
        }
      if (d > 0 && d < 128 && strchr ("dDsSwW", d))
        {
          p->pos += 2;
          if (!(*set = new_set (p)))
            return BAD;
          class_escape (p, d, *set);
          return CLASS_SET;
        }
      if (d == 'p' || d == 'P')
        {
          p->pos++;
          if (!(*set = new_set (p)) || !property_escape (p, *set, strings))
            return BAD;
          return CLASS_SET;
        }
    }
  return class_set_character (p);
}

/* A character operand as a set, folded under the i flag. */
static ReClassSet *
char_set (ReParser *p, uint32_t lo, uint32_t hi)
{
  ReClassSet *s = new_set (p);
  if (!s)
    return NULL;
  re_set_add_range (&s->chars, lo, hi);
  if (p->icase)
    re_class_fold (s);
  return s;
}

static inline bool
at_operator (const ReParser *p)
{
  return (at (p, '&') && peek (p, 1) == '&')
         || (at (p, '-') && peek (p, 1) == '-');
}

/* A class in UnicodeSetsMode, from "[".  *strings: MayContainStrings. */
static ReClassSet *
parse_class_v (ReParser *p, bool *strings)
{
  int op = 0; /* 0 none yet, '&' intersection, '-' subtraction, 'u' union */
  uint32_t operands = 0;
  bool negated, any = false, all = true, first = false;
  ReClassSet *result;

  if (++p->depth > RE_MAX_NESTING)
    return fail (p, "character class nested too deeply"), NULL;
  if (!(result = new_set (p)))
    return NULL;
  p->pos++;
  negated = at (p, '^');
  if (negated)
    p->pos++;
  for (;;)
    {
      ReClassSet *set = NULL;
      int32_t a;
      bool s;
      if (at (p, ']'))
        {
          if (op && op != 'u' && operands < 2)
            return fail (p, "missing operand in character class"), NULL;
          /* A union may hold strings if any operand may, an
             intersection if all may, a difference if the first may. */
          *strings = op == '&' ? all && operands : op == '-' ? first : any;
          if (negated && *strings)
            return fail (p, "negated character class may contain strings"),
                   NULL;
          p->pos++;
          p->depth--;
          if (negated)
            {
              *strings = false;
              complement (p, &result->chars);
            }
          return re_class_oom (result) ? (no_memory (p), NULL) : result;
        }
      if (at_operator (p))
        {
          int this_op = peek (p, 0);
          if (!operands || (op && op != this_op))
            return fail (p, "invalid set operation in character class"),
                   NULL;
          op = this_op;
          p->pos += 2;
          if (at (p, ']'))
            return fail (p, "missing operand in character class"), NULL;
          if (this_op == '&' && at (p, '&'))
            return fail (p, "invalid set operation in character class"),
                   NULL;
          continue;
        }
      if ((a = class_set_operand (p, &set, &s)) == BAD)
        return NULL;
      if (!operands)
        first = s;
      any |= s;
      all &= s;
      if (op == '&' || op == '-')
        {
          if (a != CLASS_SET && !(set = char_set (p, a, a)))
            return NULL;
          if (op == '&')
            re_class_intersect (result, set);
          else
            re_class_subtract (result, set);
          operands++;
          /* Each operand of an operation is one set or character. */
          if (!at (p, ']') && !at_operator (p))
            return fail (p, "invalid set operation in character class"),
                   NULL;
          continue;
        }
      if (a != CLASS_SET && at (p, '-') && peek (p, 1) != '-')
        {
          int32_t b;
          p->pos++;
          if ((b = class_set_operand (p, &set, &s)) == BAD)
            return NULL;
          if (b == CLASS_SET)
            return fail (p, "invalid character class range"), NULL;
          if (a > b)
            return fail (p, "range out of order in character class"), NULL;
          if (!(set = char_set (p, a, b)))
            return NULL;
          op = 'u';
        }
      else if (a != CLASS_SET && !(set = char_set (p, a, a)))
        return NULL;
      if (operands && !op)
        op = 'u';
      operands++;
      re_class_union (result, set);
      if (op == 'u' && at_operator (p))
        return fail (p, "invalid set operation in character class"), NULL;
    }
}

/* ------------------------------------------------------------------ */
/* Terms                                                               */
/* ------------------------------------------------------------------ */

static ReNode *parse_disjunction (ReParser *p);

static ReNode *
class_node (ReParser *p, ReClassSet *set, bool invert)
{
  ReNode *n = new_node (p, RE_NODE_CLASS);
  if (!n)
    return NULL;
  n->set = set;
  if (invert)
    n->flags |= RE_CLASS_INVERT;
  if (re_class_oom (set))
    return no_memory (p), NULL;
  return n;
}

/* A decimal escape as a backreference, or (B.1.2) as legacy octal or a
 * digit when there are not that many groups.  At the first digit. */
static ReNode *
decimal_escape (ReParser *p)
{
  uint32_t start = p->pos;
  uint64_t n = 0;

  while (is_digit (peek (p, 0)))
    {
      n = n > UINT32_MAX ? n : n * 10 + (uint64_t) (peek (p, 0) - '0');
      p->pos++;
    }
  if (n <= p->total_caps)
    {
      ReNode *r = new_node (p, RE_NODE_BACKREF);
      if (r)
        r->index = (uint32_t) n;
      return r;
    }
  p->pos = start;
  if (p->u)
    return fail (p, "reference to a group that does not exist"), NULL;
  if (peek (p, 0) <= '7')
    return char_node (p, (uint32_t) legacy_octal (p));
  return char_node (p, (uint32_t) p->s[p->pos++]);
}

/* \k<name>, at the "k". */
static ReNode *
named_reference (ReParser *p)
{
  uint16_t *name;
  uint32_t len;
  int32_t i;

  p->pos++;
  if (!at (p, '<'))
    return fail (p, "invalid named reference"), NULL;
  p->pos++;
  if (!group_name (p, &name, &len))
    return NULL;
  i = find_name (p, name, len, UINT32_MAX);
  g_free (name);
  if (i < 0)
    return fail (p, "reference to a group that does not exist"), NULL;
  ReNode *r = new_node (p, RE_NODE_BACKREF);
  if (r)
    r->index = p->tree->names[i].index;
  return r;
}

/* An atom escape after "\" outside classes. */
static ReNode *
atom_escape (ReParser *p, bool *quantifiable)
{
  int32_t c = peek (p, 0);
  ReClassSet *set;

  if (c == 'b' || c == 'B')
    {
      ReNode *n = new_node (p, RE_NODE_ASSERT);
      p->pos++;
      *quantifiable = false;
      if (n)
        n->c = c == 'b' ? RE_ASSERT_WORD : RE_ASSERT_NOT_WORD;
      return n;
    }
  if (c > 0 && c < 128 && strchr ("dDsSwW", c))
    {
      p->pos++;
      if (!(set = new_set (p)))
        return NULL;
      class_escape (p, c, set);
      return class_node (p, set, false);
    }
  if ((c == 'p' || c == 'P') && p->u)
    {
      bool strings;
      if (!(set = new_set (p)) || !property_escape (p, set, &strings))
        return NULL;
      return class_node (p, set, false);
    }
  if (c == 'k' && p->named)
    return named_reference (p);
  if (c >= '1' && c <= '9')
    return decimal_escape (p);
  c = character_escape (p, false);
  return c == BAD ? NULL : char_node (p, (uint32_t) c);
}

/* A braced quantifier at "{": {n}, {n,} or {n,m}.  False with the
 * position unchanged when the text is not one. */
static bool
braced_quantifier (ReParser *p, uint32_t *min, uint32_t *max)
{
  uint32_t start = p->pos;
  uint64_t lo = 0, hi;

  p->pos++;
  if (!is_digit (peek (p, 0)))
    goto no;
  while (is_digit (peek (p, 0)))
    {
      lo = lo > UINT32_MAX ? lo : lo * 10 + (uint64_t) (peek (p, 0) - '0');
      p->pos++;
    }
  hi = lo;
  if (at (p, ','))
    {
      p->pos++;
      hi = UINT64_MAX;
      if (is_digit (peek (p, 0)))
        for (hi = 0; is_digit (peek (p, 0)); p->pos++)
          hi = hi > UINT32_MAX ? hi : hi * 10 + (uint64_t) (peek (p, 0) - '0');
    }
  if (!at (p, '}'))
    goto no;
  p->pos++;
  if (lo > hi)
    {
      p->pos = start;
      return fail (p, "numbers out of order in quantifier");
    }
  *min = (uint32_t) MIN (lo, (uint64_t) RE_INFINITY - 1);
  *max = hi >= RE_INFINITY ? RE_INFINITY : (uint32_t) hi;
  return true;
no:
  p->pos = start;
  return false;
}

/* "(" ... ")". */
static ReNode *
parse_group (ReParser *p, bool *quantifiable)
{
  ReNode *n = NULL, *body;
  uint32_t open = p->pos;

  if (++p->depth > RE_MAX_NESTING)
    return fail (p, "groups nested too deeply"), NULL;
  p->pos++;
  if (at (p, '?'))
    {
      int32_t d = peek (p, 1), e = peek (p, 2);
      if (d == ':')
        p->pos += 2;
      else if (d == '=' || d == '!')
        {
          if (!(n = new_node (p, RE_NODE_LOOK)))
            return NULL;
          n->flags = d == '!' ? RE_LOOK_NEGATIVE : 0;
          /* Lookaheads take a quantifier only under B.1.2. */
          *quantifiable = !p->u;
          p->pos += 2;
        }
      else if (d == '<' && (e == '=' || e == '!'))
        {
          if (!(n = new_node (p, RE_NODE_LOOK)))
            return NULL;
          n->flags = RE_LOOK_BEHIND | (e == '!' ? RE_LOOK_NEGATIVE : 0);
          *quantifiable = false;
          p->pos += 3;
        }
      else if (d == '<')
        {
          uint16_t *name;
          uint32_t len;
          p->pos += 2;
          if (!group_name (p, &name, &len))
            return NULL;
          /* This is the next named group of the first scan; the names
             before it must differ from it. */
          uint32_t k = 0;
          while (k < p->tree->nnames
                 && p->tree->names[k].index != p->ncaps + 1)
            k++;
          bool dup = find_name (p, name, len, k) >= 0;
          g_free (name);
          if (dup)
            {
              p->pos = open;
              return fail (p, "duplicate capture group name"), NULL;
            }
          if (!(n = new_node (p, RE_NODE_GROUP)))
            return NULL;
          n->index = ++p->ncaps;
        }
      else
        return fail (p, "invalid group"), NULL;
    }
  else
    {
      if (!(n = new_node (p, RE_NODE_GROUP)))
        return NULL;
      n->index = ++p->ncaps;
    }
  if (!(body = parse_disjunction (p)))
    return NULL;
  if (!at (p, ')'))
    return fail (p, "unterminated group"), NULL;
  p->pos++;
  p->depth--;
  if (!n)
    return body;
  n->kid = body;
  return n;
}

static ReNode *
parse_term (ReParser *p)
{
  int32_t c = peek (p, 0);
  bool quantifiable = true;
  uint32_t caps_before = p->ncaps, size, min, max;
  ReNode *atom = NULL;

  switch (c)
    {
    case '^':
    case '$':
      p->pos++;
      if (!(atom = new_node (p, RE_NODE_ASSERT)))
        return NULL;
      atom->c = c == '^' ? RE_ASSERT_BOL : RE_ASSERT_EOL;
      quantifiable = false;
      break;
    case '\\':
      p->pos++;
      atom = atom_escape (p, &quantifiable);
      break;
    case '(':
      atom = parse_group (p, &quantifiable);
      break;
    case '.':
      p->pos++;
      atom = new_node (p, RE_NODE_DOT);
      break;
    case '[':
      if (p->v)
        {
          bool strings;
          ReClassSet *set = parse_class_v (p, &strings);
          atom = set ? class_node (p, set, false) : NULL;
        }
      else
        {
          bool invert;
          ReClassSet *set = parse_class (p, &invert);
          atom = set ? class_node (p, set, invert) : NULL;
        }
      break;
    case '*':
    case '+':
    case '?':
      return fail (p, "nothing to repeat"), NULL;
    case '{':
      if (p->u)
        return fail (p, "lone quantifier brackets"), NULL;
      if (braced_quantifier (p, &min, &max))
        return fail (p, "nothing to repeat"), NULL;
      if (p->error)
        return NULL;
      p->pos++;
      atom = char_node (p, '{');
      break;
    case '}':
    case ']':
      if (p->u)
        return fail (p, "lone quantifier brackets"), NULL;
      p->pos++;
      atom = char_node (p, (uint32_t) c);
      break;
    default:
      c = source_char (p, false, &size);
      p->pos += size;
      atom = char_node (p, (uint32_t) c);
      break;
    }
  if (!atom)
    return NULL;

  /* A quantifier. */
  c = peek (p, 0);
  if (c == '*')
    min = 0, max = RE_INFINITY;
  else if (c == '+')
    min = 1, max = RE_INFINITY;
  else if (c == '?')
    min = 0, max = 1;
  else if (c == '{')
    {
      if (!braced_quantifier (p, &min, &max))
        {
          if (p->error)
            return NULL;
          if (p->u)
            return fail (p, "incomplete quantifier"), NULL;
          return atom; /* B.1.2: a literal brace, the next term */
        }
      p->pos--;
    }
  else
    return atom;
  p->pos++;
  if (!quantifiable)
    return fail (p, "nothing to repeat"), NULL;
  ReNode *q = new_node (p, RE_NODE_QUANT);
  if (!q)
    return NULL;
  q->min = min;
  q->max = max;
  q->flags = RE_QUANT_GREEDY;
  if (at (p, '?'))
    {
      p->pos++;
      q->flags = 0;
    }
  q->cap_lo = caps_before + 1;
  q->cap_hi = p->ncaps + 1;
  q->kid = atom;
  return q;
}

static ReNode *
parse_alternative (ReParser *p)
{
  ReNode *seq = new_node (p, RE_NODE_SEQ), **tail;
  uint32_t n = 0;

  if (!seq)
    return NULL;
  tail = &seq->kid;
  while (p->pos < p->len && !at (p, '|') && !at (p, ')'))
    {
      ReNode *t = parse_term (p);
      if (!t)
        return NULL;
      *tail = t;
      tail = &t->next;
      n++;
    }
  if (n == 0)
    seq->kind = RE_NODE_EMPTY;
  else if (n == 1)
    return seq->kid;
  return seq;
}

static ReNode *
parse_disjunction (ReParser *p)
{
  ReNode *first = parse_alternative (p), *alt, *last;

  if (!first || !at (p, '|'))
    return first;
  if (!(alt = new_node (p, RE_NODE_ALT)))
    return NULL;
  alt->kid = last = first;
  while (at (p, '|'))
    {
      p->pos++;
      if (!(last->next = parse_alternative (p)))
        return NULL;
      last = last->next;
    }
  return alt;
}

/* ------------------------------------------------------------------ */
/* The first scan                                                      */
/* ------------------------------------------------------------------ */

/* Counts the capturing groups and collects the names of named ones, in
 * order.  Only what a group looks like is checked; the parse proper
 * reports every error, names that do not parse included. */
static bool
scan_groups (ReParser *p)
{
  uint32_t depth = 0;
  ReTree *t = p->tree;
  bool any_named = false;

  for (p->pos = 0; p->pos < p->len; p->pos++)
    {
      int32_t c = p->s[p->pos];
      if (c == '\\')
        {
          p->pos++;
          continue;
        }
      if (depth)
        {
          if (c == ']')
            depth--;
          else if (c == '[' && p->v)
            depth++;
          continue;
        }
      if (c == '[')
        depth = 1;
      else if (c == '(')
        {
          if (peek (p, 1) != '?')
            p->total_caps++;
          else if (peek (p, 2) == '<' && peek (p, 3) != '='
                   && peek (p, 3) != '!')
            {
              uint16_t *name;
              uint32_t len, save = p->pos;
              p->total_caps++;
              any_named = true;
              p->pos += 3;
              bool ok = group_name (p, &name, &len);
              p->error = NULL;
              if (p->oom)
                return false;
              if (ok)
                {
                  if (t->nnames % 8 == 0)
                    {
                      ReGroupName *nn = g_try_realloc (
                          t->names, (t->nnames + 8) * sizeof *nn);
                      if (!nn)
                        {
                          g_free (name);
                          return no_memory (p);
                        }
                      t->names = nn;
                    }
                  t->names[t->nnames].name = name;
                  t->names[t->nnames].len = len;
                  t->names[t->nnames].index = p->total_caps;
                  t->nnames++;
                }
              p->pos = save;
            }
        }
    }
  if (p->total_caps >= RE_MAX_CAPTURES)
    return fail (p, "too many capturing groups");
  p->named = p->u || any_named;
  p->pos = 0;
  return true;
}

bool
re_parse (const uint16_t *pattern, size_t len, uint32_t flags, ReTree *tree,
          const char **error, uint32_t *error_pos)
{
  ReParser p = { 0 };

  memset (tree, 0, sizeof *tree);
  tree->flags = flags;
  *error = NULL;
  *error_pos = 0;
  if (len > UINT32_MAX / 2)
    return false;
  p.s = pattern;
  p.len = (uint32_t) len;
  p.u = (flags & (RE_FLAG_UNICODE | RE_FLAG_UNICODE_SETS)) != 0;
  p.v = (flags & RE_FLAG_UNICODE_SETS) != 0;
  p.icase = (flags & RE_FLAG_IGNORE_CASE) != 0;
  p.tree = tree;
  if (scan_groups (&p))
    {
      tree->root = parse_disjunction (&p);
      if (tree->root && p.pos < p.len)
        fail (&p, "unmatched ')'");
    }
  tree->ncaps = p.ncaps + 1;
  if (p.error || p.oom)
    {
      *error = p.oom ? NULL : p.error;
      *error_pos = p.error_pos;
      re_tree_free (tree);
      return false;
    }
  return true;
}

const char *
regexp_check_pattern (const uint16_t *pattern, size_t len, uint32_t flags,
                      uint32_t *error_pos)
{
  ReTree tree;
  const char *error;
  if (re_parse (pattern, len, flags, &tree, &error, error_pos))
    {
      re_tree_free (&tree);
      return NULL;
    }
  return error ? error : "pattern too large";
}
