/* text.c — TextEncoder and TextDecoder, as GJS and browsers have them.
 *
 * TextEncoder always writes UTF-8 (lone surrogates become U+FFFD).
 * TextDecoder reads UTF-8 (the default), UTF-16 (little or big endian)
 * and the single-byte encodings GLib's iconv knows (latin1, ascii,
 * windows-1252...).  Invalid input becomes U+FFFD, or a TypeError with
 * fatal: true; a byte order mark is dropped unless ignoreBOM is set.
 * Streaming (decode (bytes, {stream: true})) is not supported: each call
 * decodes a whole input.
 */
#include "config.h"

#include "host.h"

#include <string.h>

static GsClass *decoder_class;

typedef struct
{
  char *encoding; /* the canonical name: "utf-8", "utf-16le"... */
  char *iconv;    /* what g_convert calls it, or NULL for UTF-8 */
  gboolean fatal;
  gboolean ignore_bom;
} Decoder;

static void
decoder_free (gpointer native)
{
  Decoder *d = native;
  g_free (d->encoding);
  g_free (d->iconv);
  g_free (d);
}

static const GsClassInfo decoder_info = {
  .name = "TextDecoder",
  .finalize = decoder_free,
};

/* The canonical name and iconv name of a WHATWG label, or FALSE. */
static gboolean
lookup_encoding (const char *label, const char **name, const char **iconv)
{
  static const struct
  {
    const char *label, *name, *iconv;
  } table[] = {
    { "utf-8", "utf-8", NULL },
    { "utf8", "utf-8", NULL },
    { "unicode-1-1-utf-8", "utf-8", NULL },
    { "utf-16le", "utf-16le", "UTF-16LE" },
    { "utf-16", "utf-16le", "UTF-16LE" },
    { "utf-16be", "utf-16be", "UTF-16BE" },
    { "iso-8859-1", "windows-1252", "WINDOWS-1252" },
    { "latin1", "windows-1252", "WINDOWS-1252" },
    { "ascii", "windows-1252", "WINDOWS-1252" },
    { "us-ascii", "windows-1252", "WINDOWS-1252" },
    { "windows-1252", "windows-1252", "WINDOWS-1252" },
    { "iso-8859-15", "iso-8859-15", "ISO-8859-15" },
    { "iso-8859-2", "iso-8859-2", "ISO-8859-2" },
  };
  g_autofree char *copy = g_strdup (label);
  g_autofree char *l = g_ascii_strdown (g_strstrip (copy), -1);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (strcmp (l, table[i].label) == 0)
      {
        *name = table[i].name;
        *iconv = table[i].iconv;
        return TRUE;
      }
  return FALSE;
}

static gboolean
option_true (GsContext *ctx, GsValue *options, const char *name)
{
  if (!gs_value_is_object (options))
    return FALSE;
  GsValue *v = gs_object_get_property (ctx, options, name);
  return v && gs_value_to_boolean (v);
}

static GsValue *
decoder_ctor (GsContext *ctx, const GsCallbackInfo *info)
{
  GsValue *nt = gs_callback_info_get_new_target (info);
  if (gs_value_is_undefined (nt))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "TextDecoder must be called with new");
  GsValue *label_v = gs_callback_info_get_arg (info, 0);
  g_autofree char *label = gs_value_is_undefined (label_v)
                               ? g_strdup ("utf-8")
                               : gs_value_to_string (ctx, label_v);
  if (!label)
    return NULL;
  const char *name, *iconv;
  if (!lookup_encoding (label, &name, &iconv))
    return gs_context_throw_error (ctx, GS_ERROR_RANGE,
                                   "The encoding '%s' is not supported",
                                   label);
  GsValue *options = gs_callback_info_get_arg (info, 1);
  Decoder *d = g_new0 (Decoder, 1);
  d->encoding = g_strdup (name);
  d->iconv = g_strdup (iconv);
  d->fatal = option_true (ctx, options, "fatal");
  d->ignore_bom = option_true (ctx, options, "ignoreBOM");
  GsValue *proto = gs_object_get_property (ctx, nt, "prototype");
  GsValue *o = gs_object_new_native (ctx, decoder_class,
                                     proto && gs_value_is_object (proto)
                                         ? proto
                                         : NULL,
                                     d);
  if (!o)
    {
      decoder_free (d);
      return NULL;
    }
  gs_object_define_property (ctx, o, "encoding",
                             gs_value_new_string (ctx, name, -1),
                             GS_PROPERTY_READONLY);
  gs_object_define_property (ctx, o, "fatal",
                             gs_value_new_boolean (ctx, d->fatal),
                             GS_PROPERTY_READONLY);
  gs_object_define_property (ctx, o, "ignoreBOM",
                             gs_value_new_boolean (ctx, d->ignore_bom),
                             GS_PROPERTY_READONLY);
  return o;
}

static GsValue *
decoder_decode (GsContext *ctx, const GsCallbackInfo *info)
{
  Decoder *d = gs_object_get_native (gs_callback_info_get_this (info),
                                     decoder_class);
  if (!d)
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "decode called on an object that is not "
                                   "a TextDecoder");
  GsValue *input = gs_callback_info_get_arg (info, 0);
  gsize n = 0;
  const guint8 *bytes = NULL;
  if (!gs_value_is_undefined (input))
    {
      bytes = gs_value_peek_bytes (input, &n);
      if (n == G_MAXSIZE)
        return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                       "decode takes an ArrayBuffer or a "
                                       "view of one");
    }
  g_autofree char *utf8 = NULL;
  gsize len = 0;
  if (!d->iconv)
    {
      /* Segment by segment between NUL bytes, which GLib's validation
         counts as invalid but a JS string holds. */
      GString *out = g_string_sized_new (n);
      gsize i = 0;
      while (i <= n)
        {
          const guint8 *nul = i < n ? memchr (bytes + i, '\0', n - i) : NULL;
          gsize seg = nul ? (gsize) (nul - (bytes + i)) : n - i;
          const char *p = (const char *) bytes + i;
          if (!g_utf8_validate_len (p, seg, NULL))
            {
              if (d->fatal)
                {
                  g_string_free (out, TRUE);
                  return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                                 "The data is not valid "
                                                 "utf-8");
                }
              g_autofree char *fixed = g_utf8_make_valid (p, (gssize) seg);
              g_string_append (out, fixed);
            }
          else
            g_string_append_len (out, p, (gssize) seg);
          if (!nul)
            break;
          g_string_append_c (out, '\0');
          i += seg + 1;
        }
      len = out->len;
      utf8 = g_string_free (out, FALSE);
    }
  else
    {
      GError *err = NULL;
      gsize written = 0;
      utf8 = d->fatal ? g_convert ((const char *) bytes, (gssize) n, "UTF-8",
                                   d->iconv, NULL, &written, &err)
                      : g_convert_with_fallback ((const char *) bytes,
                                                 (gssize) n, "UTF-8",
                                                 d->iconv, "\xef\xbf\xbd",
                                                 NULL, &written, &err);
      if (!utf8)
        {
          GsValue *e = gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                               "The data is not valid %s: %s",
                                               d->encoding, err->message);
          g_error_free (err);
          return e;
        }
      len = written;
    }
  const char *start = utf8;
  if (!d->ignore_bom && len >= 3 && memcmp (start, "\xef\xbb\xbf", 3) == 0)
    {
      start += 3;
      len -= 3;
    }
  return gs_value_new_string (ctx, start, (gssize) len);
}

static GsValue *
encoder_ctor (GsContext *ctx, const GsCallbackInfo *info)
{
  GsValue *nt = gs_callback_info_get_new_target (info);
  if (gs_value_is_undefined (nt))
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "TextEncoder must be called with new");
  GsValue *proto = gs_object_get_property (ctx, nt, "prototype");
  GsValue *o = gs_value_new_object_with_prototype (
      ctx, proto && gs_value_is_object (proto) ? proto : NULL);
  if (o)
    gs_object_define_property (ctx, o, "encoding",
                               gs_value_new_string (ctx, "utf-8", -1),
                               GS_PROPERTY_READONLY);
  return o;
}

static GsValue *
encoder_encode (GsContext *ctx, const GsCallbackInfo *info)
{
  GsValue *input = gs_callback_info_get_arg (info, 0);
  g_autofree char *s = gs_value_is_undefined (input)
                           ? g_strdup ("")
                           : gs_value_to_string (ctx, input);
  if (!s)
    return NULL;
  return gs_value_new_uint8_array (ctx, (const guint8 *) s, strlen (s));
}

static GsValue *
encoder_encode_into (GsContext *ctx, const GsCallbackInfo *info)
{
  g_autofree char *s = gs_value_to_string (ctx,
                                           gs_callback_info_get_arg (info, 0));
  if (!s)
    return NULL;
  gsize room;
  guint8 *dest = (guint8 *) gs_value_peek_bytes (
      gs_callback_info_get_arg (info, 1), &room);
  if (room == G_MAXSIZE)
    return gs_context_throw_error (ctx, GS_ERROR_TYPE,
                                   "encodeInto writes into a Uint8Array");
  /* Whole characters only; read counts UTF-16 code units. */
  gsize written = 0, read = 0;
  for (const char *p = s; *p;)
    {
      const char *next = g_utf8_next_char (p);
      gsize n = (gsize) (next - p);
      if (written + n > room)
        break;
      memcpy (dest + written, p, n);
      written += n;
      read += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
      p = next;
    }
  GsValue *r = gs_value_new_object (ctx);
  gs_object_set_property (ctx, r, "read", gs_value_new_number (ctx, read));
  gs_object_set_property (ctx, r, "written",
                          gs_value_new_number (ctx, written));
  return r;
}

static void
define_method (GsContext *ctx, GsValue *proto, const char *name, guint n,
               GsNativeFunc fn)
{
  GsValue *f = gs_function_new (ctx, name, n, fn, NULL);
  if (f)
    gs_object_define_property (ctx, proto, name, f, GS_PROPERTY_DONTENUM);
}

void
host_text_install (GsContext *ctx)
{
  decoder_class = gs_class_new (gs_context_get_runtime (ctx), &decoder_info);
  GsValue *global = gs_context_get_global (ctx);
  GsValue *dproto = gs_value_new_object (ctx);
  if (!dproto)
    return;
  define_method (ctx, dproto, "decode", 1, decoder_decode);
  GsValue *dctor = gs_constructor_new (ctx, "TextDecoder", 0, decoder_ctor,
                                       NULL, dproto);
  GsValue *eproto = gs_value_new_object (ctx);
  if (!dctor || !eproto)
    return;
  define_method (ctx, eproto, "encode", 1, encoder_encode);
  define_method (ctx, eproto, "encodeInto", 2, encoder_encode_into);
  GsValue *ector = gs_constructor_new (ctx, "TextEncoder", 0, encoder_ctor,
                                       NULL, eproto);
  if (!ector)
    return;
  gs_object_define_property (ctx, global, "TextDecoder", dctor,
                             GS_PROPERTY_DONTENUM);
  gs_object_define_property (ctx, global, "TextEncoder", ector,
                             GS_PROPERTY_DONTENUM);
}
