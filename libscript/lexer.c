/* lexer.c — ECMAScript tokens from UTF-8 source.
 *
 * The scanner works on bytes: ASCII is handled directly and everything
 * else is decoded on the spot, so a malformed byte sequence is an error
 * token wherever it appears, never a read past the end.  Positions are
 * kept as byte offsets; columns are counted in UTF-16 code units by
 * keeping, alongside the offset, how many bytes beyond one unit each
 * decoded character took (LexMark.extra).
 *
 * Nothing here depends on strict mode: what strict mode forbids (legacy
 * octal literals and escapes) is flagged on the token for the parser.
 *
 * The last section checks the pattern of a RegExp literal for its early
 * errors (lex_check_regexp) with the RegExp parser, so that a script with
 * a malformed pattern is a SyntaxError before it runs, as the
 * specification requires.
 */
#include "config.h"

#include "lexer.h"

#include <glib.h>
#include <string.h>

#include "dtoa.h"
#include "regexp.h"
#include "unicode-tables.h"

#define LS 0x2028
#define PS 0x2029

static const char *const token_names[] = {
#define LEX_TOKEN_NAME(name, text) text,
  LEX_TOKENS (LEX_TOKEN_NAME)
#undef LEX_TOKEN_NAME
};

static const char *const keyword_texts[] = {
#define LEX_KEYWORD_TEXT(name, text) text,
  LEX_KEYWORDS (LEX_KEYWORD_TEXT)
#undef LEX_KEYWORD_TEXT
};

const char *
lex_token_name (LexTokenKind kind)
{
  return kind < LEX_TOKEN_COUNT ? token_names[kind] : "?";
}

/* ---------------------------------------------------------------- interns */

static inline uint32_t
hash_step (uint32_t h, uint32_t unit)
{
  return (h ^ unit) * 16777619u;
}

#define HASH_SEED 2166136261u

static void
intern_grow (LexIntern *t)
{
  uint32_t size = t->mask ? (t->mask + 1) * 2 : 256;
  AstStr **b = g_new0 (AstStr *, size);

  for (uint32_t i = 0; t->mask && i <= t->mask; i++)
    for (AstStr *s = t->buckets[i], *next; s; s = next)
      {
        next = s->chain;
        s->chain = b[s->hash & (size - 1)];
        b[s->hash & (size - 1)] = s;
      }
  g_free (t->buckets);
  t->buckets = b;
  t->mask = size - 1;
}

static AstStr *
intern_insert (Lexer *lx, uint32_t hash, uint32_t len)
{
  LexIntern *t = &lx->intern;
  AstStr *s;
  uint16_t *data;

  if (t->count >= t->mask)
    intern_grow (t);
  s = ast_alloc (lx->arena, sizeof *s);
  data = ast_alloc (lx->arena, (len + 1) * sizeof (uint16_t));
  data[len] = 0;
  s->data = data;
  s->len = len;
  s->hash = hash;
  s->keyword = 0;
  s->latin1 = true;
  s->well_formed = true;
  s->chain = t->buckets[hash & t->mask];
  t->buckets[hash & t->mask] = s;
  t->count++;
  return s;
}

/* Whether units hold a lone surrogate. */
static bool
well_formed (const uint16_t *u, uint32_t len)
{
  for (uint32_t i = 0; i < len; i++)
    {
      if (u[i] < 0xD800 || u[i] > 0xDFFF)
        continue;
      if (u[i] > 0xDBFF || i + 1 == len || u[i + 1] < 0xDC00
          || u[i + 1] > 0xDFFF)
        return false;
      i++;
    }
  return true;
}

const AstStr *
lex_intern (Lexer *lx, const uint16_t *units, uint32_t len)
{
  uint32_t h = HASH_SEED;
  AstStr *s;
  uint16_t *data;

  for (uint32_t i = 0; i < len; i++)
    h = hash_step (h, units[i]);
  if (lx->intern.mask)
    for (s = lx->intern.buckets[h & lx->intern.mask]; s; s = s->chain)
      if (s->hash == h && s->len == len
          && (len == 0
              || memcmp (s->data, units, len * sizeof (uint16_t)) == 0))
        return s;
  s = intern_insert (lx, h, len);
  data = (uint16_t *) s->data;
  if (len)
    memcpy (data, units, len * sizeof (uint16_t));
  for (uint32_t i = 0; i < len; i++)
    if (units[i] >= 256)
      s->latin1 = false;
  if (!s->latin1)
    s->well_formed = well_formed (units, len);
  return s;
}

/* The interned string of len ASCII bytes. */
static const AstStr *
intern_bytes (Lexer *lx, const uint8_t *bytes, uint32_t len)
{
  uint32_t h = HASH_SEED;
  AstStr *s;
  uint16_t *data;

  for (uint32_t i = 0; i < len; i++)
    h = hash_step (h, bytes[i]);
  if (lx->intern.mask)
    for (s = lx->intern.buckets[h & lx->intern.mask]; s; s = s->chain)
      if (s->hash == h && s->len == len)
        {
          uint32_t i = 0;
          while (i < len && s->data[i] == bytes[i])
            i++;
          if (i == len)
            return s;
        }
  s = intern_insert (lx, h, len);
  data = (uint16_t *) s->data;
  for (uint32_t i = 0; i < len; i++)
    data[i] = bytes[i];
  return s;
}

const AstStr *
lex_intern_ascii (Lexer *lx, const char *text)
{
  return intern_bytes (lx, (const uint8_t *) text, strlen (text));
}

/* ----------------------------------------------------------------- set-up */

void
lex_init (Lexer *lx, const uint8_t *src, size_t len, AstArena *arena)
{
  memset (lx, 0, sizeof *lx);
  lx->src = src;
  /* Offsets are 32-bit; the parser refuses larger sources first. */
  lx->len = len > UINT32_MAX - 1 ? UINT32_MAX - 1 : (uint32_t) len;
  lx->arena = arena;
  lx->at.line = 1;
  for (unsigned i = 0; i < G_N_ELEMENTS (keyword_texts); i++)
    {
      AstStr *s = (AstStr *) lex_intern_ascii (lx, keyword_texts[i]);
      s->keyword = LEX_BREAK + i;
    }
}

void
lex_free (Lexer *lx)
{
  g_free (lx->intern.buckets);
  g_free (lx->buf);
  g_free (lx->digits);
  lx->intern.buckets = NULL;
  lx->buf = NULL;
  lx->digits = NULL;
}

/* ---------------------------------------------------------------- helpers */

/* Decodes the UTF-8 character at pos: its code point, or -1 when the bytes
 * are not well-formed UTF-8 (overlong forms and surrogates included). */
static int32_t
decode (const Lexer *lx, uint32_t pos, uint32_t *size)
{
  const uint8_t *s = lx->src + pos;
  uint32_t left = lx->len - pos;
  uint32_t c = s[0], n, min;

  *size = 1;
  if (c < 0x80)
    return c;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2, c &= 0x1F, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF)
    n = 3, c &= 0x0F, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4)
    n = 4, c &= 0x07, min = 0x10000;
  else
    return -1;
  if (left < n)
    return -1;
  for (uint32_t i = 1; i < n; i++)
    {
      if ((s[i] & 0xC0) != 0x80)
        return -1;
      c = (c << 6) | (s[i] & 0x3F);
    }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    return -1;
  *size = n;
  return (int32_t) c;
}

/* Moves past a decoded character of size bytes. */
static inline void
advance (Lexer *lx, int32_t c, uint32_t size)
{
  lx->at.pos += size;
  lx->at.extra += size - (c >= 0x10000 ? 2 : 1);
}

/* Records that a line starts at the current position. */
static inline void
new_line (Lexer *lx)
{
  lx->at.line++;
  lx->at.line_start = lx->at.pos;
  lx->at.line_extra = lx->at.extra;
}

static inline bool
is_line_terminator (int32_t c)
{
  return c == '\n' || c == '\r' || c == LS || c == PS;
}

static inline int
peek_byte (const Lexer *lx, uint32_t off)
{
  uint32_t p = lx->at.pos + off;
  return p < lx->len ? lx->src[p] : -1;
}

static inline int
hex_value (int c)
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
is_ascii_id_start (int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$'
         || c == '_';
}

static inline bool
is_ascii_id_part (int c)
{
  return is_ascii_id_start (c) || (c >= '0' && c <= '9');
}

static void
buf_reserve (Lexer *lx, uint32_t more)
{
  if (lx->buf_len + more <= lx->buf_cap)
    return;
  lx->buf_cap = MAX (lx->buf_cap * 2, lx->buf_len + more + 64);
  lx->buf = g_renew (uint16_t, lx->buf, lx->buf_cap);
}

static inline void
buf_push (Lexer *lx, uint32_t c)
{
  buf_reserve (lx, 2);
  if (c >= 0x10000)
    {
      c -= 0x10000;
      lx->buf[lx->buf_len++] = 0xD800 + (c >> 10);
      lx->buf[lx->buf_len++] = 0xDC00 + (c & 0x3FF);
    }
  else
    lx->buf[lx->buf_len++] = c;
}

/* A non-interned arena copy of the scratch buffer. */
static const AstStr *
buf_string (Lexer *lx)
{
  AstStr *s = ast_alloc (lx->arena, sizeof *s);
  uint16_t *data = ast_alloc (lx->arena,
                              (lx->buf_len + 1) * sizeof (uint16_t));
  uint32_t h = HASH_SEED;

  if (lx->buf_len)
    memcpy (data, lx->buf, lx->buf_len * sizeof (uint16_t));
  data[lx->buf_len] = 0;
  s->data = data;
  s->len = lx->buf_len;
  s->keyword = 0;
  s->latin1 = true;
  s->chain = NULL;
  for (uint32_t i = 0; i < lx->buf_len; i++)
    {
      h = hash_step (h, data[i]);
      if (data[i] >= 256)
        s->latin1 = false;
    }
  s->hash = h;
  s->well_formed = s->latin1 || well_formed (data, s->len);
  return s;
}

/* Turns tok into an error token; returns false for the callers' sake. */
static bool
fail (Lexer *lx, LexToken *tok, uint32_t pos, const char *message)
{
  tok->kind = LEX_ERROR;
  tok->error = message;
  tok->error_pos = pos;
  tok->end = MAX (pos, tok->start);
  /* Scanning resumes after the fault so a caller that ignores the error
   * still makes progress. */
  if (lx->at.pos <= pos)
    lx->at.pos = MIN (pos + 1, lx->len);
  return false;
}

static void
begin (Lexer *lx, LexToken *tok, uint32_t flags)
{
  tok->flags = flags;
  tok->start = lx->at.pos;
  tok->line = lx->at.line;
  tok->col = (lx->at.pos - lx->at.line_start)
             - (lx->at.extra - lx->at.line_extra) + 1;
  tok->mark = lx->at;
  tok->str = NULL;
  tok->raw = NULL;
  tok->num = 0;
  tok->radix = 0;
  tok->error = NULL;
  tok->error_pos = 0;
}

/* ------------------------------------------------------- space, comments */

/* Skips a single-line comment (or hashbang, or HTML-like comment) from
 * its opening characters, prefix bytes long, to the line terminator,
 * which is left to the caller. */
static bool
skip_line_comment (Lexer *lx, LexToken *tok, uint32_t prefix)
{
  const uint8_t *s = lx->src;

  lx->at.pos += prefix;
  while (lx->at.pos < lx->len)
    {
      uint32_t size;
      int32_t d = s[lx->at.pos];
      if (d == '\n' || d == '\r')
        break;
      if (d < 0x80)
        {
          lx->at.pos++;
          continue;
        }
      d = decode (lx, lx->at.pos, &size);
      if (d < 0)
        return fail (lx, tok, lx->at.pos, "invalid UTF-8");
      if (d == LS || d == PS)
        break;
      advance (lx, d, size);
    }
  return true;
}

/* Skips white space and comments; sets *newline when a line terminator was
 * among them.  Returns false (with an error in tok) on an unterminated
 * comment or a malformed byte. */
static bool
skip_space (Lexer *lx, LexToken *tok, bool *newline)
{
  const uint8_t *s = lx->src;

  while (lx->at.pos < lx->len)
    {
      int c = s[lx->at.pos];
      switch (c)
        {
        case ' ':
        case '\t':
        case '\v':
        case '\f':
          /* Indentation comes in runs: take them in one loop. */
          do
            lx->at.pos++;
          while (lx->at.pos < lx->len
                 && (s[lx->at.pos] == ' ' || s[lx->at.pos] == '\t'));
          continue;
        case '\n':
          lx->at.pos++;
          new_line (lx);
          *newline = true;
          continue;
        case '\r':
          lx->at.pos += peek_byte (lx, 1) == '\n' ? 2 : 1;
          new_line (lx);
          *newline = true;
          continue;
        case '/':
          if (peek_byte (lx, 1) == '/')
            {
              if (!skip_line_comment (lx, tok, 2))
                return false;
              continue;
            }
          if (peek_byte (lx, 1) == '*')
            {
              uint32_t start = lx->at.pos;
              bool closed = false;
              lx->at.pos += 2;
              while (lx->at.pos < lx->len)
                {
                  uint32_t size;
                  int32_t d = s[lx->at.pos];
                  if (d == '*' && peek_byte (lx, 1) == '/')
                    {
                      lx->at.pos += 2;
                      closed = true;
                      break;
                    }
                  if (d == '\n' || d == '\r')
                    {
                      lx->at.pos += d == '\r' && peek_byte (lx, 1) == '\n'
                                      ? 2 : 1;
                      new_line (lx);
                      *newline = true;
                      continue;
                    }
                  if (d < 0x80)
                    {
                      lx->at.pos++;
                      continue;
                    }
                  d = decode (lx, lx->at.pos, &size);
                  if (d < 0)
                    return fail (lx, tok, lx->at.pos, "invalid UTF-8");
                  advance (lx, d, size);
                  if (d == LS || d == PS)
                    {
                      new_line (lx);
                      *newline = true;
                    }
                }
              if (!closed)
                return fail (lx, tok, start, "unterminated comment");
              continue;
            }
          return true;
        case '#':
          /* A hashbang comment, only at the very start. */
          if (lx->at.pos == 0 && peek_byte (lx, 1) == '!')
            {
              if (!skip_line_comment (lx, tok, 2))
                return false;
              continue;
            }
          return true;
        case '<':
          /* <!-- opens a comment to the end of the line, in scripts. */
          if (lx->html_comments && peek_byte (lx, 1) == '!'
              && peek_byte (lx, 2) == '-' && peek_byte (lx, 3) == '-')
            {
              if (!skip_line_comment (lx, tok, 4))
                return false;
              continue;
            }
          return true;
        case '-':
          /* So does --> first on a line (after white space and
           * comments only), in scripts. */
          if (lx->html_comments && (*newline || lx->at.pos == 0)
              && peek_byte (lx, 1) == '-' && peek_byte (lx, 2) == '>')
            {
              if (!skip_line_comment (lx, tok, 3))
                return false;
              continue;
            }
          return true;
        default:
          if (c >= 0x80)
            {
              uint32_t size;
              int32_t d = decode (lx, lx->at.pos, &size);
              if (d == LS || d == PS)
                {
                  advance (lx, d, size);
                  new_line (lx);
                  *newline = true;
                  continue;
                }
              if (d > 0 && uni_is_space (d))
                {
                  advance (lx, d, size);
                  continue;
                }
            }
          return true;
        }
    }
  return true;
}

/* ------------------------------------------------------------ identifiers */

/* Reads \uXXXX or \u{X...} after the backslash at the current position.
 * Returns the code point, or -1 when malformed (the position is then left
 * at the fault). */
static int32_t
read_unicode_escape (Lexer *lx)
{
  uint32_t c = 0;

  if (peek_byte (lx, 1) != 'u')
    return -1;
  lx->at.pos += 2;
  if (peek_byte (lx, 0) == '{')
    {
      int digits = 0, h;
      lx->at.pos++;
      while ((h = hex_value (peek_byte (lx, 0))) >= 0)
        {
          c = c * 16 + h;
          if (c > 0x10FFFF)
            return -1;
          digits++;
          lx->at.pos++;
        }
      if (digits == 0 || peek_byte (lx, 0) != '}')
        return -1;
      lx->at.pos++;
      return c;
    }
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (peek_byte (lx, 0));
      if (h < 0)
        return -1;
      c = c * 16 + h;
      lx->at.pos++;
    }
  return c;
}

/* Scans an IdentifierName starting at the current position, whose first
 * character is known to be ASCII or a backslash or a non-ASCII byte.  The
 * name is interned into tok->str; escapes set LEX_TF_ESCAPED. */
static bool
scan_identifier (Lexer *lx, LexToken *tok)
{
  const uint8_t *s = lx->src;
  uint32_t start = lx->at.pos;
  bool first = true;

  /* The fast path: ASCII without escapes. */
  while (lx->at.pos < lx->len && is_ascii_id_part (s[lx->at.pos]))
    lx->at.pos++;
  if (lx->at.pos >= lx->len
      || (s[lx->at.pos] != '\\' && s[lx->at.pos] < 0x80))
    {
      tok->str = intern_bytes (lx, s + start, lx->at.pos - start);
      return true;
    }

  /* The general path decodes into the scratch buffer. */
  lx->buf_len = 0;
  for (uint32_t p = start; p < lx->at.pos; p++)
    buf_push (lx, s[p]);
  first = lx->at.pos == start;
  while (lx->at.pos < lx->len)
    {
      int32_t c = s[lx->at.pos];
      uint32_t size = 1, here = lx->at.pos;
      if (c == '\\')
        {
          c = read_unicode_escape (lx);
          if (c < 0)
            return fail (lx, tok, here, "invalid Unicode escape");
          if (!(first ? uni_is_id_start (c) : uni_is_id_continue (c)))
            return fail (lx, tok, here,
                         "invalid identifier character in escape");
          tok->flags |= LEX_TF_ESCAPED;
        }
      else
        {
          if (c >= 0x80)
            {
              c = decode (lx, lx->at.pos, &size);
              if (c < 0)
                return fail (lx, tok, here, "invalid UTF-8");
            }
          if (!(first ? uni_is_id_start (c) : uni_is_id_continue (c)))
            break;
          advance (lx, c, size);
        }
      buf_push (lx, c);
      first = false;
    }
  if (lx->buf_len == 0)
    return fail (lx, tok, start, "unexpected character");
  tok->str = lex_intern (lx, lx->buf, lx->buf_len);
  return true;
}

/* Whether the character at the current position starts an identifier (so
 * it may not follow a numeric literal directly). */
static bool
at_identifier_start (Lexer *lx)
{
  int c = peek_byte (lx, 0);
  uint32_t size;
  int32_t d;

  if (c < 0)
    return false;
  if (c < 0x80)
    return is_ascii_id_start (c) || c == '\\';
  d = decode (lx, lx->at.pos, &size);
  return d > 0 && uni_is_id_start (d);
}

/* ---------------------------------------------------------------- numbers */

static void
digits_push (Lexer *lx, uint32_t *n, char c)
{
  if (*n + 2 > lx->digits_cap)
    {
      lx->digits_cap = MAX (64, lx->digits_cap * 2);
      lx->digits = g_realloc (lx->digits, lx->digits_cap);
    }
  lx->digits[(*n)++] = c;
}

static inline bool
is_radix_digit (int c, int radix)
{
  int v = hex_value (c);
  return v >= 0 && v < radix;
}

/* Scans digits of radix with numeric separators into lx->digits.  Returns
 * the number of digits, or -1 with tok failed on a misplaced "_". */
static int
scan_digits (Lexer *lx, LexToken *tok, uint32_t *n, int radix)
{
  int count = 0;

  for (;;)
    {
      int c = peek_byte (lx, 0);
      if (is_radix_digit (c, radix))
        {
          digits_push (lx, n, c);
          lx->at.pos++;
          count++;
        }
      else if (c == '_')
        {
          if (count == 0 || !is_radix_digit (peek_byte (lx, 1), radix))
            {
              fail (lx, tok, lx->at.pos, "misplaced numeric separator");
              return -1;
            }
          lx->at.pos++;
        }
      else
        return count;
    }
}

static bool
finish_number (Lexer *lx, LexToken *tok)
{
  if (at_identifier_start (lx)
      || (peek_byte (lx, 0) >= '0' && peek_byte (lx, 0) <= '9'))
    return fail (lx, tok, lx->at.pos,
                 "identifier starts immediately after numeric literal");
  return true;
}

static bool
scan_bigint_suffix (Lexer *lx, LexToken *tok, uint32_t n, int radix)
{
  const char *d = lx->digits;

  lx->at.pos++;
  /* The digits keep no leading zeros, so equal values print alike. */
  while (n > 1 && *d == '0')
    d++, n--;
  lx->buf_len = 0;
  for (uint32_t i = 0; i < n; i++)
    buf_push (lx, d[i]);
  tok->kind = LEX_BIGINT;
  tok->str = buf_string (lx);
  tok->radix = radix;
  return finish_number (lx, tok);
}

static bool
scan_number (Lexer *lx, LexToken *tok)
{
  uint32_t n = 0;
  int c = peek_byte (lx, 0), next = peek_byte (lx, 1);
  const char *end;

  tok->kind = LEX_NUMBER;
  if (c == '0' && next >= 0 && strchr ("xXoObB", next))
    {
      int radix = (next | 0x20) == 'x' ? 16 : (next | 0x20) == 'o' ? 8 : 2;
      lx->at.pos += 2;
      if (peek_byte (lx, 0) == '_')
        return fail (lx, tok, lx->at.pos, "misplaced numeric separator");
      int count = scan_digits (lx, tok, &n, radix);
      if (count < 0)
        return false;
      if (count == 0)
        return fail (lx, tok, lx->at.pos, "missing digits after prefix");
      if (peek_byte (lx, 0) == 'n')
        return scan_bigint_suffix (lx, tok, n, radix);
      tok->num = js_strtod_radix (lx->digits, n, radix, &end);
      return finish_number (lx, tok);
    }
  if (c == '0' && next == '_')
    return fail (lx, tok, lx->at.pos + 1, "misplaced numeric separator");
  if (c == '0' && next >= '0' && next <= '9')
    {
      /* Legacy octal (017), or a decimal with a leading zero (08, 09.5):
       * both are sloppy-mode only and take no separators. */
      bool octal = true;
      lx->at.pos++;
      while ((c = peek_byte (lx, 0)) >= '0' && c <= '9')
        {
          if (c >= '8')
            octal = false;
          digits_push (lx, &n, c);
          lx->at.pos++;
        }
      tok->flags |= LEX_TF_LEGACY_OCTAL;
      if (peek_byte (lx, 0) == '_')
        return fail (lx, tok, lx->at.pos, "misplaced numeric separator");
      if (octal)
        {
          tok->num = js_strtod_radix (lx->digits, n, 8, &end);
          return finish_number (lx, tok);
        }
      /* A NonOctalDecimalIntegerLiteral may have a fraction and an
       * exponent. */
    }
  else if (c != '.')
    {
      if (scan_digits (lx, tok, &n, 10) < 0)
        return false;
      if (peek_byte (lx, 0) == 'n')
        return scan_bigint_suffix (lx, tok, n, 10);
    }
  if (peek_byte (lx, 0) == '.')
    {
      digits_push (lx, &n, '.');
      lx->at.pos++;
      if (peek_byte (lx, 0) == '_')
        return fail (lx, tok, lx->at.pos, "misplaced numeric separator");
      if (scan_digits (lx, tok, &n, 10) < 0)
        return false;
    }
  c = peek_byte (lx, 0);
  if (c == 'e' || c == 'E')
    {
      digits_push (lx, &n, 'e');
      lx->at.pos++;
      c = peek_byte (lx, 0);
      if (c == '+' || c == '-')
        {
          digits_push (lx, &n, c);
          lx->at.pos++;
        }
      if (peek_byte (lx, 0) == '_')
        return fail (lx, tok, lx->at.pos, "misplaced numeric separator");
      int count = scan_digits (lx, tok, &n, 10);
      if (count < 0)
        return false;
      if (count == 0)
        return fail (lx, tok, lx->at.pos, "missing exponent digits");
    }
  if (peek_byte (lx, 0) == 'n')
    return fail (lx, tok, lx->at.pos, "invalid BigInt literal");
  tok->num = js_strtod (lx->digits, n, &end);
  return finish_number (lx, tok);
}

/* ---------------------------------------------------- strings, templates */

/* What an escape sequence in a string or template was. */
typedef enum
{
  ESC_OK,           /* a value was pushed (or nothing, for a line
                       continuation) */
  ESC_LEGACY,       /* legacy octal or \8 \9: pushed, sloppy strings only */
  ESC_BAD,          /* malformed: nothing pushed */
} EscapeResult;

/* Reads the escape whose backslash is at the current position, pushing
 * its value to the scratch buffer.  *bad_pos is set to where a malformed
 * escape went wrong. */
static EscapeResult
read_escape (Lexer *lx, uint32_t *bad_pos, const char **why)
{
  uint32_t start = lx->at.pos, size;
  int c = peek_byte (lx, 1);
  int32_t d;

  *bad_pos = start;
  switch (c)
    {
    case -1:
      *why = "unterminated string";
      return ESC_BAD;
    case '\n':
      lx->at.pos += 2;
      new_line (lx);
      return ESC_OK;
    case '\r':
      lx->at.pos += peek_byte (lx, 2) == '\n' ? 3 : 2;
      new_line (lx);
      return ESC_OK;
    case 'b': buf_push (lx, '\b'); break;
    case 'f': buf_push (lx, '\f'); break;
    case 'n': buf_push (lx, '\n'); break;
    case 'r': buf_push (lx, '\r'); break;
    case 't': buf_push (lx, '\t'); break;
    case 'v': buf_push (lx, '\v'); break;
    case 'x':
      {
        int h1 = hex_value (peek_byte (lx, 2));
        int h2 = h1 < 0 ? -1 : hex_value (peek_byte (lx, 3));
        if (h2 < 0)
          {
            *why = "invalid hexadecimal escape";
            return ESC_BAD;
          }
        buf_push (lx, h1 * 16 + h2);
        lx->at.pos += 4;
        return ESC_OK;
      }
    case 'u':
      d = read_unicode_escape (lx);
      if (d < 0)
        {
          *why = "invalid Unicode escape";
          return ESC_BAD;
        }
      buf_push (lx, d);
      return ESC_OK;
    case '0': case '1': case '2': case '3':
    case '4': case '5': case '6': case '7':
      {
        int next = peek_byte (lx, 2);
        uint32_t v = c - '0';
        if (c == '0' && !(next >= '0' && next <= '9'))
          {
            buf_push (lx, 0);
            break;
          }
        /* ZeroToThree OctalDigit OctalDigit, or fewer digits. */
        lx->at.pos += 2;
        if (next >= '0' && next <= '7')
          {
            v = v * 8 + (next - '0');
            lx->at.pos++;
            next = peek_byte (lx, 0);
            if (c <= '3' && next >= '0' && next <= '7')
              {
                v = v * 8 + (next - '0');
                lx->at.pos++;
              }
          }
        buf_push (lx, v);
        return ESC_LEGACY;
      }
    case '8':
    case '9':
      buf_push (lx, c);
      lx->at.pos += 2;
      return ESC_LEGACY;
    default:
      if (c < 0x80)
        {
          buf_push (lx, c);
          break;
        }
      lx->at.pos++;
      d = decode (lx, lx->at.pos, &size);
      if (d < 0)
        {
          *bad_pos = lx->at.pos;
          *why = "invalid UTF-8";
          return ESC_BAD;
        }
      advance (lx, d, size);
      if (d == LS || d == PS)
        new_line (lx); /* a line continuation */
      else
        buf_push (lx, d);
      return ESC_OK;
    }
  lx->at.pos += 2;
  return ESC_OK;
}

static bool
scan_string (Lexer *lx, LexToken *tok)
{
  const uint8_t *s = lx->src;
  int quote = s[lx->at.pos];
  uint32_t start = lx->at.pos;

  lx->at.pos++;
  lx->buf_len = 0;
  for (;;)
    {
      uint32_t size, bad;
      const char *why;
      int32_t c;

      if (lx->at.pos >= lx->len)
        return fail (lx, tok, start, "unterminated string");
      c = s[lx->at.pos];
      if (c == quote)
        break;
      if (c == '\n' || c == '\r')
        return fail (lx, tok, start, "unterminated string");
      if (c == '\\')
        {
          switch (read_escape (lx, &bad, &why))
            {
            case ESC_OK:
              break;
            case ESC_LEGACY:
              if (!(tok->flags & LEX_TF_LEGACY_OCTAL))
                tok->error_pos = bad;
              tok->flags |= LEX_TF_LEGACY_OCTAL;
              break;
            case ESC_BAD:
              return fail (lx, tok, bad, why);
            }
          continue;
        }
      if (c < 0x80)
        {
          buf_push (lx, c);
          lx->at.pos++;
          continue;
        }
      c = decode (lx, lx->at.pos, &size);
      if (c < 0)
        return fail (lx, tok, lx->at.pos, "invalid UTF-8");
      advance (lx, c, size);
      /* LS and PS are allowed in strings; they end no line there for ASI
       * but they do for line numbers. */
      if (c == LS || c == PS)
        new_line (lx);
      buf_push (lx, c);
    }
  lx->at.pos++;
  tok->kind = LEX_STRING;
  tok->str = lex_intern (lx, lx->buf, lx->buf_len);
  return true;
}

/* The raw text of a template part, src[from, to): CR and CRLF read as LF. */
static const AstStr *
template_raw (Lexer *lx, uint32_t from, uint32_t to)
{
  const uint8_t *s = lx->src;

  lx->buf_len = 0;
  for (uint32_t p = from; p < to;)
    {
      uint32_t size;
      int32_t c = s[p];
      if (c == '\r')
        {
          buf_push (lx, '\n');
          p += p + 1 < to && s[p + 1] == '\n' ? 2 : 1;
          continue;
        }
      c = decode (lx, p, &size); /* already validated */
      buf_push (lx, c < 0 ? 0xFFFD : c);
      p += size;
    }
  return buf_string (lx);
}

/* Scans a template part from just after its ` or }. */
static bool
scan_template_part (Lexer *lx, LexToken *tok)
{
  const uint8_t *s = lx->src;
  uint32_t from = lx->at.pos, to;
  bool bad = false;

  lx->buf_len = 0;
  for (;;)
    {
      uint32_t size, bad_pos;
      const char *why;
      int32_t c;

      if (lx->at.pos >= lx->len)
        return fail (lx, tok, tok->start, "unterminated template");
      c = s[lx->at.pos];
      if (c == '`')
        {
          tok->flags |= LEX_TF_TEMPLATE_TAIL;
          to = lx->at.pos++;
          break;
        }
      if (c == '$' && peek_byte (lx, 1) == '{')
        {
          to = lx->at.pos;
          lx->at.pos += 2;
          break;
        }
      if (c == '\\')
        {
          EscapeResult r;
          /* \0 followed by a digit and \1 to \9 are never allowed in a
           * template; a tagged template sees undefined instead. */
          int d = peek_byte (lx, 1);
          if (d >= '0' && d <= '9'
              && !(d == '0' && !(peek_byte (lx, 2) >= '0'
                                 && peek_byte (lx, 2) <= '9')))
            {
              r = ESC_BAD;
              bad_pos = lx->at.pos;
              why = "octal escape sequences are not allowed in templates";
              lx->at.pos += 2;
            }
          else
            r = read_escape (lx, &bad_pos, &why);
          if (r == ESC_BAD && lx->at.pos >= lx->len)
            return fail (lx, tok, tok->start, "unterminated template");
          if (r == ESC_BAD)
            {
              if (!bad)
                {
                  tok->error = why;
                  tok->error_pos = bad_pos;
                }
              bad = true;
              /* Skip the backslash only: the rest is ordinary text. */
              if (lx->at.pos == bad_pos)
                lx->at.pos++;
              else if (s[bad_pos + 1] == 'u' || s[bad_pos + 1] == 'x')
                lx->at.pos = MAX (lx->at.pos, bad_pos + 2);
            }
          continue;
        }
      if (c == '\r')
        {
          lx->at.pos += peek_byte (lx, 1) == '\n' ? 2 : 1;
          new_line (lx);
          buf_push (lx, '\n');
          continue;
        }
      if (c == '\n')
        {
          lx->at.pos++;
          new_line (lx);
          buf_push (lx, '\n');
          continue;
        }
      if (c < 0x80)
        {
          buf_push (lx, c);
          lx->at.pos++;
          continue;
        }
      c = decode (lx, lx->at.pos, &size);
      if (c < 0)
        return fail (lx, tok, lx->at.pos, "invalid UTF-8");
      advance (lx, c, size);
      if (c == LS || c == PS)
        new_line (lx);
      buf_push (lx, c);
    }
  tok->kind = LEX_TEMPLATE;
  if (bad)
    tok->flags |= LEX_TF_BAD_ESCAPE;
  tok->str = bad ? NULL : buf_string (lx);
  tok->raw = template_raw (lx, from, to);
  return true;
}

/* -------------------------------------------------------------- regexps */

static bool
scan_regexp (Lexer *lx, LexToken *tok)
{
  const uint8_t *s = lx->src;
  bool in_class = false;
  uint32_t body_start = lx->at.pos + 1, body_end;
  static const char flag_chars[] = "dgimsuyv";
  unsigned seen = 0;

  lx->at.pos = body_start;
  for (;;)
    {
      uint32_t size;
      int32_t c;
      if (lx->at.pos >= lx->len)
        return fail (lx, tok, tok->start, "unterminated regular expression");
      c = s[lx->at.pos];
      if (c >= 0x80)
        {
          c = decode (lx, lx->at.pos, &size);
          if (c < 0)
            return fail (lx, tok, lx->at.pos, "invalid UTF-8");
        }
      else
        size = 1;
      if (is_line_terminator (c))
        return fail (lx, tok, tok->start, "unterminated regular expression");
      advance (lx, c, size);
      if (c == '\\')
        {
          if (lx->at.pos >= lx->len)
            continue;
          c = decode (lx, lx->at.pos, &size);
          if (c < 0)
            return fail (lx, tok, lx->at.pos, "invalid UTF-8");
          if (is_line_terminator (c))
            return fail (lx, tok, tok->start,
                         "unterminated regular expression");
          advance (lx, c, size);
        }
      else if (c == '[')
        in_class = true;
      else if (c == ']')
        in_class = false;
      else if (c == '/' && !in_class)
        break;
    }
  body_end = lx->at.pos - 1;

  /* Flags are IdentifierPart characters; only the known ones, each once,
   * and not both u and v, are valid. */
  lx->buf_len = 0;
  while (lx->at.pos < lx->len)
    {
      uint32_t size, here = lx->at.pos;
      int32_t c = s[here];
      const char *f;
      if (c == '\\')
        return fail (lx, tok, here, "escape in regular expression flags");
      if (c >= 0x80)
        {
          c = decode (lx, here, &size);
          if (c < 0 || !uni_is_id_continue (c))
            break;
          return fail (lx, tok, here, "invalid regular expression flag");
        }
      if (!is_ascii_id_part (c))
        break;
      f = strchr (flag_chars, c);
      if (!f || (seen & (1u << (f - flag_chars))))
        return fail (lx, tok, here, "invalid regular expression flags");
      seen |= 1u << (f - flag_chars);
      buf_push (lx, c);
      lx->at.pos++;
    }
  if ((seen & (1u << 5)) && (seen & (1u << 7)))
    return fail (lx, tok, tok->start,
                 "regular expression flags u and v together");
  tok->raw = buf_string (lx);
  tok->str = template_raw (lx, body_start, body_end);
  tok->kind = LEX_REGEXP;
  return true;
}

/* ------------------------------------------------------------ punctuators */

/* Scans a punctuator at the current position, or fails. */
static bool
scan_punctuator (Lexer *lx, LexToken *tok)
{
  int c = peek_byte (lx, 0), c1 = peek_byte (lx, 1), c2 = peek_byte (lx, 2);
  LexTokenKind k;
  int n = 1;

  switch (c)
    {
    case '{': k = LEX_LBRACE; break;
    case '}': k = LEX_RBRACE; break;
    case '(': k = LEX_LPAREN; break;
    case ')': k = LEX_RPAREN; break;
    case '[': k = LEX_LBRACKET; break;
    case ']': k = LEX_RBRACKET; break;
    case ';': k = LEX_SEMICOLON; break;
    case ',': k = LEX_COMMA; break;
    case ':': k = LEX_COLON; break;
    case '~': k = LEX_TILDE; break;
    case '.':
      if (c1 == '.' && c2 == '.')
        k = LEX_ELLIPSIS, n = 3;
      else
        k = LEX_DOT;
      break;
    case '<':
      if (c1 == '<')
        k = c2 == '=' ? (n = 3, LEX_SHL_ASSIGN) : (n = 2, LEX_SHL);
      else
        k = c1 == '=' ? (n = 2, LEX_LE) : LEX_LT;
      break;
    case '>':
      if (c1 == '>' && c2 == '>')
        k = peek_byte (lx, 3) == '=' ? (n = 4, LEX_SHR_ASSIGN)
                                     : (n = 3, LEX_SHR);
      else if (c1 == '>')
        k = c2 == '=' ? (n = 3, LEX_SAR_ASSIGN) : (n = 2, LEX_SAR);
      else
        k = c1 == '=' ? (n = 2, LEX_GE) : LEX_GT;
      break;
    case '=':
      if (c1 == '=')
        k = c2 == '=' ? (n = 3, LEX_STRICT_EQ) : (n = 2, LEX_EQ);
      else if (c1 == '>')
        k = LEX_ARROW, n = 2;
      else
        k = LEX_ASSIGN;
      break;
    case '!':
      if (c1 == '=')
        k = c2 == '=' ? (n = 3, LEX_STRICT_NE) : (n = 2, LEX_NE);
      else
        k = LEX_BANG;
      break;
    case '+':
      k = c1 == '+' ? (n = 2, LEX_INC)
          : c1 == '=' ? (n = 2, LEX_PLUS_ASSIGN) : LEX_PLUS;
      break;
    case '-':
      k = c1 == '-' ? (n = 2, LEX_DEC)
          : c1 == '=' ? (n = 2, LEX_MINUS_ASSIGN) : LEX_MINUS;
      break;
    case '*':
      if (c1 == '*')
        k = c2 == '=' ? (n = 3, LEX_STAR_STAR_ASSIGN) : (n = 2, LEX_STAR_STAR);
      else
        k = c1 == '=' ? (n = 2, LEX_STAR_ASSIGN) : LEX_STAR;
      break;
    case '/':
      k = c1 == '=' ? (n = 2, LEX_SLASH_ASSIGN) : LEX_SLASH;
      break;
    case '%':
      k = c1 == '=' ? (n = 2, LEX_PERCENT_ASSIGN) : LEX_PERCENT;
      break;
    case '&':
      if (c1 == '&')
        k = c2 == '=' ? (n = 3, LEX_AND_ASSIGN) : (n = 2, LEX_AND);
      else
        k = c1 == '=' ? (n = 2, LEX_AMP_ASSIGN) : LEX_AMP;
      break;
    case '|':
      if (c1 == '|')
        k = c2 == '=' ? (n = 3, LEX_OR_ASSIGN) : (n = 2, LEX_OR);
      else
        k = c1 == '=' ? (n = 2, LEX_PIPE_ASSIGN) : LEX_PIPE;
      break;
    case '^':
      k = c1 == '=' ? (n = 2, LEX_CARET_ASSIGN) : LEX_CARET;
      break;
    case '?':
      if (c1 == '?')
        k = c2 == '=' ? (n = 3, LEX_NULLISH_ASSIGN) : (n = 2, LEX_NULLISH);
      /* "?." before a digit is a conditional and a number: a?.5:1. */
      else if (c1 == '.' && !(c2 >= '0' && c2 <= '9'))
        k = LEX_QUESTION_DOT, n = 2;
      else
        k = LEX_QUESTION;
      break;
    default:
      return fail (lx, tok, lx->at.pos, "unexpected character");
    }
  tok->kind = k;
  lx->at.pos += n;
  return true;
}

/* ------------------------------------------------------------------ entry */

void
lex_next (Lexer *lx, LexToken *tok)
{
  bool newline = false;
  int c;

  /* tok->start is read by fail() if white space or a comment is bad. */
  tok->start = lx->at.pos;
  if (!skip_space (lx, tok, &newline))
    {
      uint32_t pos = tok->error_pos;
      const char *message = tok->error;
      begin (lx, tok, 0);
      tok->kind = LEX_ERROR;
      tok->error = message;
      tok->error_pos = pos;
      tok->end = MAX (pos, tok->start);
      return;
    }
  begin (lx, tok, newline ? LEX_TF_NEWLINE_BEFORE : 0);
  if (lx->at.pos >= lx->len)
    {
      tok->kind = LEX_EOF;
      tok->end = tok->start;
      return;
    }
  c = lx->src[lx->at.pos];
  if (is_ascii_id_start (c) || c == '\\' || c >= 0x80)
    {
      if (c >= 0x80)
        {
          uint32_t size;
          int32_t d = decode (lx, lx->at.pos, &size);
          if (d < 0)
            {
              fail (lx, tok, lx->at.pos, "invalid UTF-8");
              return;
            }
          if (!uni_is_id_start (d))
            {
              fail (lx, tok, lx->at.pos, "unexpected character");
              return;
            }
        }
      if (scan_identifier (lx, tok))
        {
          tok->kind = LEX_IDENT;
          if (tok->str->keyword && !(tok->flags & LEX_TF_ESCAPED))
            tok->kind = tok->str->keyword;
        }
    }
  else if ((c >= '0' && c <= '9')
           || (c == '.' && peek_byte (lx, 1) >= '0'
               && peek_byte (lx, 1) <= '9'))
    scan_number (lx, tok);
  else if (c == '"' || c == '\'')
    scan_string (lx, tok);
  else if (c == '`')
    {
      lx->at.pos++;
      scan_template_part (lx, tok);
    }
  else if (c == '#')
    {
      lx->at.pos++;
      c = peek_byte (lx, 0);
      if (c < 0 || !(is_ascii_id_start (c) || c == '\\' || c >= 0x80))
        fail (lx, tok, tok->start, "unexpected character '#'");
      else if (c >= 0x80 && !at_identifier_start (lx))
        fail (lx, tok, tok->start, "invalid private name");
      else if (scan_identifier (lx, tok))
        tok->kind = LEX_PRIVATE_NAME;
    }
  else
    scan_punctuator (lx, tok);
  if (tok->kind != LEX_ERROR)
    tok->end = lx->at.pos;
}

void
lex_rescan_regexp (Lexer *lx, LexToken *tok)
{
  uint32_t flags = tok->flags & LEX_TF_NEWLINE_BEFORE;

  lx->at = tok->mark;
  begin (lx, tok, flags);
  if (scan_regexp (lx, tok))
    tok->end = lx->at.pos;
}

void
lex_rescan_template (Lexer *lx, LexToken *tok)
{
  uint32_t flags = tok->flags & LEX_TF_NEWLINE_BEFORE;

  lx->at = tok->mark;
  begin (lx, tok, flags);
  lx->at.pos++;
  if (scan_template_part (lx, tok))
    tok->end = lx->at.pos;
}

/* ------------------------------------------------------- RegExp patterns */

/* The early errors of a RegExp literal's pattern are those of the RegExp
 * parser itself (regexp-parser.c), so that a literal and new RegExp
 * accept exactly the same patterns. */
const char *
lex_check_regexp (const AstStr *body, const AstStr *flags, uint32_t *pos)
{
  uint32_t f;

  *pos = 0;
  if (!regexp_parse_flags (flags->data, flags->len, &f))
    return "invalid flags";
  return regexp_check_pattern (body->data, body->len, f, pos);
}
