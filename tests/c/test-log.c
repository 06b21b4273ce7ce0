/* test-log.c — log categories: rule parsing, precedence, registration and
 * the structured messages that come out.
 *
 * The test program is the application here, so it installs a log writer
 * that records every message; tests read the records back.  Warnings are
 * made non-fatal for the same reason: the writer sees them and tests count
 * them.  Tests of GSCRIPT_LOGGING_RULES run in a subprocess, because the
 * library reads the environment only once per process.
 */
#include "config.h"

#include "log.h"

#include <stdlib.h>
#include <string.h>

/* One message as the writer saw it. */
typedef struct
{
  GLogLevelFlags level;  /* without the fatal and recursion flags */
  GHashTable *fields;    /* field name -> value, both owned */
} Record;

static GMutex records_lock;
static GPtrArray *records;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_hash_table_unref (record->fields);
  g_free (record);
}

static GLogWriterOutput
record_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields,
               gpointer user_data)
{
  Record *record = g_new0 (Record, 1);

  record->level = level & G_LOG_LEVEL_MASK;
  record->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          g_free);
  for (gsize i = 0; i < n_fields; i++)
    {
      gssize len = fields[i].length;
      char *value = len < 0 ? g_strdup (fields[i].value)
                            : g_strndup (fields[i].value, (gsize) len);

      g_hash_table_replace (record->fields, g_strdup (fields[i].key), value);
    }

  /* A failed g_return_if_fail() is a bug in the library or the test, and
   * no test expects one. */
  if (record->level == G_LOG_LEVEL_CRITICAL
      && !g_hash_table_contains (record->fields, "GSCRIPT_CATEGORY"))
    {
      g_log_writer_default (level, fields, n_fields, NULL);
      abort ();
    }

  g_mutex_lock (&records_lock);
  g_ptr_array_add (records, record);
  g_mutex_unlock (&records_lock);
  return G_LOG_WRITER_HANDLED;
}

static const char *
record_field (guint i, const char *key)
{
  Record *record;

  g_assert_cmpuint (i, <, records->len);
  record = g_ptr_array_index (records, i);
  return g_hash_table_lookup (record->fields, key);
}

static GLogLevelFlags
record_level (guint i)
{
  g_assert_cmpuint (i, <, records->len);
  return ((Record *) g_ptr_array_index (records, i))->level;
}

/* Every test starts from the default rules and no recorded message. */
static void
reset (void)
{
  gs_log_set_rules (NULL);
  g_ptr_array_set_size (records, 0);
}

/* The levels of a category, as a mask, through the public check. */
static guint
levels_of (GsLogCategory *cat)
{
  guint levels = 0;

  for (guint bit = GS_LOG_DEBUG; bit <= GS_LOG_CRITICAL; bit <<= 1)
    if (gs_log_category_is_enabled (cat, bit))
      levels |= bit;
  return levels;
}

/* The levels a category with @name gets under @rules, seen through a
 * freshly registered category. */
static guint
levels_under (const char *rules, const char *name)
{
  GsLogCategory cat = { name, 0, FALSE, NULL };
  guint levels;

  gs_log_set_rules (rules);
  gs_log_category_register (&cat);
  levels = levels_of (&cat);
  gs_log_category_unregister (&cat);
  return levels;
}

#define DEFAULTS (GS_LOG_WARNING | GS_LOG_CRITICAL)

static void
test_defaults (void)
{
  GsLogCategory cat = { "test.defaults", 0, FALSE, NULL };

  reset ();
  gs_log_category_register (&cat);
  g_assert_false (gs_log_category_is_enabled (&cat, GS_LOG_DEBUG));
  g_assert_false (gs_log_category_is_enabled (&cat, GS_LOG_INFO));
  g_assert_true (gs_log_category_is_enabled (&cat, GS_LOG_WARNING));
  g_assert_true (gs_log_category_is_enabled (&cat, GS_LOG_CRITICAL));
  g_assert_false (GS_LOG_ENABLED (&cat, GS_LOG_DEBUG));
  g_assert_true (GS_LOG_ENABLED (&cat, GS_LOG_WARNING));
  gs_log_category_unregister (&cat);
}

static void
test_builtin (void)
{
  reset ();
  g_assert_true (gs_log_category_find ("gscript.gc.statistics")
                 == &log_gc_statistics);
  g_assert_true (gs_log_category_find ("gscript.gc.allocatorStats")
                 == &log_gc_allocator_stats);
  g_assert_true (gs_log_category_find ("gscript.ic.stats") == &log_ic_stats);
  g_assert_null (gs_log_category_find ("gscript.no.such"));

  g_assert_cmpuint (levels_of (&log_gc_statistics), ==, DEFAULTS);
  gs_log_set_rules ("gscript.gc.*.debug=true");
  g_assert_true (GS_LOG_ENABLED (&log_gc_statistics, GS_LOG_DEBUG));
  g_assert_true (GS_LOG_ENABLED (&log_gc_allocator_stats, GS_LOG_DEBUG));
  g_assert_false (GS_LOG_ENABLED (&log_ic_stats, GS_LOG_DEBUG));
  g_assert_false (GS_LOG_ENABLED (&log_gc_statistics, GS_LOG_INFO));
  reset ();
  g_assert_false (GS_LOG_ENABLED (&log_gc_statistics, GS_LOG_DEBUG));
}

static void
test_exact (void)
{
  reset ();
  g_assert_cmpuint (levels_under ("test.a.debug=true", "test.a"), ==,
                    DEFAULTS | GS_LOG_DEBUG);
  /* An exact pattern matches neither longer nor shorter names. */
  g_assert_cmpuint (levels_under ("test.a.debug=true", "test.ab"), ==,
                    DEFAULTS);
  g_assert_cmpuint (levels_under ("test.a.debug=true", "test"), ==,
                    DEFAULTS);
  g_assert_cmpuint (levels_under ("test.a.debug=true", "xtest.a"), ==,
                    DEFAULTS);
  /* Names are case-sensitive, as in Qt. */
  g_assert_cmpuint (levels_under ("Test.A.debug=true", "test.a"), ==,
                    DEFAULTS);
}

static void
test_levels (void)
{
  static const struct
  {
    const char *rules;
    guint levels;
  } cases[] = {
    { "test.l.debug=true", DEFAULTS | GS_LOG_DEBUG },
    { "test.l.info=true", DEFAULTS | GS_LOG_INFO },
    { "test.l.warning=false", GS_LOG_CRITICAL },
    { "test.l.critical=false", GS_LOG_WARNING },
    { "test.l=true", GS_LOG_ALL },
    { "test.l=false", 0 },
    { "test.l.debug=true;test.l.info=true", GS_LOG_ALL },
    { "test.l=false;test.l.critical=true", GS_LOG_CRITICAL },
  };

  reset ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("rules: %s", cases[i].rules);
      g_assert_cmpuint (levels_under (cases[i].rules, "test.l"), ==,
                        cases[i].levels);
    }
}

static void
test_wildcards (void)
{
  static const struct
  {
    const char *rules;
    const char *name;
    gboolean matches;
  } cases[] = {
    /* At the end: a prefix. */
    { "test.gc.*.debug=true", "test.gc.statistics", TRUE },
    { "test.gc.*.debug=true", "test.gc.a.b", TRUE },
    { "test.gc.*.debug=true", "test.gc", FALSE },
    { "test.gc.*.debug=true", "test.gcx", FALSE },
    { "test.gc.*.debug=true", "other.test.gc.x", FALSE },
    /* At the start: a suffix. */
    { "*.stats.debug=true", "a.b.stats", TRUE },
    { "*.stats.debug=true", "a.stats.b", FALSE },
    { "*.stats.debug=true", "stats", FALSE },
    { "*stats.debug=true", "stats", TRUE },
    /* At both ends: a substring. */
    { "*gc*.debug=true", "test.gc.x", TRUE },
    { "*gc*.debug=true", "gc", TRUE },
    { "*gc*.debug=true", "agcb", TRUE },
    { "*gc*.debug=true", "g.c", FALSE },
    /* Alone: everything, with or without a level. */
    { "*.debug=true", "anything.at.all", TRUE },
    { "*=true", "x", TRUE },
    { "**.debug=true", "x", TRUE },
  };

  reset ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint want = cases[i].matches ? DEFAULTS | GS_LOG_DEBUG : DEFAULTS;

      if (cases[i].matches && strstr (cases[i].rules, ".debug") == NULL)
        want = GS_LOG_ALL;
      g_test_message ("rules: %s, category: %s", cases[i].rules,
                      cases[i].name);
      g_assert_cmpuint (levels_under (cases[i].rules, cases[i].name), ==,
                        want);
    }
  g_assert_cmpuint (records->len, ==, 0);
}

static void
test_later_wins (void)
{
  const char *on_then_off = "test.*.debug=true;test.a.debug=false";
  const char *off_then_on = "test.a.debug=false;test.*.debug=true";

  reset ();
  g_assert_cmpuint (levels_under (on_then_off, "test.a"), ==, DEFAULTS);
  g_assert_cmpuint (levels_under (on_then_off, "test.b"), ==,
                    DEFAULTS | GS_LOG_DEBUG);
  g_assert_cmpuint (levels_under (off_then_on, "test.a"), ==,
                    DEFAULTS | GS_LOG_DEBUG);
  g_assert_cmpuint (levels_under ("*=true;*.warning=false;test.a=false;"
                                  "test.a.info=true",
                                  "test.a"),
                    ==, GS_LOG_INFO);
}

static void
test_separators (void)
{
  const char *rules = "  test.s1.debug = true ;; \r\n\n test.s2.info=true\r\n"
                      "\ttest.s3 . critical=false ;test.s4.warning\t=\tfalse";

  reset ();
  g_assert_cmpuint (levels_under (rules, "test.s1"), ==,
                    DEFAULTS | GS_LOG_DEBUG);
  g_assert_cmpuint (levels_under (rules, "test.s2"), ==,
                    DEFAULTS | GS_LOG_INFO);
  /* Spaces inside the key are part of the name, as in Qt. */
  g_assert_cmpuint (levels_under (rules, "test.s3"), ==, DEFAULTS);
  g_assert_cmpuint (levels_under (rules, "test.s4"), ==, GS_LOG_CRITICAL);
  g_assert_cmpuint (records->len, ==, 0);
}

static guint
count_warnings (void)
{
  guint n = 0;

  for (guint i = 0; i < records->len; i++)
    if (record_level (i) == G_LOG_LEVEL_WARNING)
      n++;
  return n;
}

static void
test_garbage (void)
{
  static const char *const bad[] = {
    "=", "==", "a", "a=", "=true", "a=yes", "a=TRUE", "a= tru e",
    "a.b*c=true", "*a*b*=true", "*a*b=true", ".debug=true", "*=true=false",
    "a\x80.debug=\x80", "*", "***=maybe",
  };
  static const char *const empty[] = { "", ";", ";;\n;", "  \t\r\n " };
  static const char alphabet[] = "*.=;\n \ttruefalsdbgiwnc\x80";
  GsLogCategory cat = { "a", 0, FALSE, NULL };
  GRand *rand;

  reset ();
  gs_log_category_register (&cat);

  /* Each malformed rule is ignored with one warning, and changes nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_ptr_array_set_size (records, 0);
      gs_log_set_rules (bad[i]);
      g_assert_cmpuint (count_warnings (), ==, 1);
      g_assert_nonnull (strstr (record_field (0, "MESSAGE"), "malformed"));
      g_assert_cmpuint (levels_of (&cat), ==, DEFAULTS);
    }
  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      g_ptr_array_set_size (records, 0);
      gs_log_set_rules (empty[i]);
      g_assert_cmpuint (records->len, ==, 0);
    }

  /* Good rules among bad ones still apply, and the warning is one for
   * the whole set. */
  g_ptr_array_set_size (records, 0);
  gs_log_set_rules ("junk;a.debug=true;x*y=true;=;a.info=true");
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_nonnull (strstr (record_field (0, "MESSAGE"), "3 malformed"));
  g_assert_nonnull (strstr (record_field (0, "MESSAGE"), "'junk'"));
  g_assert_cmpuint (levels_of (&cat), ==, GS_LOG_ALL);

  /* Random input must never crash the parser. */
  rand = g_rand_new_with_seed (20240601);
  for (guint i = 0; i < 5000; i++)
    {
      char text[64];
      guint len = (guint) g_rand_int_range (rand, 0, sizeof text);

      for (guint j = 0; j < len; j++)
        text[j] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      text[len] = '\0';
      gs_log_set_rules (text);
      g_ptr_array_set_size (records, 0);
    }
  g_rand_free (rand);

  reset ();
  g_assert_cmpuint (levels_of (&cat), ==, DEFAULTS);
  gs_log_category_unregister (&cat);
}

/* Categories registered after a rule change pick it up, registered ones
 * follow every change at once. */
static void
test_register_later (void)
{
  GsLogCategory *early = g_new0 (GsLogCategory, 1);
  GsLogCategory *late = g_new0 (GsLogCategory, 1);

  reset ();
  early->name = "test.live.early";
  late->name = "test.live.late";
  gs_log_category_register (early);
  g_assert_false (GS_LOG_ENABLED (early, GS_LOG_DEBUG));

  gs_log_set_rules ("test.live.*.debug=true");
  g_assert_true (GS_LOG_ENABLED (early, GS_LOG_DEBUG));
  gs_log_category_register (late);
  g_assert_true (GS_LOG_ENABLED (late, GS_LOG_DEBUG));
  g_assert_true (gs_log_category_find ("test.live.late") == late);

  gs_log_set_rules ("test.live.early.info=true");
  g_assert_false (GS_LOG_ENABLED (early, GS_LOG_DEBUG));
  g_assert_true (GS_LOG_ENABLED (early, GS_LOG_INFO));
  g_assert_false (GS_LOG_ENABLED (late, GS_LOG_DEBUG));

  /* Registering twice changes nothing and keeps one list entry. */
  gs_log_category_register (late);
  gs_log_category_unregister (late);
  g_assert_null (gs_log_category_find ("test.live.late"));
  gs_log_category_unregister (late);

  gs_log_category_unregister (early);
  g_assert_null (gs_log_category_find ("test.live.early"));
  g_free (early);
  g_free (late);
}

static GsLogCategory lazy_on = GS_LOG_CATEGORY_INIT ("test.lazy.on");
static GsLogCategory lazy_off = GS_LOG_CATEGORY_INIT ("test.lazy.off");

/* A statically initialised category obeys the rules from its very first
 * check, although nothing registered it. */
static void
test_lazy (void)
{
  reset ();
  gs_log_set_rules ("test.lazy.on.debug=true");
  g_assert_null (gs_log_category_find ("test.lazy.on"));

  g_assert_true (GS_LOG_ENABLED (&lazy_on, GS_LOG_DEBUG));
  g_assert_false (GS_LOG_ENABLED (&lazy_on, GS_LOG_INFO));
  g_assert_true (gs_log_category_find ("test.lazy.on") == &lazy_on);

  g_assert_false (GS_LOG_ENABLED (&lazy_off, GS_LOG_DEBUG));
  g_assert_true (GS_LOG_ENABLED (&lazy_off, GS_LOG_WARNING));
  g_assert_true (gs_log_category_find ("test.lazy.off") == &lazy_off);

  /* Once registered, the word holds exactly the levels that are on. */
  g_assert_cmpuint (lazy_off.enabled, ==, DEFAULTS);
  gs_log_set_rules ("test.lazy.*=false");
  g_assert_cmpuint (lazy_off.enabled, ==, 0);
  g_assert_cmpuint (lazy_on.enabled, ==, 0);

  /* An unregistered category returns to its initial state and registers
   * itself again on its next check. */
  gs_log_category_unregister (&lazy_on);
  g_assert_null (gs_log_category_find ("test.lazy.on"));
  g_assert_false (GS_LOG_ENABLED (&lazy_on, GS_LOG_CRITICAL));
  g_assert_true (gs_log_category_find ("test.lazy.on") == &lazy_on);
  reset ();
}

static int evaluations;

static int
count_evaluation (void)
{
  return ++evaluations;
}

static void
test_output (void)
{
  GsLogCategory cat = GS_LOG_CATEGORY_INIT ("test.out");
  const char *file;

  reset ();

  /* Off: no message, and the arguments are not evaluated. */
  evaluations = 0;
  gs_log_debug (&cat, "%d", count_evaluation ());
  gs_log_info (&cat, "%d", count_evaluation ());
  g_assert_cmpint (evaluations, ==, 0);
  gs_log_message (&cat, GS_LOG_DEBUG, NULL, 0, NULL, "direct call");
  g_assert_cmpuint (records->len, ==, 0);

  gs_log_set_rules ("test.out=true");
  gs_log_debug (&cat, "x=%d, %s", 42, "forty-two");
  gs_log_info (&cat, "info %d", count_evaluation ());
  gs_log_warning (&cat, "warning");
  gs_log_critical (&cat, "critical");
  g_assert_cmpint (evaluations, ==, 1);
  g_assert_cmpuint (records->len, ==, 4);

  g_assert_cmpint (record_level (0), ==, G_LOG_LEVEL_MESSAGE);
  g_assert_cmpstr (record_field (0, "GLIB_DOMAIN"), ==, "gscript");
  g_assert_cmpstr (record_field (0, "MESSAGE"), ==,
                   "test.out: x=42, forty-two");
  g_assert_cmpstr (record_field (0, "GSCRIPT_CATEGORY"), ==, "test.out");
  g_assert_cmpstr (record_field (0, "PRIORITY"), ==, "7");
  file = record_field (0, "CODE_FILE");
  g_assert_nonnull (file);
  g_assert_true (g_str_has_suffix (file, "test-log.c"));
  g_assert_nonnull (record_field (0, "CODE_LINE"));
  g_assert_cmpint (atoi (record_field (0, "CODE_LINE")), >, 0);
  g_assert_cmpstr (record_field (0, "CODE_FUNC"), ==, "test_output");

  g_assert_cmpint (record_level (1), ==, G_LOG_LEVEL_MESSAGE);
  g_assert_cmpstr (record_field (1, "MESSAGE"), ==, "test.out: info 1");
  g_assert_cmpint (record_level (2), ==, G_LOG_LEVEL_WARNING);
  g_assert_cmpstr (record_field (2, "MESSAGE"), ==, "test.out: warning");
  g_assert_cmpint (record_level (3), ==, G_LOG_LEVEL_CRITICAL);
  g_assert_cmpstr (record_field (3, "MESSAGE"), ==, "test.out: critical");
  g_assert_cmpstr (record_field (3, "GSCRIPT_CATEGORY"), ==, "test.out");

  /* The defaults again: warnings come out, debug does not. */
  reset ();
  gs_log_debug (&cat, "hidden");
  gs_log_warning (&cat, "shown");
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (record_field (0, "MESSAGE"), ==, "test.out: shown");

  /* Without a source location the CODE_ fields are left out. */
  gs_log_message (&cat, GS_LOG_WARNING, NULL, 0, NULL, "%s", "bare");
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_null (record_field (1, "CODE_FILE"));
  g_assert_null (record_field (1, "CODE_FUNC"));

  gs_log_category_unregister (&cat);
}

/* The environment's rules, read in a fresh process: they apply, the API's
 * rules override them, and dropping the API's rules brings them back. */
static void
test_env (void)
{
  GsLogCategory env = GS_LOG_CATEGORY_INIT ("test.env");
  GsLogCategory both = GS_LOG_CATEGORY_INIT ("test.both");

  if (!g_test_subprocess ())
    {
      g_setenv ("GSCRIPT_LOGGING_RULES",
                "test.env.debug=true\ntest.both=true;gscript.ic.*=true", TRUE);
      g_test_trap_subprocess (NULL, 0, 0);
      g_unsetenv ("GSCRIPT_LOGGING_RULES");
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_cmpuint (levels_of (&env), ==, DEFAULTS | GS_LOG_DEBUG);
  g_assert_cmpuint (levels_of (&both), ==, GS_LOG_ALL);
  g_assert_cmpuint (levels_of (&log_ic_stats), ==, GS_LOG_ALL);
  g_assert_cmpuint (levels_of (&log_gc_statistics), ==, DEFAULTS);

  gs_log_set_rules ("test.both.debug=false;test.*.warning=false");
  g_assert_cmpuint (levels_of (&both), ==, GS_LOG_ALL & ~GS_LOG_DEBUG
                                               & ~GS_LOG_WARNING);
  g_assert_cmpuint (levels_of (&env), ==, GS_LOG_DEBUG | GS_LOG_CRITICAL);

  gs_log_set_rules (NULL);
  g_assert_cmpuint (levels_of (&both), ==, GS_LOG_ALL);
  g_assert_cmpuint (levels_of (&env), ==, DEFAULTS | GS_LOG_DEBUG);
  g_assert_cmpuint (records->len, ==, 0);
  gs_log_category_unregister (&env);
  gs_log_category_unregister (&both);
}

/* Malformed rules in the environment: one warning, the rest applies. */
static void
test_env_garbage (void)
{
  GsLogCategory env = GS_LOG_CATEGORY_INIT ("test.env");

  if (!g_test_subprocess ())
    {
      g_setenv ("GSCRIPT_LOGGING_RULES", "nonsense;test.env.info=true", TRUE);
      g_test_trap_subprocess (NULL, 0, 0);
      g_unsetenv ("GSCRIPT_LOGGING_RULES");
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_cmpuint (levels_of (&env), ==, DEFAULTS | GS_LOG_INFO);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpint (record_level (0), ==, G_LOG_LEVEL_WARNING);
  g_assert_nonnull (strstr (record_field (0, "MESSAGE"),
                            "'nonsense' in GSCRIPT_LOGGING_RULES"));
  gs_log_category_unregister (&env);
}

static GsLogCategory racy = GS_LOG_CATEGORY_INIT ("test.threads.racy");
static gint stop_threads;

/* Checks, logs and registers while the main thread changes the rules. */
static gpointer
thread_main (gpointer data)
{
  GsLogCategory own = { data, 0, FALSE, NULL };
  guint checks = 0;

  /* A few rounds at least, however the threads are scheduled. */
  for (guint round = 0; round < 500 || !g_atomic_int_get (&stop_threads);
       round++)
    {
      gs_log_category_register (&own);
      if (GS_LOG_ENABLED (&racy, GS_LOG_DEBUG))
        checks++;
      gs_log_debug (&own, "round %u", checks);
      gs_log_category_unregister (&own);
    }
  return data;
}

static void
test_threads (void)
{
  GThread *threads[4];

  reset ();
  g_atomic_int_set (&stop_threads, 0);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("log", thread_main,
                               g_strdup_printf ("test.threads.%u", i));
  for (guint i = 0; i < 2000; i++)
    gs_log_set_rules (i % 2 ? "test.threads.racy.debug=true" : NULL);
  g_atomic_int_set (&stop_threads, 1);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_free (g_thread_join (threads[i]));
  g_assert_cmpuint (records->len, ==, 0);

  /* The racing first checks registered the static category exactly once:
   * one unregistration removes it from the list. */
  g_assert_true (gs_log_category_find ("test.threads.racy") == &racy);
  gs_log_category_unregister (&racy);
  g_assert_null (gs_log_category_find ("test.threads.racy"));
  reset ();
}

int
main (int argc, char **argv)
{
  g_log_set_writer_func (record_writer, NULL, NULL);
  records = g_ptr_array_new_with_free_func (record_free);
  g_test_init (&argc, &argv, NULL);
  /* The writer records warnings for the tests to check: they are not
   * fatal, and old-style messages such as g_warning() reach the writer
   * through GLib's default handler rather than GTest's, which would only
   * print them. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_default_handler (g_log_default_handler, NULL);
  if (!g_test_subprocess ())
    g_unsetenv ("GSCRIPT_LOGGING_RULES");

  g_test_add_func ("/log/defaults", test_defaults);
  g_test_add_func ("/log/builtin", test_builtin);
  g_test_add_func ("/log/rules/exact", test_exact);
  g_test_add_func ("/log/rules/levels", test_levels);
  g_test_add_func ("/log/rules/wildcards", test_wildcards);
  g_test_add_func ("/log/rules/later-wins", test_later_wins);
  g_test_add_func ("/log/rules/separators", test_separators);
  g_test_add_func ("/log/rules/garbage", test_garbage);
  g_test_add_func ("/log/register/later", test_register_later);
  g_test_add_func ("/log/register/lazy", test_lazy);
  g_test_add_func ("/log/output", test_output);
  g_test_add_func ("/log/env/precedence", test_env);
  g_test_add_func ("/log/env/garbage", test_env_garbage);
  g_test_add_func ("/log/threads", test_threads);
  return g_test_run ();
}
