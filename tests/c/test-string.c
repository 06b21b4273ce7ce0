/* test-string.c — string forms, ropes, UTF-8, atoms and symbols.
 *
 * Every test holds its cells on the runtime's root stack, so the file
 * runs unchanged under GSCRIPT_GC_STRESS=1 (a collection at every
 * allocation) and GSCRIPT_GC_INCREMENTAL=1 GSCRIPT_VERIFY_HEAP=1.
 */
#include "config.h"

#include "atom.h"
#include "jsstring.h"
#include "runtime.h"

static JsRuntime *
rt_new (void)
{
  JsRuntime *rt = runtime_new ();
  g_assert_nonnull (rt);
  return rt;
}

static void
collect (JsRuntime *rt)
{
  gc_collect (&rt->heap, JS_GC_REASON_EXPLICIT);
}

static bool
stressed (void)
{
  const char *s = g_getenv ("GSCRIPT_GC_STRESS");
  return s && *s && strcmp (s, "0") != 0;
}

/* Roots s for the rest of the test and returns it. */
static JsString *
keep (JsRuntime *rt, JsString *s)
{
  g_assert_nonnull (s);
  rt_push_root (rt, js_string_value (s));
  return s;
}

static JsString *
lat (JsRuntime *rt, const char *ascii)
{
  return keep (rt, string_new_latin1 (rt, (const uint8_t *) ascii,
                                      strlen (ascii)));
}

static JsString *
u8 (JsRuntime *rt, const char *utf8)
{
  return keep (rt, string_new_utf8 (rt, utf8, -1));
}

static bool
is_form (JsRuntime *rt, JsString *s, JsStringForm form)
{
  return s->shape == rt->string_shapes[form];
}

/* Checks s against UTF-8 text (through string_to_utf8). */
static void
assert_text (JsRuntime *rt, JsString *s, const char *expect)
{
  size_t len;
  char *got = string_to_utf8 (rt, s, &len);
  g_assert_nonnull (got);
  g_assert_cmpstr (got, ==, expect);
  g_assert_cmpuint (len, ==, strlen (expect));
  g_free (got);
}

/* ------------------------------------------------------------------ */
/* Forms and sizes                                                     */
/* ------------------------------------------------------------------ */

static void
test_inline_limits (void)
{
  JsRuntime *rt = rt_new ();
  char buf[64];
  memset (buf, 'x', sizeof buf);
  static const struct
  {
    size_t len;
    uint32_t slots;
    JsStringForm form;
  } cases[] = {
    { 0, 1, JS_STR_INLINE8 },   { 5, 1, JS_STR_INLINE8 },
    { 15, 1, JS_STR_INLINE8 },  { 16, 2, JS_STR_INLINE8 },
    { 47, 2, JS_STR_INLINE8 },  { 48, 1, JS_STR_EXTERNAL8 },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JsString *s = keep (rt, string_new_latin1 (rt, (uint8_t *) buf,
                                                 cases[i].len));
      g_assert_cmpuint (s->length, ==, cases[i].len);
      g_assert_true (is_form (rt, s, cases[i].form));
      g_assert_cmpuint (heap_cell_slots ((JsCell *) s), ==, cases[i].slots);
      g_assert_cmpint (string_latin1_chars (s)[cases[i].len], ==, 0);
      g_assert_true (string_is_ascii (s));
    }
  uint16_t units[32];
  for (int i = 0; i < 32; i++)
    units[i] = 0x3B1 + i; /* Greek */
  static const struct
  {
    size_t len;
    uint32_t slots;
    JsStringForm form;
  } wide[] = {
    { 1, 1, JS_STR_INLINE16 },  { 8, 1, JS_STR_INLINE16 },
    { 9, 2, JS_STR_INLINE16 },  { 24, 2, JS_STR_INLINE16 },
    { 25, 1, JS_STR_EXTERNAL16 },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (wide); i++)
    {
      JsString *s = keep (rt, string_new_utf16 (rt, units, wide[i].len));
      g_assert_true (is_form (rt, s, wide[i].form));
      g_assert_cmpuint (heap_cell_slots ((JsCell *) s), ==, wide[i].slots);
      g_assert_false (string_is_ascii (s));
      g_assert_cmpuint (string_char_at (rt, s, 0), ==, 0x3B1);
    }
  runtime_free (rt);
}

static void
test_utf16_narrows (void)
{
  JsRuntime *rt = rt_new ();
  uint16_t units[] = { 'c', 'a', 'f', 0xE9 };
  JsString *s = keep (rt, string_new_utf16 (rt, units, 4));
  g_assert_true (string_is_latin1 (s));
  g_assert_false (string_is_ascii (s));
  assert_text (rt, s, "caf\xC3\xA9");
  g_assert_null (string_peek_ascii (s));
  JsString *a = lat (rt, "plain");
  g_assert_cmpstr (string_peek_ascii (a), ==, "plain");
  runtime_free (rt);
}

static void
test_external_accounting (void)
{
  JsRuntime *rt = rt_new ();
  JsHeap *heap = &rt->heap;
  char buf[1000];
  memset (buf, 'q', sizeof buf);
  collect (rt);
  int64_t before = heap->unmanaged_bytes;
  JsValue *saved = rt_save_roots (rt);
  JsString *s = keep (rt, string_new_latin1 (rt, (uint8_t *) buf, 1000));
  g_assert_true (is_form (rt, s, JS_STR_EXTERNAL8));
  g_assert_cmpint (heap->unmanaged_bytes, ==, before + 1001);
  collect (rt);
  g_assert_cmpint (heap->unmanaged_bytes, ==, before + 1001);
  rt_restore_roots (rt, saved);
  collect (rt);
  g_assert_cmpint (heap->unmanaged_bytes, ==, before);
  runtime_free (rt);
}

/* ------------------------------------------------------------------ */
/* UTF-8                                                               */
/* ------------------------------------------------------------------ */

static void
test_utf8_round_trip (void)
{
  JsRuntime *rt = rt_new ();
  const char *text = "h\xC3\xA9llo \xE2\x82\xAC \xF0\x9D\x84\x9E!";
  JsString *s = u8 (rt, text);
  /* h é l l o ␠ € ␠ 𝄞(two units) ! */
  g_assert_cmpuint (s->length, ==, 11);
  g_assert_cmpuint (string_char_at (rt, s, 1), ==, 0xE9);
  g_assert_cmpuint (string_char_at (rt, s, 6), ==, 0x20AC);
  g_assert_cmpuint (string_char_at (rt, s, 8), ==, 0xD834);
  g_assert_cmpuint (string_char_at (rt, s, 9), ==, 0xDD1E);
  assert_text (rt, s, text);
  /* Latin-1 beyond ASCII comes back as two bytes. */
  assert_text (rt, u8 (rt, "\xC3\xBF\xC2\x80"), "\xC3\xBF\xC2\x80");
  runtime_free (rt);
}

static void
test_utf8_lossy (void)
{
  JsRuntime *rt = rt_new ();
  static const struct
  {
    const char *in;
    uint16_t out[8];
    size_t n;
  } cases[] = {
    /* A bad continuation: the lead alone is replaced. */
    { "\xC3\x28", { 0xFFFD, '(' }, 2 },
    /* A truncated sequence is one replacement (maximal subpart). */
    { "\xE2\x82", { 0xFFFD }, 1 },
    { "\xF0\x9D\x84" "a", { 0xFFFD, 'a' }, 2 },
    /* Bytes that never start anything. */
    { "\xFF\x80", { 0xFFFD, 0xFFFD }, 2 },
    /* Overlong forms are refused byte by byte. */
    { "\xC0\xAF", { 0xFFFD, 0xFFFD }, 2 },
    { "\xE0\x80\xAF", { 0xFFFD, 0xFFFD, 0xFFFD }, 3 },
    /* Beyond U+10FFFF. */
    { "\xF4\x90\x80\x80", { 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD }, 4 },
    /* WTF-8: an encoded lone surrogate is that code unit. */
    { "\xED\xA0\x80", { 0xD800 }, 1 },
    { "x\xED\xBF\xBF", { 'x', 0xDFFF }, 2 },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      JsString *s = u8 (rt, cases[i].in);
      g_assert_cmpuint (s->length, ==, cases[i].n);
      for (size_t k = 0; k < cases[i].n; k++)
        g_assert_cmpuint (string_char_at (rt, s, (uint32_t) k), ==,
                          cases[i].out[k]);
    }
  runtime_free (rt);
}

static void
test_lone_surrogates_to_utf8 (void)
{
  JsRuntime *rt = rt_new ();
  uint16_t units[] = { 'a', 0xD800, 'b', 0xDC00, 0xD83D, 0xDE00, 0xDBFF };
  JsString *s = keep (rt, string_new_utf16 (rt, units, G_N_ELEMENTS (units)));
  assert_text (rt, s,
               "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xF0\x9F\x98\x80\xEF\xBF\xBD");
  runtime_free (rt);
}

/* ------------------------------------------------------------------ */
/* Concatenation and ropes                                             */
/* ------------------------------------------------------------------ */

static void
test_concat_short_is_flat (void)
{
  JsRuntime *rt = rt_new ();
  JsString *ab = keep (rt, string_concat (rt, lat (rt, "abc"),
                                          lat (rt, "def")));
  g_assert_true (is_form (rt, ab, JS_STR_INLINE8));
  g_assert_true (string_is_ascii (ab));
  assert_text (rt, ab, "abcdef");
  /* Mixed widths widen. */
  JsString *w = keep (rt, string_concat (rt, lat (rt, "x"),
                                         u8 (rt, "\xE2\x82\xAC")));
  g_assert_true (is_form (rt, w, JS_STR_INLINE16));
  assert_text (rt, w, "x\xE2\x82\xAC");
  /* The empty string is the identity. */
  JsString *e = lat (rt, "");
  g_assert_true (string_concat (rt, e, ab) == ab);
  g_assert_true (string_concat (rt, ab, e) == ab);
  runtime_free (rt);
}

static void
test_rope_flattens_in_place (void)
{
  JsRuntime *rt = rt_new ();
  JsString *a = lat (rt, "0123456789012345678901234567890123456789");
  JsString *b = u8 (rt, "\xCE\xB1\xCE\xB2\xCE\xB3");
  JsString *r = keep (rt, string_concat (rt, a, a));
  g_assert_true (string_is_rope (r));
  g_assert_cmpuint (heap_cell_slots ((JsCell *) r), ==, 1);
  g_assert_cmpuint (r->length, ==, 80);
  g_assert_true (string_is_ascii (r));
  /* Held by a second rope: both see the flat result. */
  JsString *r2 = keep (rt, string_concat (rt, r, b));
  g_assert_false (string_is_ascii (r2));
  g_assert_cmpuint (string_char_at (rt, r, 79), ==, '9');
  g_assert_true (is_form (rt, r, JS_STR_EXTERNAL8));
  g_assert_true (string_is_ascii (r));
  g_assert_cmpstr (string_peek_ascii (r), ==,
                   "0123456789012345678901234567890123456789"
                   "0123456789012345678901234567890123456789");
  collect (rt);
  g_assert_cmpuint (string_char_at (rt, r2, 80), ==, 0x3B1);
  g_assert_true (is_form (rt, r2, JS_STR_EXTERNAL16));
  g_assert_cmpuint (r2->length, ==, 83);
  runtime_free (rt);
}

/* A rope of n levels, leaning left (s = s + piece) or right. */
static JsString *
deep_rope (JsRuntime *rt, JsString *piece, long n, bool left)
{
  JsValue *acc = rt_push_root (rt, js_string_value (piece));
  for (long i = 1; i < n; i++)
    {
      JsString *s = js_get_string (*acc);
      s = left ? string_concat (rt, s, piece) : string_concat (rt, piece, s);
      g_assert_nonnull (s);
      *acc = js_string_value (s);
    }
  return js_get_string (*acc);
}

static void
test_deep_rope (void)
{
  JsRuntime *rt = rt_new ();
  long n = stressed () ? 3000 : 1000000;
  /* Long enough that no concatenation is copied. */
  JsString *piece = lat (rt, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW");
  for (int left = 0; left < 2; left++)
    {
      JsValue *saved = rt_save_roots (rt);
      JsString *r = keep (rt, deep_rope (rt, piece, n, left));
      g_assert_cmpuint (r->length, ==, 49 * n);
      g_assert_true (string_is_rope (r));
      /* Flattening walks a million levels with no C recursion. */
      g_assert_true (string_flatten (rt, r));
      g_assert_false (string_is_rope (r));
      for (long i = 0; i < n; i += n / 7 + 1)
        g_assert_cmpuint (string_char_at (rt, r, (uint32_t) (i * 49 + 48)),
                          ==, 'W');
      g_assert_cmpuint (string_char_at (rt, r, 0), ==, 'a');
      rt_restore_roots (rt, saved);
      collect (rt);
    }
  runtime_free (rt);
}

static void
test_shared_rope_parts (void)
{
  JsRuntime *rt = rt_new ();
  /* s = s + s: a DAG whose leaves are visited many times. */
  JsValue *acc = rt_push_root (rt, js_string_value (lat (rt, "xy")));
  for (int i = 0; i < 16; i++)
    {
      JsString *s = js_get_string (*acc);
      *acc = js_string_value (string_concat (rt, s, s));
    }
  JsString *r = js_get_string (*acc);
  g_assert_cmpuint (r->length, ==, 2u << 16);
  g_assert_cmpuint (string_char_at (rt, r, (2u << 16) - 1), ==, 'y');
  runtime_free (rt);
}

static void
test_too_long (void)
{
  JsRuntime *rt = rt_new ();
  JsValue *acc = rt_push_root (rt, js_string_value (lat (rt, "0123456789abcdef0123456789abcdef0123456789abcdef")));
  JsString *s = NULL;
  /* Doubling makes a 2^30-unit rope in a few dozen cells, never flat. */
  for (int i = 0; i < 40; i++)
    {
      JsString *cur = js_get_string (*acc);
      s = string_concat (rt, cur, cur);
      if (!s)
        {
          g_assert_cmpuint ((uint64_t) cur->length * 2, >,
                            JS_STRING_MAX_LENGTH);
          break;
        }
      *acc = js_string_value (s);
    }
  g_assert_null (s);
  runtime_free (rt);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

static void
test_hash_and_equality_across_forms (void)
{
  JsRuntime *rt = rt_new ();
  char buf[61];
  for (int i = 0; i < 60; i++)
    buf[i] = (char) ('a' + i % 26);
  buf[60] = 0;
  JsString *flat = lat (rt, buf);
  JsString *left = keep (rt, string_substring (rt, flat, 0, 30));
  JsString *right = keep (rt, string_substring (rt, flat, 30, 60));
  JsString *rope = keep (rt, string_concat (rt, left, right));
  g_assert_true (string_is_rope (rope));
  g_assert_true (string_equals (rt, rope, flat));
  g_assert_cmpuint (string_hash (rt, rope), ==, string_hash (rt, flat));
  uint16_t wide[60];
  for (int i = 0; i < 60; i++)
    wide[i] = (uint8_t) buf[i];
  g_assert_cmpuint (string_hash_utf16 (wide, 60), ==,
                    string_hash_latin1 ((uint8_t *) buf, 60));
  g_assert_cmpuint (string_hash (rt, flat) & ~JS_STRING_HASH_MASK, ==, 0);
  g_assert_cmpuint (string_hash (rt, flat), !=, 0);
  g_assert_false (string_equals (rt, flat, left));
  JsString *other = keep (rt, string_substring (rt, rope, 1, 60));
  g_assert_false (string_equals (rt, other, left));
  runtime_free (rt);
}

static void
test_compare_by_code_units (void)
{
  JsRuntime *rt = rt_new ();
  g_assert_cmpint (string_compare (rt, lat (rt, "a"), lat (rt, "b")), <, 0);
  g_assert_cmpint (string_compare (rt, lat (rt, "ab"), lat (rt, "a")), >, 0);
  g_assert_cmpint (string_compare (rt, lat (rt, "abc"), lat (rt, "abc")), ==,
                   0);
  g_assert_cmpint (string_compare (rt, lat (rt, ""), lat (rt, "a")), <, 0);
  /* U+FF61 sorts after U+1F600, whose first unit is 0xD83D: the order
     is by code units, not code points. */
  JsString *half = u8 (rt, "\xEF\xBD\xA1");
  JsString *emoji = u8 (rt, "\xF0\x9F\x98\x80");
  g_assert_cmpint (string_compare (rt, half, emoji), >, 0);
  g_assert_cmpint (string_compare (rt, emoji, half), <, 0);
  /* Latin-1 above 0x7F against ASCII and against UTF-16. */
  g_assert_cmpint (string_compare (rt, u8 (rt, "\xC3\xA9"), lat (rt, "z")),
                   >, 0);
  g_assert_cmpint (string_compare (rt, u8 (rt, "\xC3\xA9"),
                                   u8 (rt, "\xCE\xB1")), <, 0);
  runtime_free (rt);
}

static void
test_substring (void)
{
  JsRuntime *rt = rt_new ();
  JsString *s = u8 (rt, "caf\xC3\xA9 \xE2\x82\xAC!");
  JsString *head = keep (rt, string_substring (rt, s, 0, 4));
  g_assert_true (string_is_latin1 (head));
  assert_text (rt, head, "caf\xC3\xA9");
  JsString *tail = keep (rt, string_substring (rt, s, 5, 7));
  g_assert_false (string_is_latin1 (tail));
  assert_text (rt, tail, "\xE2\x82\xAC!");
  g_assert_true (string_substring (rt, s, 0, s->length) == s);
  g_assert_cmpuint (string_substring (rt, s, 3, 3)->length, ==, 0);
  runtime_free (rt);
}

static void
test_array_index (void)
{
  JsRuntime *rt = rt_new ();
  static const struct
  {
    const char *s;
    bool ok;
    uint32_t v;
  } cases[] = {
    { "0", true, 0 },          { "7", true, 7 },
    { "4294967294", true, JS_MAX_INDEX },
    { "4294967295", false, 0 }, { "01", false, 0 },
    { "-1", false, 0 },        { "", false, 0 },
    { "1e3", false, 0 },       { "99999999999", false, 0 },
    { " 1", false, 0 },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      uint32_t v = 12345;
      g_assert_cmpint (string_is_array_index (rt, lat (rt, cases[i].s), &v),
                       ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpuint (v, ==, cases[i].v);
    }
  runtime_free (rt);
}

/* ------------------------------------------------------------------ */
/* Atoms                                                               */
/* ------------------------------------------------------------------ */

static void
test_atoms_unique (void)
{
  JsRuntime *rt = rt_new ();
  JsString *a = keep (rt, atom_intern_latin1 (rt, (const uint8_t *) "foo", 3));
  g_assert_true (string_is_atom (a));
  uint16_t units[] = { 'f', 'o', 'o' };
  g_assert_true (atom_intern_utf16 (rt, units, 3) == a);
  g_assert_true (atom_intern_utf8 (rt, "foo", -1) == a);
  JsString *copy = lat (rt, "foo");
  g_assert_false (string_is_atom (copy));
  g_assert_true (atom_intern_string (rt, copy) == a);
  g_assert_false (string_is_atom (copy));
  g_assert_true (string_equals (rt, copy, a));
  /* A string with no atom yet becomes the atom itself. */
  JsString *fresh = lat (rt, "never-seen-before");
  g_assert_null (atom_find_string (rt, fresh));
  g_assert_true (atom_intern_string (rt, fresh) == fresh);
  g_assert_true (string_is_atom (fresh));
  g_assert_true (atom_find_latin1 (rt, (const uint8_t *) "never-seen-before",
                                   17)
                 == fresh);
  /* Non-ASCII atoms, through every door. */
  JsString *w = keep (rt, atom_intern_utf8 (rt, "\xE2\x82\xAC" "uro", -1));
  uint16_t wu[] = { 0x20AC, 'u', 'r', 'o' };
  g_assert_true (atom_intern_utf16 (rt, wu, 4) == w);
  g_assert_true (atom_intern_string (rt, u8 (rt, "\xE2\x82\xAC" "uro")) == w);
  /* The common atoms are there from the start. */
  g_assert_true (atom_intern_utf8 (rt, "length", -1)
                 == atom_common (rt, JS_ATOM_length));
  g_assert_cmpuint (atom_common (rt, JS_ATOM_empty)->length, ==, 0);
  runtime_free (rt);
}

static void
test_rope_becomes_atom (void)
{
  JsRuntime *rt = rt_new ();
  JsString *half = lat (rt, "a-rather-long-property-name-");
  JsString *r = keep (rt, string_concat (rt, half, half));
  g_assert_true (string_is_rope (r));
  JsKey k = atom_key_from_string (rt, r);
  g_assert_true (js_key_cell (k) == (JsCell *) r);
  g_assert_false (string_is_rope (r));
  g_assert_true (string_is_atom (r));
  runtime_free (rt);
}

static void
test_atoms_weak (void)
{
  JsRuntime *rt = rt_new ();
  const uint8_t *dropped = (const uint8_t *) "dropped-atom";
  const uint8_t *held = (const uint8_t *) "held-atom";
  uint32_t base = rt->atoms.count;
  JsValue *saved = rt_save_roots (rt);
  JsString *h = keep (rt, atom_intern_latin1 (rt, held, 9));
  g_assert_nonnull (atom_intern_latin1 (rt, dropped, 12));
  g_assert_cmpuint (rt->atoms.count, <=, base + 2);
  collect (rt);
  /* Nothing held the first: it left the table with its cell. */
  g_assert_null (atom_find_latin1 (rt, dropped, 12));
  g_assert_true (atom_find_latin1 (rt, held, 9) == h);
  g_assert_true (atom_intern_latin1 (rt, held, 9) == h);
  g_assert_cmpuint (rt->atoms.count, ==, base + 1);
  rt_restore_roots (rt, saved);
  collect (rt);
  g_assert_null (atom_find_latin1 (rt, held, 9));
  g_assert_cmpuint (rt->atoms.count, ==, base);
  runtime_free (rt);
}

static void
test_atom_table_grows_and_shrinks (void)
{
  JsRuntime *rt = rt_new ();
  int n = stressed () ? 2000 : 20000;
  uint32_t cap0 = rt->atoms.cap;
  JsValue *saved = rt_save_roots (rt);
  JsValue *held = rt->stack_top;
  for (int i = 0; i < n; i++)
    {
      char name[32];
      int len = g_snprintf (name, sizeof name, "key-%d", i);
      keep (rt, atom_intern_latin1 (rt, (uint8_t *) name, (size_t) len));
    }
  g_assert_cmpuint (rt->atoms.cap, >, cap0);
  g_assert_cmpuint (rt->atoms.used * 4, <=, rt->atoms.cap * 3);
  for (int i = 0; i < n; i++)
    {
      char name[32];
      int len = g_snprintf (name, sizeof name, "key-%d", i);
      JsString *a = atom_intern_latin1 (rt, (uint8_t *) name, (size_t) len);
      g_assert_true (a == js_get_string (held[i]));
    }
  rt_restore_roots (rt, saved);
  collect (rt);
  g_assert_cmpuint (rt->atoms.cap, <, 4096);
  g_assert_null (atom_find_latin1 (rt, (const uint8_t *) "key-7", 5));
  runtime_free (rt);
}

static void
test_keys (void)
{
  JsRuntime *rt = rt_new ();
  JsKey k = atom_key_from_string (rt, lat (rt, "123"));
  g_assert_true (js_key_is_index (k));
  g_assert_cmpuint (js_key_index (k), ==, 123);
  g_assert_true (atom_key_from_utf8 (rt, "123") == k);
  g_assert_true (atom_key_from_utf8 (rt, "4294967294")
                 == js_key_from_index (JS_MAX_INDEX));
  JsKey s = atom_key_from_string (rt, lat (rt, "0123"));
  g_assert_false (js_key_is_index (s));
  rt_push_cell (rt, js_key_cell (s));
  g_assert_true (atom_key_from_utf8 (rt, "0123") == s);
  JsKey big = atom_key_from_utf8 (rt, "4294967295");
  g_assert_false (js_key_is_index (big));
  g_assert_false (atom_key_is_symbol (big));
  JsValue v = atom_key_to_value (k);
  g_assert_true (js_is_number (v) && js_get_number (v) == 123);
  runtime_free (rt);
}

static void
test_symbols (void)
{
  JsRuntime *rt = rt_new ();
  JsValue *saved = rt_save_roots (rt);
  JsString *desc = lat (rt, "a description");
  JsSymbol *a = symbol_new (rt, desc);
  rt_restore_roots (rt, saved);
  rt_push_root (rt, js_symbol_value (a));
  JsSymbol *b = symbol_new (rt, NULL);
  rt_push_root (rt, js_symbol_value (b));
  g_assert_cmpuint (heap_cell_slots ((JsCell *) a), ==, 1);
  g_assert_true (symbol_key (a) != symbol_key (b));
  g_assert_true (atom_key_is_symbol (symbol_key (a)));
  g_assert_false (js_key_is_index (symbol_key (a)));
  collect (rt);
  /* The symbol keeps its description alive. */
  g_assert_true (heap_is_cell (&rt->heap, a->description));
  g_assert_cmpuint (a->description->length, ==, 13);
  g_assert_null (b->description);
  runtime_free (rt);
}

/* A rope and a symbol are born black while marking: their parts, made
 * before the cycle and rooted only after it started, must be traced
 * through them once the roots are gone. */
static void
test_barrier_new_cells (void)
{
  JsRuntime *rt = rt_new ();
  rt->heap.stress_every = 0;
  rt->heap.incremental_debug = false;
  rt->heap.verify = true;
  JsString *a = string_new_utf8 (rt, "the left part of a rope, long enough", -1);
  g_assert_nonnull (a);
  JsValue *ra = rt_push_root (rt, js_string_value (a));
  JsString *b = string_new_utf8 (rt, "the right part of a rope, as long", -1);
  g_assert_nonnull (b);
  rt_push_root (rt, js_string_value (b));
  JsString *d = string_new_utf8 (rt, "a description", -1);
  g_assert_nonnull (d);
  rt_restore_roots (rt, ra);
  gc_incremental_start (&rt->heap);
  while (!gc_incremental_mark (&rt->heap, 1000))
    ;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, js_string_value (a));
  rt_push_root (rt, js_string_value (b));
  rt_push_root (rt, js_string_value (d));
  JsString *r = string_concat (rt, a, b);
  JsSymbol *sym = symbol_new (rt, d);
  rt_restore_roots (rt, saved);
  rt_push_root (rt, js_string_value (r));
  rt_push_root (rt, js_symbol_value (sym));
  gc_collect (&rt->heap, JS_GC_REASON_ALLOCATION);
  g_assert_true (string_is_rope (r));
  g_assert_true (heap_is_cell (&rt->heap, a) && heap_is_cell (&rt->heap, b));
  g_assert_true (heap_is_cell (&rt->heap, d));
  g_assert_cmpuint (string_char_at (rt, r, r->length - 1), ==, 'g');
  runtime_free (rt);
}

/* A builder stays Latin-1 until a wide unit comes, and fails for good
 * once the length passes the maximum. */
static void
test_builder (void)
{
  JsRuntime *rt = rt_new ();
  JsValue *saved = rt_save_roots (rt);
  JsStringBuilder b;
  string_builder_init (&b);
  g_assert_true (string_builder_append_latin1 (&b, (const uint8_t *) "ab",
                                               2));
  g_assert_true (string_builder_append_unit (&b, 0xE9));
  g_assert_true (b.latin1);
  JsString *s = keep (rt, string_builder_finish (rt, &b));
  g_assert_true (string_is_latin1 (s) && !string_is_ascii (s));
  g_assert_cmpuint (s->length, ==, 3);

  string_builder_init (&b);
  for (int i = 0; i < 100; i++)
    string_builder_append_unit (&b, 'x');
  g_assert_true (string_builder_append_code_point (&b, 0x1F600));
  g_assert_false (b.latin1);
  s = keep (rt, string_builder_finish (rt, &b));
  g_assert_cmpuint (s->length, ==, 102);
  g_assert_true (is_form (rt, s, JS_STR_EXTERNAL16));
  g_assert_cmpuint (string_char_at (rt, s, 100), ==, 0xD83D);
  g_assert_cmpuint (string_char_at (rt, s, 101), ==, 0xDE00);

  string_builder_init (&b);
  string_builder_append_string (rt, &b, s, 98, 102);
  s = keep (rt, string_builder_finish (rt, &b));
  g_assert_cmpuint (s->length, ==, 4);
  g_assert_true (is_form (rt, s, JS_STR_INLINE16));

  string_builder_init (&b);
  g_assert_true (string_builder_append_unit (&b, 'a'));
  g_assert_false (string_builder_reserve (&b, JS_STRING_MAX_LENGTH));
  g_assert_false (string_builder_append_unit (&b, 'b'));
  g_assert_null (string_builder_finish (rt, &b));
  /* A failed builder is empty again after finishing. */
  g_assert_true (string_builder_finish (rt, &b)
                 == atom_common (rt, JS_ATOM_empty));
  rt_restore_roots (rt, saved);
  runtime_free (rt);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/string/inline-limits", test_inline_limits);
  g_test_add_func ("/string/utf16-narrows", test_utf16_narrows);
  g_test_add_func ("/string/external-accounting", test_external_accounting);
  g_test_add_func ("/string/utf8-round-trip", test_utf8_round_trip);
  g_test_add_func ("/string/utf8-lossy", test_utf8_lossy);
  g_test_add_func ("/string/lone-surrogates-to-utf8",
                   test_lone_surrogates_to_utf8);
  g_test_add_func ("/string/concat-short-is-flat", test_concat_short_is_flat);
  g_test_add_func ("/string/rope-flattens-in-place",
                   test_rope_flattens_in_place);
  g_test_add_func ("/string/deep-rope", test_deep_rope);
  g_test_add_func ("/string/shared-rope-parts", test_shared_rope_parts);
  g_test_add_func ("/string/too-long", test_too_long);
  g_test_add_func ("/string/hash-and-equality-across-forms",
                   test_hash_and_equality_across_forms);
  g_test_add_func ("/string/compare-by-code-units",
                   test_compare_by_code_units);
  g_test_add_func ("/string/substring", test_substring);
  g_test_add_func ("/string/array-index", test_array_index);
  g_test_add_func ("/atom/unique", test_atoms_unique);
  g_test_add_func ("/atom/rope-becomes-atom", test_rope_becomes_atom);
  g_test_add_func ("/atom/weak", test_atoms_weak);
  g_test_add_func ("/atom/table-grows-and-shrinks",
                   test_atom_table_grows_and_shrinks);
  g_test_add_func ("/atom/keys", test_keys);
  g_test_add_func ("/atom/symbols", test_symbols);
  g_test_add_func ("/string/barrier/new-cells", test_barrier_new_cells);
  g_test_add_func ("/string/builder", test_builder);
  return g_test_run ();
}
