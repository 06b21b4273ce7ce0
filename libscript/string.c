/* string.c — string cells.
 *
 * Short strings keep their characters inline; long ones point at
 * g_malloc'd data counted as unmanaged memory; concatenations are ropes
 * flattened (without C recursion) on first read, in place.
 *
 * Invariants.  A string in a UTF-16 form holds at least one code unit
 * of 256 or more: every way of making one narrows to Latin-1 otherwise.
 * A rope is always longer than the inline limit of its width (shorter
 * concatenations are copied), so a rope never needs fewer than one
 * external buffer.  Ropes are never hashed or interned before they are
 * flattened, so the hash bits of a rope are always zero.
 */
#include "config.h"

#include "jsstring.h"
#include "shape.h"

/* ------------------------------------------------------------------ */
/* Classes                                                             */
/* ------------------------------------------------------------------ */

static void
rope_trace (JsTracer *trc, JsCell *cell)
{
  JsRope *r = (JsRope *) cell;
  gc_mark_cell (trc, (JsCell *) r->left);
  gc_mark_cell (trc, (JsCell *) r->right);
}

/* Bytes of unmanaged memory an external string of len units owns; the
 * buffer always has room for a terminating NUL of its width. */
static inline int64_t
external_bytes (size_t len, bool latin1)
{
  return (int64_t) ((len + 1) * (latin1 ? 1 : 2));
}

static void
external_finalize (JsHeap *heap, JsCell *cell)
{
  JsExternalString *s = (JsExternalString *) cell;
  bool latin1 = (cell->shape->flags & JS_SHAPE_STR_LATIN1) != 0;
  heap_add_unmanaged (heap, -external_bytes (s->base.length, latin1));
  g_free (s->chars);
}

static void
symbol_trace (JsTracer *trc, JsCell *cell)
{
  gc_mark_cell (trc, (JsCell *) ((JsSymbol *) cell)->description);
}

static const JsCellClass inline_class = {
  .name = "String",
  .kind = JS_KIND_STRING,
};

static const JsCellClass external_class = {
  .name = "String",
  .kind = JS_KIND_STRING,
  .finalize = external_finalize,
};

static const JsCellClass rope_class = {
  .name = "Rope",
  .kind = JS_KIND_STRING,
  .trace = rope_trace,
};

static const JsCellClass symbol_class = {
  .name = "Symbol",
  .kind = JS_KIND_SYMBOL,
  .trace = symbol_trace,
};

void
string_runtime_init (JsRuntime *rt)
{
  static const struct
  {
    const JsCellClass *cls;
    uint16_t flags;
  } forms[JS_STR_FORM_COUNT] = {
    [JS_STR_INLINE8] = { &inline_class, JS_SHAPE_STR_LATIN1 },
    [JS_STR_INLINE16] = { &inline_class, 0 },
    [JS_STR_EXTERNAL8] = { &external_class,
                           JS_SHAPE_STR_LATIN1 | JS_SHAPE_STR_EXTERNAL },
    [JS_STR_EXTERNAL16] = { &external_class, JS_SHAPE_STR_EXTERNAL },
    [JS_STR_ROPE] = { &rope_class, JS_SHAPE_STR_ROPE },
  };
  for (int i = 0; i < JS_STR_FORM_COUNT; i++)
    {
      rt->string_shapes[i] = shape_new_root (rt, forms[i].cls, NULL, 0);
      g_assert (rt->string_shapes[i]);
      rt->string_shapes[i]->flags = forms[i].flags;
    }
  rt->symbol_shape = shape_new_root (rt, &symbol_class, NULL, 0);
  g_assert (rt->symbol_shape);
}

/* ------------------------------------------------------------------ */
/* Scanning characters                                                 */
/* ------------------------------------------------------------------ */

static bool
latin1_is_ascii (const uint8_t *c, size_t n)
{
  uint8_t any = 0;
  for (size_t i = 0; i < n; i++)
    any |= c[i];
  return any < 0x80;
}

static bool
utf16_is_ascii (const uint16_t *u, size_t n)
{
  uint16_t any = 0;
  for (size_t i = 0; i < n; i++)
    any |= u[i];
  return any < 0x80;
}

static bool
utf16_fits_latin1 (const uint16_t *u, size_t n)
{
  uint16_t any = 0;
  for (size_t i = 0; i < n; i++)
    any |= u[i];
  return any < 0x100;
}

/* ------------------------------------------------------------------ */
/* Hashing: FNV-1a over code units, so both widths hash alike          */
/* ------------------------------------------------------------------ */

#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

static inline uint32_t
hash_finish (uint32_t h)
{
  /* FNV's low bits are weak for short keys; the table masks them. */
  h ^= h >> 15;
  h *= 0x2c1b3c6du;
  h ^= h >> 12;
  h &= JS_STRING_HASH_MASK;
  return h ? h : 1;
}

uint32_t
string_hash_latin1 (const uint8_t *chars, size_t len)
{
  uint32_t h = FNV_OFFSET;
  for (size_t i = 0; i < len; i++)
    h = (h ^ chars[i]) * FNV_PRIME;
  return hash_finish (h);
}

uint32_t
string_hash_utf16 (const uint16_t *units, size_t len)
{
  uint32_t h = FNV_OFFSET;
  for (size_t i = 0; i < len; i++)
    h = (h ^ units[i]) * FNV_PRIME;
  return hash_finish (h);
}

/* ------------------------------------------------------------------ */
/* Allocation of the forms                                             */
/* ------------------------------------------------------------------ */

static inline bool
fits_inline (size_t len, bool latin1)
{
  return len <= (latin1 ? JS_INLINE_STRING_MAX8 : JS_INLINE_STRING_MAX16);
}

/* A new inline string of len characters, uninitialised but for the NUL
 * after Latin-1 data. */
static JsInlineString *
alloc_inline (JsRuntime *rt, size_t len, bool latin1)
{
  size_t bytes = sizeof (JsString) + (latin1 ? len + 1 : len * 2);
  JsInlineString *s = (JsInlineString *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS, js_slots_for (bytes));
  if (!s)
    return NULL;
  s->base.shape = rt->string_shapes[latin1 ? JS_STR_INLINE8
                                           : JS_STR_INLINE16];
  s->base.length = (uint32_t) len;
  s->base.hash = 0;
  if (latin1)
    s->chars[len] = 0;
  return s;
}

/* A new external string that takes ownership of chars (g_malloc'd, with
 * room for a NUL); frees them if the cell cannot be had. */
static JsString *
new_external (JsRuntime *rt, void *chars, size_t len, bool latin1)
{
  JsExternalString *s = (JsExternalString *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *s));
  if (!s)
    {
      g_free (chars);
      return NULL;
    }
  s->base.shape = rt->string_shapes[latin1 ? JS_STR_EXTERNAL8
                                           : JS_STR_EXTERNAL16];
  s->base.length = (uint32_t) len;
  s->base.hash = 0;
  s->chars = chars;
  heap_set_finalize ((JsCell *) s, true);
  heap_add_unmanaged (&rt->heap, external_bytes (len, latin1));
  return &s->base;
}

/* Copies the flat string src into dst (of the given width) at unit at. */
static void
copy_flat (void *dst, bool dst_latin1, size_t at, const JsString *src)
{
  size_t n = src->length;
  if (dst_latin1)
    memcpy ((uint8_t *) dst + at, string_latin1_chars (src), n);
  else if (!string_is_latin1 (src))
    memcpy ((uint16_t *) dst + at, string_utf16_chars (src), n * 2);
  else
    {
      const uint8_t *c = string_latin1_chars (src);
      uint16_t *d = (uint16_t *) dst + at;
      for (size_t i = 0; i < n; i++)
        d[i] = c[i];
    }
}

/* ------------------------------------------------------------------ */
/* Creation                                                            */
/* ------------------------------------------------------------------ */

JsString *
string_new_latin1 (JsRuntime *rt, const uint8_t *chars, size_t len)
{
  if (len > JS_STRING_MAX_LENGTH)
    return NULL;
  bool ascii = latin1_is_ascii (chars, len);
  JsString *s;
  if (fits_inline (len, true))
    {
      JsInlineString *is = alloc_inline (rt, len, true);
      if (!is)
        return NULL;
      if (len)
        memcpy (is->chars, chars, len);
      s = &is->base;
    }
  else
    {
      uint8_t *buf = g_try_malloc (len + 1);
      if (!buf)
        return NULL;
      memcpy (buf, chars, len);
      buf[len] = 0;
      s = new_external (rt, buf, len, true);
      if (!s)
        return NULL;
    }
  if (ascii)
    s->hash |= JS_STRING_ASCII;
  return s;
}

/* Latin-1 from UTF-16 units known to be below 256. */
static JsString *
new_narrowed (JsRuntime *rt, const uint16_t *units, size_t len)
{
  bool ascii = utf16_is_ascii (units, len);
  uint8_t *d;
  JsString *s;
  if (fits_inline (len, true))
    {
      JsInlineString *is = alloc_inline (rt, len, true);
      if (!is)
        return NULL;
      d = is->chars;
      s = &is->base;
      for (size_t i = 0; i < len; i++)
        d[i] = (uint8_t) units[i];
    }
  else
    {
      d = g_try_malloc (len + 1);
      if (!d)
        return NULL;
      for (size_t i = 0; i < len; i++)
        d[i] = (uint8_t) units[i];
      d[len] = 0;
      s = new_external (rt, d, len, true);
      if (!s)
        return NULL;
    }
  if (ascii)
    s->hash |= JS_STRING_ASCII;
  return s;
}

JsString *
string_new_utf16 (JsRuntime *rt, const uint16_t *units, size_t len)
{
  if (len > JS_STRING_MAX_LENGTH)
    return NULL;
  if (utf16_fits_latin1 (units, len))
    return new_narrowed (rt, units, len);
  if (fits_inline (len, false))
    {
      JsInlineString *is = alloc_inline (rt, len, false);
      if (!is)
        return NULL;
      memcpy (is->chars, units, len * 2);
      return &is->base;
    }
  uint16_t *buf = g_try_malloc ((len + 1) * 2);
  if (!buf)
    return NULL;
  memcpy (buf, units, len * 2);
  buf[len] = 0;
  return new_external (rt, buf, len, false);
}

size_t
string_decode_utf8 (const uint8_t *p, size_t len, uint16_t *out)
{
  size_t n = 0, i = 0;
  while (i < len)
    {
      uint8_t b = p[i];
      if (b < 0x80)
        {
          out[n++] = b;
          i++;
          continue;
        }
      uint32_t cp, need;
      uint8_t lower = 0x80, upper = 0xBF;
      if (b >= 0xC2 && b <= 0xDF)
        need = 1, cp = b & 0x1F;
      else if (b >= 0xE0 && b <= 0xEF)
        {
          /* Unlike strict UTF-8, ED A0..BF (a surrogate) is accepted:
             that is WTF-8, what a JS string written out can contain. */
          need = 2, cp = b & 0x0F;
          if (b == 0xE0)
            lower = 0xA0;
        }
      else if (b >= 0xF0 && b <= 0xF4)
        {
          need = 3, cp = b & 0x07;
          if (b == 0xF0)
            lower = 0x90;
          if (b == 0xF4)
            upper = 0x8F;
        }
      else
        {
          out[n++] = 0xFFFD;
          i++;
          continue;
        }
      size_t j = i + 1;
      uint32_t k = 0;
      while (k < need && j < len && p[j] >= lower && p[j] <= upper)
        {
          cp = (cp << 6) | (p[j] & 0x3F);
          lower = 0x80, upper = 0xBF;
          j++, k++;
        }
      i = j;
      if (k < need)
        out[n++] = 0xFFFD; /* the maximal ill-formed subpart */
      else if (cp >= 0x10000)
        {
          cp -= 0x10000;
          out[n++] = (uint16_t) (0xD800 + (cp >> 10));
          out[n++] = (uint16_t) (0xDC00 + (cp & 0x3FF));
        }
      else
        out[n++] = (uint16_t) cp;
    }
  return n;
}

JsString *
string_new_utf8 (JsRuntime *rt, const char *utf8, gssize len)
{
  size_t n = len < 0 ? strlen (utf8) : (size_t) len;
  const uint8_t *p = (const uint8_t *) utf8;
  if (latin1_is_ascii (p, n))
    return string_new_latin1 (rt, p, n);
  if (n > JS_STRING_MAX_LENGTH)
    return NULL;
  /* A code unit takes at least one byte (a pair takes four), so n units
     are enough. */
  uint16_t local[256];
  uint16_t *buf = n <= G_N_ELEMENTS (local) ? local : g_try_malloc (n * 2);
  if (!buf)
    return NULL;
  size_t units = string_decode_utf8 (p, n, buf);
  JsString *s = string_new_utf16 (rt, buf, units);
  if (buf != local)
    g_free (buf);
  return s;
}

JsString *
string_concat (JsRuntime *rt, JsString *a, JsString *b)
{
  if (a->length == 0)
    return b;
  if (b->length == 0)
    return a;
  uint64_t len = (uint64_t) a->length + b->length;
  if (len > JS_STRING_MAX_LENGTH)
    return NULL;
  bool ascii = string_is_ascii (a) && string_is_ascii (b);
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_string_value (a));
  rt_push_root (rt, js_string_value (b));
  JsString *s = NULL;
  if (!string_is_rope (a) && !string_is_rope (b))
    {
      bool latin1 = string_is_latin1 (a) && string_is_latin1 (b);
      if (fits_inline (len, latin1))
        {
          JsInlineString *is = alloc_inline (rt, len, latin1);
          if (is)
            {
              copy_flat (is->chars, latin1, 0, a);
              copy_flat (is->chars, latin1, a->length, b);
              s = &is->base;
            }
          goto done;
        }
    }
  JsRope *r = (JsRope *) heap_alloc_slots (&rt->heap, JS_SPACE_CELLS,
                                           js_slots_for (sizeof *r));
  if (r)
    {
      r->base.shape = rt->string_shapes[JS_STR_ROPE];
      r->base.length = (uint32_t) len;
      r->base.hash = 0;
      r->left = a;
      r->right = b;
      /* Born black while marking: its parts must be traced. */
      gc_write_barrier (&rt->heap, (JsCell *) r);
      s = &r->base;
    }
done:
  rt_restore_roots (rt, saved);
  if (s && ascii)
    s->hash |= JS_STRING_ASCII;
  return s;
}

JsString *
string_substring (JsRuntime *rt, JsString *s, uint32_t start, uint32_t end)
{
  g_assert (start <= end && end <= s->length);
  if (start == 0 && end == s->length)
    return s;
  if (!string_flatten (rt, s))
    return NULL;
  /* s is rooted, and cells never move: its characters stay put while
     the new string is allocated. */
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_string_value (s));
  JsString *r;
  if (string_is_latin1 (s))
    r = string_new_latin1 (rt, string_latin1_chars (s) + start, end - start);
  else
    r = string_new_utf16 (rt, string_utf16_chars (s) + start, end - start);
  rt_restore_roots (rt, saved);
  return r;
}

/* ------------------------------------------------------------------ */
/* Flattening                                                          */
/* ------------------------------------------------------------------ */

/* The explicit stack that walks a rope's leaves in order.  Ropes nest as
 * deep as the program concatenated (a million levels is ordinary for a
 * loop that appends), so the walk never recurses in C. */
typedef struct
{
  JsString **items; /* the stack */
  size_t len;       /* entries in use */
  size_t cap;       /* entries allocated */
  JsString *local[64]; /* the first entries, without malloc */
} RopeStack;

static bool
stack_push (RopeStack *st, JsString *s)
{
  if (st->len == st->cap)
    {
      size_t cap = st->cap * 2;
      JsString **items = g_try_malloc (cap * sizeof *items);
      if (!items)
        return false;
      memcpy (items, st->items, st->len * sizeof *items);
      if (st->items != st->local)
        g_free (st->items);
      st->items = items;
      st->cap = cap;
    }
  st->items[st->len++] = s;
  return true;
}

/* Walks the leaves of root in order.  With dst NULL, finds out whether
 * they are all Latin-1 (*latin1); otherwise copies them into dst, of the
 * given width.  False if the stack could not grow. */
static bool
walk_leaves (JsRope *root, bool *latin1, void *dst)
{
  RopeStack st;
  st.items = st.local;
  st.len = 0;
  st.cap = G_N_ELEMENTS (st.local);
  size_t at = 0;
  bool ok = stack_push (&st, root->right) && stack_push (&st, root->left);
  while (ok && st.len > 0)
    {
      JsString *s = st.items[--st.len];
      if (string_is_rope (s))
        {
          JsRope *r = (JsRope *) s;
          ok = stack_push (&st, r->right) && stack_push (&st, r->left);
        }
      else if (!dst)
        {
          if (!string_is_latin1 (s))
            {
              *latin1 = false;
              break;
            }
        }
      else
        {
          copy_flat (dst, *latin1, at, s);
          at += s->length;
        }
    }
  if (st.items != st.local)
    g_free (st.items);
  return ok;
}

bool
string_flatten (JsRuntime *rt, JsString *s)
{
  if (!string_is_rope (s))
    return true;
  JsRope *r = (JsRope *) s;
  size_t len = s->length;
  bool latin1 = true;
  if (!walk_leaves (r, &latin1, NULL))
    return false;
  void *buf = g_try_malloc ((len + 1) * (latin1 ? 1 : 2));
  if (!buf)
    return false;
  if (!walk_leaves (r, &latin1, buf))
    {
      g_free (buf);
      return false;
    }
  if (latin1)
    ((uint8_t *) buf)[len] = 0;
  else
    ((uint16_t *) buf)[len] = 0;

  /* The rope cell becomes an external string in place: its parts are no
     longer referenced from it, and its class now owns the buffer. */
  JsExternalString *e = (JsExternalString *) s;
  r->right = NULL;
  e->chars = buf;
  s->shape = rt->string_shapes[latin1 ? JS_STR_EXTERNAL8
                                      : JS_STR_EXTERNAL16];
  gc_write_barrier (&rt->heap, (JsCell *) s);
  heap_set_finalize ((JsCell *) s, true);
  heap_add_unmanaged (&rt->heap, external_bytes (len, latin1));
  return true;
}

static void
flatten_or_die (JsRuntime *rt, JsString *s)
{
  if (G_UNLIKELY (!string_flatten (rt, s)))
    g_error ("out of memory flattening a string of %u code units",
             s->length);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

uint32_t
string_hash (JsRuntime *rt, JsString *s)
{
  uint32_t h = s->hash & JS_STRING_HASH_MASK;
  if (h)
    return h;
  flatten_or_die (rt, s);
  if (string_is_latin1 (s))
    h = string_hash_latin1 (string_latin1_chars (s), s->length);
  else
    h = string_hash_utf16 (string_utf16_chars (s), s->length);
  s->hash |= h;
  return h;
}

/* Compares n units of two flat strings: <0, 0, >0. */
static int
compare_flat (const JsString *a, const JsString *b, uint32_t n)
{
  bool la = string_is_latin1 (a), lb = string_is_latin1 (b);
  if (la && lb)
    return memcmp (string_latin1_chars (a), string_latin1_chars (b), n);
  for (uint32_t i = 0; i < n; i++)
    {
      uint16_t ca = string_flat_char_at (a, i);
      uint16_t cb = string_flat_char_at (b, i);
      if (ca != cb)
        return ca < cb ? -1 : 1;
    }
  return 0;
}

bool
string_equals (JsRuntime *rt, JsString *a, JsString *b)
{
  if (a == b)
    return true;
  if (a->length != b->length)
    return false;
  /* Atoms are unique: two different ones differ. */
  if (string_is_atom (a) && string_is_atom (b))
    return false;
  flatten_or_die (rt, a);
  flatten_or_die (rt, b);
  uint32_t ha = a->hash & JS_STRING_HASH_MASK;
  uint32_t hb = b->hash & JS_STRING_HASH_MASK;
  if (ha && hb && ha != hb)
    return false;
  if (!string_is_latin1 (a) && !string_is_latin1 (b))
    return memcmp (string_utf16_chars (a), string_utf16_chars (b),
                   (size_t) a->length * 2)
           == 0;
  return compare_flat (a, b, a->length) == 0;
}

int
string_compare (JsRuntime *rt, JsString *a, JsString *b)
{
  if (a == b)
    return 0;
  flatten_or_die (rt, a);
  flatten_or_die (rt, b);
  uint32_t n = MIN (a->length, b->length);
  int c = compare_flat (a, b, n);
  if (c)
    return c < 0 ? -1 : 1;
  return a->length < b->length ? -1 : a->length > b->length ? 1 : 0;
}

uint16_t
string_char_at (JsRuntime *rt, JsString *s, uint32_t i)
{
  g_assert (i < s->length);
  flatten_or_die (rt, s);
  return string_flat_char_at (s, i);
}

bool
string_equals_latin1 (const JsString *s, const uint8_t *chars, size_t len)
{
  if (s->length != len)
    return false;
  if (string_is_latin1 (s))
    return memcmp (string_latin1_chars (s), chars, len) == 0;
  /* A UTF-16 form holds a unit above 255: it cannot equal Latin-1, but
     compare anyway rather than lean on that. */
  const uint16_t *u = string_utf16_chars (s);
  for (size_t i = 0; i < len; i++)
    if (u[i] != chars[i])
      return false;
  return true;
}

bool
string_equals_utf16 (const JsString *s, const uint16_t *units, size_t len)
{
  if (s->length != len)
    return false;
  if (!string_is_latin1 (s))
    return memcmp (string_utf16_chars (s), units, len * 2) == 0;
  const uint8_t *c = string_latin1_chars (s);
  for (size_t i = 0; i < len; i++)
    if (c[i] != units[i])
      return false;
  return true;
}

char *
string_to_utf8 (JsRuntime *rt, JsString *s, size_t *len_out)
{
  if (!string_flatten (rt, s))
    return NULL;
  size_t n = s->length, size = 0;
  char *out, *d;
  if (string_is_latin1 (s))
    {
      const uint8_t *c = string_latin1_chars (s);
      for (size_t i = 0; i < n; i++)
        size += c[i] < 0x80 ? 1 : 2;
      d = out = g_try_malloc (size + 1);
      if (!out)
        return NULL;
      for (size_t i = 0; i < n; i++)
        if (c[i] < 0x80)
          *d++ = (char) c[i];
        else
          {
            *d++ = (char) (0xC0 | (c[i] >> 6));
            *d++ = (char) (0x80 | (c[i] & 0x3F));
          }
    }
  else
    {
      const uint16_t *u = string_utf16_chars (s);
      for (size_t i = 0; i < n; i++)
        {
          uint16_t c = u[i];
          if (c < 0x80)
            size += 1;
          else if (c < 0x800)
            size += 2;
          else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n
                   && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF)
            size += 4, i++;
          else
            size += 3; /* lone surrogates become U+FFFD, also three */
        }
      d = out = g_try_malloc (size + 1);
      if (!out)
        return NULL;
      for (size_t i = 0; i < n; i++)
        {
          uint32_t c = u[i];
          if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && u[i + 1] >= 0xDC00
              && u[i + 1] <= 0xDFFF)
            c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00);
          else if (c >= 0xD800 && c <= 0xDFFF)
            c = 0xFFFD;
          if (c < 0x80)
            *d++ = (char) c;
          else if (c < 0x800)
            {
              *d++ = (char) (0xC0 | (c >> 6));
              *d++ = (char) (0x80 | (c & 0x3F));
            }
          else if (c < 0x10000)
            {
              *d++ = (char) (0xE0 | (c >> 12));
              *d++ = (char) (0x80 | ((c >> 6) & 0x3F));
              *d++ = (char) (0x80 | (c & 0x3F));
            }
          else
            {
              *d++ = (char) (0xF0 | (c >> 18));
              *d++ = (char) (0x80 | ((c >> 12) & 0x3F));
              *d++ = (char) (0x80 | ((c >> 6) & 0x3F));
              *d++ = (char) (0x80 | (c & 0x3F));
            }
        }
    }
  *d = 0;
  if (len_out)
    *len_out = size;
  return out;
}

bool
string_is_array_index (JsRuntime *rt, JsString *s, uint32_t *index)
{
  uint32_t n = s->length;
  if (n == 0 || n > 10)
    return false;
  flatten_or_die (rt, s);
  uint16_t c = string_flat_char_at (s, 0);
  if (c < '0' || c > '9' || (c == '0' && n > 1))
    return false;
  uint64_t v = 0;
  for (uint32_t i = 0; i < n; i++)
    {
      c = string_flat_char_at (s, i);
      if (c < '0' || c > '9')
        return false;
      v = v * 10 + (c - '0');
    }
  if (v > JS_MAX_INDEX)
    return false;
  *index = (uint32_t) v;
  return true;
}

/* ------------------------------------------------------------------ */
/* Building                                                            */
/* ------------------------------------------------------------------ */

void
string_builder_init (JsStringBuilder *b)
{
  b->chars = NULL;
  b->len = 0;
  b->cap = 0;
  b->latin1 = true;
  b->failed = false;
}

void
string_builder_free (JsStringBuilder *b)
{
  g_free (b->chars);
  string_builder_init (b);
}

static bool
builder_fail (JsStringBuilder *b)
{
  g_free (b->chars);
  b->chars = NULL;
  b->len = b->cap = 0;
  b->failed = true;
  return false;
}

/* Reallocates to hold cap units and a NUL. */
static bool
builder_resize (JsStringBuilder *b, size_t cap)
{
  void *p = g_try_realloc (b->chars, (cap + 1) * (b->latin1 ? 1 : 2));
  if (!p)
    return builder_fail (b);
  b->chars = p;
  b->cap = cap;
  return true;
}

bool
string_builder_reserve (JsStringBuilder *b, size_t extra)
{
  if (b->failed)
    return false;
  if (extra > JS_STRING_MAX_LENGTH - b->len)
    return builder_fail (b);
  size_t need = b->len + extra;
  if (need <= b->cap)
    return true;
  /* Grow by half again, as appends in a loop would otherwise copy the
     whole string each time. */
  size_t cap = MAX (need, MIN (b->cap + b->cap / 2 + 16,
                               (size_t) JS_STRING_MAX_LENGTH));
  return builder_resize (b, cap);
}

/* From Latin-1 to UTF-16, in place (the buffer grows first). */
static bool
builder_widen (JsStringBuilder *b)
{
  uint16_t *w = g_try_malloc ((b->cap + 1) * 2);
  if (!w)
    return builder_fail (b);
  const uint8_t *c = b->chars;
  for (size_t i = 0; i < b->len; i++)
    w[i] = c[i];
  g_free (b->chars);
  b->chars = w;
  b->latin1 = false;
  return true;
}

bool
string_builder_append_unit (JsStringBuilder *b, uint16_t u)
{
  if (!string_builder_reserve (b, 1))
    return false;
  if (u >= 256 && b->latin1 && !builder_widen (b))
    return false;
  if (b->latin1)
    ((uint8_t *) b->chars)[b->len++] = (uint8_t) u;
  else
    ((uint16_t *) b->chars)[b->len++] = u;
  return true;
}

bool
string_builder_append_code_point (JsStringBuilder *b, uint32_t c)
{
  if (c < 0x10000)
    return string_builder_append_unit (b, (uint16_t) c);
  c -= 0x10000;
  return string_builder_append_unit (b, (uint16_t) (0xD800 + (c >> 10)))
         && string_builder_append_unit (b, (uint16_t) (0xDC00 + (c & 0x3FF)));
}

bool
string_builder_append_latin1 (JsStringBuilder *b, const uint8_t *chars,
                              size_t n)
{
  if (!string_builder_reserve (b, n))
    return false;
  if (b->latin1)
    {
      if (n)
        memcpy ((uint8_t *) b->chars + b->len, chars, n);
    }
  else
    {
      uint16_t *d = (uint16_t *) b->chars + b->len;
      for (size_t i = 0; i < n; i++)
        d[i] = chars[i];
    }
  b->len += n;
  return true;
}

bool
string_builder_append_utf16 (JsStringBuilder *b, const uint16_t *units,
                             size_t n)
{
  if (!string_builder_reserve (b, n))
    return false;
  if (b->latin1 && !utf16_fits_latin1 (units, n) && !builder_widen (b))
    return false;
  if (b->latin1)
    {
      uint8_t *d = (uint8_t *) b->chars + b->len;
      for (size_t i = 0; i < n; i++)
        d[i] = (uint8_t) units[i];
    }
  else if (n)
    memcpy ((uint16_t *) b->chars + b->len, units, n * 2);
  b->len += n;
  return true;
}

bool
string_builder_append_string (JsRuntime *rt, JsStringBuilder *b, JsString *s,
                              uint32_t start, uint32_t end)
{
  g_assert (start <= end && end <= s->length);
  if (b->failed)
    return false;
  if (!string_flatten (rt, s))
    return builder_fail (b);
  if (string_is_latin1 (s))
    return string_builder_append_latin1 (b, string_latin1_chars (s) + start,
                                         end - start);
  return string_builder_append_utf16 (b, string_utf16_chars (s) + start,
                                      end - start);
}

JsString *
string_builder_finish (JsRuntime *rt, JsStringBuilder *b)
{
  if (b->failed)
    {
      string_builder_init (b);
      return NULL;
    }
  size_t len = b->len;
  bool latin1 = b->latin1;
  JsString *s;
  if (len == 0)
    s = rt->common_atoms[JS_ATOM_empty];
  else if (fits_inline (len, latin1))
    s = latin1 ? string_new_latin1 (rt, b->chars, len)
               : string_new_utf16 (rt, b->chars, len);
  else
    {
      /* The buffer becomes the string's: trim it to the length. */
      if (len < b->cap && !builder_resize (b, len))
        return NULL;
      if (latin1)
        ((uint8_t *) b->chars)[len] = 0;
      else
        ((uint16_t *) b->chars)[len] = 0;
      s = new_external (rt, b->chars, len, latin1);
      b->chars = NULL;
      if (s && latin1 && latin1_is_ascii (string_latin1_chars (s), len))
        s->hash |= JS_STRING_ASCII;
    }
  string_builder_free (b);
  return s;
}
