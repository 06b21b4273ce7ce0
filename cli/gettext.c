/* gettext.c — imports.gettext, GJS's Gettext module, over libc's gettext.
 *
 * gettext, dgettext, dcgettext, ngettext, dngettext, pgettext, dpgettext,
 * textdomain, bindtextdomain, setlocale, the LocaleCategory enumeration
 * (libc's LC_* values, as GJS has them) and domain (name), which returns
 * { gettext, ngettext, pgettext } bound to one domain.  Scripts' strings
 * are UTF-8 here, so bindtextdomain also asks for UTF-8 translations
 * whatever the locale's character set, as GJS does.  A domain given as
 * null or undefined is the default one (textdomain's).  The program's own
 * messages use their own domain (gi18n-lib.h), so a script's textdomain ()
 * does not change them.
 */
#include "config.h"

#include "host.h"

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <math.h>
#include <string.h>

/* Argument i as UTF-8 (ToString), or NULL for null and undefined when
 * nullable; *failed is set when the conversion threw. */
static char *
arg_string (GsContext *ctx, const GsCallbackInfo *info, guint i,
            gboolean nullable, gboolean *failed)
{
  GsValue *v = gs_callback_info_get_arg (info, i);
  if (nullable && (gs_value_is_null (v) || gs_value_is_undefined (v)))
    return NULL;
  char *s = gs_value_to_string (ctx, v);
  if (!s)
    *failed = TRUE;
  return s;
}

/* Argument i as the count of ngettext: a whole number, 0 for NaN. */
static gboolean
arg_count (GsContext *ctx, const GsCallbackInfo *info, guint i,
           unsigned long *out)
{
  double d = 0;
  if (!gs_value_to_number (ctx, gs_callback_info_get_arg (info, i), &d))
    return FALSE;
  d = isnan (d) ? 0 : fabs (trunc (d));
  *out = d >= (double) G_MAXULONG ? G_MAXULONG : (unsigned long) d;
  return TRUE;
}

/* Argument i as a locale category: one of LocaleCategory's values. */
static gboolean
arg_category (GsContext *ctx, const GsCallbackInfo *info, guint i, int *out)
{
  static const int categories[] = { LC_ALL, LC_COLLATE, LC_CTYPE,
                                    LC_MESSAGES, LC_MONETARY, LC_NUMERIC,
                                    LC_TIME };
  double d = 0;
  if (!gs_value_to_number (ctx, gs_callback_info_get_arg (info, i), &d))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (categories); k++)
    if (d == categories[k])
      {
        *out = categories[k];
        return TRUE;
      }
  gs_context_throw_error (ctx, GS_ERROR_TYPE,
                          "%g is not a Gettext.LocaleCategory value", d);
  return FALSE;
}

/* The translation of msgid in context (pgettext's "context\004msgid"
 * key), or msgid itself when there is none. */
static const char *
lookup_in_context (const char *domain, const char *context,
                   const char *msgid, char **owned)
{
  *owned = g_strconcat (context, "\004", msgid, NULL);
  const char *t = dcgettext (domain, *owned, LC_MESSAGES);
  return t == *owned ? msgid : t;
}

/* The domain a bound function was made for (domain ()), or NULL. */
static char *
bound_domain (const GsCallbackInfo *info)
{
  GsValue *d = gs_callback_info_get_data (info);
  return d && gs_value_is_string (d) ? gs_value_dup_string (d) : NULL;
}

/* gettext (msgid) and a bound domain's gettext. */
static GsValue *
js_gettext (GsContext *ctx, const GsCallbackInfo *info)
{
  gboolean failed = FALSE;
  g_autofree char *domain = bound_domain (info);
  g_autofree char *msgid = arg_string (ctx, info, 0, FALSE, &failed);
  if (failed)
    return NULL;
  return gs_value_new_string (ctx, dgettext (domain, msgid), -1);
}

/* dgettext (domain, msgid) */
static GsValue *
js_dgettext (GsContext *ctx, const GsCallbackInfo *info)
{
  gboolean failed = FALSE;
  g_autofree char *domain = arg_string (ctx, info, 0, TRUE, &failed);
  g_autofree char *msgid = failed ? NULL
                                  : arg_string (ctx, info, 1, FALSE, &failed);
  if (failed)
    return NULL;
  return gs_value_new_string (ctx, dgettext (domain, msgid), -1);
}

/* dcgettext (domain, msgid, category) */
static GsValue *
js_dcgettext (GsContext *ctx, const GsCallbackInfo *info)
{
  gboolean failed = FALSE;
  int category;
  g_autofree char *domain = arg_string (ctx, info, 0, TRUE, &failed);
  g_autofree char *msgid = failed ? NULL
                                  : arg_string (ctx, info, 1, FALSE, &failed);
  if (failed || !arg_category (ctx, info, 2, &category))
    return NULL;
  return gs_value_new_string (ctx, dcgettext (domain, msgid, category), -1);
}

/* ngettext (msgid1, msgid2, n) and a bound domain's ngettext. */
static GsValue *
js_ngettext (GsContext *ctx, const GsCallbackInfo *info)
{
  gboolean failed = FALSE;
  unsigned long n;
  g_autofree char *domain = bound_domain (info);
  g_autofree char *one = arg_string (ctx, info, 0, FALSE, &failed);
  g_autofree char *many = failed ? NULL
                                 : arg_string (ctx, info, 1, FALSE, &failed);
  if (failed || !arg_count (ctx, info, 2, &n))
    return NULL;
  return gs_value_new_string (ctx, dngettext (domain, one, many, n), -1);
}

/* dngettext (domain, msgid1, msgid2, n) */
static GsValue *
js_dngettext (GsContext *ctx, const GsCallbackInfo *info)
{
  gboolean failed = FALSE;
  unsigned long n;
  g_autofree char *domain = arg_string (ctx, info, 0, TRUE, &failed);
  g_autofree char *one = failed ? NULL
                                : arg_string (ctx, info, 1, FALSE, &failed);
  g_autofree char *many = failed ? NULL
                                 : arg_string (ctx, info, 2, FALSE, &failed);
  if (failed || !arg_count (ctx, info, 3, &n))
    return NULL;
  return gs_value_new_string (ctx, dngettext (domain, one, many, n), -1);
}

/* The context and msgid at arguments first and first + 1, looked up in
 * domain (NULL: the default). */
static GsValue *
context_lookup (GsContext *ctx, const GsCallbackInfo *info,
                const char *domain, guint first)
{
  gboolean failed = FALSE;
  g_autofree char *context = arg_string (ctx, info, first, FALSE, &failed);
  g_autofree char *msgid = failed ? NULL
                                  : arg_string (ctx, info, first + 1, FALSE,
                                                &failed);
  if (failed)
    return NULL;
  g_autofree char *key = NULL;
  return gs_value_new_string (
      ctx, lookup_in_context (domain, context, msgid, &key), -1);
}

/* pgettext (context, msgid) and a bound domain's pgettext. */
static GsValue *
js_pgettext (GsContext *ctx, const GsCallbackInfo *info)
{
  g_autofree char *domain = bound_domain (info);
  return context_lookup (ctx, info, domain, 0);
}

/* dpgettext (domain, context, msgid) */
static GsValue *
js_dpgettext (GsContext *ctx, const GsCallbackInfo *info)
{
  gboolean failed = FALSE;
  g_autofree char *domain = arg_string (ctx, info, 0, TRUE, &failed);
  return failed ? NULL : context_lookup (ctx, info, domain, 1);
}

/* textdomain (domain): sets the default domain (null: only asks); returns
 * it. */
static GsValue *
js_textdomain (GsContext *ctx, const GsCallbackInfo *info)
{
  gboolean failed = FALSE;
  g_autofree char *domain = arg_string (ctx, info, 0, TRUE, &failed);
  if (failed)
    return NULL;
  const char *r = textdomain (domain);
  if (!r)
    return gs_context_throw_error (ctx, GS_ERROR_ERROR, "textdomain: %s",
                                   g_strerror (errno));
  return gs_value_new_string (ctx, r, -1);
}

/* bindtextdomain (domain, directory): where domain's catalogues are,
 * with UTF-8 translations; returns the directory. */
static GsValue *
js_bindtextdomain (GsContext *ctx, const GsCallbackInfo *info)
{
  gboolean failed = FALSE;
  g_autofree char *domain = arg_string (ctx, info, 0, FALSE, &failed);
  g_autofree char *dir = failed ? NULL
                                : arg_string (ctx, info, 1, TRUE, &failed);
  if (failed)
    return NULL;
  if (!*domain)
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "bindtextdomain: the domain is empty");
  const char *r = bindtextdomain (domain, dir);
  if (!r || !bind_textdomain_codeset (domain, "UTF-8"))
    return gs_context_throw_error (ctx, GS_ERROR_ERROR,
                                   "bindtextdomain: %s", g_strerror (errno));
  return gs_value_new_string (ctx, r, -1);
}

/* setlocale (category, locale): sets the locale of a category (locale
 * null or undefined: only asks); returns the locale's name, or null if
 * the locale is not available. */
static GsValue *
js_setlocale (GsContext *ctx, const GsCallbackInfo *info)
{
  gboolean failed = FALSE;
  int category;
  if (!arg_category (ctx, info, 0, &category))
    return NULL;
  g_autofree char *locale = arg_string (ctx, info, 1, TRUE, &failed);
  if (failed)
    return NULL;
  const char *r = setlocale (category, locale);
  return r ? gs_value_new_string (ctx, r, -1) : gs_value_new_null (ctx);
}

/* domain (name): gettext, ngettext and pgettext of one domain. */
static GsValue *
js_domain (GsContext *ctx, const GsCallbackInfo *info)
{
  gboolean failed = FALSE;
  g_autofree char *name = arg_string (ctx, info, 0, FALSE, &failed);
  if (failed)
    return NULL;
  GsValue *data = gs_value_new_string (ctx, name, -1);
  GsValue *o = gs_value_new_object (ctx);
  if (!o || !data)
    return NULL;
  static const struct
  {
    const char *name;
    guint length;
    GsNativeFunc fn;
  } bound[] = {
    { "gettext", 1, js_gettext },
    { "ngettext", 3, js_ngettext },
    { "pgettext", 2, js_pgettext },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bound); i++)
    {
      GsValue *f = gs_function_new (ctx, bound[i].name, bound[i].length,
                                    bound[i].fn, data);
      if (!f || !gs_object_set_property (ctx, o, bound[i].name, f))
        return NULL;
    }
  return o;
}

GsValue *
host_gettext_module (GsContext *ctx, GsValue *imports)
{
  static const struct
  {
    const char *name;
    guint length;
    GsNativeFunc fn;
  } functions[] = {
    { "gettext", 1, js_gettext },
    { "dgettext", 2, js_dgettext },
    { "dcgettext", 3, js_dcgettext },
    { "ngettext", 3, js_ngettext },
    { "dngettext", 4, js_dngettext },
    { "pgettext", 2, js_pgettext },
    { "dpgettext", 3, js_dpgettext },
    { "textdomain", 1, js_textdomain },
    { "bindtextdomain", 2, js_bindtextdomain },
    { "setlocale", 2, js_setlocale },
    { "domain", 1, js_domain },
  };
  static const struct
  {
    const char *name;
    int value;
  } categories[] = {
    { "ALL", LC_ALL },           { "COLLATE", LC_COLLATE },
    { "CTYPE", LC_CTYPE },       { "MESSAGES", LC_MESSAGES },
    { "MONETARY", LC_MONETARY }, { "NUMERIC", LC_NUMERIC },
    { "TIME", LC_TIME },
  };
  GsValue *m = gs_value_new_object (ctx);
  GsValue *cats = gs_value_new_object (ctx);
  if (!m || !cats)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    {
      GsValue *f = gs_function_new (ctx, functions[i].name,
                                    functions[i].length, functions[i].fn,
                                    NULL);
      if (!f || !gs_object_set_property (ctx, m, functions[i].name, f))
        return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (!gs_object_define_property (
            ctx, cats, categories[i].name,
            gs_value_new_number (ctx, categories[i].value),
            GS_PROPERTY_READONLY | GS_PROPERTY_DONTDELETE))
      return NULL;
  if (!gs_object_set_property (ctx, m, "LocaleCategory", cats))
    return NULL;
  return m;
}
