/* regexp-compiler.c — from a pattern tree to a RegExpProgram.
 *
 * The program is a flat array of 32-bit instructions (regexp-private.h
 * lists them) for the backtracking matcher of regexp-exec.c.  The
 * spec's matchers become these shapes:
 *
 *   alternatives    SPLIT next-alternative; ...; JMP end
 *   a group         SAVE start; body; SAVE end (the two swapped when the
 *                   group is inside a lookbehind, which matches backwards:
 *                   a sequence is emitted last term first there)
 *   a lookaround    LOOK; body; LOOK_END, an atomic region on the stack
 *   x* and x?       SPLIT around the body, with the empty check
 *                   (SET_POS ... CHECK_POS) when the body can match empty
 *   x{min,max}      a counter register: LOOP at the head decides between
 *                   another iteration and the exit, LOOP_END counts
 *   c* and [a-z]{2,} a single-character body: one REPEAT instruction that
 *                   scans without a choice point per character
 *
 * Captures inside a quantified atom are reset (RESET) at the start of
 * each iteration, as RepeatMatcher does.  Case-insensitive matching is
 * compiled away: every character and set is closed under Canonicalize
 * here, so the matcher only compares and tests membership; only
 * backreferences canonicalize at run time.
 *
 * The compiler also looks for what lets the search skip ahead: a pattern
 * anchored at the input's start, a literal prefix, or the set of
 * characters a match can begin with.
 */
#include "config.h"

#include "regexp-private.h"

typedef struct
{
  uint32_t *code;     /* the instructions */
  uint32_t len;       /* words in use */
  uint32_t cap;       /* words allocated */
  ReClass *classes;   /* the class table */
  uint32_t nclasses;
  uint32_t classes_cap;
  uint32_t nregs;     /* registers handed out */
  bool u;             /* UnicodeMode */
  bool v;             /* UnicodeSetsMode */
  bool icase;         /* the i flag */
  bool multiline;     /* the m flag */
  bool dotall;        /* the s flag */
  bool oom;           /* memory ran out */
} ReCompiler;

/* The instruction sizes, for the dump and the checks. */
static const uint8_t op_words[RE_OP_COUNT] = {
#define RE_OP_WORDS(name, words) words,
  RE_OPCODES (RE_OP_WORDS)
#undef RE_OP_WORDS
};

static const char *const op_names[RE_OP_COUNT] = {
#define RE_OP_NAME(name, words) #name,
  RE_OPCODES (RE_OP_NAME)
#undef RE_OP_NAME
};

/* ------------------------------------------------------------------ */
/* Emission                                                            */
/* ------------------------------------------------------------------ */

static bool
grow (ReCompiler *c, uint32_t n)
{
  if (c->oom)
    return false;
  if (c->len + n <= c->cap)
    return true;
  uint32_t cap = MAX (c->cap * 2, c->len + n);
  cap = MAX (cap, 64u);
  uint32_t *code = cap < (1u << 28) ? g_try_realloc (c->code, cap * 4u)
                                     : NULL;
  if (!code)
    {
      c->oom = true;
      return false;
    }
  c->code = code;
  c->cap = cap;
  return true;
}

/* Emits an instruction with its operand; returns its position. */
static uint32_t
emit (ReCompiler *c, ReOpcode op, uint32_t operand)
{
  uint32_t at = c->len;
  if (grow (c, 1))
    c->code[c->len++] = (uint32_t) op | operand << 8;
  return at;
}

static void
word (ReCompiler *c, uint32_t w)
{
  if (grow (c, 1))
    c->code[c->len++] = w;
}

static void
patch (ReCompiler *c, uint32_t at, uint32_t w)
{
  if (!c->oom)
    c->code[at] = w;
}

static uint32_t
new_reg (ReCompiler *c)
{
  return c->nregs++;
}

/* ------------------------------------------------------------------ */
/* Sets                                                                */
/* ------------------------------------------------------------------ */

static uint32_t
max_char (const ReCompiler *c)
{
  return c->u ? RE_MAX_CODE_POINT : RE_MAX_CODE_UNIT;
}

/* The characters a CLASS node accepts, closed under Canonicalize with
 * the i flag and inverted for [^...]: what the matcher tests. */
static void
final_set (ReCompiler *c, const ReNode *n, ReCharSet *out)
{
  re_set_copy (out, &n->set->chars);
  if (c->icase)
    re_set_case_close (out, c->u);
  if (n->flags & RE_CLASS_INVERT)
    re_set_invert (out, max_char (c));
}

/* A class for the table; returns its index. */
static uint32_t
add_class (ReCompiler *c, const ReCharSet *s)
{
  if (c->nclasses == c->classes_cap)
    {
      uint32_t cap = MAX (8u, c->classes_cap * 2);
      ReClass *k = cap < (1u << 20)
                       ? g_try_realloc (c->classes, cap * sizeof *k)
                       : NULL;
      if (!k)
        {
          c->oom = true;
          return 0;
        }
      c->classes = k;
      c->classes_cap = cap;
    }
  ReClass *k = &c->classes[c->nclasses];
  memset (k, 0, sizeof *k);
  uint32_t high = 0;
  for (uint32_t i = 0; i < s->n; i++)
    {
      uint32_t lo = s->r[2 * i], hi = s->r[2 * i + 1];
      for (uint32_t ch = lo; ch <= MIN (hi, 255u); ch++)
        k->bitmap[ch >> 5] |= 1u << (ch & 31);
      high += hi >= 256;
    }
  if (high)
    {
      k->r = g_try_new (uint32_t, 2 * high);
      if (!k->r)
        {
          c->oom = true;
          return 0;
        }
      for (uint32_t i = 0; i < s->n; i++)
        if (s->r[2 * i + 1] >= 256)
          {
            k->r[2 * k->n] = MAX (s->r[2 * i], 256u);
            k->r[2 * k->n + 1] = s->r[2 * i + 1];
            k->n++;
          }
    }
  return c->nclasses++;
}

/* Is s every character but the line terminators? */
static bool
is_any (const ReCompiler *c, const ReCharSet *s)
{
  static const uint32_t any[] = { 0, 9, 11, 12, 14, 0x2027, 0x202A, 0 };
  if (s->n != 4)
    return false;
  for (int i = 0; i < 7; i++)
    if (s->r[i] != any[i])
      return false;
  return s->r[7] == max_char (c);
}

/* Emits the one instruction that matches a character of s. */
static void
emit_set (ReCompiler *c, const ReCharSet *s, bool back)
{
  uint64_t size = re_set_size (s);
  if (size == 1 || size == 2)
    {
      uint32_t a = s->r[0], b = s->n == 2 ? s->r[2] : s->r[1];
      if (a == b)
        {
          emit (c, back ? RE_OP_CHAR_B : RE_OP_CHAR, 0);
          word (c, a);
        }
      else
        {
          emit (c, back ? RE_OP_CHAR2_B : RE_OP_CHAR2, 0);
          word (c, a);
          word (c, b);
        }
    }
  else if (s->n == 1 && s->r[0] == 0 && s->r[1] == max_char (c))
    emit (c, back ? RE_OP_ALL_B : RE_OP_ALL, 0);
  else if (is_any (c, s))
    emit (c, back ? RE_OP_ANY_B : RE_OP_ANY, 0);
  else
    emit (c, back ? RE_OP_CLASS_B : RE_OP_CLASS, add_class (c, s));
}

/* The set one character matches: itself, or with the i flag every
 * character of the same canonical form. */
static void
char_set (const ReCompiler *c, uint32_t ch, ReCharSet *out)
{
  re_set_init (out);
  re_set_add (out, ch);
  if (c->icase)
    re_set_case_close (out, c->u);
}

static void
emit_char (ReCompiler *c, uint32_t ch, bool back)
{
  ReCharSet s;
  char_set (c, ch, &s);
  c->oom |= s.oom;
  if (!s.oom)
    emit_set (c, &s, back);
  re_set_free (&s);
}

/* ------------------------------------------------------------------ */
/* Analysis                                                            */
/* ------------------------------------------------------------------ */

/* A node that compiles to exactly one single-character instruction. */
static bool
is_single_char (const ReNode *n)
{
  return n->kind == RE_NODE_CHAR || n->kind == RE_NODE_DOT
         || (n->kind == RE_NODE_CLASS && n->set->nstrings == 0);
}

/* The fewest characters a node can match (saturating). */
static uint32_t
min_length (const ReNode *n)
{
  uint64_t m = 0;
  switch ((ReNodeKind) n->kind)
    {
    case RE_NODE_CHAR:
    case RE_NODE_DOT:
      return 1;
    case RE_NODE_CLASS:
      m = 1;
      for (uint32_t i = 0; i < n->set->nstrings; i++)
        m = MIN (m, n->set->strings[i].len);
      return (uint32_t) m;
    case RE_NODE_SEQ:
      for (const ReNode *k = n->kid; k; k = k->next)
        m += min_length (k);
      return (uint32_t) MIN (m, UINT32_MAX);
    case RE_NODE_ALT:
      m = UINT32_MAX;
      for (const ReNode *k = n->kid; k; k = k->next)
        m = MIN (m, min_length (k));
      return (uint32_t) m;
    case RE_NODE_GROUP:
      return min_length (n->kid);
    case RE_NODE_QUANT:
      m = (uint64_t) n->min * min_length (n->kid);
      return (uint32_t) MIN (m, UINT32_MAX);
    case RE_NODE_EMPTY:
    case RE_NODE_LOOK:
    case RE_NODE_BACKREF:
    case RE_NODE_ASSERT:
      return 0;
    }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Nodes                                                               */
/* ------------------------------------------------------------------ */

static void compile_node (ReCompiler *c, const ReNode *n, bool back);

/* A v-flag class with strings: the strings longest first, then the
 * single characters, then the empty string, as alternatives. */
static void
compile_class_strings (ReCompiler *c, const ReNode *n, bool back)
{
  const ReClassSet *set = n->set;
  uint32_t *order = g_try_new (uint32_t, set->nstrings);
  uint32_t *jumps = g_try_new (uint32_t, set->nstrings + 1), njumps = 0;
  bool has_empty = false;
  ReCharSet singles;

  if (!order || !jumps)
    {
      g_free (order);
      g_free (jumps);
      c->oom = true;
      return;
    }
  for (uint32_t i = 0; i < set->nstrings; i++)
    order[i] = i;
  /* A stable insertion sort by length, longest first: the strings are
     few enough, and equal lengths keep the order of the pattern. */
  for (uint32_t i = 1; i < set->nstrings; i++)
    {
      uint32_t x = order[i], j = i;
      while (j > 0 && set->strings[order[j - 1]].len < set->strings[x].len)
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = x;
    }
  final_set (c, n, &singles);
  for (uint32_t i = 0; i < set->nstrings; i++)
    {
      const ReString *s = &set->strings[order[i]];
      if (s->len == 0)
        {
          has_empty = true;
          continue;
        }
      uint32_t split = emit (c, RE_OP_SPLIT, 0);
      word (c, 0);
      for (uint32_t k = 0; k < s->len; k++)
        emit_char (c, s->cp[back ? s->len - 1 - k : k], back);
      jumps[njumps++] = emit (c, RE_OP_JMP, 0);
      word (c, 0);
      patch (c, split + 1, c->len);
    }
  if (has_empty)
    {
      uint32_t split = emit (c, RE_OP_SPLIT, 0);
      word (c, 0);
      emit_set (c, &singles, back);
      jumps[njumps++] = emit (c, RE_OP_JMP, 0);
      word (c, 0);
      patch (c, split + 1, c->len);
    }
  else
    emit_set (c, &singles, back);
  for (uint32_t i = 0; i < njumps; i++)
    patch (c, jumps[i] + 1, c->len);
  c->oom |= singles.oom;
  re_set_free (&singles);
  g_free (order);
  g_free (jumps);
}

static void
compile_class (ReCompiler *c, const ReNode *n, bool back)
{
  ReCharSet s;
  if (n->set->nstrings)
    {
      compile_class_strings (c, n, back);
      return;
    }
  final_set (c, n, &s);
  c->oom |= s.oom;
  if (!s.oom)
    emit_set (c, &s, back);
  re_set_free (&s);
}

/* Can ch go into a STRING instruction (compared code unit by unit)? */
static bool
is_plain_char (const ReCompiler *c, const ReNode *n)
{
  if (n->kind != RE_NODE_CHAR)
    return false;
  if (c->icase && re_canonicalize (n->c, c->u) != n->c)
    return false;
  if (c->icase)
    {
      /* Another character may have the same canonical form. */
      ReCharSet s;
      char_set (c, n->c, &s);
      bool one = !s.oom && re_set_size (&s) == 1;
      re_set_free (&s);
      if (!one)
        return false;
    }
  /* A lone surrogate must not match half of a pair in UnicodeMode. */
  return !(c->u && n->c >= 0xD800 && n->c <= 0xDFFF);
}

/* A run of plain characters from n on, forward, as one STRING; returns
 * the first node after it. */
static const ReNode *
compile_string (ReCompiler *c, const ReNode *n)
{
  uint32_t at = emit (c, RE_OP_STRING, 0), units = 0;
  word (c, 0);
  for (; n && is_plain_char (c, n); n = n->next)
    {
      if (n->c > 0xFFFF)
        {
          word (c, 0xD800 + ((n->c - 0x10000) >> 10));
          word (c, 0xDC00 + ((n->c - 0x10000) & 0x3FF));
          units += 2;
        }
      else
        {
          word (c, n->c);
          units++;
        }
    }
  patch (c, at + 1, units);
  return n;
}

static void
compile_seq (ReCompiler *c, const ReNode *n, bool back)
{
  if (back)
    {
      /* Last term first: count, then walk the list from the end. */
      uint32_t count = 0, i = 0;
      for (const ReNode *k = n->kid; k; k = k->next)
        count++;
      const ReNode **kids = g_try_new (const ReNode *, count);
      if (!kids)
        {
          c->oom = true;
          return;
        }
      for (const ReNode *k = n->kid; k; k = k->next)
        kids[i++] = k;
      while (i > 0)
        compile_node (c, kids[--i], true);
      g_free (kids);
      return;
    }
  for (const ReNode *k = n->kid; k;)
    {
      if (is_plain_char (c, k) && k->next && is_plain_char (c, k->next))
        k = compile_string (c, k);
      else
        {
          compile_node (c, k, false);
          k = k->next;
        }
    }
}

static void
compile_alt (ReCompiler *c, const ReNode *n, bool back)
{
  uint32_t njumps = 0, *jumps;
  for (const ReNode *k = n->kid; k; k = k->next)
    njumps++;
  if (!(jumps = g_try_new (uint32_t, njumps)))
    {
      c->oom = true;
      return;
    }
  njumps = 0;
  for (const ReNode *k = n->kid; k; k = k->next)
    {
      if (!k->next)
        {
          compile_node (c, k, back);
          break;
        }
      uint32_t split = emit (c, RE_OP_SPLIT, 0);
      word (c, 0);
      compile_node (c, k, back);
      jumps[njumps++] = emit (c, RE_OP_JMP, 0);
      word (c, 0);
      patch (c, split + 1, c->len);
    }
  for (uint32_t i = 0; i < njumps; i++)
    patch (c, jumps[i] + 1, c->len);
  g_free (jumps);
}

static void
compile_look (ReCompiler *c, const ReNode *n)
{
  uint32_t mark = new_reg (c);
  uint32_t at = emit (c, RE_OP_LOOK, mark);
  word (c, (n->flags & RE_LOOK_NEGATIVE) != 0);
  word (c, 0);
  compile_node (c, n->kid, (n->flags & RE_LOOK_BEHIND) != 0);
  emit (c, RE_OP_LOOK_END, mark);
  patch (c, at + 2, c->len);
}

/* Unsets the captures inside a quantified atom, as each iteration
 * starts. */
static void
emit_reset (ReCompiler *c, const ReNode *q)
{
  if (q->cap_hi > q->cap_lo)
    {
      emit (c, RE_OP_RESET, 2 * q->cap_lo);
      word (c, 2 * (q->cap_hi - q->cap_lo));
    }
}

static void
compile_quant (ReCompiler *c, const ReNode *q, bool back)
{
  const ReNode *kid = q->kid;
  bool greedy = (q->flags & RE_QUANT_GREEDY) != 0;
  bool check = min_length (kid) == 0;
  uint32_t min = q->min, max = q->max;

  if (max == 0)
    return;
  if (min == 1 && max == 1)
    {
      compile_node (c, kid, back);
      return;
    }
  if (is_single_char (kid))
    {
      uint32_t at = emit (c, RE_OP_REPEAT, greedy);
      word (c, min);
      word (c, max);
      word (c, 0);
      compile_node (c, kid, back);
      patch (c, at + 3, c->len);
      return;
    }
  if (min == 0 && (max == 1 || max == RE_INFINITY))
    {
      /* Greedy: a choice of the exit, then the body; lazy (SPLIT_JMP):
         the exit first, the body when that fails. */
      uint32_t pos_reg = check ? new_reg (c) : 0;
      uint32_t head = c->len;
      uint32_t split = emit (c, greedy ? RE_OP_SPLIT : RE_OP_SPLIT_JMP, 0);
      word (c, 0);
      emit_reset (c, q);
      if (check)
        emit (c, RE_OP_SET_POS, pos_reg);
      compile_node (c, kid, back);
      if (check)
        emit (c, RE_OP_CHECK_POS, pos_reg);
      if (max == RE_INFINITY)
        {
          emit (c, RE_OP_JMP, 0);
          word (c, head);
        }
      patch (c, split + 1, c->len);
      return;
    }
  /* The general loop, with a counter. */
  uint32_t counter = new_reg (c);
  uint32_t pos_reg = check ? new_reg (c) : 0;
  emit (c, RE_OP_SET_REG, counter);
  word (c, 0);
  uint32_t head = emit (c, RE_OP_LOOP, counter);
  word (c, min);
  word (c, max);
  word (c, greedy);
  word (c, 0);
  emit_reset (c, q);
  if (check)
    emit (c, RE_OP_SET_POS, pos_reg);
  compile_node (c, kid, back);
  emit (c, RE_OP_LOOP_END, counter);
  word (c, min);
  word (c, check ? pos_reg : UINT32_MAX);
  word (c, head);
  word (c, max);
  patch (c, head + 4, c->len);
}

static void
compile_node (ReCompiler *c, const ReNode *n, bool back)
{
  if (c->oom)
    return;
  switch ((ReNodeKind) n->kind)
    {
    case RE_NODE_EMPTY:
      break;
    case RE_NODE_CHAR:
      emit_char (c, n->c, back);
      break;
    case RE_NODE_CLASS:
      compile_class (c, n, back);
      break;
    case RE_NODE_DOT:
      emit (c, c->dotall ? (back ? RE_OP_ALL_B : RE_OP_ALL)
                         : (back ? RE_OP_ANY_B : RE_OP_ANY), 0);
      break;
    case RE_NODE_SEQ:
      compile_seq (c, n, back);
      break;
    case RE_NODE_ALT:
      compile_alt (c, n, back);
      break;
    case RE_NODE_GROUP:
      emit (c, RE_OP_SAVE, 2 * n->index + back);
      compile_node (c, n->kid, back);
      emit (c, RE_OP_SAVE, 2 * n->index + !back);
      break;
    case RE_NODE_LOOK:
      compile_look (c, n);
      break;
    case RE_NODE_BACKREF:
      emit (c, c->icase ? (back ? RE_OP_BACKREF_IB : RE_OP_BACKREF_I)
                        : (back ? RE_OP_BACKREF_B : RE_OP_BACKREF),
            n->index);
      break;
    case RE_NODE_ASSERT:
      switch (n->c)
        {
        case RE_ASSERT_BOL:
          emit (c, c->multiline ? RE_OP_BOL_M : RE_OP_BOL, 0);
          break;
        case RE_ASSERT_EOL:
          emit (c, c->multiline ? RE_OP_EOL_M : RE_OP_EOL, 0);
          break;
        case RE_ASSERT_WORD:
          emit (c, RE_OP_WORD, c->u && c->icase);
          break;
        default:
          emit (c, RE_OP_NOT_WORD, c->u && c->icase);
          break;
        }
      break;
    case RE_NODE_QUANT:
      compile_quant (c, n, back);
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Where a match can start                                             */
/* ------------------------------------------------------------------ */

/* Is every match anchored at position 0 (a leading ^ without m)? */
static bool
is_anchored (const ReCompiler *c, const ReNode *n)
{
  switch ((ReNodeKind) n->kind)
    {
    case RE_NODE_ASSERT:
      return n->c == RE_ASSERT_BOL && !c->multiline;
    case RE_NODE_SEQ:
      return n->kid && is_anchored (c, n->kid);
    case RE_NODE_GROUP:
      return is_anchored (c, n->kid);
    case RE_NODE_ALT:
      for (const ReNode *k = n->kid; k; k = k->next)
        if (!is_anchored (c, k))
          return false;
      return true;
    default:
      return false;
    }
}

/* Adds to out the characters a match of n can begin with.  Returns 1 if
 * n can match without consuming a character (so what follows counts
 * too), 0 if not, -1 if the first character cannot be known. */
static int
first_chars (ReCompiler *c, const ReNode *n, ReCharSet *out)
{
  ReCharSet s;
  int r;
  switch ((ReNodeKind) n->kind)
    {
    case RE_NODE_CHAR:
      char_set (c, n->c, &s);
      re_set_union (out, &s);
      re_set_free (&s);
      return 0;
    case RE_NODE_DOT:
      re_set_add_range (out, 0, RE_MAX_CODE_POINT);
      return 0;
    case RE_NODE_CLASS:
      final_set (c, n, &s);
      re_set_union (out, &s);
      re_set_free (&s);
      r = 0;
      for (uint32_t i = 0; i < n->set->nstrings; i++)
        {
          const ReString *str = &n->set->strings[i];
          if (str->len == 0)
            r = 1;
          else
            {
              char_set (c, str->cp[0], &s);
              re_set_union (out, &s);
              re_set_free (&s);
            }
        }
      return r;
    case RE_NODE_SEQ:
      for (const ReNode *k = n->kid; k; k = k->next)
        if ((r = first_chars (c, k, out)) != 1)
          return r;
      return 1;
    case RE_NODE_ALT:
      r = 0;
      for (const ReNode *k = n->kid; k; k = k->next)
        {
          int rk = first_chars (c, k, out);
          if (rk < 0)
            return -1;
          r |= rk;
        }
      return r;
    case RE_NODE_GROUP:
      return first_chars (c, n->kid, out);
    case RE_NODE_QUANT:
      if (n->max == 0)
        return 1;
      r = first_chars (c, n->kid, out);
      return r < 0 ? -1 : n->min == 0 ? 1 : r;
    case RE_NODE_EMPTY:
    case RE_NODE_ASSERT:
    case RE_NODE_LOOK:
      /* Zero-width: what follows decides.  (A lookbehind may look at
         anything, but it does not consume.) */
      return 1;
    case RE_NODE_BACKREF:
      return -1;
    }
  return -1;
}

static bool
has_backref (const ReNode *n)
{
  if (n->kind == RE_NODE_BACKREF)
    return true;
  for (const ReNode *k = n->kid; k; k = k->next)
    if (has_backref (k))
      return true;
  return false;
}

/* The pc of a greedy, unbounded single-character loop that every match
 * begins with (after the SAVEs of the groups around it), or 0.  Without
 * backreferences, whether the rest of the pattern matches after the
 * loop does not depend on where the match started, which is what lets
 * the search skip the loop's run after a failure. */
static uint32_t
lead_repeat (const ReCompiler *c, const ReTree *tree)
{
  uint32_t pc = 0;
  while (pc < c->len && re_op (c->code[pc]) == RE_OP_SAVE)
    pc++;
  if (pc >= c->len || re_op (c->code[pc]) != RE_OP_REPEAT
      || !re_operand (c->code[pc]) || c->code[pc + 2] != RE_INFINITY)
    return 0;
  switch (re_op (c->code[pc + 4]))
    {
    case RE_OP_CHAR:
    case RE_OP_CHAR2:
    case RE_OP_ANY:
    case RE_OP_ALL:
    case RE_OP_CLASS:
      break;
    default:
      return 0;
    }
  return has_backref (tree->root) ? 0 : pc;
}

static void
analyse_start (ReCompiler *c, const ReTree *tree, RegExpProgram *prog)
{
  ReCharSet first;

  prog->anchored = is_anchored (c, tree->root);
  prog->lead_repeat = lead_repeat (c, tree);
  re_set_init (&first);
  if (first_chars (c, tree->root, &first) == 0 && !first.oom)
    {
      prog->has_first = true;
      for (uint32_t i = 0; i < first.n; i++)
        {
          uint32_t lo = first.r[2 * i], hi = first.r[2 * i + 1];
          for (uint32_t ch = lo; ch <= MIN (hi, 255u); ch++)
            prog->first[ch >> 5] |= 1u << (ch & 31);
          if (hi >= 256)
            prog->first_high = true;
        }
      /* A set of everything filters nothing: do not scan for it. */
      bool all = prog->first_high;
      for (int i = 0; i < 8 && all; i++)
        all = prog->first[i] == UINT32_MAX;
      prog->has_first = !all;
    }
  re_set_free (&first);

  /* A literal prefix: the plain characters the pattern starts with. */
  const ReNode *n = tree->root;
  if (n->kind == RE_NODE_SEQ)
    n = n->kid;
  else if (n->kind != RE_NODE_CHAR)
    n = NULL;
  uint32_t count = 0;
  for (const ReNode *k = n; k && is_plain_char (c, k); k = k->next)
    count += k->c > 0xFFFF ? 2 : 1;
  if (count >= 2)
    {
      prog->prefix = g_try_new (uint16_t, count);
      if (!prog->prefix)
        {
          c->oom = true;
          return;
        }
      for (const ReNode *k = n; k && is_plain_char (c, k); k = k->next)
        if (k->c > 0xFFFF)
          {
            prog->prefix[prog->prefix_len++] = 0xD800
                                               + ((k->c - 0x10000) >> 10);
            prog->prefix[prog->prefix_len++] = 0xDC00
                                               + ((k->c - 0x10000) & 0x3FF);
          }
        else
          prog->prefix[prog->prefix_len++] = (uint16_t) k->c;
      prog->bytes += count * sizeof (uint16_t);
    }
}

/* ------------------------------------------------------------------ */
/* The program                                                         */
/* ------------------------------------------------------------------ */

bool
regexp_parse_flags (const uint16_t *chars, size_t len, uint32_t *flags)
{
  static const char letters[] = "dgimsuvy";
  uint32_t f = 0;
  for (size_t i = 0; i < len; i++)
    {
      const char *p = chars[i] < 128 && chars[i]
                          ? strchr (letters, chars[i])
                          : NULL;
      if (!p)
        return false;
      uint32_t bit = 1u << (p - letters);
      if (f & bit)
        return false;
      f |= bit;
    }
  if ((f & RE_FLAG_UNICODE) && (f & RE_FLAG_UNICODE_SETS))
    return false;
  *flags = f;
  return true;
}

RegExpProgram *
regexp_compile (const uint16_t *pattern, size_t len, uint32_t flags,
                const char **error, uint32_t *error_pos)
{
  ReTree tree;
  ReCompiler c = { 0 };
  RegExpProgram *prog;

  if (!re_parse (pattern, len, flags, &tree, error, error_pos))
    return NULL;
  prog = g_try_new0 (RegExpProgram, 1);
  if (!prog)
    {
      re_tree_free (&tree);
      return NULL;
    }
  c.u = (flags & (RE_FLAG_UNICODE | RE_FLAG_UNICODE_SETS)) != 0;
  c.v = (flags & RE_FLAG_UNICODE_SETS) != 0;
  c.icase = (flags & RE_FLAG_IGNORE_CASE) != 0;
  c.multiline = (flags & RE_FLAG_MULTILINE) != 0;
  c.dotall = (flags & RE_FLAG_DOT_ALL) != 0;
  emit (&c, RE_OP_SAVE, 0);
  compile_node (&c, tree.root, false);
  emit (&c, RE_OP_SAVE, 1);
  emit (&c, RE_OP_MATCH, 0);
  prog->refs = 1;
  prog->flags = flags;
  prog->ncaps = tree.ncaps;
  prog->nregs = c.nregs;
  prog->code = c.code;
  prog->len = c.len;
  prog->classes = c.classes;
  prog->nclasses = c.nclasses;
  prog->bytes = sizeof *prog + c.cap * 4u + c.classes_cap * sizeof (ReClass);
  for (uint32_t i = 0; i < c.nclasses; i++)
    prog->bytes += c.classes[i].n * 2 * sizeof (uint32_t);
  if (!c.oom)
    analyse_start (&c, &tree, prog);
  /* The names move from the tree to the program. */
  prog->names = tree.names;
  prog->nnames = tree.nnames;
  for (uint32_t i = 0; i < tree.nnames; i++)
    prog->bytes += tree.names[i].len * sizeof (uint16_t);
  tree.names = NULL;
  tree.nnames = 0;
  re_tree_free (&tree);
  if (c.oom)
    {
      regexp_program_free (prog);
      *error = NULL;
      return NULL;
    }
  return prog;
}

void
regexp_program_free (RegExpProgram *prog)
{
  if (!prog)
    return;
  for (uint32_t i = 0; i < prog->nclasses; i++)
    g_free (prog->classes[i].r);
  g_free (prog->classes);
  for (uint32_t i = 0; i < prog->nnames; i++)
    g_free (prog->names[i].name);
  g_free (prog->names);
  g_free (prog->code);
  g_free (prog->prefix);
  g_free (prog);
}

RegExpProgram *
regexp_program_ref (RegExpProgram *prog)
{
  prog->refs++;
  return prog;
}

bool
regexp_program_unref (RegExpProgram *prog)
{
  if (--prog->refs > 0)
    return false;
  regexp_program_free (prog);
  return true;
}

size_t
regexp_program_size (const RegExpProgram *prog)
{
  return prog->bytes;
}

uint32_t
regexp_capture_count (const RegExpProgram *prog)
{
  return prog->ncaps;
}

uint32_t
regexp_program_flags (const RegExpProgram *prog)
{
  return prog->flags;
}

uint32_t
regexp_group_name_count (const RegExpProgram *prog)
{
  return prog->nnames;
}

uint32_t
regexp_group_name (const RegExpProgram *prog, uint32_t i,
                   const uint16_t **name, uint32_t *len)
{
  *name = prog->names[i].name;
  *len = prog->names[i].len;
  return prog->names[i].index;
}

void
regexp_program_dump (const RegExpProgram *prog, GString *out)
{
  g_string_append_printf (out, "captures %u, registers %u%s%s",
                          prog->ncaps, prog->nregs,
                          prog->anchored ? ", anchored" : "",
                          prog->has_first ? ", first-character set" : "");
  if (prog->lead_repeat)
    g_string_append_printf (out, ", leading loop at %u", prog->lead_repeat);
  g_string_append_c (out, '\n');
  if (prog->prefix_len)
    {
      g_string_append (out, "prefix \"");
      for (uint32_t i = 0; i < prog->prefix_len; i++)
        if (prog->prefix[i] >= 32 && prog->prefix[i] < 127)
          g_string_append_c (out, (char) prog->prefix[i]);
        else
          g_string_append_printf (out, "\\u%04X", prog->prefix[i]);
      g_string_append (out, "\"\n");
    }
  for (uint32_t pc = 0; pc < prog->len;)
    {
      uint32_t insn = prog->code[pc], op = re_op (insn);
      uint32_t words = op == RE_OP_STRING ? 2 + prog->code[pc + 1]
                                          : op_words[op];
      g_string_append_printf (out, "%4u %s %u", pc, op_names[op],
                              re_operand (insn));
      for (uint32_t i = 1; i < words; i++)
        g_string_append_printf (out, " %u", prog->code[pc + i]);
      g_string_append_c (out, '\n');
      pc += words;
    }
}
