/* gs-log.h — log categories: named switches for diagnostic messages.
 *
 * A category is a statically defined struct whose `enabled` word holds one
 * bit per level.  Rules in Qt's syntax turn the bits on and off; a check is
 * one load and one branch, and a message is formatted only after it.
 */
#pragma once

#include <glib.h>

#include <gscript/gs-version.h>

G_BEGIN_DECLS

/**
 * GsLogLevel:
 * @GS_LOG_DEBUG: detailed output for developers; off by default
 * @GS_LOG_INFO: informational output; off by default
 * @GS_LOG_WARNING: something is wrong but the program goes on; on by default
 * @GS_LOG_CRITICAL: a serious problem; on by default
 *
 * The levels of a log category, as bits of its `enabled` word.
 */
typedef enum
{
  GS_LOG_DEBUG = 1 << 0,
  GS_LOG_INFO = 1 << 1,
  GS_LOG_WARNING = 1 << 2,
  GS_LOG_CRITICAL = 1 << 3
} GsLogLevel;

/**
 * GS_LOG_ALL:
 *
 * Every level of #GsLogLevel.
 */
#define GS_LOG_ALL \
  (GS_LOG_DEBUG | GS_LOG_INFO | GS_LOG_WARNING | GS_LOG_CRITICAL)

/* Set in the enabled word of a category that has not been registered yet,
 * together with every level bit, so that the first check of any level takes
 * the slow path, which registers the category and so applies the rules.
 * Not part of the API. */
#define GS_LOG_PENDING_ (1 << 8)

typedef struct _GsLogCategory GsLogCategory;

/**
 * GsLogCategory:
 * @name: the category's name, such as "gscript.gc.statistics"; it must live
 *   as long as the category
 * @enabled: the levels that are on, a mask of #GsLogLevel; written by the
 *   library only, read with #GS_LOG_ENABLED
 *
 * A named log category.  Define one with static storage and
 * GS_LOG_CATEGORY_INIT(), which registers it on its first use, or
 * register it yourself with gs_log_category_register().  A category must
 * not be `const`: the library writes its enabled word when rules change.
 */
struct _GsLogCategory
{
  const char *name;
  guint enabled;

  /*< private >*/
  gboolean registered;
  GsLogCategory *next;
};

/**
 * GS_LOG_CATEGORY_INIT:
 * @name: a string literal, the category's name
 *
 * A static initializer for a #GsLogCategory that registers itself the
 * first time it is checked:
 * |[<!-- language="C" -->
 * static GsLogCategory log_calls = GS_LOG_CATEGORY_INIT ("myapp.calls");
 * ]|
 */
#define GS_LOG_CATEGORY_INIT(name) \
  { (name), GS_LOG_ALL | GS_LOG_PENDING_, FALSE, NULL }

GS_API
void gs_log_category_register (GsLogCategory *cat);
GS_API
void gs_log_category_unregister (GsLogCategory *cat);
GS_API
gboolean gs_log_category_is_enabled (const GsLogCategory *cat,
                                     GsLogLevel level);
GS_API
GsLogCategory *gs_log_category_find (const char *name);

GS_API
void gs_log_set_rules (const char *rules);

GS_API
void gs_log_message (GsLogCategory *cat, GsLogLevel level, const char *file,
                     int line, const char *func, const char *format, ...)
  G_GNUC_PRINTF (6, 7);
GS_API
void gs_log_messagev (GsLogCategory *cat, GsLogLevel level, const char *file,
                      int line, const char *func, const char *format,
                      va_list args) G_GNUC_PRINTF (6, 0);

/* The fast check.  A relaxed load suffices: the word is only ever a
 * snapshot of the rules, and the slow path takes the lock. */
static inline gboolean
gs_log_enabled_ (GsLogCategory *cat, GsLogLevel level)
{
#if defined(__GNUC__) || defined(__clang__)
  guint bits = __atomic_load_n (&cat->enabled, __ATOMIC_RELAXED);
#else
  guint bits = (guint) g_atomic_int_get (&cat->enabled);
#endif

  if (G_LIKELY (!(bits & level)))
    return FALSE;
  if (G_UNLIKELY (bits & GS_LOG_PENDING_))
    return gs_log_category_is_enabled (cat, level);
  return TRUE;
}

/**
 * GS_LOG_ENABLED:
 * @cat: a #GsLogCategory
 * @level: one #GsLogLevel
 *
 * Whether messages of @level in @cat are on.  When they are off this is one
 * load and one branch that is predicted not taken; use it to skip work that
 * only feeds a message.
 *
 * Returns: %TRUE if @level is on in @cat
 */
#define GS_LOG_ENABLED(cat, level) (gs_log_enabled_ ((cat), (level)))

/* The expansion shared by the four message macros: the arguments are not
 * even evaluated when the level is off. */
#define GS_LOG_AT_(cat, level, ...) \
  G_STMT_START \
  { \
    if (GS_LOG_ENABLED ((cat), (level))) \
      gs_log_message ((cat), (level), __FILE__, __LINE__, G_STRFUNC, \
                      __VA_ARGS__); \
  } \
  G_STMT_END

/**
 * gs_log_debug:
 * @cat: a #GsLogCategory
 * @...: a printf() format and its arguments
 *
 * Logs a debug message in @cat if debug messages of @cat are on.  Nothing
 * is formatted or evaluated otherwise.
 */
#define gs_log_debug(cat, ...) GS_LOG_AT_ ((cat), GS_LOG_DEBUG, __VA_ARGS__)

/**
 * gs_log_info:
 * @cat: a #GsLogCategory
 * @...: a printf() format and its arguments
 *
 * Logs an informational message in @cat if info messages of @cat are on.
 */
#define gs_log_info(cat, ...) GS_LOG_AT_ ((cat), GS_LOG_INFO, __VA_ARGS__)

/**
 * gs_log_warning:
 * @cat: a #GsLogCategory
 * @...: a printf() format and its arguments
 *
 * Logs a warning in @cat if warnings of @cat are on (the default).
 */
#define gs_log_warning(cat, ...) \
  GS_LOG_AT_ ((cat), GS_LOG_WARNING, __VA_ARGS__)

/**
 * gs_log_critical:
 * @cat: a #GsLogCategory
 * @...: a printf() format and its arguments
 *
 * Logs a critical message in @cat if critical messages of @cat are on (the
 * default).
 */
#define gs_log_critical(cat, ...) \
  GS_LOG_AT_ ((cat), GS_LOG_CRITICAL, __VA_ARGS__)

G_END_DECLS
