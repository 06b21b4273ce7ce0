/* test-regexp.c — the RegExp compiler and matcher, below the built-ins.
 *
 * Each case compiles a pattern, runs it on an input and compares the
 * captures, written as "[start,end) ..." with "-" for an unset one, or
 * the error.  The inputs are UTF-8 here and UTF-16 to the matcher, and
 * each Latin-1 input runs a second time through the Latin-1 path. */
#include "config.h"

#include "atom.h"
#include "ops.h"
#include "regexp-private.h"
#include "runtime.h"

#include <glib.h>
#include <string.h>

static uint32_t
flags_of (const char *flags)
{
  uint32_t f = 0;
  gunichar2 buf[16];
  size_t n = strlen (flags);
  for (size_t i = 0; i < n; i++)
    buf[i] = (gunichar2) flags[i];
  g_assert_true (regexp_parse_flags (buf, n, &f));
  return f;
}

static RegExpProgram *
compile (const char *pattern, const char *flags, const char **error)
{
  glong len;
  gunichar2 *p = g_utf8_to_utf16 (pattern, -1, NULL, &len, NULL);
  uint32_t pos;
  g_assert_nonnull (p);
  RegExpProgram *prog = regexp_compile (p, (size_t) len, flags_of (flags),
                                        error, &pos);
  g_free (p);
  return prog;
}

/* The captures of a match as text, "none" when there is none. */
static char *
describe (const RegExpProgram *prog, RegExpResult r, const int32_t *caps)
{
  if (r == RE_FAILURE)
    return g_strdup ("none");
  if (r != RE_SUCCESS)
    return g_strdup_printf ("status %d", r);
  GString *s = g_string_new (NULL);
  for (uint32_t i = 0; i < regexp_capture_count (prog); i++)
    {
      if (i)
        g_string_append_c (s, ' ');
      if (caps[2 * i] < 0 || caps[2 * i + 1] < 0)
        g_string_append_c (s, '-');
      else
        g_string_append_printf (s, "%d-%d", caps[2 * i], caps[2 * i + 1]);
    }
  return g_string_free (s, FALSE);
}

/* Runs pattern on input from start and checks the captures. */
static void
check_at (const char *pattern, const char *flags, const char *input,
          uint32_t start, const char *want)
{
  const char *error = NULL;
  RegExpProgram *prog = compile (pattern, flags, &error);
  if (!prog)
    g_error ("/%s/%s does not compile: %s", pattern, flags,
             error ? error : "out of memory");
  glong len;
  gunichar2 *in = g_utf8_to_utf16 (input, -1, NULL, &len, NULL);
  int32_t *caps = g_new (int32_t, 2 * regexp_capture_count (prog));
  RegExpResult r = regexp_exec (prog, in, false, (uint32_t) len, start, caps,
                                NULL);
  char *got = describe (prog, r, caps);
  if (strcmp (got, want) != 0)
    {
      GString *dump = g_string_new (NULL);
      regexp_program_dump (prog, dump);
      g_error ("/%s/%s on \"%s\": got \"%s\", want \"%s\"\n%s", pattern,
               flags, input, got, want, dump->str);
    }
  g_free (got);
  /* The same through the Latin-1 path when the input allows it. */
  bool narrow = true;
  for (glong i = 0; i < len; i++)
    narrow &= in[i] < 256;
  if (narrow)
    {
      uint8_t *in8 = g_new (uint8_t, len + 1);
      for (glong i = 0; i < len; i++)
        in8[i] = (uint8_t) in[i];
      r = regexp_exec (prog, in8, true, (uint32_t) len, start, caps, NULL);
      got = describe (prog, r, caps);
      if (strcmp (got, want) != 0)
        g_error ("/%s/%s on \"%s\" (Latin-1): got \"%s\", want \"%s\"",
                 pattern, flags, input, got, want);
      g_free (got);
      g_free (in8);
    }
  g_free (caps);
  g_free (in);
  regexp_program_free (prog);
}

static void
check (const char *pattern, const char *flags, const char *input,
       const char *want)
{
  check_at (pattern, flags, input, 0, want);
}

static void
check_error (const char *pattern, const char *flags)
{
  const char *error = NULL;
  RegExpProgram *prog = compile (pattern, flags, &error);
  if (prog)
    g_error ("/%s/%s compiled but should not", pattern, flags);
  g_assert_nonnull (error);
}

static void
test_basics (void)
{
  check ("abc", "", "xxabcxx", "2-5");
  check ("abc", "", "xxabxx", "none");
  check ("a|b|c", "", "xxc", "2-3");
  check ("", "", "abc", "0-0");
  check ("a*", "", "baa", "0-0");
  check ("a+", "", "baa", "1-3");
  check ("a+?", "", "baa", "1-2");
  check ("a{2,3}", "", "aaaa", "0-3");
  check ("a{2,3}?", "", "aaaa", "0-2");
  check ("a{2}", "", "a", "none");
  check ("(a)(b)?", "", "a", "0-1 0-1 -");
  check ("(a|ab)(c|bcd)(d*)", "", "abcd", "0-4 0-1 1-4 4-4");
  check ("^abc$", "", "abc", "0-3");
  check ("^b", "m", "a\nb", "2-3");
  check ("a$", "m", "a\nb", "0-1");
  check ("\\bfoo\\b", "", "a foo b", "2-5");
  check ("\\Boo", "", "foo", "1-3");
  check (".", "", "\n", "none");
  check (".", "s", "\n", "0-1");
  check ("[a-c]+", "", "xxabcd", "2-5");
  check ("[^a-c]+", "", "abcxyz", "3-6");
  check ("\\d+\\s\\w+", "", "x 12 ab_", "2-8");
  check ("x{", "", "x{", "0-2");
  check ("]", "", "]", "0-1");
  check ("\\8", "", "8", "0-1");
  check ("\\101", "", "A", "0-1");
  check ("[\\b]", "", "\b", "0-1");
  check ("\\cJ", "", "\n", "0-1");
  check ("\\c", "", "\\c", "0-2");
}

static void
test_spec_examples (void)
{
  /* ECMA-262 22.2.2.3 and 22.2.2.5 notes. */
  check ("((a)|(ab))((c)|(bc))", "", "abc",
         "0-3 0-1 0-1 - 1-3 - 1-3");
  check ("a[a-z]{2,4}", "", "abcdefghi", "0-5");
  check ("a[a-z]{2,4}?", "", "abcdefghi", "0-3");
  check ("(aa|aabaac|ba|b|c)*", "", "aabaac", "0-4 2-4");
  check ("(z)((a+)?(b+)?(c))*", "", "zaacbbbcac",
         "0-10 0-1 8-10 8-9 - 9-10");
  check ("(a*)*", "", "b", "0-0 -");
  check ("(a*)b\\1+", "", "baaaac", "0-1 0-0");
  check ("(?=(a+))", "", "baaabac", "1-1 1-4");
  check ("(?=(a+))a*b\\1", "", "baaabac", "3-6 3-4");
  check ("(.*?)a(?!(a+)b\\2c)\\2(.*)", "", "baaabaac",
         "0-8 0-2 - 3-8");
  check ("(a?b?\?)*", "", "ab", "0-2 1-2");
}

static void
test_captures_reset (void)
{
  check ("(?:(a)|b)+", "", "ab", "0-2 -");
  check ("(?:(a)|(b))+", "", "ab", "0-2 - 1-2");
  check ("(a)|b", "", "b", "0-1 -");
  check ("(?:(?=(abc)))a", "", "abc", "0-1 0-3");
  check ("(?:(?=(abc)))?a", "", "abc", "0-1 -");
  check ("(?:(?=(abc))){1,1}a", "", "abc", "0-1 0-3");
  check ("(?:(?=(abc))){0,1}a", "", "abc", "0-1 -");
}

static void
test_backreferences (void)
{
  check ("(a)\\1", "", "aa", "0-2 0-1");
  check ("\\1(a)", "", "aa", "0-1 0-1");
  check ("(a)\\1", "i", "aA", "0-2 0-1");
  check ("(?<x>b)\\k<x>", "", "abb", "1-3 1-2");
  check ("\\k<x>(?<x>b)", "", "abb", "1-2 1-2");
  check ("(?<=(\\d)\\1)x", "", "11x", "2-3 1-2");
  check ("(?<=\\1(\\d))x", "", "22x", "2-3 1-2");
}

static void
test_lookbehind (void)
{
  check ("(?<=\\$)\\d+", "", "cost $42", "6-8");
  check ("(?<!\\$)\\b\\d+", "", "$4 42", "3-5");
  check ("(?<=(\\d+)(\\d+))$", "", "1053", "4-4 0-1 1-4");
  check ("(?<=a(?=b)b)c", "", "abc", "2-3");
  check ("(?<=^a*)b", "", "aaab", "3-4");
  check ("(?<=ab+)c", "", "abbbc", "4-5");
  check ("(?<=\\b)a", "", " a", "1-2");
}

static void
test_case_insensitive (void)
{
  check ("abc", "i", "xABC", "1-4");
  check ("[a-z]+", "i", "HeLLo", "0-5");
  check ("\u00e5", "i", "\u00c5", "0-1");
  check ("\u017f", "i", "s", "none");
  check ("\u017f", "iu", "s", "0-1");
  check ("\u212a", "i", "k", "none");
  check ("\u212a", "iu", "k", "0-1");
  check ("[^a]", "i", "A", "none");
  check ("\\W", "iu", "\u017f", "none");
  check ("\\w", "iu", "\u212a", "0-1");
  check ("\u00df", "i", "SS", "none");
  check ("\u1f80", "i", "\u1f88", "none");
  check ("\u03c3", "i", "\u03a3", "0-1");
  check ("\u03c3", "i", "\u03c2", "0-1");
}

static void
test_unicode (void)
{
  check (".", "u", "\U0001F600", "0-2");
  check (".", "", "\U0001F600", "0-1");
  check ("^.$", "u", "\U0001F600", "0-2");
  check ("\\u{1F600}", "u", "x\U0001F600", "1-3");
  check ("\\uD83D\\uDE00", "u", "\U0001F600", "0-2");
  check ("\\uD83D", "u", "\U0001F600", "none");
  check ("\\uDE00", "u", "\U0001F600", "none");
  check ("\\uDE00", "", "\U0001F600", "1-2");
  check ("[\U0001F600-\U0001F64F]", "u", "a\U0001F610", "1-3");
  check ("(?<=\U0001F600)a", "u", "\U0001F600a", "2-3");
  check ("(?<=.)a", "u", "\U0001F600a", "2-3");
  check ("\\p{Lu}+", "u", "abCDe", "2-4");
  check ("\\P{Lu}+", "u", "CDe", "2-3");
  check ("\\p{Script=Greek}", "u", "a\u03b1", "1-2");
  check ("\\p{ASCII_Hex_Digit}+", "u", "xyzBEEF", "3-7");
  check_at ("\\udc00", "u", "\U00010000", 1, "none");
  check_at (".", "u", "\U00010000", 1, "0-2");
}

static void
test_unicode_sets (void)
{
  check ("[\\p{L}--[a-z]]+", "v", "abCD", "2-4");
  check ("[[a-z]&&[aeiou]]+", "v", "xyzaei", "3-6");
  check ("[\\q{abc|d}]", "v", "xabc", "1-4");
  check ("^[\\q{abc|ab|a}]c$", "v", "abc", "0-3");
  check ("[\\q{}]", "v", "x", "0-0");
  check ("^\\p{RGI_Emoji}$", "v", "\U0001F468\u200D\U0001F469\u200D\U0001F467",
         "0-8");
  check ("[^\\d]", "v", "1a", "1-2");
  check_error ("[^\\q{ab}]", "v");
  check_error ("[a&&&b]", "v");
  check_error ("[a-z&&b]", "v");
  check_error ("[(]", "v");
  check_error ("\\P{RGI_Emoji}", "v");
  check_error ("\\p{RGI_Emoji}", "u");
}

static void
test_errors (void)
{
  check_error ("a**", "");
  check_error ("(", "");
  check_error (")", "");
  check_error ("[b-a]", "");
  check_error ("a{2,1}", "");
  check_error ("x{1}{1,}", "");
  check_error ("{1}", "");
  check_error ("\\1", "u");
  check_error ("(?<a>x)(?<a>y)", "");
  check_error ("\\k<a>(?<b>x)", "");
  check_error ("(?<=a)*", "");
  check_error ("(?=a)*", "u");
  check_error ("\\p{Foo}", "u");
  check_error ("]", "u");
  check_error ("\\-", "u");
  check_error ("[\\d-z]", "u");
  check_error ("(?<a", "");
  check_error ("(?<1a>x)", "");
}

static void
test_sticky_and_start (void)
{
  check_at ("a", "y", "ba", 0, "none");
  check_at ("a", "y", "ba", 1, "1-2");
  check_at ("^a", "", "aa", 1, "none");
  check_at ("b", "", "abcb", 2, "3-4");
}

static void
test_deep (void)
{
  /* A long input with a backtracking loop: no C stack is spent. */
  GString *s = g_string_new (NULL);
  for (int i = 0; i < 200000; i++)
    g_string_append (s, "ab");
  check ("(?:a|b)*$", "", s->str, "0-400000");
  check ("^(a|b)*c", "", s->str, "none");
  g_string_free (s, TRUE);

  /* Deep nesting is a SyntaxError past the limit, fine below it. */
  GString *p = g_string_new (NULL);
  for (int i = 0; i < 200; i++)
    g_string_append_c (p, '(');
  g_string_append_c (p, 'a');
  for (int i = 0; i < 200; i++)
    g_string_append_c (p, ')');
  const char *error = NULL;
  RegExpProgram *prog = compile (p->str, "", &error);
  g_assert_nonnull (prog);
  regexp_program_free (prog);
  g_string_truncate (p, 0);
  for (int i = 0; i < 5000; i++)
    g_string_append_c (p, '(');
  for (int i = 0; i < 5000; i++)
    g_string_append_c (p, ')');
  g_assert_null (compile (p->str, "", &error));
  g_assert_nonnull (error);
  g_string_free (p, TRUE);
}

static int interrupt_calls;

static bool
stop_after_three (void *data)
{
  (void) data;
  return ++interrupt_calls >= 3;
}

static void
test_interrupt (void)
{
  JsRuntime *rt = runtime_new ();
  const char *error = NULL;
  RegExpProgram *prog = compile ("(a*)*b", "", &error);
  uint8_t in[64];
  int32_t caps[4];

  memset (in, 'a', sizeof in);
  rt->interrupt_handler = stop_after_three;
  rt->interrupt_data = NULL;
  interrupt_calls = 0;
  RegExpResult r = regexp_exec (prog, in, true, sizeof in, 0, caps, rt);
  g_assert_cmpint (r, ==, RE_INTERRUPTED);
  g_assert_cmpint (interrupt_calls, ==, 3);
  regexp_program_free (prog);
  runtime_free (rt);
}

/* Through the built-ins: RegExp.prototype.exec throws when the hook
 * stops the match, and the runtime goes on working afterwards. */
static void
test_interrupt_exec (void)
{
  JsRuntime *rt = runtime_new ();
  JsContext *ctx = runtime_context_new (rt);
  JsValue *saved = rt_save_roots (rt);
  GString *a = g_string_new (NULL);
  for (int i = 0; i < 40; i++)
    g_string_append_c (a, 'a');
  JsValue *pre = rt_push_root (rt, regexp_create (
      ctx, js_string_value (string_new_utf8 (rt, "(a*)*b", -1)),
      JS_UNDEFINED));
  JsValue *ps = rt_push_root (rt, js_string_value (
                                      string_new_utf8 (rt, a->str, -1)));

  g_assert_false (js_is_exception (*pre));
  rt->interrupt_handler = stop_after_three;
  interrupt_calls = 0;
  JsValue r = regexp_exec_abstract (ctx, *pre, *ps);
  g_assert_true (js_is_exception (r));
  JsValue e = js_take_exception (ctx);
  JsValue msg = js_get (ctx, e, atom_common_key (rt, JS_ATOM_message));
  g_assert_cmpstr (string_peek_ascii (js_get_string (msg)), ==,
                   "interrupted");
  rt->interrupt_handler = NULL;
  *ps = js_string_value (string_new_utf8 (rt, "aab", -1));
  r = regexp_exec_abstract (ctx, *pre, *ps);
  g_assert_true (js_is_object (r));
  rt_restore_roots (rt, saved);
  g_string_free (a, TRUE);
  runtime_free (rt);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/regexp/basics", test_basics);
  g_test_add_func ("/regexp/spec-examples", test_spec_examples);
  g_test_add_func ("/regexp/captures-reset", test_captures_reset);
  g_test_add_func ("/regexp/backreferences", test_backreferences);
  g_test_add_func ("/regexp/lookbehind", test_lookbehind);
  g_test_add_func ("/regexp/case-insensitive", test_case_insensitive);
  g_test_add_func ("/regexp/unicode", test_unicode);
  g_test_add_func ("/regexp/unicode-sets", test_unicode_sets);
  g_test_add_func ("/regexp/errors", test_errors);
  g_test_add_func ("/regexp/sticky-and-start", test_sticky_and_start);
  g_test_add_func ("/regexp/deep", test_deep);
  g_test_add_func ("/regexp/interrupt", test_interrupt);
  g_test_add_func ("/regexp/interrupt-exec", test_interrupt_exec);
  return g_test_run ();
}
