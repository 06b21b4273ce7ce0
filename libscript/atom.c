/* atom.c — the weak atom table, property keys and symbols.
 *
 * The table is open addressing with linear probing over JsString
 * pointers, keyed by the strings' 30-bit content hash (cached in each
 * string, so a probe compares hashes before characters).  Deleted
 * entries become tombstones, so a probe sequence is never cut; a
 * rehash clears them.  The load, tombstones included, stays below three
 * quarters, so every probe ends at an empty slot.
 *
 * The table does not keep its strings alive: after marking,
 * atom_sweep turns the entries whose cells were not reached into
 * tombstones, before the sweep frees those cells.  Nothing else in the
 * engine owns a list of atoms, so that is all it takes for a key made at
 * run time (obj["k" + i]) to leave no trace once its objects are gone.
 */
#include "config.h"

#include "atom.h"

#define ATOM_MIN_CAP 256u

/* What an atom is looked up by: characters of either width. */
typedef struct
{
  const void *chars; /* Latin-1 or UTF-16 */
  size_t len;        /* in characters */
  bool latin1;       /* width of chars */
} Chars;

static inline bool
chars_equal (const JsString *s, const Chars *c)
{
  return c->latin1 ? string_equals_latin1 (s, c->chars, c->len)
                   : string_equals_utf16 (s, c->chars, c->len);
}

static JsString *
table_find (JsAtomTable *t, uint32_t hash, const Chars *c)
{
  uint32_t mask = t->cap - 1;
  for (uint32_t i = hash & mask;; i = (i + 1) & mask)
    {
      JsString *e = t->slots[i];
      if (!e)
        return NULL;
      if (e != JS_ATOM_TOMBSTONE && (e->hash & JS_STRING_HASH_MASK) == hash
          && chars_equal (e, c))
        return e;
    }
}

/* Puts s in the first free slot of its probe sequence (s is known to be
 * absent, so a tombstone will do). */
static void
table_put (JsAtomTable *t, JsString *s)
{
  uint32_t mask = t->cap - 1;
  for (uint32_t i = (s->hash & JS_STRING_HASH_MASK) & mask;;
       i = (i + 1) & mask)
    {
      JsString *e = t->slots[i];
      if (!e || e == JS_ATOM_TOMBSTONE)
        {
          if (!e)
            t->used++;
          t->slots[i] = s;
          t->count++;
          return;
        }
    }
}

/* Rebuilds the table at a size where count entries fill at most half. */
static void
table_rehash (JsAtomTable *t)
{
  uint32_t cap = ATOM_MIN_CAP;
  while (cap / 2 < t->count + 1)
    cap *= 2;
  JsString **old = t->slots;
  uint32_t old_cap = t->cap;
  t->slots = g_new0 (JsString *, cap);
  t->cap = cap;
  t->count = t->used = 0;
  for (uint32_t i = 0; i < old_cap; i++)
    if (old[i] && old[i] != JS_ATOM_TOMBSTONE)
      table_put (t, old[i]);
  g_free (old);
}

static void
table_insert (JsAtomTable *t, JsString *s)
{
  if ((t->used + 1) * 4 > t->cap * 3)
    table_rehash (t);
  table_put (t, s);
}

void
atom_table_init (JsRuntime *rt)
{
  static const char *const names[JS_ATOM_COMMON_COUNT] = {
#define JS_ATOM_NAME(id, text) text,
    JS_COMMON_ATOMS (JS_ATOM_NAME)
#undef JS_ATOM_NAME
  };
  JsAtomTable *t = &rt->atoms;
  t->cap = ATOM_MIN_CAP;
  t->slots = g_new0 (JsString *, t->cap);
  t->count = t->used = 0;
  /* The runtime is being made: no collection runs before these are
     stored where the roots are traced. */
  rt->heap.no_gc_depth++;
  for (int i = 0; i < JS_ATOM_COMMON_COUNT; i++)
    {
      rt->common_atoms[i] = atom_intern_utf8 (rt, names[i], -1);
      g_assert (rt->common_atoms[i]);
    }
  rt->heap.no_gc_depth--;
}

void
atom_table_free (JsRuntime *rt)
{
  g_free (rt->atoms.slots);
  memset (&rt->atoms, 0, sizeof rt->atoms);
}

void
atom_sweep (JsRuntime *rt)
{
  JsAtomTable *t = &rt->atoms;
  for (uint32_t i = 0; i < t->cap; i++)
    {
      JsString *e = t->slots[i];
      if (e && e != JS_ATOM_TOMBSTONE && !js_cell_is_marked (e))
        {
          t->slots[i] = JS_ATOM_TOMBSTONE;
          t->count--;
        }
    }
  /* Many tombstones lengthen probes; a mostly empty table wastes a scan
     per collection.  Either way, rebuild it. */
  if (t->used - t->count > t->cap / 4
      || (t->cap > ATOM_MIN_CAP && t->count * 8 < t->cap))
    table_rehash (t);
}

/* ------------------------------------------------------------------ */
/* Interning                                                           */
/* ------------------------------------------------------------------ */

JsString *
atom_find_latin1 (JsRuntime *rt, const uint8_t *chars, size_t len)
{
  Chars c = { chars, len, true };
  return table_find (&rt->atoms, string_hash_latin1 (chars, len), &c);
}

JsString *
atom_intern_latin1 (JsRuntime *rt, const uint8_t *chars, size_t len)
{
  uint32_t h = string_hash_latin1 (chars, len);
  Chars c = { chars, len, true };
  JsString *a = table_find (&rt->atoms, h, &c);
  if (a)
    return a;
  /* A collection here may drop dead atoms but never adds one. */
  a = string_new_latin1 (rt, chars, len);
  if (!a)
    return NULL;
  a->hash |= h | JS_STRING_ATOM;
  table_insert (&rt->atoms, a);
  return a;
}

JsString *
atom_intern_utf16 (JsRuntime *rt, const uint16_t *units, size_t len)
{
  uint32_t h = string_hash_utf16 (units, len);
  Chars c = { units, len, false };
  JsString *a = table_find (&rt->atoms, h, &c);
  if (a)
    return a;
  a = string_new_utf16 (rt, units, len);
  if (!a)
    return NULL;
  a->hash |= h | JS_STRING_ATOM;
  table_insert (&rt->atoms, a);
  return a;
}

JsString *
atom_intern_utf8 (JsRuntime *rt, const char *utf8, gssize len)
{
  size_t n = len < 0 ? strlen (utf8) : (size_t) len;
  const uint8_t *p = (const uint8_t *) utf8;
  size_t i = 0;
  while (i < n && p[i] < 0x80)
    i++;
  if (i == n)
    return atom_intern_latin1 (rt, p, n);
  if (n > JS_STRING_MAX_LENGTH)
    return NULL;
  uint16_t local[256];
  uint16_t *buf = n <= G_N_ELEMENTS (local) ? local : g_try_malloc (n * 2);
  if (!buf)
    return NULL;
  JsString *a = atom_intern_utf16 (rt, buf, string_decode_utf8 (p, n, buf));
  if (buf != local)
    g_free (buf);
  return a;
}

/* The table's entry for the flat string s, or NULL. */
static JsString *
find_flat (JsRuntime *rt, JsString *s)
{
  Chars c = { string_chars (s), s->length, string_is_latin1 (s) };
  return table_find (&rt->atoms, string_hash (rt, s), &c);
}

JsString *
atom_find_string (JsRuntime *rt, JsString *s)
{
  if (string_is_atom (s))
    return s;
  if (!string_flatten (rt, s))
    return NULL;
  return find_flat (rt, s);
}

JsString *
atom_intern_string (JsRuntime *rt, JsString *s)
{
  if (string_is_atom (s))
    return s;
  if (!string_flatten (rt, s))
    return NULL;
  JsString *a = find_flat (rt, s);
  if (a)
    return a;
  /* Strings are immutable: this one can be the atom itself. */
  s->hash |= JS_STRING_ATOM;
  table_insert (&rt->atoms, s);
  return s;
}

/* ------------------------------------------------------------------ */
/* Keys                                                                */
/* ------------------------------------------------------------------ */

JsKey
atom_key_from_string (JsRuntime *rt, JsString *s)
{
  uint32_t index;
  if (string_is_array_index (rt, s, &index))
    return js_key_from_index (index);
  JsString *a = atom_intern_string (rt, s);
  return a ? atom_key (a) : JS_KEY_NONE;
}

JsKey
atom_key_from_utf8 (JsRuntime *rt, const char *utf8)
{
  size_t n = strlen (utf8);
  /* An index is ASCII digits: decide without making a string. */
  if (n > 0 && n <= 10 && (utf8[0] != '0' || n == 1))
    {
      uint64_t v = 0;
      size_t i = 0;
      while (i < n && utf8[i] >= '0' && utf8[i] <= '9')
        v = v * 10 + (uint64_t) (utf8[i++] - '0');
      if (i == n && v <= JS_MAX_INDEX)
        return js_key_from_index ((uint32_t) v);
    }
  JsString *a = atom_intern_utf8 (rt, utf8, (gssize) n);
  return a ? atom_key (a) : JS_KEY_NONE;
}

/* ------------------------------------------------------------------ */
/* Symbols                                                             */
/* ------------------------------------------------------------------ */

JsSymbol *
symbol_new (JsRuntime *rt, JsString *description)
{
  JsValue *saved = rt_save_roots (rt);
  rt_push_cell (rt, description);
  JsSymbol *sym = (JsSymbol *) heap_alloc_slots (
      &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *sym));
  rt_restore_roots (rt, saved);
  if (!sym)
    return NULL;
  sym->shape = rt->symbol_shape;
  sym->description = description;
  /* Identity hash: the address, mixed (cells never move). */
  uint64_t a = (uint64_t) (uintptr_t) sym;
  sym->hash = (uint32_t) ((a * UINT64_C (0x9E3779B97F4A7C15)) >> 34);
  sym->flags = 0;
  sym->unused = 0;
  gc_write_barrier (&rt->heap, (JsCell *) sym);
  return sym;
}
