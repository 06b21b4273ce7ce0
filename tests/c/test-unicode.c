/* test-unicode.c — the generated Unicode tables and their lookups.
 *
 * The generator already checks the case and normalization tables against
 * the Unicode it was run with, code point by code point; these tests pin
 * the C side: the searches, the Hangul arithmetic, the enumerations and
 * the names, on characters whose properties are stable.
 */
#include "config.h"

#include "unicode-normalize.h"
#include "unicode-tables.h"

#include <glib.h>

static void
test_categories (void)
{
  g_assert_cmpint (uni_general_category ('A'), ==, UNI_GC_Lu);
  g_assert_cmpint (uni_general_category ('a'), ==, UNI_GC_Ll);
  g_assert_cmpint (uni_general_category ('5'), ==, UNI_GC_Nd);
  g_assert_cmpint (uni_general_category (' '), ==, UNI_GC_Zs);
  g_assert_cmpint (uni_general_category (0), ==, UNI_GC_Cc);
  g_assert_cmpint (uni_general_category (0x01C5), ==, UNI_GC_Lt);
  g_assert_cmpint (uni_general_category (0x0301), ==, UNI_GC_Mn);
  g_assert_cmpint (uni_general_category (0xD800), ==, UNI_GC_Cs);
  g_assert_cmpint (uni_general_category (0xE000), ==, UNI_GC_Co);
  g_assert_cmpint (uni_general_category (0x10FFFF), ==, UNI_GC_Cn);
  g_assert_cmpint (uni_general_category (0x110000), ==, UNI_GC_Cn);
  g_assert_cmpint (uni_general_category (0x1F600), ==, UNI_GC_So);
  g_assert_true (uni_in_category (UNI_GC_L, 0x05D0));
  g_assert_true (uni_in_category (UNI_GC_LC, 0x01C5));
  g_assert_false (uni_in_category (UNI_GC_LC, 0x05D0));
  g_assert_true (uni_in_category (UNI_GC_C, 0x0378));
  g_assert_false (uni_in_category (UNI_GC_COUNT, 'A'));
  g_assert_false (uni_in_category (-1, 'A'));
}

static void
test_properties (void)
{
  g_assert_true (uni_has_property (UNI_PROP_ASCII, 0x7F));
  g_assert_false (uni_has_property (UNI_PROP_ASCII, 0x80));
  g_assert_true (uni_has_property (UNI_PROP_Any, 0x10FFFF));
  g_assert_false (uni_has_property (UNI_PROP_Assigned, 0x0378));
  g_assert_true (uni_has_property (UNI_PROP_Alphabetic, 0x00E9));
  g_assert_true (uni_has_property (UNI_PROP_White_Space, 0x3000));
  g_assert_true (uni_has_property (UNI_PROP_Cased, 0x03A3));
  g_assert_true (uni_has_property (UNI_PROP_Case_Ignorable, 0x0027));
  g_assert_true (uni_has_property (UNI_PROP_Emoji, 0x1F600));
  g_assert_false (uni_has_property (UNI_PROP_COUNT, 'a'));
  g_assert_cmpint (uni_property_from_name ("Alpha"), ==,
                   UNI_PROP_Alphabetic);
  g_assert_cmpint (uni_property_from_name ("Alphabetic"), ==,
                   UNI_PROP_Alphabetic);
  g_assert_cmpint (uni_property_from_name ("space"), ==,
                   UNI_PROP_White_Space);
  g_assert_cmpint (uni_property_from_name ("alpha"), ==, -1);
  g_assert_cmpint (uni_category_from_name ("Lu"), ==, UNI_GC_Lu);
  g_assert_cmpint (uni_category_from_name ("Letter"), ==, UNI_GC_L);
  g_assert_cmpint (uni_category_from_name ("punct"), ==, UNI_GC_P);
  g_assert_cmpint (uni_category_from_name ("Combining_Mark"), ==, UNI_GC_M);
  g_assert_cmpint (uni_category_from_name ("Latin"), ==, -1);
  g_assert_cmpint (uni_script_from_name ("Grek"), ==, UNI_SC_Greek);
  g_assert_cmpint (uni_script_from_name ("Greek"), ==, UNI_SC_Greek);
  g_assert_cmpint (uni_script_from_name ("Hrkt"), ==,
                   UNI_SC_Katakana_Or_Hiragana);
  g_assert_cmpint (uni_script_from_name ("Lu"), ==, -1);
}

static void
test_scripts (void)
{
  g_assert_true (uni_in_script (UNI_SC_Latin, 'a', false));
  g_assert_true (uni_in_script (UNI_SC_Greek, 0x03B1, false));
  g_assert_false (uni_in_script (UNI_SC_Greek, 'a', false));
  /* U+0342 COMBINING GREEK PERISPOMENI is Inherited, extended to Greek. */
  g_assert_true (uni_in_script (UNI_SC_Inherited, 0x0342, false));
  g_assert_false (uni_in_script (UNI_SC_Greek, 0x0342, false));
  g_assert_true (uni_in_script (UNI_SC_Greek, 0x0342, true));
  /* U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK is Common. */
  g_assert_true (uni_in_script (UNI_SC_Hiragana, 0x30FC, true));
  g_assert_false (uni_in_script (UNI_SC_Hiragana, 0x30FC, false));
  g_assert_false (uni_in_script (UNI_SC_Katakana_Or_Hiragana, 0x30FC, true));
  g_assert_true (uni_in_script (UNI_SC_Unknown, 0x0378, false));
  g_assert_false (uni_in_script (UNI_SC_COUNT, 'a', false));
}

/* Every range list is sorted, disjoint and not adjacent, and agrees with
 * the membership test at its edges. */
static void
check_ranges (UniSetKind kind, int id, bool (*member) (int, uint32_t))
{
  size_t n = uni_set_ranges (kind, id, NULL, 0);
  UniRange *r = g_new (UniRange, n + 1);
  g_assert_cmpuint (uni_set_ranges (kind, id, r, n), ==, n);
  for (size_t i = 0; i < n; i++)
    {
      g_assert_cmpuint (r[i].lo, <=, r[i].hi);
      g_assert_cmpuint (r[i].hi, <=, UNI_MAX_CODE_POINT);
      if (i > 0)
        g_assert_cmpuint (r[i - 1].hi + 1, <, r[i].lo);
      g_assert_true (member (id, r[i].lo));
      g_assert_true (member (id, r[i].hi));
      if (r[i].lo > 0)
        g_assert_false (member (id, r[i].lo - 1));
      if (r[i].hi < UNI_MAX_CODE_POINT)
        g_assert_false (member (id, r[i].hi + 1));
    }
  g_free (r);
}

static bool
in_script (int id, uint32_t c)
{
  return uni_in_script (id, c, false);
}

static bool
in_script_ext (int id, uint32_t c)
{
  return uni_in_script (id, c, true);
}

static void
test_ranges (void)
{
  for (int p = 0; p < UNI_PROP_COUNT; p++)
    check_ranges (UNI_SET_PROPERTY, p, uni_has_property);
  for (int c = 0; c < UNI_GC_COUNT; c++)
    check_ranges (UNI_SET_CATEGORY, c, uni_in_category);
  for (int s = 0; s < UNI_SC_COUNT; s++)
    {
      check_ranges (UNI_SET_SCRIPT, s, in_script);
      check_ranges (UNI_SET_SCRIPT_EXTENSIONS, s, in_script_ext);
    }
  UniRange r[2];
  g_assert_cmpuint (uni_set_ranges (UNI_SET_PROPERTY, UNI_PROP_Any, r, 2),
                    ==, 1);
  g_assert_cmpuint (r[0].lo, ==, 0);
  g_assert_cmpuint (r[0].hi, ==, UNI_MAX_CODE_POINT);
  /* A category group's ranges merge runs of its values: A-Z then a-z are
     both LC, but "[" lies between them. */
  size_t n = uni_set_ranges (UNI_SET_CATEGORY, UNI_GC_LC, r, 2);
  g_assert_cmpuint (n, >, 2);
  g_assert_cmpuint (r[0].lo, ==, 'A');
  g_assert_cmpuint (r[0].hi, ==, 'Z');
  g_assert_cmpuint (r[1].lo, ==, 'a');
  g_assert_cmpuint (r[1].hi, ==, 'z');
  g_assert_cmpuint (uni_set_ranges (UNI_SET_PROPERTY, -1, r, 2), ==, 0);
}

static void
test_case (void)
{
  g_assert_cmpuint (uni_to_upper_simple ('a'), ==, 'A');
  g_assert_cmpuint (uni_to_upper_simple ('A'), ==, 'A');
  g_assert_cmpuint (uni_to_lower_simple (0x0130), ==, 'i');
  g_assert_cmpuint (uni_to_upper_simple (0x00FF), ==, 0x0178);
  g_assert_cmpuint (uni_to_upper_simple (0x0101), ==, 0x0100);
  g_assert_cmpuint (uni_to_upper_simple (0x0100), ==, 0x0100);
  g_assert_cmpuint (uni_to_lower_simple (0x0100), ==, 0x0101);
  g_assert_cmpuint (uni_to_lower_simple (0x0101), ==, 0x0101);
  g_assert_cmpuint (uni_to_upper_simple (0x10428), ==, 0x10400);
  g_assert_cmpuint (uni_to_upper_simple (0x00DF), ==, 0x00DF);
  g_assert_cmpuint (uni_to_upper_simple (0x110000), ==, 0x110000);
  g_assert_cmpuint (uni_case_fold_simple (0x1E9E), ==, 0x00DF);
  g_assert_cmpuint (uni_case_fold_simple ('K'), ==, 'k');
  g_assert_cmpuint (uni_case_fold_simple (0x212A), ==, 'k');
  g_assert_cmpuint (uni_case_fold_simple (0x03C2), ==, 0x03C3);

  uint32_t out[UNI_MAX_CASE_EXPANSION];
  g_assert_cmpint (uni_to_upper_full (0x00DF, out), ==, 2);
  g_assert_cmpuint (out[0], ==, 'S');
  g_assert_cmpuint (out[1], ==, 'S');
  g_assert_cmpint (uni_to_upper_full (0x0390, out), ==, 3);
  g_assert_cmpuint (out[2], ==, 0x0301);
  g_assert_cmpint (uni_to_upper_full ('q', out), ==, 1);
  g_assert_cmpuint (out[0], ==, 'Q');
  g_assert_cmpint (uni_to_lower_full (0x0130, out), ==, 2);
  g_assert_cmpuint (out[0], ==, 'i');
  g_assert_cmpuint (out[1], ==, 0x0307);

  /* Canonicalize without u: full uppercase when it is one unit. */
  g_assert_cmpuint (uni_regexp_canonicalize ('a', false), ==, 'A');
  g_assert_cmpuint (uni_regexp_canonicalize (0x00DF, false), ==, 0x00DF);
  g_assert_cmpuint (uni_regexp_canonicalize (0x017F, false), ==, 0x017F);
  g_assert_cmpuint (uni_regexp_canonicalize (0x212A, false), ==, 0x212A);
  g_assert_cmpuint (uni_regexp_canonicalize (0x1F80, false), ==, 0x1F80);
  /* ... and simple case folding with it. */
  g_assert_cmpuint (uni_regexp_canonicalize (0x017F, true), ==, 's');
  g_assert_cmpuint (uni_regexp_canonicalize (0x212A, true), ==, 'k');
  g_assert_cmpuint (uni_regexp_canonicalize ('A', true), ==, 'a');
}

static void
test_normalization (void)
{
  uint32_t d[UNI_MAX_DECOMPOSITION];
  g_assert_cmpint (uni_combining_class ('a'), ==, 0);
  g_assert_cmpint (uni_combining_class (0x0301), ==, 230);
  g_assert_cmpint (uni_combining_class (0x0316), ==, 220);
  g_assert_cmpint (uni_combining_class (0x0345), ==, 240);
  g_assert_cmpint (uni_combining_class (0x0344), ==, 230);
  g_assert_cmpint (uni_combining_class (0x0F73), ==, 0);
  g_assert_cmpint (uni_combining_class (0x1D16D), ==, 226);

  g_assert_cmpint (uni_decompose ('a', false, d), ==, 1);
  g_assert_cmpuint (d[0], ==, 'a');
  g_assert_cmpint (uni_decompose (0x00E9, false, d), ==, 2);
  g_assert_cmpuint (d[0], ==, 'e');
  g_assert_cmpuint (d[1], ==, 0x0301);
  /* U+1E69: s, dot below, dot above, recursively. */
  g_assert_cmpint (uni_decompose (0x1E69, false, d), ==, 3);
  g_assert_cmpuint (d[2], ==, 0x0307);
  g_assert_cmpint (uni_decompose (0x00BD, false, d), ==, 1);
  g_assert_cmpint (uni_decompose (0x00BD, true, d), ==, 3);
  g_assert_cmpuint (d[1], ==, 0x2044);
  /* U+1E9B: canonical to U+017F U+0307, whose U+017F is compatibly s. */
  g_assert_cmpint (uni_decompose (0x1E9B, true, d), ==, 2);
  g_assert_cmpuint (d[0], ==, 's');
  g_assert_cmpint (uni_decompose (0xFDFA, true, d), ==,
                   UNI_MAX_DECOMPOSITION);
  g_assert_cmpint (uni_decompose (0xAC00, false, d), ==, 2);
  g_assert_cmpuint (d[0], ==, 0x1100);
  g_assert_cmpuint (d[1], ==, 0x1161);
  g_assert_cmpint (uni_decompose (0xD7A3, false, d), ==, 3);
  g_assert_cmpuint (d[2], ==, 0x11C2);

  g_assert_cmpuint (uni_compose ('e', 0x0301), ==, 0x00E9);
  g_assert_cmpuint (uni_compose ('e', 'e'), ==, 0);
  g_assert_cmpuint (uni_compose (0x1100, 0x1161), ==, 0xAC00);
  g_assert_cmpuint (uni_compose (0xAC00, 0x11A8), ==, 0xAC01);
  g_assert_cmpuint (uni_compose (0xAC00, 0x11A7), ==, 0);
  g_assert_cmpuint (uni_compose (0xAC01, 0x11A8), ==, 0);
  /* U+0958 is excluded from composition. */
  g_assert_cmpuint (uni_compose (0x0915, 0x093C), ==, 0);
  g_assert_cmpuint (uni_compose (0x0B47, 0x0B3E), ==, 0x0B4B);
}

/* in normalized to form must give want (both NUL-terminated UTF-16). */
static void
check_form (const gunichar2 *in, UniNormForm form, const gunichar2 *want)
{
  size_t n = 0, len, wn = 0;
  while (in[n])
    n++;
  while (want[wn])
    wn++;
  uint16_t *out = uni_normalize (in, n, form, &len);
  g_assert_nonnull (out);
  g_assert_cmpmem (out, len * 2, want, wn * 2);
  g_free (out);
}

static void
test_normalize (void)
{
  static const gunichar2 s[] = { 0x1E9B, 0x0323, 0 };
  check_form (s, UNI_NFC, (const gunichar2[]){ 0x1E9B, 0x0323, 0 });
  check_form (s, UNI_NFD, (const gunichar2[]){ 0x017F, 0x0323, 0x0307, 0 });
  check_form (s, UNI_NFKC, (const gunichar2[]){ 0x1E69, 0 });
  check_form (s, UNI_NFKD, (const gunichar2[]){ 's', 0x0323, 0x0307, 0 });
  /* Hangul: LV + T composes; a lone surrogate passes through. */
  check_form ((const gunichar2[]){ 0x1100, 0x1161, 0x11A8, 0xD800, 0 },
              UNI_NFC, (const gunichar2[]){ 0xAC01, 0xD800, 0 });
  /* A supplementary character decomposes into a pair and a mark. */
  check_form ((const gunichar2[]){ 0xD834, 0xDD5E, 0 }, UNI_NFD,
              (const gunichar2[]){ 0xD834, 0xDD57, 0xD834, 0xDD65, 0 });
  /* A blocked mark stays apart: the second acute cannot join. */
  check_form ((const gunichar2[]){ 'e', 0x0301, 0x0301, 0 }, UNI_NFC,
              (const gunichar2[]){ 0x00E9, 0x0301, 0 });
  /* A long run of marks sorts stably by class (220 before 230). */
  enum { PAIRS = 99 };
  gunichar2 marks[2 * PAIRS + 2], want[2 * PAIRS + 2];
  marks[0] = want[0] = 'a';
  for (int i = 0; i < PAIRS; i++)
    {
      marks[1 + 2 * i] = 0x0301;
      marks[2 + 2 * i] = 0x0316;
      want[1 + i] = 0x0316;
      want[1 + PAIRS + i] = 0x0301;
    }
  marks[2 * PAIRS + 1] = want[2 * PAIRS + 1] = 0;
  check_form (marks, UNI_NFD, want);
  g_assert_true (uni_normalize_is_trivial ((const uint16_t[]){ 'a', 0xE9 },
                                           2, UNI_NFC));
  g_assert_false (uni_normalize_is_trivial ((const uint16_t[]){ 'a', 0xE9 },
                                            2, UNI_NFD));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/unicode/categories", test_categories);
  g_test_add_func ("/unicode/properties", test_properties);
  g_test_add_func ("/unicode/scripts", test_scripts);
  g_test_add_func ("/unicode/ranges", test_ranges);
  g_test_add_func ("/unicode/case", test_case);
  g_test_add_func ("/unicode/normalization", test_normalization);
  g_test_add_func ("/unicode/normalize", test_normalize);
  return g_test_run ();
}
