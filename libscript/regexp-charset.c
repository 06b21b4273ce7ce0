/* regexp-charset.c — sets of characters for the RegExp engine, and the
 * Unicode data the pattern grammar reaches through them.
 *
 * A set is a sorted array of disjoint, non-adjacent ranges, which keeps
 * \P{L} or [^a] as small as [a]: union, intersection, subtraction and
 * complement are linear merges.  A class of the v flag adds strings.
 *
 * Case-insensitive matching is settled here, at compile time: a set is
 * closed under Canonicalize (re_set_case_close), so the matcher tests
 * membership of the input character alone.  The closure needs the
 * characters that Canonicalize changes, found once per process from the
 * Unicode tables and kept in two static tables (one per Canonicalize).
 *
 * Memory.  Every growth is a try-allocation; a set that cannot grow
 * raises its oom flag and the parser reports it.
 */
#include "config.h"

#include "regexp-private.h"

#include "regexp-strings-tables.h"
#include "unicode-tables.h"

/* ------------------------------------------------------------------ */
/* Ranges                                                              */
/* ------------------------------------------------------------------ */

void
re_set_init (ReCharSet *s)
{
  s->r = NULL;
  s->n = 0;
  s->cap = 0;
  s->oom = false;
}

void
re_set_free (ReCharSet *s)
{
  g_free (s->r);
  re_set_init (s);
}

/* Room for n ranges; false (and oom) if it could not be had. */
static bool
reserve (ReCharSet *s, uint32_t n)
{
  if (s->oom)
    return false;
  if (n <= s->cap)
    return true;
  uint32_t cap = MAX (n, s->cap * 2);
  cap = MAX (cap, 4u);
  uint32_t *r = cap <= (1u << 28)
                    ? g_try_realloc (s->r, (size_t) cap * 2 * sizeof *r)
                    : NULL;
  if (!r)
    {
      s->oom = true;
      return false;
    }
  s->r = r;
  s->cap = cap;
  return true;
}

/* Takes the bounds of out as s's (s's old array is freed). */
static void
replace (ReCharSet *s, ReCharSet *out)
{
  g_free (s->r);
  s->oom |= out->oom;
  s->r = out->r;
  s->n = out->n;
  s->cap = out->cap;
}

/* Appends [lo, hi] to a set being built in order, merging with the last
 * range when they touch. */
static void
append (ReCharSet *s, uint32_t lo, uint32_t hi)
{
  if (s->n && s->r[2 * s->n - 1] + 1 >= lo)
    {
      if (hi > s->r[2 * s->n - 1])
        s->r[2 * s->n - 1] = hi;
      return;
    }
  if (!reserve (s, s->n + 1))
    return;
  s->r[2 * s->n] = lo;
  s->r[2 * s->n + 1] = hi;
  s->n++;
}

void
re_set_copy (ReCharSet *dst, const ReCharSet *src)
{
  re_set_init (dst);
  dst->oom = src->oom;
  if (src->n && reserve (dst, src->n))
    {
      memcpy (dst->r, src->r, (size_t) src->n * 2 * sizeof *src->r);
      dst->n = src->n;
    }
}

void
re_set_add_range (ReCharSet *s, uint32_t lo, uint32_t hi)
{
  /* The common case: characters arrive in order. */
  if (!s->n || s->r[2 * s->n - 2] <= lo)
    {
      append (s, lo, hi);
      return;
    }
  ReCharSet one = { .r = (uint32_t[2]) { lo, hi }, .n = 1, .cap = 1 };
  re_set_union (s, &one);
}

bool
re_set_contains (const ReCharSet *s, uint32_t c)
{
  uint32_t lo = 0, hi = s->n;
  while (lo < hi)
    {
      uint32_t mid = (lo + hi) / 2;
      if (c < s->r[2 * mid])
        hi = mid;
      else if (c > s->r[2 * mid + 1])
        lo = mid + 1;
      else
        return true;
    }
  return false;
}

void
re_set_union (ReCharSet *dst, const ReCharSet *src)
{
  ReCharSet out;
  uint32_t i = 0, j = 0;

  if (!src->n)
    {
      dst->oom |= src->oom;
      return;
    }
  re_set_init (&out);
  reserve (&out, dst->n + src->n);
  while (i < dst->n || j < src->n)
    {
      const uint32_t *p;
      if (j >= src->n || (i < dst->n && dst->r[2 * i] <= src->r[2 * j]))
        p = &dst->r[2 * i++];
      else
        p = &src->r[2 * j++];
      append (&out, p[0], p[1]);
    }
  out.oom |= src->oom;
  replace (dst, &out);
}

void
re_set_intersect (ReCharSet *dst, const ReCharSet *src)
{
  ReCharSet out;
  uint32_t i = 0, j = 0;

  re_set_init (&out);
  reserve (&out, dst->n + src->n);
  while (i < dst->n && j < src->n)
    {
      uint32_t lo = MAX (dst->r[2 * i], src->r[2 * j]);
      uint32_t hi = MIN (dst->r[2 * i + 1], src->r[2 * j + 1]);
      if (lo <= hi)
        append (&out, lo, hi);
      if (dst->r[2 * i + 1] < src->r[2 * j + 1])
        i++;
      else
        j++;
    }
  out.oom |= src->oom;
  replace (dst, &out);
}

void
re_set_invert (ReCharSet *s, uint32_t max)
{
  ReCharSet out;
  uint32_t next = 0;

  re_set_init (&out);
  reserve (&out, s->n + 1);
  for (uint32_t i = 0; i < s->n && s->r[2 * i] <= max; i++)
    {
      if (s->r[2 * i] > next)
        append (&out, next, s->r[2 * i] - 1);
      next = s->r[2 * i + 1] + 1;
    }
  if (next <= max && (s->n == 0 || s->r[2 * s->n - 1] < max))
    append (&out, next, max);
  replace (s, &out);
}

void
re_set_subtract (ReCharSet *dst, const ReCharSet *src)
{
  ReCharSet inv;
  re_set_copy (&inv, src);
  re_set_invert (&inv, RE_MAX_CODE_POINT);
  re_set_intersect (dst, &inv);
  re_set_free (&inv);
}

uint64_t
re_set_size (const ReCharSet *s)
{
  uint64_t n = 0;
  for (uint32_t i = 0; i < s->n; i++)
    n += (uint64_t) s->r[2 * i + 1] - s->r[2 * i] + 1;
  return n;
}

/* ------------------------------------------------------------------ */
/* Classes with strings (the v flag)                                   */
/* ------------------------------------------------------------------ */

void
re_class_init (ReClassSet *c)
{
  re_set_init (&c->chars);
  c->strings = NULL;
  c->nstrings = 0;
  c->cap = 0;
  c->oom = false;
}

static void
free_strings (ReClassSet *c)
{
  for (uint32_t i = 0; i < c->nstrings; i++)
    g_free (c->strings[i].cp);
  g_free (c->strings);
  c->strings = NULL;
  c->nstrings = c->cap = 0;
}

void
re_class_free (ReClassSet *c)
{
  re_set_free (&c->chars);
  free_strings (c);
}

bool
re_class_oom (const ReClassSet *c)
{
  return c->oom || c->chars.oom;
}

static bool
string_equal (const ReString *a, const uint32_t *cp, uint32_t len)
{
  return a->len == len
         && (len == 0 || memcmp (a->cp, cp, len * sizeof *cp) == 0);
}

static int32_t
find_string (const ReClassSet *c, const uint32_t *cp, uint32_t len)
{
  for (uint32_t i = 0; i < c->nstrings; i++)
    if (string_equal (&c->strings[i], cp, len))
      return (int32_t) i;
  return -1;
}

/* Adds a string of length other than one; unique says it is known not
 * to be there yet. */
static void
push_string (ReClassSet *c, const uint32_t *cp, uint32_t len, bool unique)
{
  if (c->oom || (!unique && find_string (c, cp, len) >= 0))
    return;
  if (c->nstrings == c->cap)
    {
      uint32_t cap = MAX (8u, c->cap * 2);
      ReString *s = g_try_realloc (c->strings, cap * sizeof *s);
      if (!s)
        {
          c->oom = true;
          return;
        }
      c->strings = s;
      c->cap = cap;
    }
  ReString *s = &c->strings[c->nstrings];
  s->len = len;
  s->cp = NULL;
  if (len)
    {
      s->cp = g_try_malloc (len * sizeof *cp);
      if (!s->cp)
        {
          c->oom = true;
          return;
        }
      memcpy (s->cp, cp, len * sizeof *cp);
    }
  c->nstrings++;
}

void
re_class_add_string (ReClassSet *c, const uint32_t *cp, uint32_t len)
{
  if (len == 1)
    re_set_add (&c->chars, cp[0]);
  else
    push_string (c, cp, len, false);
}

void
re_class_union (ReClassSet *dst, ReClassSet *src)
{
  bool unique = dst->nstrings == 0;
  re_set_union (&dst->chars, &src->chars);
  for (uint32_t i = 0; i < src->nstrings; i++)
    push_string (dst, src->strings[i].cp, src->strings[i].len, unique);
  dst->oom |= src->oom;
}

void
re_class_intersect (ReClassSet *dst, ReClassSet *src)
{
  re_set_intersect (&dst->chars, &src->chars);
  uint32_t k = 0;
  for (uint32_t i = 0; i < dst->nstrings; i++)
    {
      ReString s = dst->strings[i];
      if (find_string (src, s.cp, s.len) >= 0)
        dst->strings[k++] = s;
      else
        g_free (s.cp);
    }
  dst->nstrings = k;
  dst->oom |= src->oom;
}

void
re_class_subtract (ReClassSet *dst, ReClassSet *src)
{
  re_set_subtract (&dst->chars, &src->chars);
  uint32_t k = 0;
  for (uint32_t i = 0; i < dst->nstrings; i++)
    {
      ReString s = dst->strings[i];
      if (find_string (src, s.cp, s.len) < 0)
        dst->strings[k++] = s;
      else
        g_free (s.cp);
    }
  dst->nstrings = k;
  dst->oom |= src->oom;
}

/* ------------------------------------------------------------------ */
/* Canonicalize                                                        */
/* ------------------------------------------------------------------ */

uint32_t
re_canonicalize (uint32_t c, bool unicode)
{
  if (c < 128)
    {
      if (unicode)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
      return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
  return uni_regexp_canonicalize (c, unicode);
}

/* The characters Canonicalize changes: pairs (c, Canonicalize (c)) in
 * increasing c, and the set of those c. */
typedef struct
{
  uint32_t *pairs;   /* 2 * n words */
  uint32_t n;
  ReCharSet changed; /* the first elements of the pairs */
} CanonTable;

static CanonTable canon_tables[2];

static gpointer
build_canon_table (gpointer data)
{
  bool unicode = GPOINTER_TO_INT (data) != 0;
  CanonTable *t = &canon_tables[unicode];
  uint32_t max = unicode ? RE_MAX_CODE_POINT : RE_MAX_CODE_UNIT;
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (uint32_t));

  re_set_init (&t->changed);
  for (uint32_t c = 0; c <= max; c++)
    {
      uint32_t k = re_canonicalize (c, unicode);
      if (k != c)
        {
          g_array_append_val (pairs, c);
          g_array_append_val (pairs, k);
          re_set_add (&t->changed, c);
        }
    }
  t->n = pairs->len / 2;
  t->pairs = (uint32_t *) g_array_free (pairs, FALSE);
  /* A table this small always fits; a failure here is a failure to
     start at all. */
  g_assert (!t->changed.oom);
  return t;
}

static const CanonTable *
canon_table (bool unicode)
{
  static GOnce once[2] = { G_ONCE_INIT, G_ONCE_INIT };
  return g_once (&once[unicode], build_canon_table,
                 GINT_TO_POINTER (unicode));
}

static int
cmp_u32 (const void *a, const void *b)
{
  uint32_t x = *(const uint32_t *) a, y = *(const uint32_t *) b;
  return x < y ? -1 : x > y;
}

/* Adds the len characters of list (in any order) to s. */
static void
add_list (ReCharSet *s, uint32_t *list, uint32_t len)
{
  ReCharSet add;
  re_set_init (&add);
  qsort (list, len, sizeof *list, cmp_u32);
  for (uint32_t i = 0; i < len; i++)
    append (&add, list[i], list[i]);
  re_set_union (s, &add);
  re_set_free (&add);
}

/* s replaced by { Canonicalize (c) : c in s }. */
static void
canon_image (ReCharSet *s, const CanonTable *t)
{
  uint32_t *list = g_try_new (uint32_t, t->n + 1), len = 0;
  if (!list)
    {
      s->oom = true;
      return;
    }
  for (uint32_t i = 0; i < t->n; i++)
    if (re_set_contains (s, t->pairs[2 * i]))
      list[len++] = t->pairs[2 * i + 1];
  re_set_subtract (s, &t->changed);
  add_list (s, list, len);
  g_free (list);
}

void
re_set_case_close (ReCharSet *s, bool unicode)
{
  const CanonTable *t = canon_table (unicode);
  canon_image (s, t);
  /* Now s is the canonical image; every c whose canonical form is in it
     belongs to the closure, and so does every member that no
     Canonicalize moves. */
  uint32_t *list = g_try_new (uint32_t, t->n + 1), len = 0;
  if (!list)
    {
      s->oom = true;
      return;
    }
  for (uint32_t i = 0; i < t->n; i++)
    if (re_set_contains (s, t->pairs[2 * i + 1]))
      list[len++] = t->pairs[2 * i];
  re_set_subtract (s, &t->changed);
  add_list (s, list, len);
  g_free (list);
}

void
re_class_fold (ReClassSet *c)
{
  canon_image (&c->chars, canon_table (true));
  for (uint32_t i = 0; i < c->nstrings; i++)
    for (uint32_t k = 0; k < c->strings[i].len; k++)
      c->strings[i].cp[k] = uni_case_fold_simple (c->strings[i].cp[k]);
  /* Folding may have made two strings equal: keep one of each. */
  uint32_t n = 0;
  for (uint32_t i = 0; i < c->nstrings; i++)
    {
      ReString s = c->strings[i];
      bool dup = false;
      for (uint32_t j = 0; j < n && !dup; j++)
        dup = string_equal (&c->strings[j], s.cp, s.len);
      if (dup)
        g_free (s.cp);
      else
        c->strings[n++] = s;
    }
  c->nstrings = n;
}

void
re_set_fold_fixed (ReCharSet *out)
{
  re_set_init (out);
  append (out, 0, RE_MAX_CODE_POINT);
  re_set_subtract (out, &canon_table (true)->changed);
}

/* ------------------------------------------------------------------ */
/* Unicode properties                                                  */
/* ------------------------------------------------------------------ */

/* Adds the ranges of a set of the Unicode tables to s. */
static void
add_uni_set (ReCharSet *s, UniSetKind kind, int id)
{
  size_t n = uni_set_ranges (kind, id, NULL, 0);
  UniRange *r = g_try_new (UniRange, n + 1);
  ReCharSet add;

  if (!r)
    {
      s->oom = true;
      return;
    }
  uni_set_ranges (kind, id, r, n);
  re_set_init (&add);
  reserve (&add, (uint32_t) n);
  for (size_t i = 0; i < n; i++)
    append (&add, r[i].lo, r[i].hi);
  g_free (r);
  re_set_union (s, &add);
  re_set_free (&add);
}

/* Adds one property of strings of the tables to out. */
static void
add_string_property (const ReStringProperty *sp, ReClassSet *out)
{
  bool unique = out->nstrings == 0;
  for (uint32_t i = 0; i < sp->nranges; i++)
    re_set_add_range (&out->chars, sp->ranges[2 * i], sp->ranges[2 * i + 1]);
  for (uint32_t i = 0; i < sp->nwords; i += 1 + sp->strings[i])
    push_string (out, &sp->strings[i + 1], sp->strings[i], unique);
}

/* \p{name} for a property of strings: false if name is none. */
static bool
string_property (const char *name, ReClassSet *out)
{
  /* RGI_Emoji is the union of the six others (the tables keep only
     those). */
  bool all = !strcmp (name, "RGI_Emoji");
  bool found = all;
  for (size_t i = 0; i < G_N_ELEMENTS (re_string_properties); i++)
    if (all || !strcmp (name, re_string_properties[i].name))
      {
        add_string_property (&re_string_properties[i], out);
        found = true;
      }
  return found;
}

int
re_unicode_property (const char *name, const char *value, ReClassSet *out)
{
  int id;

  if (value)
    {
      if (!strcmp (name, "General_Category") || !strcmp (name, "gc"))
        {
          if ((id = uni_category_from_name (value)) < 0)
            return 0;
          add_uni_set (&out->chars, UNI_SET_CATEGORY, id);
          return 1;
        }
      bool ext = !strcmp (name, "Script_Extensions") || !strcmp (name, "scx");
      if (!ext && strcmp (name, "Script") && strcmp (name, "sc"))
        return 0;
      if ((id = uni_script_from_name (value)) < 0)
        return 0;
      add_uni_set (&out->chars,
                   ext ? UNI_SET_SCRIPT_EXTENSIONS : UNI_SET_SCRIPT, id);
      return 1;
    }
  if ((id = uni_category_from_name (name)) >= 0)
    {
      add_uni_set (&out->chars, UNI_SET_CATEGORY, id);
      return 1;
    }
  if ((id = uni_property_from_name (name)) >= 0)
    {
      add_uni_set (&out->chars, UNI_SET_PROPERTY, id);
      return 1;
    }
  return string_property (name, out) ? 2 : 0;
}
