/* gi-variant.c — GLib.Variant, as GJS has it.
 *
 * `new GLib.Variant('a{sv}', {name: new GLib.Variant('s', 'x')})` builds
 * a variant from a type string and JS values; `unpack ()` converts one
 * level back, `deepUnpack ()` every level but the variants inside 'v'
 * values, `recursiveUnpack ()` all of them.  Numbers are JS numbers
 * (64-bit values lose precision past 2^53, as elsewhere), 'ay' is a
 * Uint8Array, dictionaries are objects, tuples and arrays are arrays,
 * maybe values are null or their content.
 *
 * Variants are wrapped like boxed values, but reference counted: a
 * wrapper holds one (sunk) reference.
 */
#include "config.h"

#include "gi-private.h"

#include <string.h>

typedef enum
{
  UNPACK_ONE,       /* unpack () */
  UNPACK_DEEP,      /* deepUnpack (): not inside 'v' */
  UNPACK_RECURSIVE, /* recursiveUnpack (): everything */
} UnpackDepth;

/* ------------------------------------------------------------------ */
/* JS → GVariant                                                       */
/* ------------------------------------------------------------------ */

static GVariant *from_js (GsContext *ctx, const GVariantType *type,
                          GsValue *v);

static guint
js_length (GsContext *ctx, GsValue *v)
{
  GsValue *len = gs_object_get_property (ctx, v, "length");
  double d = 0;
  if (len)
    gs_value_to_number (ctx, len, &d);
  return (guint) d;
}

static GVariant *
fail (GsContext *ctx, const GVariantType *type, const char *why)
{
  g_autofree char *t = g_variant_type_dup_string (type);
  gs_context_throw_error (ctx, GS_ERROR_TYPE,
                          "Cannot make a GLib.Variant of type '%s': %s", t,
                          why);
  return NULL;
}

static GVariant *
basic_from_js (GsContext *ctx, const GVariantType *type, GsValue *v)
{
  char c = g_variant_type_peek_string (type)[0];
  if (c == 's' || c == 'o' || c == 'g')
    {
      if (!gs_value_is_string (v))
        return fail (ctx, type, "expected a string");
      g_autofree char *s = gs_value_dup_string (v);
      if (c == 'o' && !g_variant_is_object_path (s))
        return fail (ctx, type, "not an object path");
      if (c == 'g' && !g_variant_is_signature (s))
        return fail (ctx, type, "not a signature");
      return c == 's'   ? g_variant_new_string (s)
             : c == 'o' ? g_variant_new_object_path (s)
                        : g_variant_new_signature (s);
    }
  if (c == 'b')
    return g_variant_new_boolean (gs_value_to_boolean (v));
  double d;
  if (!gs_value_is_number (v) && !gs_value_is_boolean (v))
    return fail (ctx, type, "expected a number");
  if (!gs_value_to_number (ctx, v, &d))
    return NULL;
  switch (c)
    {
    case 'y':
      return g_variant_new_byte ((guchar) d);
    case 'n':
      return g_variant_new_int16 ((gint16) d);
    case 'q':
      return g_variant_new_uint16 ((guint16) d);
    case 'i':
      return g_variant_new_int32 ((gint32) d);
    case 'u':
      return g_variant_new_uint32 ((guint32) (gint64) d);
    case 'x':
      return g_variant_new_int64 ((gint64) d);
    case 't':
      return g_variant_new_uint64 ((guint64) d);
    case 'h':
      return g_variant_new_handle ((gint32) d);
    case 'd':
      return g_variant_new_double (d);
    default:
      return fail (ctx, type, "unsupported basic type");
    }
}

static GVariant *
array_from_js (GsContext *ctx, const GVariantType *type, GsValue *v)
{
  const GVariantType *elem = g_variant_type_element (type);
  GVariantBuilder b;
  if (g_variant_type_is_dict_entry (elem))
    {
      /* A dictionary from an object's own enumerable properties. */
      if (!gs_value_is_object (v))
        return fail (ctx, type, "expected an object");
      const GVariantType *kt = g_variant_type_key (elem);
      const GVariantType *vt = g_variant_type_value (elem);
      g_auto (GStrv) keys = gs_object_dup_keys (ctx, v);
      if (!keys)
        return NULL;
      g_variant_builder_init (&b, type);
      for (guint i = 0; keys[i]; i++)
        {
          GsValue *kv = gs_value_new_string (ctx, keys[i], -1);
          if (!g_variant_type_equal (kt, G_VARIANT_TYPE_STRING)
              && !g_variant_type_equal (kt, G_VARIANT_TYPE_OBJECT_PATH)
              && !g_variant_type_equal (kt, G_VARIANT_TYPE_SIGNATURE))
            {
              /* Numeric keys come as strings from an object. */
              double d = g_ascii_strtod (keys[i], NULL);
              kv = gs_value_new_number (ctx, d);
            }
          GsValue *item = gs_object_get_property (ctx, v, keys[i]);
          GVariant *k = item ? from_js (ctx, kt, kv) : NULL;
          GVariant *val = k ? from_js (ctx, vt, item) : NULL;
          if (!val)
            {
              if (k)
                g_variant_unref (g_variant_ref_sink (k));
              g_variant_builder_clear (&b);
              return NULL;
            }
          g_variant_builder_add_value (&b, g_variant_new_dict_entry (k, val));
        }
      return g_variant_builder_end (&b);
    }
  if (g_variant_type_equal (elem, G_VARIANT_TYPE_BYTE))
    {
      gsize n;
      const guint8 *bytes = gs_value_peek_bytes (v, &n);
      if (n != G_MAXSIZE)
        return g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, bytes, n, 1);
      if (gs_value_is_string (v))
        {
          g_autofree char *s = gs_value_dup_string (v);
          return g_variant_new_bytestring (s);
        }
    }
  if (!gs_value_is_array (v))
    return fail (ctx, type, "expected an array");
  guint n = js_length (ctx, v);
  g_variant_builder_init (&b, type);
  for (guint i = 0; i < n; i++)
    {
      GsValue *item = gs_object_get_index (ctx, v, i);
      GVariant *e = item ? from_js (ctx, elem, item) : NULL;
      if (!e)
        {
          g_variant_builder_clear (&b);
          return NULL;
        }
      g_variant_builder_add_value (&b, e);
    }
  return g_variant_builder_end (&b);
}

static GVariant *
tuple_from_js (GsContext *ctx, const GVariantType *type, GsValue *v)
{
  gsize n = g_variant_type_n_items (type);
  if (!gs_value_is_array (v) || js_length (ctx, v) != n)
    return fail (ctx, type, "expected an array of the tuple's length");
  GVariant **items = g_newa (GVariant *, n + 1);
  const GVariantType *t = g_variant_type_first (type);
  for (gsize i = 0; i < n; i++, t = g_variant_type_next (t))
    {
      GsValue *item = gs_object_get_index (ctx, v, (guint32) i);
      items[i] = item ? from_js (ctx, t, item) : NULL;
      if (!items[i])
        {
          for (gsize j = 0; j < i; j++)
            g_variant_unref (g_variant_ref_sink (items[j]));
          return NULL;
        }
    }
  return g_variant_new_tuple (items, n);
}

static GVariant *
from_js (GsContext *ctx, const GVariantType *type, GsValue *v)
{
  if (g_variant_type_is_basic (type))
    return basic_from_js (ctx, type, v);
  if (g_variant_type_is_variant (type))
    {
      /* A value of type 'v' must be a GLib.Variant already. */
      GiBoxed *b = gs_object_get_native (v, gi.boxed_class);
      if (!b || b->klass->gtype != G_TYPE_VARIANT)
        return fail (ctx, type, "expected a GLib.Variant");
      return g_variant_new_variant (b->mem);
    }
  if (g_variant_type_is_maybe (type))
    {
      if (gs_value_is_null (v) || gs_value_is_undefined (v))
        return g_variant_new_maybe (g_variant_type_element (type), NULL);
      GVariant *inner = from_js (ctx, g_variant_type_element (type), v);
      return inner ? g_variant_new_maybe (NULL, inner) : NULL;
    }
  if (g_variant_type_is_array (type))
    return array_from_js (ctx, type, v);
  if (g_variant_type_is_tuple (type))
    return tuple_from_js (ctx, type, v);
  return fail (ctx, type, "unsupported type");
}

/* ------------------------------------------------------------------ */
/* GVariant → JS                                                       */
/* ------------------------------------------------------------------ */

static GsValue *to_js (GsContext *ctx, GVariant *v, UnpackDepth depth);

static GsValue *
child_to_js (GsContext *ctx, GVariant *child, UnpackDepth depth)
{
  GsValue *r = depth == UNPACK_ONE ? gi_variant_wrap (ctx, child)
                                   : to_js (ctx, child, depth);
  g_variant_unref (child);
  return r;
}

/* The n children of an array or tuple, as a JS array. */
static GsValue *
children_to_js (GsContext *ctx, GVariant *v, gsize n, UnpackDepth depth)
{
  GsValue *a = gs_value_new_array (ctx, (guint) n);
  for (gsize i = 0; a && i < n; i++)
    {
      GsValue *item = child_to_js (ctx, g_variant_get_child_value (v, i),
                                   depth);
      if (!item || !gs_object_set_index (ctx, a, (guint32) i, item))
        return NULL;
    }
  return a;
}

static GsValue *
to_js (GsContext *ctx, GVariant *v, UnpackDepth depth)
{
  const GVariantType *type = g_variant_get_type (v);
  switch (g_variant_classify (v))
    {
    case G_VARIANT_CLASS_BOOLEAN:
      return gs_value_new_boolean (ctx, g_variant_get_boolean (v));
    case G_VARIANT_CLASS_BYTE:
      return gs_value_new_number (ctx, g_variant_get_byte (v));
    case G_VARIANT_CLASS_INT16:
      return gs_value_new_number (ctx, g_variant_get_int16 (v));
    case G_VARIANT_CLASS_UINT16:
      return gs_value_new_number (ctx, g_variant_get_uint16 (v));
    case G_VARIANT_CLASS_INT32:
      return gs_value_new_number (ctx, g_variant_get_int32 (v));
    case G_VARIANT_CLASS_UINT32:
      return gs_value_new_number (ctx, g_variant_get_uint32 (v));
    case G_VARIANT_CLASS_INT64:
      return gs_value_new_number (ctx, (double) g_variant_get_int64 (v));
    case G_VARIANT_CLASS_UINT64:
      return gs_value_new_number (ctx, (double) g_variant_get_uint64 (v));
    case G_VARIANT_CLASS_HANDLE:
      return gs_value_new_number (ctx, g_variant_get_handle (v));
    case G_VARIANT_CLASS_DOUBLE:
      return gs_value_new_number (ctx, g_variant_get_double (v));
    case G_VARIANT_CLASS_STRING:
    case G_VARIANT_CLASS_OBJECT_PATH:
    case G_VARIANT_CLASS_SIGNATURE:
      return gs_value_new_string (ctx, g_variant_get_string (v, NULL), -1);
    case G_VARIANT_CLASS_VARIANT:
      {
        GVariant *inner = g_variant_get_variant (v);
        GsValue *r = depth == UNPACK_RECURSIVE ? to_js (ctx, inner, depth)
                                               : gi_variant_wrap (ctx, inner);
        g_variant_unref (inner);
        return r;
      }
    case G_VARIANT_CLASS_MAYBE:
      {
        GVariant *inner = g_variant_get_maybe (v);
        if (!inner)
          return gs_value_new_null (ctx);
        return child_to_js (ctx, inner, depth);
      }
    case G_VARIANT_CLASS_ARRAY:
      {
        const GVariantType *elem = g_variant_type_element (type);
        gsize n = g_variant_n_children (v);
        if (g_variant_type_equal (elem, G_VARIANT_TYPE_BYTE))
          {
            gsize len;
            const guint8 *data = g_variant_get_fixed_array (v, &len, 1);
            return gs_value_new_uint8_array (ctx, data, len);
          }
        if (g_variant_type_is_dict_entry (elem))
          {
            GsValue *o = gs_value_new_object (ctx);
            for (gsize i = 0; o && i < n; i++)
              {
                GVariant *entry = g_variant_get_child_value (v, i);
                GVariant *k = g_variant_get_child_value (entry, 0);
                GVariant *val = g_variant_get_child_value (entry, 1);
                g_variant_unref (entry);
                g_autofree char *key
                    = g_variant_is_of_type (k, G_VARIANT_TYPE_STRING)
                              || g_variant_is_of_type (
                                  k, G_VARIANT_TYPE_OBJECT_PATH)
                              || g_variant_is_of_type (
                                  k, G_VARIANT_TYPE_SIGNATURE)
                          ? g_strdup (g_variant_get_string (k, NULL))
                          : g_variant_print (k, FALSE);
                g_variant_unref (k);
                GsValue *jv = child_to_js (ctx, val, depth);
                if (!jv || !gs_object_set_property (ctx, o, key, jv))
                  return NULL;
              }
            return o;
          }
        return children_to_js (ctx, v, n, depth);
      }
    case G_VARIANT_CLASS_TUPLE:
    case G_VARIANT_CLASS_DICT_ENTRY:
      return children_to_js (ctx, v, g_variant_n_children (v), depth);
    default:
      return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                     "Cannot unpack this GLib.Variant");
    }
}

/* ------------------------------------------------------------------ */
/* GLib.Variant                                                        */
/* ------------------------------------------------------------------ */

GsValue *
gi_variant_wrap (GsContext *ctx, GVariant *v)
{
  GiClassRec *k = gi_class_for_gtype (ctx, G_TYPE_VARIANT);
  if (!k)
    return NULL;
  return gi_boxed_wrap (ctx, k, v, TRUE, TRUE);
}

static GVariant *
this_variant (GsContext *ctx, const GsCallbackInfo *info)
{
  GiBoxed *b = gs_object_get_native (gs_callback_info_get_this (info),
                                     gi.boxed_class);
  if (!b || b->klass->gtype != G_TYPE_VARIANT || !b->mem)
    {
      gs_context_throw_error (ctx, GS_ERROR_TYPE,
                              "The object is not a GLib.Variant");
      return NULL;
    }
  return b->mem;
}

static GsValue *
variant_unpack (GsContext *ctx, const GsCallbackInfo *info)
{
  GVariant *v = this_variant (ctx, info);
  UnpackDepth depth = (UnpackDepth) GPOINTER_TO_INT (gi_data_get (info));
  return v ? to_js (ctx, v, depth) : NULL;
}

static GsValue *
variant_to_string (GsContext *ctx, const GsCallbackInfo *info)
{
  GVariant *v = this_variant (ctx, info);
  if (!v)
    return NULL;
  g_autofree char *s = g_variant_print (v, TRUE);
  g_autofree char *r = g_strdup_printf ("[object variant of type \"%s\"]",
                                        g_variant_get_type_string (v));
  (void) s;
  return gs_value_new_string (ctx, r, -1);
}

static GsValue *
variant_ctor (GsContext *ctx, const GsCallbackInfo *info)
{
  GsValue *sig = gs_callback_info_get_arg (info, 0);
  if (!gs_value_is_string (sig))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "new GLib.Variant takes a type string and "
                                   "a value");
  g_autofree char *s = gs_value_dup_string (sig);
  if (!g_variant_type_string_is_valid (s))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "'%s' is not a valid GVariant type", s);
  GVariantType *type = g_variant_type_new (s);
  GVariant *v = from_js (ctx, type, gs_callback_info_get_arg (info, 1));
  g_variant_type_free (type);
  if (!v)
    return NULL;
  g_variant_ref_sink (v);
  GsValue *w = gi_variant_wrap (ctx, v);
  g_variant_unref (v);
  return w;
}

gboolean
gi_variant_fill (GsContext *ctx, GiClassRec *k, GsValue *ctor, GsValue *proto)
{
  static const struct
  {
    const char *name;
    UnpackDepth depth;
  } unpackers[] = {
    { "unpack", UNPACK_ONE },
    { "deepUnpack", UNPACK_DEEP },
    { "deep_unpack", UNPACK_DEEP },
    { "recursiveUnpack", UNPACK_RECURSIVE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (unpackers); i++)
    {
      GsValue *data = gi_data_new (ctx, GINT_TO_POINTER (unpackers[i].depth));
      if (!data || !gi_define_method (ctx, proto, unpackers[i].name, 0,
                                      variant_unpack, data))
        return FALSE;
    }
  return gi_define_method (ctx, proto, "toString", 0, variant_to_string, NULL);
}

GsValue *
gi_variant_make_constructor (GsContext *ctx, GiClassRec *k, GsValue *proto)
{
  GsValue *ctor = gs_constructor_new (ctx, "Variant", 2, variant_ctor, NULL,
                                      proto);
  /* GLib.Variant.new (type, value), as GJS has it besides `new`. */
  if (!ctor || !gi_define_method (ctx, ctor, "new", 2, variant_ctor, NULL))
    return NULL;
  return ctor;
}
