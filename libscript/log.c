/* log.c — log categories and the rules that switch them on and off.
 *
 * Registered categories sit on one intrusive list; the rules sit in two
 * parsed arrays, one from GSCRIPT_LOGGING_RULES and one from
 * gs_log_set_rules().  One mutex guards the list and the arrays.  Whenever
 * either changes, every category's enabled word is recomputed under the
 * mutex and stored atomically, so that readers never lock: they load the
 * word and test a bit.
 *
 * A rule is `pattern[.level]=true|false`, as in Qt's QLoggingCategory.  The
 * pattern is a category name with an optional `*` at its start and/or end;
 * the level is debug, info, warning or critical, and its absence means all
 * four.  A category starts from warnings and criticals on, then every rule
 * that matches it is applied in order: the environment's rules first, then
 * the API's, so later rules win and the API wins over the environment.
 *
 * Warnings about malformed rules are emitted with no lock held and outside
 * the one-time setup, so that a log writer which itself checks categories
 * cannot deadlock.
 */
#include "config.h"

#include "log.h"

#include <string.h>

/* How a rule's stem is compared with a category name; a `*` at the start
 * gives MATCH_SUFFIX, one at the end MATCH_PREFIX, both a substring test. */
enum
{
  MATCH_EXACT = 0,
  MATCH_PREFIX = 1 << 0,
  MATCH_SUFFIX = 1 << 1,
  MATCH_CONTAINS = MATCH_PREFIX | MATCH_SUFFIX
};

/* One parsed rule. */
typedef struct
{
  char *stem;       /* the pattern without its wildcards */
  guint match;      /* MATCH_* */
  guint levels;     /* the GsLogLevel bits the rule sets */
  gboolean enable;  /* whether it turns them on or off */
} LogRule;

#define DEFAULT_LEVELS (GS_LOG_WARNING | GS_LOG_CRITICAL)

GsLogCategory log_gc_statistics =
  GS_LOG_CATEGORY_INIT ("gscript.gc.statistics");
GsLogCategory log_gc_allocator_stats =
  GS_LOG_CATEGORY_INIT ("gscript.gc.allocatorStats");
GsLogCategory log_ic_stats = GS_LOG_CATEGORY_INIT ("gscript.ic.stats");
GsLogCategory log_js = GS_LOG_CATEGORY_INIT ("gscript.js");

static GsLogCategory *const builtin_categories[] = {
  &log_gc_statistics,
  &log_gc_allocator_stats,
  &log_ic_stats,
  &log_js,
};

static GMutex log_lock;
static GsLogCategory *log_categories; /* the registered ones, newest first */
static GArray *env_rules;             /* LogRule, from the environment */
static GArray *api_rules;             /* LogRule, from gs_log_set_rules() */

static const char *const level_names[] = {
  "debug", "info", "warning", "critical",
};

static void
clear_rule (gpointer data)
{
  LogRule *rule = data;

  g_free (rule->stem);
}

static gboolean
parse_level (const char *name, guint *levels)
{
  for (guint i = 0; i < G_N_ELEMENTS (level_names); i++)
    if (strcmp (name, level_names[i]) == 0)
      {
        *levels = 1u << i;
        return TRUE;
      }
  return FALSE;
}

/* Parses one stripped, non-empty rule.  @text is modified. */
static gboolean
parse_rule (char *text, LogRule *rule)
{
  char *eq = strchr (text, '=');
  char *key, *value, *dot;
  gsize len;

  if (eq == NULL)
    return FALSE;
  *eq = '\0';
  key = g_strstrip (text);
  value = g_strstrip (eq + 1);

  if (strcmp (value, "true") == 0)
    rule->enable = TRUE;
  else if (strcmp (value, "false") == 0)
    rule->enable = FALSE;
  else
    return FALSE;

  /* A last component naming a level is the level, not part of the name. */
  rule->levels = GS_LOG_ALL;
  dot = strrchr (key, '.');
  if (dot != NULL && parse_level (dot + 1, &rule->levels))
    *dot = '\0';

  if (*key == '\0')
    return FALSE;
  rule->match = MATCH_EXACT;
  if (*key == '*')
    {
      rule->match |= MATCH_SUFFIX;
      key++;
    }
  len = strlen (key);
  if (len > 0 && key[len - 1] == '*')
    {
      rule->match |= MATCH_PREFIX;
      key[--len] = '\0';
    }
  /* Qt allows wildcards only at the ends. */
  if (strchr (key, '*') != NULL)
    return FALSE;

  rule->stem = g_strdup (key);
  return TRUE;
}

/* Parses a rule set.  Returns the rules that were well formed and, in
 * *warning, a message about the ones that were not (or NULL), for the
 * caller to emit once it holds no lock. */
static GArray *
parse_rules (const char *text, const char *origin, char **warning)
{
  GArray *rules = g_array_new (FALSE, FALSE, sizeof (LogRule));
  g_auto (GStrv) parts = g_strsplit_set (text, ";\n", -1);
  g_autofree char *first_bad = NULL;
  guint bad = 0;

  g_array_set_clear_func (rules, clear_rule);
  for (char **part = parts; *part != NULL; part++)
    {
      char *stripped = g_strstrip (*part);
      g_autofree char *copy = NULL;
      LogRule rule;

      if (*stripped == '\0')
        continue;
      copy = g_strdup (stripped);
      if (parse_rule (stripped, &rule))
        g_array_append_val (rules, rule);
      else if (bad++ == 0)
        first_bad = g_steal_pointer (&copy);
    }

  *warning = NULL;
  if (bad == 1)
    *warning = g_strdup_printf ("Ignoring malformed logging rule '%s' in %s",
                                first_bad, origin);
  else if (bad > 1)
    *warning = g_strdup_printf ("Ignoring %u malformed logging rules in %s, "
                                "the first being '%s'",
                                bad, origin, first_bad);
  return rules;
}

static gboolean
rule_matches (const LogRule *rule, const char *name)
{
  switch (rule->match)
    {
    case MATCH_EXACT:
      return strcmp (name, rule->stem) == 0;
    case MATCH_PREFIX:
      return g_str_has_prefix (name, rule->stem);
    case MATCH_SUFFIX:
      return g_str_has_suffix (name, rule->stem);
    default:
      return strstr (name, rule->stem) != NULL;
    }
}

static guint
apply_rules (GArray *rules, const char *name, guint levels)
{
  if (rules == NULL)
    return levels;
  for (guint i = 0; i < rules->len; i++)
    {
      const LogRule *rule = &g_array_index (rules, LogRule, i);

      if (!rule_matches (rule, name))
        continue;
      if (rule->enable)
        levels |= rule->levels;
      else
        levels &= ~rule->levels;
    }
  return levels;
}

/* Called with log_lock held. */
static void
update_category (GsLogCategory *cat)
{
  guint levels = DEFAULT_LEVELS;

  levels = apply_rules (env_rules, cat->name, levels);
  levels = apply_rules (api_rules, cat->name, levels);
  g_atomic_int_set (&cat->enabled, levels);
}

/* Called with log_lock held. */
static void
register_category (GsLogCategory *cat)
{
  if (!cat->registered)
    {
      cat->next = log_categories;
      log_categories = cat;
      cat->registered = TRUE;
    }
  update_category (cat);
}

/* Reads the environment's rules and registers the built-in categories,
 * once per process. */
static void
ensure_setup (void)
{
  static gsize done = 0;
  g_autofree char *warning = NULL;

  if (g_once_init_enter (&done))
    {
      const char *env = g_getenv ("GSCRIPT_LOGGING_RULES");
      GArray *rules = NULL;

      if (env != NULL)
        rules = parse_rules (env, "GSCRIPT_LOGGING_RULES", &warning);

      g_mutex_lock (&log_lock);
      env_rules = rules;
      for (guint i = 0; i < G_N_ELEMENTS (builtin_categories); i++)
        register_category (builtin_categories[i]);
      g_mutex_unlock (&log_lock);

      g_once_init_leave (&done, 1);
    }

  if (warning != NULL)
    g_warning ("%s", warning);
}

/**
 * gs_log_category_register:
 * @cat: a #GsLogCategory with static storage, or one that outlives its
 *   registration
 *
 * Adds @cat to the categories that rules apply to and sets its levels from
 * the current rules.  Registering a category twice is harmless.  A
 * category made with GS_LOG_CATEGORY_INIT() registers itself the first
 * time it is checked, so calling this is needed only to make it visible to
 * gs_log_category_find() earlier, or for a category set up otherwise.
 */
void
gs_log_category_register (GsLogCategory *cat)
{
  g_return_if_fail (cat != NULL);
  g_return_if_fail (cat->name != NULL);

  ensure_setup ();
  g_mutex_lock (&log_lock);
  register_category (cat);
  g_mutex_unlock (&log_lock);
}

/**
 * gs_log_category_unregister:
 * @cat: a registered #GsLogCategory
 *
 * Removes @cat from the categories that rules apply to, for instance
 * before the memory that holds it goes away.  It returns to the state
 * GS_LOG_CATEGORY_INIT() gives, so using it again registers it again.
 */
void
gs_log_category_unregister (GsLogCategory *cat)
{
  g_return_if_fail (cat != NULL);

  g_mutex_lock (&log_lock);
  if (cat->registered)
    {
      GsLogCategory **link = &log_categories;

      while (*link != cat)
        link = &(*link)->next;
      *link = cat->next;
      cat->next = NULL;
      cat->registered = FALSE;
      g_atomic_int_set (&cat->enabled, GS_LOG_ALL | GS_LOG_PENDING_);
    }
  g_mutex_unlock (&log_lock);
}

/**
 * gs_log_category_is_enabled:
 * @cat: a #GsLogCategory
 * @level: one #GsLogLevel
 *
 * Whether messages of @level in @cat are on, registering @cat first if
 * it was not.  #GS_LOG_ENABLED is the faster inline form of this.
 *
 * Returns: %TRUE if @level is on in @cat
 */
gboolean
gs_log_category_is_enabled (const GsLogCategory *cat, GsLogLevel level)
{
  guint levels;

  g_return_val_if_fail (cat != NULL, FALSE);

  levels = (guint) g_atomic_int_get (&cat->enabled);
  if (G_UNLIKELY (levels & GS_LOG_PENDING_))
    {
      /* Categories are never const objects (see GsLogCategory), so
       * writing through the pointer is sound. */
      GsLogCategory *mutable_cat = (GsLogCategory *) cat;

      g_return_val_if_fail (cat->name != NULL, FALSE);
      ensure_setup ();
      g_mutex_lock (&log_lock);
      register_category (mutable_cat);
      levels = (guint) g_atomic_int_get (&cat->enabled);
      g_mutex_unlock (&log_lock);
    }
  return (levels & level) != 0;
}

/**
 * gs_log_category_find:
 * @name: a category name
 *
 * Looks up a registered category.  The engine's built-in categories are
 * registered from the first call into this API on.
 *
 * Returns: (transfer none) (nullable): the category named @name, or %NULL
 */
GsLogCategory *
gs_log_category_find (const char *name)
{
  GsLogCategory *cat;

  g_return_val_if_fail (name != NULL, NULL);

  ensure_setup ();
  g_mutex_lock (&log_lock);
  for (cat = log_categories; cat != NULL; cat = cat->next)
    if (strcmp (cat->name, name) == 0)
      break;
  g_mutex_unlock (&log_lock);
  return cat;
}

/**
 * gs_log_set_rules:
 * @rules: (nullable): rules separated by `;` or newlines, or %NULL
 *
 * Replaces the rules set through this function, which take precedence over
 * those in the `GSCRIPT_LOGGING_RULES` environment variable.  Each rule is
 * `category[.level]=true|false`, where category may start and/or end with
 * `*` and level is one of debug, info, warning and critical (all four if
 * absent); later rules win.  For example
 * `gscript.gc.*.debug=true;gscript.gc.allocatorStats=false`.  Malformed
 * rules are ignored with a warning.  The change applies at once to every
 * registered category and to those registered later.
 */
void
gs_log_set_rules (const char *rules)
{
  g_autofree char *warning = NULL;
  GArray *parsed = NULL;
  GArray *old;

  if (rules != NULL)
    parsed = parse_rules (rules, "the rules set through the API", &warning);

  ensure_setup ();
  g_mutex_lock (&log_lock);
  old = api_rules;
  api_rules = parsed;
  for (GsLogCategory *cat = log_categories; cat != NULL; cat = cat->next)
    update_category (cat);
  g_mutex_unlock (&log_lock);

  if (old != NULL)
    g_array_unref (old);
  if (warning != NULL)
    g_warning ("%s", warning);
}

static gboolean
is_one_level (GsLogLevel level)
{
  return level != 0 && (level & (level - 1)) == 0
         && (level & ~GS_LOG_ALL) == 0;
}

/**
 * gs_log_message:
 * @cat: a #GsLogCategory
 * @level: one #GsLogLevel
 * @file: (nullable): the source file the message comes from
 * @line: the line in @file
 * @func: (nullable): the function the message comes from
 * @format: a printf() format
 * @...: its arguments
 *
 * Logs a message in @cat if @level is on there.  Prefer the macros
 * gs_log_debug() and friends, which skip the call and the evaluation of
 * the arguments when the level is off.
 *
 * The message goes through GLib's structured logging with the fields
 * `GLIB_DOMAIN` "gscript", `MESSAGE` "category: message",
 * `GSCRIPT_CATEGORY` the category's name, `PRIORITY` and, when given,
 * `CODE_FILE`, `CODE_LINE` and `CODE_FUNC`.  Debug and info messages go out
 * at %G_LOG_LEVEL_MESSAGE, so that GLib's default writer prints them
 * without `G_MESSAGES_DEBUG`: the category's rules already chose them.
 * Warnings and criticals go out at %G_LOG_LEVEL_WARNING and
 * %G_LOG_LEVEL_CRITICAL.
 */
void
gs_log_message (GsLogCategory *cat, GsLogLevel level, const char *file,
                int line, const char *func, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  gs_log_messagev (cat, level, file, line, func, format, args);
  va_end (args);
}

/**
 * gs_log_messagev:
 * @cat: a #GsLogCategory
 * @level: one #GsLogLevel
 * @file: (nullable): the source file the message comes from
 * @line: the line in @file
 * @func: (nullable): the function the message comes from
 * @format: a printf() format
 * @args: its arguments
 *
 * The va_list form of gs_log_message().
 */
void
gs_log_messagev (GsLogCategory *cat, GsLogLevel level, const char *file,
                 int line, const char *func, const char *format,
                 va_list args)
{
  /* The journal's priorities, as GLib's writers assign them. */
  static const char *const priorities[] = { "7", "6", "4", "4" };
  static const GLogLevelFlags glib_levels[] = {
    G_LOG_LEVEL_MESSAGE, G_LOG_LEVEL_MESSAGE,
    G_LOG_LEVEL_WARNING, G_LOG_LEVEL_CRITICAL,
  };
  g_autoptr (GString) message = NULL;
  char line_text[16];
  GLogField fields[7];
  gsize n = 0;
  guint index;

  g_return_if_fail (cat != NULL);
  g_return_if_fail (is_one_level (level));
  g_return_if_fail (format != NULL);

  if (!gs_log_category_is_enabled (cat, level))
    return;

  index = (guint) g_bit_nth_lsf (level, -1);
  message = g_string_new (cat->name);
  g_string_append (message, ": ");
  g_string_append_vprintf (message, format, args);

  fields[n++] = (GLogField){ "GLIB_DOMAIN", "gscript", -1 };
  fields[n++] = (GLogField){ "PRIORITY", priorities[index], -1 };
  fields[n++] = (GLogField){ "MESSAGE", message->str, -1 };
  fields[n++] = (GLogField){ "GSCRIPT_CATEGORY", cat->name, -1 };
  if (file != NULL)
    {
      g_snprintf (line_text, sizeof line_text, "%d", line);
      fields[n++] = (GLogField){ "CODE_FILE", file, -1 };
      fields[n++] = (GLogField){ "CODE_LINE", line_text, -1 };
    }
  if (func != NULL)
    fields[n++] = (GLogField){ "CODE_FUNC", func, -1 };

  g_log_structured_array (glib_levels[index], fields, n);
}
