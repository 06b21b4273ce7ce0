/* regexp-exec.c — the backtracking matcher.
 *
 * The matcher walks a RegExpProgram over the characters of a flat string
 * with an explicit backtrack stack, never C recursion.  The stack holds
 * three kinds of entries: choice points (where to resume, and at which
 * position, when what follows fails), undo records (the old value of a
 * capture or register written since the last choice point, restored on
 * the way back), and the markers of the atomic regions that lookarounds
 * and single-character loops need.  Backtracking pops entries until it
 * reaches a choice point, undoing as it goes; the matcher fails at a
 * start position when the stack runs dry.
 *
 * A lookaround pushes a marker and runs its body.  When the body
 * succeeds, a positive lookaround cuts the choice points above its
 * marker (keeping the undo records, so that backtracking past it later
 * still restores the captures it set) and goes on at the saved position;
 * a negative one unwinds to its marker and fails.  When backtracking
 * reaches the marker, the body failed: a negative lookaround then
 * succeeds, a positive one fails in turn.
 *
 * There are three copies of the loop, specialised by the compiler: Latin-1
 * input, UTF-16 input read by code units, and UTF-16 input read by code
 * points (the u and v flags), where a surrogate pair is one character.
 *
 * Every RE_STEP_BUDGET backtracking steps the runtime's interrupt hook is
 * polled; when it asks to stop, the match ends with RE_INTERRUPTED.  The
 * matcher allocates no cell and reads only the characters it was given.
 */
#include "config.h"

#include "regexp-private.h"

#include "runtime.h"

/* A backtrack stack entry: kind in the low 3 bits of tag, a program
 * counter or an index above them, and two words of state. */
typedef struct
{
  uint32_t tag; /* pc or index << 3 | kind */
  uint32_t a;   /* a position, or an old value */
  uint32_t b;   /* a bound or a count */
} Entry;

enum
{
  K_CHOICE, /* resume at pc with position a */
  K_CAP,    /* restore capture slot index to a */
  K_REG,    /* restore register index to a */
  K_LOOK,   /* a lookaround's marker: pc of its LOOK, position a */
  K_STAR,   /* a greedy REPEAT at pc: now at a, not back past b */
  K_LAZY,   /* a lazy REPEAT at pc: at a after b iterations */
};

/* The most entries the stack may hold (12 bytes each): beyond this a
 * match fails with RE_NO_MEMORY, which the caller reports as a
 * RangeError. */
#define MAX_STACK_ENTRIES (8u << 20)
#define LOCAL_ENTRIES 128u
#define LOCAL_REGS 32u

typedef struct
{
  const RegExpProgram *prog; /* what runs */
  const uint32_t *code;      /* its instructions */
  const uint8_t *s8;         /* Latin-1 input, or NULL */
  const uint16_t *s16;       /* UTF-16 input, or NULL */
  uint32_t len;              /* input length in code units */
  int32_t *caps;             /* 2 per capture */
  uint32_t *regs;            /* the program's registers */
  Entry *stack;              /* the backtrack stack */
  uint32_t cap;              /* its capacity */
  bool heap_stack;           /* stack was malloc'd */
  uint32_t budget;           /* steps until the next interrupt poll */
  JsRuntime *rt;             /* whose hook to poll, or NULL */
} Matcher;

/* Grows the stack; false when it may not grow further. */
static bool
grow_stack (Matcher *m)
{
  uint32_t cap = m->cap * 2;
  Entry *s;
  if (cap > MAX_STACK_ENTRIES)
    return false;
  if (m->heap_stack)
    s = g_try_realloc (m->stack, cap * sizeof *s);
  else if ((s = g_try_new (Entry, cap)))
    memcpy (s, m->stack, m->cap * sizeof *s);
  if (!s)
    return false;
  m->stack = s;
  m->cap = cap;
  m->heap_stack = true;
  return true;
}

/* True when the interrupt hook asks the match to stop. */
static bool
interrupted (Matcher *m)
{
  JsRuntime *rt = m->rt;
  m->budget = RE_STEP_BUDGET;
  if (!rt || !(rt->interrupt_pending || rt->interrupt_handler))
    return false;
  rt->interrupt_pending = false;
  return rt->interrupt_handler && rt->interrupt_handler (rt->interrupt_data);
}

static inline bool
class_has (const ReClass *k, uint32_t c)
{
  if (c < 256)
    return (k->bitmap[c >> 5] >> (c & 31)) & 1;
  uint32_t lo = 0, hi = k->n;
  while (lo < hi)
    {
      uint32_t mid = (lo + hi) / 2;
      if (c < k->r[2 * mid])
        hi = mid;
      else if (c > k->r[2 * mid + 1])
        lo = mid + 1;
      else
        return true;
    }
  return false;
}

static inline bool
is_word (uint32_t c, bool extra)
{
  return re_is_word_char (c) || (extra && (c == 0x017F || c == 0x212A));
}

/* The character at i, which must be below the length. */
#define AT(i) (wide ? m->s16[(i)] : m->s8[(i)])

/* Reads the character at *pos forward (false at the end). */
static inline bool G_GNUC_UNUSED
read_fwd (const Matcher *m, uint32_t *pos, uint32_t *c, const bool wide,
          const bool unicode)
{
  uint32_t p = *pos;
  if (p >= m->len)
    return false;
  uint32_t ch = AT (p);
  p++;
  if (wide && unicode && re_is_lead (ch) && p < m->len
      && re_is_trail (AT (p)))
    {
      ch = re_pair (ch, AT (p));
      p++;
    }
  *c = ch;
  *pos = p;
  return true;
}

/* Reads the character before *pos backward (false at the start). */
static inline bool G_GNUC_UNUSED
read_back (const Matcher *m, uint32_t *pos, uint32_t *c, const bool wide,
           const bool unicode)
{
  uint32_t p = *pos;
  if (p == 0)
    return false;
  uint32_t ch = AT (p - 1);
  p--;
  if (wide && unicode && re_is_trail (ch) && p > 0
      && re_is_lead (AT (p - 1)))
    {
      ch = re_pair (AT (p - 1), ch);
      p--;
    }
  *c = ch;
  *pos = p;
  return true;
}

/* Matches the one-character instruction at insn at *pos. */
static inline bool
match_one (const Matcher *m, const uint32_t *insn, uint32_t *pos,
           const bool wide, const bool unicode)
{
  uint32_t c, op = re_op (insn[0]);
  bool back = op == RE_OP_CHAR_B || op == RE_OP_CHAR2_B || op == RE_OP_ANY_B
              || op == RE_OP_ALL_B || op == RE_OP_CLASS_B;
  if (!(back ? read_back (m, pos, &c, wide, unicode)
             : read_fwd (m, pos, &c, wide, unicode)))
    return false;
  switch (op)
    {
    case RE_OP_CHAR:
    case RE_OP_CHAR_B:
      return c == insn[1];
    case RE_OP_CHAR2:
    case RE_OP_CHAR2_B:
      return c == insn[1] || c == insn[2];
    case RE_OP_ANY:
    case RE_OP_ANY_B:
      return !re_is_line_terminator (c);
    case RE_OP_ALL:
    case RE_OP_ALL_B:
      return true;
    default:
      return class_has (&m->prog->classes[re_operand (insn[0])], c);
    }
}

/* Matches the instruction at insn up to max - count more times from
 * *pos; returns how many matched.  Forward scans by code unit have
 * tight loops of their own. */
static inline uint32_t
scan (const Matcher *m, const uint32_t *insn, uint32_t *pos, uint32_t max,
      const bool wide, const bool unicode)
{
  uint32_t p = *pos, n = 0, op = re_op (insn[0]);
  uint32_t avail = m->len - p;
  if (!(wide && unicode))
    {
      uint32_t limit = p + MIN (max, avail);
      switch (op)
        {
        case RE_OP_CHAR:
          while (p < limit && AT (p) == insn[1])
            p++;
          goto done;
        case RE_OP_CLASS:
          {
            const ReClass *k = &m->prog->classes[re_operand (insn[0])];
            if (!wide)
              while (p < limit
                     && ((k->bitmap[m->s8[p] >> 5] >> (m->s8[p] & 31)) & 1))
                p++;
            else
              while (p < limit && class_has (k, m->s16[p]))
                p++;
            goto done;
          }
        case RE_OP_ANY:
          while (p < limit && !re_is_line_terminator (AT (p)))
            p++;
          goto done;
        case RE_OP_ALL:
          p = limit;
          goto done;
        default:
          break;
        }
    }
  while (n < max)
    {
      uint32_t q = p;
      if (!match_one (m, insn, &q, wide, unicode))
        break;
      p = q;
      n++;
    }
  *pos = p;
  return n;
done:
  n = p - *pos;
  *pos = p;
  return n;
}

/* One character back from p, not past bound (forward loops), or one
 * forward, not past bound (backward loops). */
static inline uint32_t
step (const Matcher *m, uint32_t p, uint32_t bound, bool back,
      const bool wide, const bool unicode)
{
  if (!back)
    {
      if (wide && unicode && p >= bound + 2 && re_is_trail (AT (p - 1))
          && re_is_lead (AT (p - 2)))
        return p - 2;
      return p - 1;
    }
  if (wide && unicode && p + 2 <= bound && re_is_lead (AT (p))
      && re_is_trail (AT (p + 1)))
    return p + 2;
  return p + 1;
}

static inline bool
is_back_op (uint32_t insn)
{
  uint32_t op = re_op (insn);
  return op == RE_OP_CHAR_B || op == RE_OP_CHAR2_B || op == RE_OP_ANY_B
         || op == RE_OP_ALL_B || op == RE_OP_CLASS_B;
}

/* Compares the capture [s, e) with the input at *pos, forward or
 * backward, canonicalizing when icase. */
static inline bool
backref (const Matcher *m, int32_t s, int32_t e, uint32_t *pos, bool back,
         bool icase, const bool wide, const bool unicode)
{
  uint32_t n = (uint32_t) (e - s), p = *pos;
  if (!icase)
    {
      if (back ? p < n : m->len - p < n)
        return false;
      uint32_t at = back ? p - n : p;
      for (uint32_t i = 0; i < n; i++)
        if (AT ((uint32_t) s + i) != AT (at + i))
          return false;
      *pos = back ? at : p + n;
      return true;
    }
  /* Character by character: with u a canonical form may change the
     length of a character, so both sides are read as characters. */
  if (!back)
    {
      uint32_t i = (uint32_t) s;
      while (i < (uint32_t) e)
        {
          uint32_t a = 0, b;
          read_fwd (m, &i, &a, wide, unicode);
          if (!read_fwd (m, &p, &b, wide, unicode)
              || re_canonicalize (a, unicode) != re_canonicalize (b, unicode))
            return false;
        }
    }
  else
    {
      uint32_t i = (uint32_t) e;
      while (i > (uint32_t) s)
        {
          uint32_t a = 0, b;
          read_back (m, &i, &a, wide, unicode);
          if (!read_back (m, &p, &b, wide, unicode)
              || re_canonicalize (a, unicode) != re_canonicalize (b, unicode))
            return false;
        }
    }
  *pos = p;
  return true;
}

#define PUSH(t, x, y)                                                       \
  do                                                                        \
    {                                                                       \
      if (G_UNLIKELY (sp == m->cap))                                       \
        {                                                                   \
          if (!grow_stack (m))                                             \
            return RE_NO_MEMORY;                                            \
        }                                                                   \
      m->stack[sp].tag = (t);                                               \
      m->stack[sp].a = (x);                                                 \
      m->stack[sp].b = (y);                                                 \
      sp++;                                                                 \
    }                                                                       \
  while (0)

/* Records the old value of a capture slot or register, if a choice point
 * could come back to it. */
#define UNDO(kind, index, old)                                              \
  do                                                                        \
    {                                                                       \
      if (sp)                                                               \
        PUSH ((uint32_t) (index) << 3 | (kind), (uint32_t) (old), 0);      \
    }                                                                       \
  while (0)

/* Runs the program from start.  RE_SUCCESS with the captures set. */
static inline G_GNUC_UNUSED RegExpResult
run (Matcher *m, uint32_t start, const bool wide, const bool unicode)
{
  const uint32_t *code = m->code;
  const RegExpProgram *prog = m->prog;
  int32_t *caps = m->caps;
  uint32_t *regs = m->regs;
  uint32_t pc = 0, pos = start, sp = 0, c;

  memset (caps, 0xFF, 2 * prog->ncaps * sizeof *caps);
  for (;;)
    {
      uint32_t insn = code[pc];
      switch ((ReOpcode) re_op (insn))
        {
        case RE_OP_MATCH:
          return RE_SUCCESS;
        case RE_OP_CHAR:
          if (!read_fwd (m, &pos, &c, wide, unicode) || c != code[pc + 1])
            goto fail;
          pc += 2;
          break;
        case RE_OP_CHAR_B:
          if (!read_back (m, &pos, &c, wide, unicode) || c != code[pc + 1])
            goto fail;
          pc += 2;
          break;
        case RE_OP_CHAR2:
          if (!read_fwd (m, &pos, &c, wide, unicode)
              || (c != code[pc + 1] && c != code[pc + 2]))
            goto fail;
          pc += 3;
          break;
        case RE_OP_CHAR2_B:
          if (!read_back (m, &pos, &c, wide, unicode)
              || (c != code[pc + 1] && c != code[pc + 2]))
            goto fail;
          pc += 3;
          break;
        case RE_OP_STRING:
          {
            uint32_t n = code[pc + 1];
            const uint32_t *units = &code[pc + 2];
            if (m->len - pos < n)
              goto fail;
            for (uint32_t i = 0; i < n; i++)
              if (AT (pos + i) != units[i])
                goto fail;
            pos += n;
            pc += 2 + n;
            break;
          }
        case RE_OP_ANY:
          if (!read_fwd (m, &pos, &c, wide, unicode)
              || re_is_line_terminator (c))
            goto fail;
          pc++;
          break;
        case RE_OP_ANY_B:
          if (!read_back (m, &pos, &c, wide, unicode)
              || re_is_line_terminator (c))
            goto fail;
          pc++;
          break;
        case RE_OP_ALL:
          if (!read_fwd (m, &pos, &c, wide, unicode))
            goto fail;
          pc++;
          break;
        case RE_OP_ALL_B:
          if (!read_back (m, &pos, &c, wide, unicode))
            goto fail;
          pc++;
          break;
        case RE_OP_CLASS:
          if (!read_fwd (m, &pos, &c, wide, unicode)
              || !class_has (&prog->classes[re_operand (insn)], c))
            goto fail;
          pc++;
          break;
        case RE_OP_CLASS_B:
          if (!read_back (m, &pos, &c, wide, unicode)
              || !class_has (&prog->classes[re_operand (insn)], c))
            goto fail;
          pc++;
          break;
        case RE_OP_BOL:
          if (pos != 0)
            goto fail;
          pc++;
          break;
        case RE_OP_BOL_M:
          if (pos != 0 && !re_is_line_terminator (AT (pos - 1)))
            goto fail;
          pc++;
          break;
        case RE_OP_EOL:
          if (pos != m->len)
            goto fail;
          pc++;
          break;
        case RE_OP_EOL_M:
          if (pos != m->len && !re_is_line_terminator (AT (pos)))
            goto fail;
          pc++;
          break;
        case RE_OP_WORD:
        case RE_OP_NOT_WORD:
          {
            bool extra = re_operand (insn) != 0;
            bool a = pos > 0 && is_word (AT (pos - 1), extra);
            bool b = pos < m->len && is_word (AT (pos), extra);
            if ((a != b) != (re_op (insn) == RE_OP_WORD))
              goto fail;
            pc++;
            break;
          }
        case RE_OP_JMP:
          pc = code[pc + 1];
          break;
        case RE_OP_SPLIT:
          PUSH (code[pc + 1] << 3 | K_CHOICE, pos, 0);
          pc += 2;
          break;
        case RE_OP_SPLIT_JMP:
          PUSH ((pc + 2) << 3 | K_CHOICE, pos, 0);
          pc = code[pc + 1];
          break;
        case RE_OP_SAVE:
          {
            uint32_t slot = re_operand (insn);
            UNDO (K_CAP, slot, caps[slot]);
            caps[slot] = (int32_t) pos;
            pc++;
            break;
          }
        case RE_OP_RESET:
          {
            uint32_t first = re_operand (insn), n = code[pc + 1];
            for (uint32_t i = first; i < first + n; i++)
              if (caps[i] >= 0)
                {
                  UNDO (K_CAP, i, caps[i]);
                  caps[i] = -1;
                }
            pc += 2;
            break;
          }
        case RE_OP_SET_REG:
          {
            uint32_t r = re_operand (insn);
            UNDO (K_REG, r, regs[r]);
            regs[r] = code[pc + 1];
            pc += 2;
            break;
          }
        case RE_OP_SET_POS:
          {
            uint32_t r = re_operand (insn);
            UNDO (K_REG, r, regs[r]);
            regs[r] = pos;
            pc++;
            break;
          }
        case RE_OP_CHECK_POS:
          if (regs[re_operand (insn)] == pos)
            goto fail;
          pc++;
          break;
        case RE_OP_LOOP:
          {
            uint32_t count = regs[re_operand (insn)];
            if (count < code[pc + 1])
              pc += 5;
            else if (count >= code[pc + 2])
              pc = code[pc + 4];
            else if (code[pc + 3])
              {
                PUSH (code[pc + 4] << 3 | K_CHOICE, pos, 0);
                pc += 5;
              }
            else
              {
                PUSH ((pc + 5) << 3 | K_CHOICE, pos, 0);
                pc = code[pc + 4];
              }
            break;
          }
        case RE_OP_LOOP_END:
          {
            uint32_t r = re_operand (insn), count = regs[r];
            uint32_t min = code[pc + 1], pos_reg = code[pc + 2];
            if (pos_reg != UINT32_MAX && regs[pos_reg] == pos)
              {
                /* An iteration past the minimum may not match empty. */
                if (count >= min)
                  goto fail;
                /* One below the minimum did: every one up to it would,
                   in the same state, so a huge minimum is reached at
                   once. */
                if (min - count > 65536)
                  count = min - 1;
              }
            if (G_UNLIKELY (--m->budget == 0) && interrupted (m))
              return RE_INTERRUPTED;
            UNDO (K_REG, r, regs[r]);
            regs[r] = count + 1;
            pc = code[pc + 3];
            break;
          }
        case RE_OP_LOOK:
          regs[re_operand (insn)] = sp;
          PUSH (pc << 3 | K_LOOK, pos, 0);
          pc += 3;
          break;
        case RE_OP_LOOK_END:
          {
            uint32_t mark = regs[re_operand (insn)];
            uint32_t look = m->stack[mark].tag >> 3;
            if (!code[look + 1])
              {
                /* The body matched: cut its choice points, keep its
                   undo records, go on where the lookaround started. */
                uint32_t k = mark;
                pos = m->stack[mark].a;
                for (uint32_t i = mark + 1; i < sp; i++)
                  {
                    uint32_t kind = m->stack[i].tag & 7;
                    if (kind == K_CAP || kind == K_REG)
                      m->stack[k++] = m->stack[i];
                  }
                sp = k;
                pc++;
                break;
              }
            /* A negative lookaround whose body matched: undo the body
               and fail. */
            while (sp > mark + 1)
              {
                Entry *e = &m->stack[--sp];
                if ((e->tag & 7) == K_CAP)
                  caps[e->tag >> 3] = (int32_t) e->a;
                else if ((e->tag & 7) == K_REG)
                  regs[e->tag >> 3] = e->a;
              }
            sp = mark;
            goto fail;
          }
        case RE_OP_BACKREF:
        case RE_OP_BACKREF_B:
        case RE_OP_BACKREF_I:
        case RE_OP_BACKREF_IB:
          {
            uint32_t n = re_operand (insn), op = re_op (insn);
            int32_t s = caps[2 * n], e = caps[2 * n + 1];
            if (s >= 0 && e >= 0
                && !backref (m, s, e, &pos,
                             op == RE_OP_BACKREF_B || op == RE_OP_BACKREF_IB,
                             op == RE_OP_BACKREF_I || op == RE_OP_BACKREF_IB,
                             wide, unicode))
              goto fail;
            pc++;
            break;
          }
        case RE_OP_REPEAT:
          {
            uint32_t min = code[pc + 1], max = code[pc + 2];
            const uint32_t *one = &code[pc + 4];
            if (min && scan (m, one, &pos, min, wide, unicode) < min)
              goto fail;
            if (re_operand (insn))
              {
                uint32_t bound = pos;
                if (max > min
                    && scan (m, one, &pos, max - min, wide, unicode) > 0)
                  PUSH (pc << 3 | K_STAR, pos, bound);
              }
            else if (max > min)
              PUSH (pc << 3 | K_LAZY, pos, min);
            pc = code[pc + 3];
            break;
          }
        default:
          g_assert_not_reached ();
        }
      continue;

    fail:
      for (;;)
        {
          Entry *e;
          if (sp == 0)
            return RE_FAILURE;
          e = &m->stack[--sp];
          switch (e->tag & 7)
            {
            case K_CAP:
              caps[e->tag >> 3] = (int32_t) e->a;
              continue;
            case K_REG:
              regs[e->tag >> 3] = e->a;
              continue;
            case K_CHOICE:
              pc = e->tag >> 3;
              pos = e->a;
              break;
            case K_LOOK:
              {
                uint32_t look = e->tag >> 3;
                /* The body failed: a positive lookaround fails, a
                   negative one succeeds. */
                if (!code[look + 1])
                  continue;
                pos = e->a;
                pc = code[look + 2];
                break;
              }
            case K_STAR:
              {
                uint32_t rp = e->tag >> 3, bound = e->b;
                bool back = is_back_op (code[rp + 4]);
                uint32_t next = code[rp + 3];
                pos = step (m, e->a, bound, back, wide, unicode);
                /* If a character must follow, skip the positions where
                   it does not. */
                if (!back && re_op (code[next]) == RE_OP_CHAR
                    && code[next + 1] < 0xD800)
                  while (pos != bound
                         && (pos >= m->len || AT (pos) != code[next + 1]))
                    pos = step (m, pos, bound, false, wide, unicode);
                if (pos != bound)
                  {
                    e->a = pos;
                    sp++;
                  }
                pc = next;
                break;
              }
            case K_LAZY:
              {
                uint32_t rp = e->tag >> 3, count = e->b;
                pos = e->a;
                if (!match_one (m, &code[rp + 4], &pos, wide, unicode))
                  continue;
                if (++count < code[rp + 2])
                  {
                    e->a = pos;
                    e->b = count;
                    sp++;
                  }
                pc = code[rp + 3];
                break;
              }
            }
          break;
        }
      if (G_UNLIKELY (--m->budget == 0) && interrupted (m))
        return RE_INTERRUPTED;
    }
}

static RegExpResult
run_latin1 (Matcher *m, uint32_t start)
{
  return run (m, start, false, false);
}

static RegExpResult
run_utf16 (Matcher *m, uint32_t start)
{
  return run (m, start, true, false);
}

static RegExpResult
run_unicode (Matcher *m, uint32_t start)
{
  return run (m, start, true, true);
}

/* ------------------------------------------------------------------ */
/* The search                                                          */
/* ------------------------------------------------------------------ */

/* The first position at or after pos where a match may start, or
 * len + 1 when there is none. */
static uint32_t
skip (const Matcher *m, uint32_t pos)
{
  const RegExpProgram *prog = m->prog;
  uint32_t len = m->len;

  if (prog->prefix_len)
    {
      const uint16_t *pre = prog->prefix;
      uint32_t n = prog->prefix_len;
      if (m->s8)
        {
          for (uint32_t i = 0; i < n; i++)
            if (pre[i] > 255)
              return len + 1;
          while (pos + n <= len)
            {
              const uint8_t *hit = memchr (m->s8 + pos, pre[0], len - pos);
              if (!hit)
                return len + 1;
              pos = (uint32_t) (hit - m->s8);
              if (pos + n > len)
                return len + 1;
              uint32_t i = 1;
              while (i < n && m->s8[pos + i] == pre[i])
                i++;
              if (i == n)
                return pos;
              pos++;
            }
          return len + 1;
        }
      for (; pos + n <= len; pos++)
        if (m->s16[pos] == pre[0]
            && memcmp (m->s16 + pos, pre, n * sizeof *pre) == 0)
          return pos;
      return len + 1;
    }
  if (prog->has_first)
    {
      const uint32_t *bits = prog->first;
      if (m->s8)
        {
          for (; pos < len; pos++)
            if ((bits[m->s8[pos] >> 5] >> (m->s8[pos] & 31)) & 1)
              return pos;
          return len + 1;
        }
      for (; pos < len; pos++)
        {
          uint32_t ch = m->s16[pos];
          if (ch < 256 ? (bits[ch >> 5] >> (ch & 31)) & 1 : prog->first_high)
            return pos;
        }
      return len + 1;
    }
  return pos;
}

/* The end of the run of characters the leading REPEAT at pc accepts
 * from pos. */
static uint32_t
lead_run_end (const Matcher *m, uint32_t pc, uint32_t pos)
{
  const uint32_t *one = &m->code[pc + 4];
  if (m->s8)
    scan (m, one, &pos, UINT32_MAX, false, false);
  else if (m->prog->flags & (RE_FLAG_UNICODE | RE_FLAG_UNICODE_SETS))
    scan (m, one, &pos, UINT32_MAX, true, true);
  else
    scan (m, one, &pos, UINT32_MAX, true, false);
  return pos;
}

static RegExpResult
exec (const RegExpProgram *prog, const void *chars, bool latin1,
      uint32_t len, uint32_t start, bool sticky, int32_t *captures,
      JsRuntime *rt)
{
  Entry local_stack[LOCAL_ENTRIES];
  uint32_t local_regs[LOCAL_REGS];
  Matcher m = {
    .prog = prog,
    .code = prog->code,
    .s8 = latin1 ? chars : NULL,
    .s16 = latin1 ? NULL : chars,
    .len = len,
    .caps = captures,
    .regs = local_regs,
    .stack = local_stack,
    .cap = LOCAL_ENTRIES,
    .budget = RE_STEP_BUDGET,
    .rt = rt,
  };
  bool unicode = (prog->flags & (RE_FLAG_UNICODE | RE_FLAG_UNICODE_SETS))
                 != 0;
  RegExpResult (*runner) (Matcher *, uint32_t)
      = latin1 ? run_latin1 : unicode ? run_unicode : run_utf16;
  RegExpResult r = RE_FAILURE;

  if (start > len)
    return RE_FAILURE;
  if (prog->nregs > LOCAL_REGS
      && !(m.regs = g_try_new (uint32_t, prog->nregs)))
    return RE_NO_MEMORY;
  /* With u, a start inside a surrogate pair is the pair's start. */
  if (unicode && !latin1 && start > 0 && start < len
      && re_is_lead (m.s16[start - 1]) && re_is_trail (m.s16[start]))
    start--;
  for (uint32_t pos = start;;)
    {
      if (!sticky)
        {
          if (prog->anchored && pos > 0)
            break;
          pos = skip (&m, pos);
          if (pos > len)
            break;
          if (unicode && !latin1 && pos > 0 && pos < len
              && re_is_lead (m.s16[pos - 1]) && re_is_trail (m.s16[pos]))
            {
              pos++;
              continue;
            }
        }
      r = runner (&m, pos);
      if (r != RE_FAILURE || sticky || pos >= len)
        break;
      /* A match that starts with a greedy loop failed for every way of
         ending the loop's run; a start inside the run has only fewer
         ways, so the next start worth trying is the run's end. */
      if (prog->lead_repeat)
        {
          uint32_t end = lead_run_end (&m, prog->lead_repeat, pos);
          if (end > pos + 1)
            {
              pos = end;
              continue;
            }
        }
      if (unicode && !latin1 && re_is_lead (m.s16[pos]) && pos + 1 < len
          && re_is_trail (m.s16[pos + 1]))
        pos += 2;
      else
        pos++;
    }
  if (m.heap_stack)
    g_free (m.stack);
  if (m.regs != local_regs)
    g_free (m.regs);
  return r;
}

RegExpResult
regexp_exec (const RegExpProgram *prog, const void *chars, bool latin1,
             uint32_t len, uint32_t start, int32_t *captures, JsRuntime *rt)
{
  return exec (prog, chars, latin1, len, start,
               (prog->flags & RE_FLAG_STICKY) != 0, captures, rt);
}

RegExpResult
regexp_search (const RegExpProgram *prog, const void *chars, bool latin1,
               uint32_t len, uint32_t start, int32_t *captures,
               JsRuntime *rt)
{
  return exec (prog, chars, latin1, len, start, false, captures, rt);
}
