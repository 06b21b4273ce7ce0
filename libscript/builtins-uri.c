/* builtins-uri.c — encodeURI, encodeURIComponent, decodeURI and
 * decodeURIComponent (ECMA-262 19.2.6).
 *
 * Encoding turns every character outside a set of unescaped ones into
 * %XX escapes of its UTF-8 bytes; decoding turns escapes back, except
 * those of characters in a reserved set, which decodeURI keeps escaped
 * so that a URI's structure survives.  A lone surrogate cannot be
 * encoded, and escapes that are not complete, well-formed UTF-8 cannot
 * be decoded: both are URIErrors.
 */
#include "config.h"

#include "builtins.h"

/* Characters as bits of two 64-bit masks, one per half of ASCII. */
typedef struct
{
  uint64_t lo; /* U+0000 .. U+003F */
  uint64_t hi; /* U+0040 .. U+007F */
} AsciiSet;

static bool
in_set (const AsciiSet *set, uint32_t c)
{
  if (c >= 128)
    return false;
  return c < 64 ? (set->lo >> c) & 1 : (set->hi >> (c - 64)) & 1;
}

static void
set_add (AsciiSet *set, const char *chars)
{
  for (const char *p = chars; *p; p++)
    {
      uint32_t c = (uint8_t) *p;
      if (c < 64)
        set->lo |= UINT64_C (1) << c;
      else
        set->hi |= UINT64_C (1) << (c - 64);
    }
}

/* The sets the spec names: uriAlpha, DecimalDigit and uriMark are never
 * escaped; uriReserved and "#" also not by encodeURI, and decodeURI keeps
 * their escapes. */
#define URI_UNRESERVED                                                     \
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"         \
  "-_.!~*'()"
#define URI_RESERVED ";/?:@&=+$,#"

enum
{
  URI_ENCODE,
  URI_ENCODE_COMPONENT,
  URI_DECODE,
  URI_DECODE_COMPONENT,
};

static JsValue
uri_error (JsContext *ctx, const char *what)
{
  return js_throw_error (ctx, JS_ERR_URI, "URI malformed: %s", what);
}

static JsValue
encode (JsContext *ctx, JsString *s, const AsciiSet *unescaped)
{
  static const char hex[] = "0123456789ABCDEF";
  JsStringBuilder b;
  string_builder_init (&b);
  string_builder_reserve (&b, s->length);
  for (uint32_t k = 0; k < s->length && !b.failed; k++)
    {
      uint32_t c = string_flat_char_at (s, k);
      if (in_set (unescaped, c))
        {
          string_builder_append_unit (&b, (uint16_t) c);
          continue;
        }
      if (c >= 0xDC00 && c <= 0xDFFF)
        {
          string_builder_free (&b);
          return uri_error (ctx, "lone trail surrogate");
        }
      if (c >= 0xD800 && c <= 0xDBFF)
        {
          uint32_t d = k + 1 < s->length ? string_flat_char_at (s, k + 1)
                                         : 0;
          if (d < 0xDC00 || d > 0xDFFF)
            {
              string_builder_free (&b);
              return uri_error (ctx, "lone lead surrogate");
            }
          c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
          k++;
        }
      uint8_t octets[4];
      int n;
      if (c < 0x80)
        octets[0] = (uint8_t) c, n = 1;
      else if (c < 0x800)
        {
          octets[0] = (uint8_t) (0xC0 | (c >> 6));
          octets[1] = (uint8_t) (0x80 | (c & 0x3F));
          n = 2;
        }
      else if (c < 0x10000)
        {
          octets[0] = (uint8_t) (0xE0 | (c >> 12));
          octets[1] = (uint8_t) (0x80 | ((c >> 6) & 0x3F));
          octets[2] = (uint8_t) (0x80 | (c & 0x3F));
          n = 3;
        }
      else
        {
          octets[0] = (uint8_t) (0xF0 | (c >> 18));
          octets[1] = (uint8_t) (0x80 | ((c >> 12) & 0x3F));
          octets[2] = (uint8_t) (0x80 | ((c >> 6) & 0x3F));
          octets[3] = (uint8_t) (0x80 | (c & 0x3F));
          n = 4;
        }
      for (int i = 0; i < n; i++)
        {
          uint8_t esc[3] = { '%', (uint8_t) hex[octets[i] >> 4],
                             (uint8_t) hex[octets[i] & 15] };
          string_builder_append_latin1 (&b, esc, 3);
        }
    }
  JsString *r = string_builder_finish (ctx->rt, &b);
  return r ? js_string_value (r)
           : js_throw_range_error (ctx, "Invalid string length");
}

static int
hex_value (uint32_t c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  c |= 0x20;
  if (c >= 'a' && c <= 'f')
    return (int) (c - 'a' + 10);
  return -1;
}

/* The byte of the escape "%XX" at unit k, or -1 if there is none. */
static int
escape_at (const JsString *s, uint32_t k)
{
  if (k + 2 >= s->length || string_flat_char_at (s, k) != '%')
    return -1;
  int h = hex_value (string_flat_char_at (s, k + 1));
  int l = hex_value (string_flat_char_at (s, k + 2));
  return h < 0 || l < 0 ? -1 : h * 16 + l;
}

static JsValue
decode (JsContext *ctx, JsString *s, const AsciiSet *reserved)
{
  JsStringBuilder b;
  string_builder_init (&b);
  string_builder_reserve (&b, s->length);
  for (uint32_t k = 0; k < s->length && !b.failed; k++)
    {
      uint32_t c = string_flat_char_at (s, k);
      if (c != '%')
        {
          string_builder_append_unit (&b, (uint16_t) c);
          continue;
        }
      uint32_t start = k;
      int first = escape_at (s, k);
      if (first < 0)
        goto malformed;
      k += 2;
      if (first < 0x80)
        {
          /* A reserved character keeps its escape, as it was written. */
          if (in_set (reserved, (uint32_t) first))
            string_builder_append_string (ctx->rt, &b, s, start, k + 1);
          else
            string_builder_append_unit (&b, (uint16_t) first);
          continue;
        }
      /* The count of leading one bits is the sequence's length. */
      int n = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
      if (n == 1 || first >= 0xF8)
        goto malformed;
      uint32_t cp = (uint32_t) first & (0x7Fu >> n);
      for (int j = 1; j < n; j++)
        {
          int byte = escape_at (s, k + 1);
          if (byte < 0 || (byte & 0xC0) != 0x80)
            goto malformed;
          cp = (cp << 6) | ((uint32_t) byte & 0x3F);
          k += 3;
        }
      /* Overlong forms, surrogates and values past U+10FFFF are not
         UTF-8. */
      static const uint32_t least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
      if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        goto malformed;
      string_builder_append_code_point (&b, cp);
    }
  {
    JsString *r = string_builder_finish (ctx->rt, &b);
    return r ? js_string_value (r)
             : js_throw_range_error (ctx, "Invalid string length");
  }
malformed:
  string_builder_free (&b);
  return uri_error (ctx, "not a valid escape sequence");
}

static JsValue
uri_function (const JsCallInfo *info)
{
  JsContext *ctx = info->ctx;
  JsRuntime *rt = ctx->rt;
  JsValue s = js_to_string (ctx, js_arg (info, 0));
  if (js_is_exception (s))
    return s;
  JsValue *saved = rt_save_roots (rt);
  rt_push_root (rt, s);
  JsString *str = js_get_string (s);
  JsValue r;
  AsciiSet set = { 0, 0 };
  if (!string_flatten (rt, str))
    r = js_throw_out_of_memory (ctx);
  else
    switch (info->magic)
      {
      case URI_ENCODE:
        set_add (&set, URI_RESERVED);
        /* Fall through. */
      case URI_ENCODE_COMPONENT:
        set_add (&set, URI_UNRESERVED);
        r = encode (ctx, str, &set);
        break;
      case URI_DECODE:
        set_add (&set, URI_RESERVED);
        /* Fall through. */
      default:
        r = decode (ctx, str, &set);
        break;
      }
  rt_restore_roots (rt, saved);
  return r;
}

bool
builtins_init_uri (JsContext *ctx)
{
  static const struct
  {
    const char *name;
    int magic;
  } fns[] = {
    { "decodeURI", URI_DECODE },
    { "decodeURIComponent", URI_DECODE_COMPONENT },
    { "encodeURI", URI_ENCODE },
    { "encodeURIComponent", URI_ENCODE_COMPONENT },
  };
  for (size_t i = 0; i < G_N_ELEMENTS (fns); i++)
    {
      JsValue f = function_new_builtin (ctx, fns[i].name, uri_function, 1,
                                        fns[i].magic, 0);
      if (js_is_exception (f) || !realm_define_global (ctx, fns[i].name, f))
        return false;
    }
  return true;
}
