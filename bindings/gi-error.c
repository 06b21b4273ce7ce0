/* gi-error.c — GLib.Error, the JS face of GError.
 *
 * A GError that a call returns is thrown as an Error whose prototype is
 * GLib.Error.prototype (which inherits Error.prototype, so stacks and
 * `instanceof Error` work), with the GError's domain (a quark, as a
 * number), code and message.  `e.matches(domain, code)` takes the domain
 * as a quark or as an error enum (`Gio.IOErrorEnum`), as GJS does, and
 * `new GLib.Error(domain, code, message)` makes one from script.
 */
#include "config.h"

#include "gi-private.h"

#include <gio/gio.h>

#include <string.h>

/* The quark of a domain given as a number or an error enum object. */
static gboolean
domain_from_js (GsContext *ctx, GsValue *v, GQuark *out)
{
  double d;
  if (gs_value_is_number (v) && gs_value_to_number (ctx, v, &d))
    {
      *out = (GQuark) d;
      return TRUE;
    }
  if (gs_value_is_object (v))
    {
      GsValue *q = gs_object_get_property (ctx, v, "$domain");
      if (!q)
        return FALSE;
      if (gs_value_is_number (q))
        {
          *out = (GQuark) gs_value_get_number (q);
          return TRUE;
        }
    }
  if (gs_value_is_string (v))
    {
      g_autofree char *s = gs_value_dup_string (v);
      *out = g_quark_from_string (s);
      return TRUE;
    }
  gs_context_throw_error (ctx, GS_ERROR_TYPE,
                          "An error domain must be a quark or an error "
                          "enum");
  return FALSE;
}

/* Sets up e (an Error object) as a GLib.Error. */
static gboolean
make_glib_error (GsContext *ctx, GsValue *e, GQuark domain, int code)
{
  GsValue *proto = gs_persistent_get (gi.error_proto);
  if (!gs_object_set_prototype (ctx, e, proto))
    return FALSE;
  GIEnumInfo *info = g_irepository_find_by_error_domain (gi.repo, domain);
  g_autofree char *name = info ? gi_repo_js_name ((GIBaseInfo *) info)
                               : g_strdup ("GLib.Error");
  if (info)
    g_base_info_unref (info);
  return gs_object_define_property (ctx, e, "domain",
                                    gs_value_new_number (ctx, domain),
                                    GS_PROPERTY_DEFAULT)
         && gs_object_define_property (ctx, e, "code",
                                       gs_value_new_number (ctx, code),
                                       GS_PROPERTY_DEFAULT)
         && gs_object_define_property (ctx, e, "name",
                                       gs_value_new_string (ctx, name, -1),
                                       GS_PROPERTY_DONTENUM);
}

void
gi_error_throw (GsContext *ctx, GError *error)
{
  if (!gi.error_proto)
    {
      /* GLib.Error is made with the GLib namespace. */
      if (!gi_repo_require (ctx, "GLib", NULL))
        {
          g_error_free (error);
          return;
        }
    }
  GsValue *e = gs_value_new_error (ctx, GS_ERROR_ERROR, error->message);
  if (e && make_glib_error (ctx, e, error->domain, error->code))
    gs_context_throw (ctx, e);
  g_error_free (error);
}

GError *
gi_error_from_js (GsContext *ctx, GsValue *e)
{
  /* A GLib.Error keeps its domain, code and message. */
  gboolean is_glib_error = FALSE;
  if (e && gi.error_ctor && gs_value_is_object (e)
      && !gs_value_instance_of (ctx, e, gs_persistent_get (gi.error_ctor),
                                &is_glib_error))
    gs_context_take_exception (ctx);
  if (is_glib_error)
    {
      GsValue *d = gs_object_get_property (ctx, e, "domain");
      GsValue *c = d ? gs_object_get_property (ctx, e, "code") : NULL;
      GsValue *m = c ? gs_object_get_property (ctx, e, "message") : NULL;
      g_autofree char *msg = m ? gs_value_to_string (ctx, m) : NULL;
      if (msg && gs_value_is_number (d) && gs_value_is_number (c))
        return g_error_new_literal ((GQuark) gs_value_get_number (d),
                                    (gint) gs_value_get_number (c), msg);
    }
  if (gs_context_has_exception (ctx))
    gs_context_take_exception (ctx);
  /* Anything else: its string, "TypeError: ..." for errors. */
  g_autofree char *msg = e ? gs_value_to_string (ctx, e) : NULL;
  if (!msg)
    gs_context_take_exception (ctx);
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                              msg ? msg : "exception in script");
}

static GsValue *
error_ctor (GsContext *ctx, const GsCallbackInfo *info)
{
  GQuark domain;
  double code = 0;
  if (!domain_from_js (ctx, gs_callback_info_get_arg (info, 0), &domain)
      || !gs_value_to_number (ctx, gs_callback_info_get_arg (info, 1), &code))
    return NULL;
  g_autofree char *message = gs_value_to_string (
      ctx, gs_callback_info_get_arg (info, 2));
  if (!message)
    return NULL;
  GsValue *e = gs_value_new_error (ctx, GS_ERROR_ERROR, message);
  if (!e || !make_glib_error (ctx, e, domain, (int) code))
    return NULL;
  /* A subclass's prototype, under super (). */
  GsValue *nt = gs_callback_info_get_new_target (info);
  if (gs_value_is_object (nt))
    {
      GsValue *p = gs_object_get_property (ctx, nt, "prototype");
      if (p && gs_value_is_object (p))
        gs_object_set_prototype (ctx, e, p);
    }
  return e;
}

static GsValue *
error_matches (GsContext *ctx, const GsCallbackInfo *info)
{
  GsValue *self = gs_callback_info_get_this (info);
  if (!gs_value_is_object (self))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "matches() called on a non-object");
  GQuark domain;
  double code, mine_code;
  if (!domain_from_js (ctx, gs_callback_info_get_arg (info, 0), &domain)
      || !gs_value_to_number (ctx, gs_callback_info_get_arg (info, 1), &code))
    return NULL;
  GsValue *md = gs_object_get_property (ctx, self, "domain");
  GsValue *mc = gs_object_get_property (ctx, self, "code");
  double mine_domain;
  if (!md || !mc || !gs_value_to_number (ctx, md, &mine_domain)
      || !gs_value_to_number (ctx, mc, &mine_code))
    return NULL;
  return gs_value_new_boolean (ctx, (GQuark) mine_domain == domain
                                        && mine_code == code);
}

static GsValue *
error_to_string (GsContext *ctx, const GsCallbackInfo *info)
{
  GsValue *self = gs_callback_info_get_this (info);
  GsValue *name = gs_object_get_property (ctx, self, "name");
  GsValue *message = name ? gs_object_get_property (ctx, self, "message")
                          : NULL;
  if (!message)
    return NULL;
  g_autofree char *n = gs_value_to_string (ctx, name);
  g_autofree char *m = gs_value_to_string (ctx, message);
  if (!n || !m)
    return NULL;
  g_autofree char *s = g_strdup_printf ("%s: %s", n, m);
  return gs_value_new_string (ctx, s, -1);
}

gboolean
gi_error_install (GsContext *ctx, GsValue *glib_ns)
{
  /* Error.prototype, from an error made now. */
  GsValue *sample = gs_value_new_error (ctx, GS_ERROR_ERROR, "");
  GsValue *error_proto = sample ? gs_object_get_prototype (ctx, sample)
                                : NULL;
  GsValue *proto = error_proto ? gs_value_new_object_with_prototype (
                                     ctx, error_proto)
                               : NULL;
  if (!proto
      || !gi_define_method (ctx, proto, "matches", 2, error_matches, NULL)
      || !gi_define_method (ctx, proto, "toString", 0, error_to_string, NULL)
      || !gs_object_define_property (ctx, proto, "name",
                                     gs_value_new_string (ctx, "GLib.Error",
                                                          -1),
                                     GS_PROPERTY_DONTENUM))
    return FALSE;
  GsValue *ctor = gs_constructor_new (ctx, "Error", 3, error_ctor, NULL,
                                      proto);
  if (!ctor
      || !gs_object_define_property (ctx, glib_ns, "Error", ctor,
                                     GS_PROPERTY_DEFAULT))
    return FALSE;
  gi.error_proto = gs_persistent_new (gi.rt, proto);
  gi.error_ctor = gs_persistent_new (gi.rt, ctor);
  return TRUE;
}

