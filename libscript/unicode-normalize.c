/* unicode-normalize.c — NFC, NFD, NFKC and NFKD over UTF-16.
 *
 * The work happens on a buffer of code points: every character is
 * replaced by its full decomposition, each run of non-starters is sorted
 * by combining class (stably: marks of one class keep their order), and
 * the composed forms then join each starter with the characters after it
 * that are not blocked from it.  Lone surrogates are starters that
 * neither decompose nor compose, so they pass through unchanged.
 *
 * Every buffer is sized by what a script gave, so every allocation may
 * fail and is reported, never aborted on.
 */
#include "config.h"

#include "unicode-normalize.h"

#include "unicode-tables.h"

#include <glib.h>
#include <string.h>

/* A growable array of code points. */
typedef struct
{
  uint32_t *cps; /* g_malloc'd */
  size_t len;    /* in use */
  size_t cap;    /* allocated */
} CodePoints;

static bool
reserve (CodePoints *b, size_t extra)
{
  if (b->len + extra <= b->cap)
    return true;
  size_t cap = MAX (b->len + extra, b->cap + b->cap / 2 + 16);
  if (cap > G_MAXSIZE / sizeof *b->cps)
    return false;
  uint32_t *p = g_try_realloc (b->cps, cap * sizeof *p);
  if (!p)
    return false;
  b->cps = p;
  b->cap = cap;
  return true;
}

bool
uni_normalize_is_trivial (const uint16_t *in, size_t n, UniNormForm form)
{
  /* Below these, no character decomposes (NFD: U+00C0 is the first
     letter with a mark; the compatibility forms: U+00A0), and none
     composes with what follows (NFC: the first mark is U+0300). */
  static const uint16_t limits[] = {
    [UNI_NFC] = 0x300,
    [UNI_NFD] = 0xC0,
    [UNI_NFKC] = 0xA0,
    [UNI_NFKD] = 0xA0,
  };
  uint16_t limit = limits[form];
  for (size_t i = 0; i < n; i++)
    if (in[i] >= limit)
      return false;
  return true;
}

/* Sorts the non-starters cps[0 .. n) by class, stably.  Short runs (the
 * usual one or two marks) by insertion; long ones, which only an odd or
 * hostile string has, by counting, so that the time stays linear. */
static bool
sort_marks (uint32_t *cps, uint8_t *ccc, size_t n)
{
  if (n < 32)
    {
      for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && ccc[j - 1] > ccc[j]; j--)
          {
            uint32_t c = cps[j];
            cps[j] = cps[j - 1];
            cps[j - 1] = c;
            uint8_t k = ccc[j];
            ccc[j] = ccc[j - 1];
            ccc[j - 1] = k;
          }
      return true;
    }
  uint32_t *tmp = g_try_malloc (n * sizeof *tmp);
  if (!tmp)
    return false;
  size_t start[257] = { 0 };
  for (size_t i = 0; i < n; i++)
    start[ccc[i] + 1]++;
  for (int k = 1; k <= 256; k++)
    start[k] += start[k - 1];
  for (size_t i = 0; i < n; i++)
    tmp[start[ccc[i]]++] = cps[i];
  memcpy (cps, tmp, n * sizeof *tmp);
  g_free (tmp);
  return true;
}

/* Puts every run of non-starters in canonical order. */
static bool
reorder (CodePoints *b)
{
  uint8_t local[256];
  size_t i = 0;
  while (i < b->len)
    {
      if (uni_combining_class (b->cps[i]) == 0)
        {
          i++;
          continue;
        }
      size_t j = i;
      while (j < b->len && uni_combining_class (b->cps[j]) != 0)
        j++;
      size_t n = j - i;
      if (n > 1)
        {
          uint8_t *ccc = n <= sizeof local ? local : g_try_malloc (n);
          if (!ccc)
            return false;
          for (size_t k = 0; k < n; k++)
            ccc[k] = uni_combining_class (b->cps[i + k]);
          bool ok = sort_marks (b->cps + i, ccc, n);
          if (ccc != local)
            g_free (ccc);
          if (!ok)
            return false;
        }
      i = j;
    }
  return true;
}

/* Canonical composition, in place. */
static void
compose (CodePoints *b)
{
  size_t out = 0;
  size_t starter = SIZE_MAX; /* index in the output of the last starter */
  int last = 0;              /* class of the last character written */
  for (size_t i = 0; i < b->len; i++)
    {
      uint32_t c = b->cps[i];
      int cc = uni_combining_class (c);
      /* c is blocked from the starter if a character between them has
         class 0 or a class at least c's. */
      bool adjacent = starter != SIZE_MAX && out == starter + 1;
      if (starter != SIZE_MAX && (adjacent || (last != 0 && last < cc)))
        {
          uint32_t p = uni_compose (b->cps[starter], c);
          if (p)
            {
              b->cps[starter] = p;
              continue;
            }
        }
      if (cc == 0)
        starter = out;
      last = cc;
      b->cps[out++] = c;
    }
  b->len = out;
}

uint16_t *
uni_normalize (const uint16_t *in, size_t n, UniNormForm form,
               size_t *out_len)
{
  bool compat = form == UNI_NFKC || form == UNI_NFKD;
  CodePoints b = { NULL, 0, 0 };
  if (!reserve (&b, n))
    return NULL;
  for (size_t i = 0; i < n; i++)
    {
      uint32_t c = in[i];
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && in[i + 1] >= 0xDC00
          && in[i + 1] <= 0xDFFF)
        c = 0x10000 + ((c - 0xD800) << 10) + (in[++i] - 0xDC00);
      uint32_t d[UNI_MAX_DECOMPOSITION];
      int k = uni_decompose (c, compat, d);
      if (!reserve (&b, (size_t) k))
        goto fail;
      memcpy (b.cps + b.len, d, (size_t) k * sizeof *d);
      b.len += (size_t) k;
    }
  if (!reorder (&b))
    goto fail;
  if (form == UNI_NFC || form == UNI_NFKC)
    compose (&b);

  size_t units = 0;
  for (size_t i = 0; i < b.len; i++)
    units += b.cps[i] >= 0x10000 ? 2 : 1;
  uint16_t *out = g_try_malloc ((units + 1) * sizeof *out);
  if (!out)
    goto fail;
  size_t o = 0;
  for (size_t i = 0; i < b.len; i++)
    {
      uint32_t c = b.cps[i];
      if (c >= 0x10000)
        {
          c -= 0x10000;
          out[o++] = (uint16_t) (0xD800 + (c >> 10));
          out[o++] = (uint16_t) (0xDC00 + (c & 0x3FF));
        }
      else
        out[o++] = (uint16_t) c;
    }
  g_free (b.cps);
  *out_len = units;
  return out;
fail:
  g_free (b.cps);
  return NULL;
}
