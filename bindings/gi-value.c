/* gi-value.c — GValue ↔ JS, for properties and signals.
 *
 * Properties and signal parameters come as GValues typed by GType, not
 * by introspection data, so these conversions go by the value's
 * fundamental type: numbers, strings, enums and flags (numbers),
 * objects (their wrappers), boxed values (wrappers of a copy; string
 * vectors become arrays), GTypes (numbers) and parameter specs (plain
 * objects describing them).
 */
#include "config.h"

#include "gi-private.h"

#include <math.h>
#include <string.h>

static GsValue *
param_spec_to_js (GsContext *ctx, GParamSpec *pspec)
{
  if (!pspec)
    return gs_value_new_null (ctx);
  GsValue *o = gs_value_new_object (ctx);
  if (!o)
    return NULL;
  gs_object_set_property (ctx, o, "name",
                          gs_value_new_string (ctx, pspec->name, -1));
  const char *nick = g_param_spec_get_nick (pspec);
  const char *blurb = g_param_spec_get_blurb (pspec);
  gs_object_set_property (ctx, o, "nick",
                          nick ? gs_value_new_string (ctx, nick, -1)
                               : gs_value_new_null (ctx));
  gs_object_set_property (ctx, o, "blurb",
                          blurb ? gs_value_new_string (ctx, blurb, -1)
                                : gs_value_new_null (ctx));
  gs_object_set_property (ctx, o, "value_type",
                          gi_gtype_to_js (ctx, pspec->value_type));
  gs_object_set_property (ctx, o, "owner_type",
                          gi_gtype_to_js (ctx, pspec->owner_type));
  gs_object_set_property (ctx, o, "flags",
                          gs_value_new_number (ctx, pspec->flags));
  return o;
}

static GsValue *
strv_to_js (GsContext *ctx, char **strv)
{
  if (!strv)
    return gs_value_new_null (ctx);
  guint n = g_strv_length (strv);
  GsValue *a = gs_value_new_array (ctx, n);
  for (guint i = 0; a && i < n; i++)
    gs_object_set_index (ctx, a, i, gs_value_new_string (ctx, strv[i], -1));
  return a;
}

GsValue *
gi_value_to_js (GsContext *ctx, const GValue *value)
{
  GType t = G_VALUE_TYPE (value);
  if (t == G_TYPE_GTYPE)
    return gi_gtype_to_js (ctx, g_value_get_gtype (value));
  switch (G_TYPE_FUNDAMENTAL (t))
    {
    case G_TYPE_NONE:
      return gs_value_new_undefined (ctx);
    case G_TYPE_BOOLEAN:
      return gs_value_new_boolean (ctx, g_value_get_boolean (value));
    case G_TYPE_CHAR:
      return gs_value_new_number (ctx, g_value_get_schar (value));
    case G_TYPE_UCHAR:
      return gs_value_new_number (ctx, g_value_get_uchar (value));
    case G_TYPE_INT:
      return gs_value_new_number (ctx, g_value_get_int (value));
    case G_TYPE_UINT:
      return gs_value_new_number (ctx, g_value_get_uint (value));
    case G_TYPE_LONG:
      return gs_value_new_number (ctx, (double) g_value_get_long (value));
    case G_TYPE_ULONG:
      return gs_value_new_number (ctx, (double) g_value_get_ulong (value));
    case G_TYPE_INT64:
      return gs_value_new_number (ctx, (double) g_value_get_int64 (value));
    case G_TYPE_UINT64:
      return gs_value_new_number (ctx, (double) g_value_get_uint64 (value));
    case G_TYPE_FLOAT:
      return gs_value_new_number (ctx, g_value_get_float (value));
    case G_TYPE_DOUBLE:
      return gs_value_new_number (ctx, g_value_get_double (value));
    case G_TYPE_ENUM:
      return gs_value_new_number (ctx, g_value_get_enum (value));
    case G_TYPE_FLAGS:
      return gs_value_new_number (ctx, g_value_get_flags (value));
    case G_TYPE_STRING:
      {
        const char *s = g_value_get_string (value);
        return s ? gs_value_new_string (ctx, s, -1) : gs_value_new_null (ctx);
      }
    case G_TYPE_OBJECT:
    case G_TYPE_INTERFACE:
      {
        gpointer o = g_value_get_object (value);
        if (!o)
          return gs_value_new_null (ctx);
        if (!G_IS_OBJECT (o))
          return gs_value_new_null (ctx);
        return gi_object_wrap (ctx, o, FALSE);
      }
    case G_TYPE_PARAM:
      return param_spec_to_js (ctx, g_value_get_param (value));
    case G_TYPE_BOXED:
      {
        gpointer b = g_value_get_boxed (value);
        if (!b)
          return gs_value_new_null (ctx);
        if (t == G_TYPE_STRV)
          return strv_to_js (ctx, b);
        if (t == G_TYPE_VALUE)
          return gi_value_to_js (ctx, b);
        if (t == G_TYPE_BYTE_ARRAY)
          {
            /* Bytes are a Uint8Array, as in GJS. */
            GByteArray *ba = b;
            return gs_value_new_uint8_array (ctx, ba->data, ba->len);
          }
        GiClassRec *k = gi_class_for_gtype (ctx, t);
        if (!k)
          return NULL;
        return gi_boxed_wrap (ctx, k, b, TRUE, TRUE);
      }
    case G_TYPE_VARIANT:
      {
        GVariant *v = g_value_get_variant (value);
        return v ? gi_variant_wrap (ctx, v) : gs_value_new_null (ctx);
      }
    case G_TYPE_POINTER:
      {
        gpointer p = g_value_get_pointer (value);
        return p ? gs_value_new_number (ctx, (double) (gsize) p)
                 : gs_value_new_null (ctx);
      }
    default:
      return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                     "values of type %s are not supported",
                                     g_type_name (t));
    }
}

static char **
strv_from_js (GsContext *ctx, GsValue *v, const char *what)
{
  if (!gs_value_is_array (v))
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "Expected an array of strings for %s", what);
      return NULL;
    }
  double dn;
  GsValue *len = gs_object_get_property (ctx, v, "length");
  if (!len || !gs_value_to_number (ctx, len, &dn))
    return NULL;
  GPtrArray *a = g_ptr_array_new ();
  for (guint i = 0; i < (guint) dn; i++)
    {
      GsValue *item = gs_object_get_index (ctx, v, i);
      char *s = item ? gs_value_to_string (ctx, item) : NULL;
      if (!s)
        {
          g_ptr_array_free (a, TRUE);
          return NULL;
        }
      g_ptr_array_add (a, s);
    }
  g_ptr_array_add (a, NULL);
  return (char **) g_ptr_array_free (a, FALSE);
}

/* A primitive that is none of the kinds the API names: a BigInt (or a
 * symbol, which ToString refuses). */
static gboolean
is_other_primitive (GsValue *v)
{
  return !gs_value_is_undefined (v) && !gs_value_is_null (v)
         && !gs_value_is_boolean (v) && !gs_value_is_number (v)
         && !gs_value_is_string (v) && !gs_value_is_object (v);
}

/* Whether an integer d fits a value of fundamental type f (64-bit types
 * saturate, as arguments do; enums and flags hold what C gives). */
static gboolean
value_in_range (GType f, double d)
{
  switch (f)
    {
    case G_TYPE_CHAR:
      return d >= G_MININT8 && d <= G_MAXINT8;
    case G_TYPE_UCHAR:
      return d >= 0 && d <= G_MAXUINT8;
    case G_TYPE_INT:
      return d >= G_MININT && d <= G_MAXINT;
    case G_TYPE_UINT:
      return d >= 0 && d <= G_MAXUINT;
    case G_TYPE_LONG:
      return d >= (double) G_MINLONG && d <= (double) G_MAXLONG;
    case G_TYPE_ULONG:
      return d >= 0 && d <= (double) G_MAXULONG;
    case G_TYPE_UINT64:
      return d >= 0;
    default:
      return TRUE;
    }
}

gboolean
gi_value_from_js (GsContext *ctx, GValue *value, GsValue *v, const char *what)
{
  GType t = G_VALUE_TYPE (value);
  double d = 0;
  if (t == G_TYPE_GTYPE)
    {
      GType g = gi_gtype_from_js (ctx, v);
      if (!g)
        return FALSE;
      g_value_set_gtype (value, g);
      return TRUE;
    }
  GType f = G_TYPE_FUNDAMENTAL (t);
  switch (f)
    {
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, gs_value_to_boolean (v));
      return TRUE;
    case G_TYPE_CHAR:
    case G_TYPE_UCHAR:
    case G_TYPE_INT:
    case G_TYPE_UINT:
    case G_TYPE_LONG:
    case G_TYPE_ULONG:
    case G_TYPE_INT64:
    case G_TYPE_UINT64:
    case G_TYPE_FLOAT:
    case G_TYPE_DOUBLE:
    case G_TYPE_ENUM:
    case G_TYPE_FLAGS:
      if (gs_value_is_object (v) || gs_value_is_undefined (v)
          || gs_value_is_string (v))
        {
          gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                  "Expected a number for %s", what);
          return FALSE;
        }
      if ((f == G_TYPE_INT64 || f == G_TYPE_UINT64) && is_other_primitive (v))
        {
          /* A BigInt: exactly, with a range check. */
          g_autofree char *digits = gs_value_to_string (ctx, v);
          if (!digits)
            return FALSE;
          gint64 n;
          guint64 u;
          gboolean ok = f == G_TYPE_INT64
                            ? g_ascii_string_to_signed (digits, 10, G_MININT64,
                                                        G_MAXINT64, &n, NULL)
                            : g_ascii_string_to_unsigned (digits, 10, 0,
                                                          G_MAXUINT64, &u,
                                                          NULL);
          if (!ok)
            {
              gs_context_throw_error (ctx, GS_ERROR_RANGE,
                                      "value is out of range for %s", what);
              return FALSE;
            }
          if (f == G_TYPE_INT64)
            g_value_set_int64 (value, n);
          else
            g_value_set_uint64 (value, u);
          return TRUE;
        }
      if (!gs_value_to_number (ctx, v, &d))
        return FALSE;
      if (d != d)
        d = 0;
      if (!value_in_range (f, trunc (d)))
        {
          gs_context_throw_error (ctx, GS_ERROR_RANGE,
                                  "value is out of range for %s", what);
          return FALSE;
        }
      switch (f)
        {
        case G_TYPE_CHAR:
          g_value_set_schar (value, (gint8) d);
          break;
        case G_TYPE_UCHAR:
          g_value_set_uchar (value, (guint8) d);
          break;
        case G_TYPE_INT:
          g_value_set_int (value, (gint) d);
          break;
        case G_TYPE_UINT:
          g_value_set_uint (value, (guint) (gint64) d);
          break;
        case G_TYPE_LONG:
          g_value_set_long (value, (glong) d);
          break;
        case G_TYPE_ULONG:
          g_value_set_ulong (value, (gulong) (gint64) d);
          break;
        case G_TYPE_INT64:
          g_value_set_int64 (value, (gint64) d);
          break;
        case G_TYPE_UINT64:
          g_value_set_uint64 (value, (guint64) d);
          break;
        case G_TYPE_FLOAT:
          g_value_set_float (value, (float) d);
          break;
        case G_TYPE_DOUBLE:
          g_value_set_double (value, d);
          break;
        case G_TYPE_ENUM:
          g_value_set_enum (value, (gint) d);
          break;
        case G_TYPE_FLAGS:
          g_value_set_flags (value, (guint) (gint64) d);
          break;
        }
      return TRUE;
    case G_TYPE_STRING:
      {
        if (gs_value_is_null (v) || gs_value_is_undefined (v))
          {
            g_value_set_string (value, NULL);
            return TRUE;
          }
        if (!gs_value_is_string (v))
          {
            gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                    "Expected a string for %s", what);
            return FALSE;
          }
        g_value_take_string (value, gs_value_dup_string (v));
        return TRUE;
      }
    case G_TYPE_OBJECT:
    case G_TYPE_INTERFACE:
      {
        if (gs_value_is_null (v) || gs_value_is_undefined (v))
          {
            g_value_set_object (value, NULL);
            return TRUE;
          }
        GObject *o = gi_object_from_js (ctx, v, t, what);
        if (!o)
          return FALSE;
        g_value_set_object (value, o);
        return TRUE;
      }
    case G_TYPE_BOXED:
      {
        if (gs_value_is_null (v) || gs_value_is_undefined (v))
          {
            g_value_set_boxed (value, NULL);
            return TRUE;
          }
        if (t == G_TYPE_STRV)
          {
            char **strv = strv_from_js (ctx, v, what);
            if (!strv)
              return FALSE;
            g_value_take_boxed (value, strv);
            return TRUE;
          }
        if (t == G_TYPE_VALUE)
          {
            /* A value holding a value: any JS value. */
            GValue inner = G_VALUE_INIT;
            if (!gi_value_from_js_guess (ctx, &inner, v, what))
              return FALSE;
            g_value_set_boxed (value, &inner);
            g_value_unset (&inner);
            return TRUE;
          }
        if (t == G_TYPE_BYTE_ARRAY)
          {
            /* Bytes: a Uint8Array, a string or an array of numbers. */
            gsize n;
            const guint8 *data = gs_value_peek_bytes (v, &n);
            GByteArray *b;
            if (n != G_MAXSIZE)
              b = g_byte_array_append (g_byte_array_new (), data, (guint) n);
            else if (gs_value_is_string (v))
              {
                char *str = gs_value_dup_string (v);
                b = g_byte_array_new_take ((guint8 *) str, strlen (str));
              }
            else
              {
                gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                        "Expected a Uint8Array for %s", what);
                return FALSE;
              }
            g_value_take_boxed (value, b);
            return TRUE;
          }
        GiClassRec *k = gi_class_for_gtype (ctx, t);
        if (!k)
          return FALSE;
        gpointer mem = gi_boxed_from_js (ctx, v, k, what);
        if (!mem)
          return FALSE;
        g_value_set_boxed (value, mem);
        return TRUE;
      }
    case G_TYPE_VARIANT:
      {
        if (gs_value_is_null (v) || gs_value_is_undefined (v))
          {
            g_value_set_variant (value, NULL);
            return TRUE;
          }
        GiBoxed *b = gs_object_get_native (v, gi.boxed_class);
        if (!b || b->klass->gtype != G_TYPE_VARIANT)
          {
            gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                    "Expected a GLib.Variant for %s", what);
            return FALSE;
          }
        g_value_set_variant (value, b->mem);
        return TRUE;
      }
    case G_TYPE_POINTER:
      if (gs_value_is_null (v) || gs_value_is_undefined (v))
        {
          g_value_set_pointer (value, NULL);
          return TRUE;
        }
      break;
    default:
      break;
    }
  gs_context_throw_error (ctx, GS_ERROR_TYPE,
                          "Cannot convert to a value of type %s for %s",
                          g_type_name (t), what);
  return FALSE;
}

/* The GType a JS value suggests for a GValue of no declared type, as
 * GJS guesses it: integers that fit an int are ints, other numbers
 * doubles; strings, booleans, wrapped objects and boxed values their
 * own type; an array of strings a string vector.  G_TYPE_INVALID with
 * an exception pending when nothing fits. */
static GType
guess_gtype (GsContext *ctx, GsValue *v, const char *what)
{
  if (gs_value_is_boolean (v))
    return G_TYPE_BOOLEAN;
  if (gs_value_is_number (v))
    {
      double d = gs_value_get_number (v);
      if (d == (double) (gint) d && d >= G_MININT && d <= G_MAXINT)
        return G_TYPE_INT;
      return G_TYPE_DOUBLE;
    }
  if (gs_value_is_string (v))
    return G_TYPE_STRING;
  if (gs_value_is_null (v))
    return G_TYPE_POINTER;
  if (is_other_primitive (v))
    {
      /* A BigInt: a 64-bit integer, unsigned only when it must be. */
      g_autofree char *digits = gs_value_to_string (ctx, v);
      if (!digits)
        return G_TYPE_INVALID;
      return digits[0] != '-'
                     && !g_ascii_string_to_signed (digits, 10, G_MININT64,
                                                   G_MAXINT64, NULL, NULL)
                 ? G_TYPE_UINT64
                 : G_TYPE_INT64;
    }
  if (gs_value_is_object (v))
    {
      GiObject *o = gs_object_get_native (v, gi.object_class);
      if (o && o->gobj)
        return G_OBJECT_TYPE (o->gobj);
      GiBoxed *b = gs_object_get_native (v, gi.boxed_class);
      if (b && b->klass->gtype != G_TYPE_NONE)
        return b->klass->gtype;
      if (gs_value_is_array (v))
        return G_TYPE_STRV;
    }
  gs_context_throw_error (ctx, GS_ERROR_TYPE,
                          "Cannot guess the GValue type of %s from a "
                          "value of this kind",
                          what);
  return G_TYPE_INVALID;
}

gboolean
gi_value_from_js_guess (GsContext *ctx, GValue *value, GsValue *v,
                        const char *what)
{
  GiBoxed *b = gs_value_is_object (v)
                   ? gs_object_get_native (v, gi.boxed_class)
                   : NULL;
  if (b && b->klass->gtype == G_TYPE_VALUE)
    {
      /* A GObject.Value: a copy of it. */
      GValue *src = b->mem;
      if (!G_IS_VALUE (src))
        {
          gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                  "%s: the GObject.Value is not "
                                  "initialised",
                                  what);
          return FALSE;
        }
      g_value_init (value, G_VALUE_TYPE (src));
      g_value_copy (src, value);
      return TRUE;
    }
  GType t = guess_gtype (ctx, v, what);
  if (t == G_TYPE_INVALID)
    return FALSE;
  g_value_init (value, t);
  if (t == G_TYPE_POINTER)
    return TRUE;
  if (gi_value_from_js (ctx, value, v, what))
    return TRUE;
  g_value_unset (value);
  return FALSE;
}

void
gi_value_free (gpointer value)
{
  if (G_IS_VALUE (value))
    g_value_unset (value);
  g_free (value);
}
